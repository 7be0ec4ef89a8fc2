package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/baocao/baocao/cmd/baocao/internal/export"
	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/model"
)

// rendered is one file's part of the output, made on a loader worker.
type rendered struct {
	batch *export.Batch
	err   error
}

func runExport(e env, args []string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "jsonl", "output `format`: "+strings.Join(export.Formats, ", "))
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for developers)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: baocao export [--format jsonl|json|csv] [PATH ...]

Prints one record per article, as ../shared/spec/EXPORT.md describes:
  jsonl  one JSON object per line (the default)
  json   one JSON array of those objects
  csv    one row per metric, with a header row: article_id, title, unit, key,
         kind, value, measure, plan_pct, year, evidence

PATH is a file, a folder (read recursively: .txt, .md and other text files as
one article each, .jsonl as one article per line; hidden entries and files
that are not text are skipped, and named on standard error) or - (one
article from standard input); with no PATH, the sample corpus built into
baocao. Any encoding of UTF-8 or UTF-16 is read; characters that could
control a terminal are removed, and the record's problems say so.

Exit status: 0 when every input was read, 1 when some could not be (the
records of the others are still printed, and each failure is named on
standard error), 2 for a wrong command line.

Examples:
  baocao export reports/ > reports.jsonl
  baocao export --format csv reports/ > metrics.csv
  baocao export - < report.txt

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
	if !export.Valid(*format) {
		fmt.Fprintf(e.stderr, "baocao export: unknown format %q (want one of %s)\n", *format, strings.Join(export.Formats, ", "))
		return exitUsage
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(e.stderr, "baocao export:", err)
			return exitUsage
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(e.stderr, "baocao export:", err)
			return exitUsage
		}
		defer pprof.StopCPUProfile()
	}
	if os.Getenv("GOGC") == "" {
		// Export streams: what it holds at once is a few files per core, a
		// few MB, so the collector's default (collect when the heap has
		// doubled) runs it hundreds of times. Four times the live heap
		// costs about 30 MB and took 0.15–0.35 of 3.5 CPU-s off the 2017
		// crawl's export (GOGC=100 and 400 run alternately).
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	enc, err := export.NewEncoder(e.stdout, *format)
	if err != nil {
		fmt.Fprintln(e.stderr, "baocao export:", err)
		return exitInput
	}
	// Transient: each file's records are rendered to bytes on the worker,
	// and nothing of its articles is kept.
	res, err := data.Stream(e.ctx, paths, data.Options{Stdin: e.stdin, Transient: true},
		func(as []model.Article) rendered {
			bt, err := export.RenderBatch(*format, as)
			return rendered{bt, err}
		},
		func(r rendered) error {
			if r.err != nil {
				return r.err
			}
			return enc.WriteBatch(r.batch)
		})
	if cerr := enc.Close(); err == nil {
		err = cerr
	}
	code := exitOK
	for _, s := range res.Skipped { // not an error: said so that nothing goes unnoticed
		fmt.Fprintln(e.stderr, "baocao export: skipped", s)
	}
	for _, le := range res.Errors {
		fmt.Fprintln(e.stderr, "baocao export:", le)
		code = exitInput
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "baocao export:", err)
		code = exitInput
	}
	return code
}
