//go:build realui

// Command realui runs the load tool against the real reader (ui.New) over a
// synthetic corpus that every session shares, as `baocao serve` does.
//
//	go run -tags realui ./cmd/baocao/internal/server/loadtest/realui -corpus 2000 -n 200
//
// The build tag keeps the server's packages from depending on the reader
// and the loaders while those are being written.
//
// -corpus N sets the number of synthetic articles; every other flag is the
// load tool's (see loadtest.Main, or run with -h).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/baocao/baocao/cmd/baocao/internal/server"
	"github.com/baocao/baocao/cmd/baocao/internal/server/loadtest"
	"github.com/baocao/baocao/data/synth"
	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui"
)

type app struct{ corpus *model.Corpus }

func (a app) NewModel(s server.Session) tea.Model {
	return ui.New(ui.Options{Corpus: a.corpus, Width: s.Width, Height: s.Height, Lang: s.Lang, Environ: s.Environ})
}

// Export writes the corpus as JSON lines (args are ignored).
func (a app) Export(ctx context.Context, w io.Writer, _ []string) error {
	enc := json.NewEncoder(w)
	for i := range a.corpus.Len() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := enc.Encode(a.corpus.At(int32(i))); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	n, args := 2000, os.Args[1:]
	if len(args) >= 2 && args[0] == "-corpus" {
		v, err := strconv.Atoi(args[1])
		if err != nil || v < 1 {
			fmt.Fprintln(os.Stderr, "realui: -corpus wants a positive number")
			os.Exit(2)
		}
		n, args = v, args[2:]
	}
	var a app
	if !loadtest.IsClientProcess() { // the client side needs no corpus
		start := time.Now()
		a.corpus = model.New(synth.Corpus(1, n))
		fmt.Fprintf(os.Stderr, "corpus: %d articles in %v\n", n, time.Since(start).Round(time.Millisecond))
	}
	os.Exit(loadtest.Main(a, args))
}
