//go:build !(linux || darwin)

package data

import "os"

// readWhole reads a whole file.
func readWhole(name string) ([]byte, error) { return os.ReadFile(name) }
