package main

import (
	"flag"
	"slices"
)

// parseFlags parses args with fs, allowing flags after positional arguments
// too (baocao export DIR --format csv); everything after "--" is positional.
// It returns the positional arguments in order; errors (and flag.ErrHelp)
// come from fs, which has already reported them.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var after []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, after = args[:i], args[i+1:]
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, after...), nil
		}
		pos = append(pos, args[0]) // fs stopped at a positional argument
		args = args[1:]
	}
}
