// Command baocao reads Vietnamese local-government reports in the terminal.
package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/baocao/baocao/data/figures"
	"github.com/baocao/baocao/data/page"
	"github.com/baocao/baocao/model"
	"golang.org/x/text/unicode/norm"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "export" {
		fmt.Fprintln(os.Stderr, "usage: baocao export PATH...")
		os.Exit(2)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, root := range os.Args[2:] {
		var files []string
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				continue
			}
			text := norm.NFC.String(strings.ReplaceAll(string(b), "\r\n", "\n"))
			rel, _ := filepath.Rel(root, f)
			a := model.Article{ID: strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)), Path: rel}
			page.Parse(text, &a)
			figures.Extract(&a)
			enc.Encode(a)
		}
	}
}
