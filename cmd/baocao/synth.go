package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/baocao/baocao/data/synth"
)

// runSynth writes a synthetic corpus (data/synth) as text files, for
// benchmarks of the binary: baocao synth --n 100000 --out /tmp/synth.
func runSynth(e env, args []string) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	n := fs.Int("n", 1000, "number of pages")
	seed := fs.Int64("seed", 1, "seed: the same seed gives the same pages")
	out := fs.String("out", "", "`folder` to write NAME.txt files into (made if missing)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: baocao synth --out DIR [--n N] [--seed S]

Writes N synthetic report pages (about 5 KB each) into DIR, for developers
who benchmark the loader and the reader. The pages are made from templates
and depend only on the seed.

Example:
  baocao synth --n 100000 --out /tmp/synth && baocao export /tmp/synth > /dev/null

Flags:
`)
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if *out == "" || len(rest) > 0 || *n < 0 {
		fmt.Fprintln(e.stderr, "baocao synth: give --out DIR, a count --n of 0 or more, and nothing else")
		return exitUsage
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(e.stderr, "baocao synth:", err)
		return exitInput
	}
	for i := range *n {
		d := synth.Page(*seed, i)
		if err := os.WriteFile(filepath.Join(*out, d.ID+".txt"), []byte(d.Text), 0o644); err != nil {
			fmt.Fprintln(e.stderr, "baocao synth:", err)
			return exitInput
		}
	}
	return exitOK
}
