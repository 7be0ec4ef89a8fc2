package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"os/signal"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"

	"github.com/baocao/baocao/cmd/baocao/internal/export"
	"github.com/baocao/baocao/cmd/baocao/internal/server"
	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui"
)

// runServe loads the corpus once and serves the reader over SSH to every
// session, sharing the corpus read-only.
func runServe(e env, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	cfg := server.RegisterFlags(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: baocao serve [--listen ADDR] [--host-key PATH] [--authorized-keys PATH | --open] [PATH ...]

Serves the reader over SSH: a plain ssh client with a terminal gets the
reader; "ssh HOST export --format csv" (no terminal) prints the export of the
served corpus. The corpus (the sample when no PATH) is loaded once and shared
by every session. Keys come from an authorized_keys file, re-read when it
changes; --open lets anyone in, anonymous and read-only. One of the two is
required. Nothing else is offered: no shell, no forwarding, no subsystems.

Examples:
  baocao serve --authorized-keys ~/.ssh/authorized_keys reports/
  baocao serve --listen 0.0.0.0:2323 --open reports/
  ssh -p 2323 localhost
  ssh -p 2323 localhost export --format csv > metrics.csv

Flags:
`)
		fs.PrintDefaults()
	}
	paths, err := parseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	logger := log.NewWithOptions(e.stderr, log.Options{ReportTimestamp: true, Prefix: "baocao"})
	if err := cfg.Validate(); err != nil {
		logger.Error("cannot serve", "err", err)
		return exitUsage
	}
	res, err := data.Load(e.ctx, paths, data.Options{Stdin: e.stdin})
	if err != nil {
		logger.Error("loading", "err", err)
		return exitInput
	}
	for _, le := range res.Errors {
		logger.Warn("not read", "err", le)
	}
	corpus := model.New(res.Articles)
	logger.Info("corpus loaded", "articles", corpus.Len(), "files", res.Files, "bytes", res.Bytes, "unreadable", len(res.Errors))

	srv, err := server.New(*cfg, readerApp{corpus: corpus}, logger)
	if err != nil {
		logger.Error("cannot serve", "err", err)
		return exitInput
	}
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx); err != nil {
		logger.Error("serve", "err", err)
		return exitInput
	}
	return exitOK
}

// readerApp is what the server serves: the reader and the export, over one
// shared corpus.
type readerApp struct{ corpus *model.Corpus }

func (a readerApp) NewModel(s server.Session) tea.Model {
	return ui.New(ui.Options{Corpus: a.corpus, Width: s.Width, Height: s.Height, Lang: s.Lang, Environ: s.Environ})
}

// Export runs "export [--format F]" over the served corpus. Paths are not
// accepted: a client reads what the server serves, never the server's files.
func (a readerApp) Export(ctx context.Context, w io.Writer, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "jsonl", "")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("export: %v (usage: export [--format %s])", err, strings.Join(export.Formats, "|"))
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("export: the server exports the corpus it serves; paths are not accepted")
	}
	enc, err := export.NewEncoder(w, *format)
	if err != nil {
		return err
	}
	for i := range a.corpus.Len() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := enc.Encode(a.corpus.At(int32(i))); err != nil {
			return err
		}
	}
	return enc.Close()
}
