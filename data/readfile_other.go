//go:build !(linux || darwin)

package data

import "os"

// readWhole reads a whole file.
func readWhole(name string) ([]byte, error) { return os.ReadFile(name) }

// readWholeInto is readWhole; buf is not used here.
func readWholeInto(name string, _ []byte) ([]byte, error) { return os.ReadFile(name) }
