package main

import (
	"errors"
	"flag"
	"fmt"
	"sync"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui"
)

// runReader opens the terminal reader on paths (the sample corpus when
// none). The corpus loads in the background while the first frame shows a
// progress bar. Inputs that could not be read are named on standard error
// once the reader closes, and make the exit status 1, as for export.
func runReader(e env, args []string) int {
	fs := flag.NewFlagSet("baocao", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	lang := fs.String("lang", "", "labels and numbers in `vi` or `en` (default: from LC_ALL, LC_MESSAGES or LANG)")
	fs.Usage = func() { usage(fs.Output()) }
	paths, err := parseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if *lang != "" && *lang != "vi" && *lang != "en" {
		fmt.Fprintf(e.stderr, "baocao: --lang %q: want vi or en\n", *lang)
		return exitUsage
	}
	// The loader runs on its own goroutine and may still be running when a
	// reader quits early: its errors are handed over under a lock.
	var (
		mu       sync.Mutex
		loadErrs []error
	)
	err = ui.Run(ui.Options{
		Lang: *lang,
		Load: func(progress func(done, total int)) (*model.Corpus, error) {
			res, err := data.Load(e.ctx, paths, data.Options{
				Stdin:    e.stdin,
				Progress: func(done, total int, _ int64) { progress(done, total) },
			})
			if err != nil {
				return nil, err
			}
			mu.Lock()
			loadErrs = res.Errors
			mu.Unlock()
			return model.New(res.Articles), nil
		},
	})
	mu.Lock()
	defer mu.Unlock()
	for _, le := range loadErrs {
		fmt.Fprintln(e.stderr, "baocao:", le)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "baocao:", err)
		return exitInput
	}
	if len(loadErrs) > 0 {
		return exitInput
	}
	return exitOK
}
