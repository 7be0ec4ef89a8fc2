package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func runVersion(e env, args []string) int {
	if len(args) > 0 {
		fmt.Fprintln(e.stderr, "Usage: baocao version\n\nPrints the version, the commit it was built from, and the Go version.")
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			return exitOK
		}
		return exitUsage
	}
	fmt.Fprintln(e.stdout, versionString())
	return exitOK
}

// versionString is "baocao VERSION (COMMIT[, modified], DATE) GOVERSION".
func versionString() string {
	v, rev, when, dirty := version, "", "", false
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	s := "baocao " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if dirty {
			rev += ", modified"
		}
		if when != "" {
			rev += ", " + when
		}
		s += " (" + rev + ")"
	}
	return s + " " + runtime.Version()
}
