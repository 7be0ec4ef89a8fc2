package ui_test

import (
	"context"
	"fmt"
	"os"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui"
)

// How cmd/baocao opens the reader on the paths given (the sample corpus
// with none): the corpus loads in the background while the first frame
// shows a progress bar.
func ExampleRun() {
	paths := os.Args[1:]
	err := ui.Run(ui.Options{
		Lang: "", // or the --lang flag's value; "" reads LC_ALL, LC_MESSAGES, LANG
		Load: func(progress func(done, total int)) (*model.Corpus, error) {
			res, err := data.Load(context.Background(), paths, data.Options{
				Progress: func(done, total int, _ int64) { progress(done, total) },
			})
			if err != nil {
				return nil, err
			}
			return model.New(res.Articles), nil
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "baocao:", err)
		os.Exit(1)
	}
}

// How the SSH server makes one reader per session over the shared corpus.
func ExampleNew() {
	corpus := model.New(data.Sample()) // loaded once at server start, shared
	type session struct {
		Width, Height int
		Lang          string
		Environ       []string
	}
	s := session{Width: 120, Height: 40, Lang: "vi_VN.UTF-8"}
	m := ui.New(ui.Options{Corpus: corpus, Width: s.Width, Height: s.Height, Lang: s.Lang, Environ: s.Environ})
	_ = m // tea.NewProgram(m, tea.WithInput(...), tea.WithOutput(...), ...)
}
