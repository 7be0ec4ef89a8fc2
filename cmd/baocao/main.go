// Command baocao reads Vietnamese local-government reports in the terminal.
//
//	baocao [PATH ...]                      open the reader
//	baocao export [--format F] [PATH ...]  print what was understood
//	baocao version                         print the version
//
// Each subcommand lives in a file of its own and is a function from
// arguments and streams to an exit status, so tests run it in-process.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// Exit statuses.
const (
	exitOK    = 0 // every input was read
	exitInput = 1 // some input could not be read (or the output failed)
	exitUsage = 2 // the command line was wrong
)

// env is what a command runs against.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand.
type command struct {
	name, summary string
	hidden        bool // a developer's tool, left out of the help
	run           func(e env, args []string) int
}

// commands lists the subcommands, in the order the help shows them.
func commands() []command {
	return []command{
		{name: "export", summary: "print the articles as JSON Lines, JSON or CSV", run: runExport},
		{name: "serve", summary: "serve the reader over SSH", run: runServe},
		{name: "version", summary: "print the version", run: runVersion},
		{name: "help", summary: "show help for a command", run: runHelp},
		{name: "synth", summary: "write a synthetic corpus, for benchmarks", hidden: true, run: runSynth},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(env{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches on the first argument: a subcommand, a request for help, or
// else the paths for the reader.
func run(e env, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help":
			usage(e.stdout)
			return exitOK
		}
		for _, c := range commands() {
			if c.name == args[0] {
				return c.run(e, args[1:])
			}
		}
	}
	return runReader(e, args)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `baocao reads Vietnamese local-government reports in the terminal.

Usage:
  baocao [--lang vi|en] [PATH ...]   open the reader
  baocao COMMAND [ARGS ...]

Commands:
`)
	for _, c := range commands() {
		if !c.hidden {
			fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprint(w, `
PATH is a file, a folder (read recursively) or - (one article from standard
input); with no PATH, the sample corpus built into baocao.

Examples:
  baocao                          the sample corpus
  baocao --lang en reports/
  baocao export --format csv reports/ > metrics.csv
  baocao serve --authorized-keys ~/.ssh/authorized_keys reports/
  curl -s https://example.org/report.txt | baocao export -

Run 'baocao help COMMAND' for more about a command.
`)
}

func runHelp(e env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(env{ctx: e.ctx, stdin: e.stdin, stdout: e.stdout, stderr: e.stdout}, []string{"-h"})
		}
	}
	fmt.Fprintf(e.stderr, "baocao help: no command %q\n", args[0])
	return exitUsage
}
