package server_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/baocao/baocao/cmd/baocao/internal/server"
)

// readerApp is what the CLI provides: the TUI and export over one corpus
// loaded before serving.
type readerApp struct{}

func (readerApp) NewModel(s server.Session) tea.Model { return nil /* ui.New(corpus, s...) */ }
func (readerApp) Export(ctx context.Context, w io.Writer, args []string) error {
	return nil /* the export command, writing to w */
}

// Example shows `baocao serve [--listen ADDR] [--host-key PATH]
// [--authorized-keys PATH | --open] [PATH...]`.
func Example() {
	serve := func(args []string) int {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		cfg := server.RegisterFlags(fs)
		if err := fs.Parse(args); err != nil {
			return 2
		}
		// ... load the corpus from fs.Args() once, here ...
		logger := log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true})
		srv, err := server.New(*cfg, readerApp{}, logger)
		if err != nil {
			logger.Error("cannot serve", "err", err) // e.g. neither --authorized-keys nor --open
			return 1
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		// Serve returns after SIGINT/SIGTERM, once sessions were told and
		// closed (within --shutdown-timeout).
		if err := srv.Serve(ctx); err != nil {
			logger.Error("serve", "err", err)
			return 1
		}
		return 0
	}
	fmt.Println(serve([]string{"--listen", "127.0.0.1:0"}))
	// Output: 1
}
