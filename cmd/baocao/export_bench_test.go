package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExportCrawl exports the 2017 crawl, unpacked in $BAOCAO_CRAWL
// (default /tmp/baomoi), as `baocao export DIR > /dev/null` does: the walk,
// the reads, decoding, parsing, figures and the JSON Lines, all but the
// process's start. Its MB/s is over the files' bytes. It is skipped when the
// crawl is not there:
//
//	mkdir -p /tmp/baomoi && xz -dc ../shared/corpus/baomoi-2017.tar.xz | tar -C /tmp/baomoi -xf -
//	go test -run XXX -bench ExportCrawl -count 10 ./cmd/baocao | benchstat -
func BenchmarkExportCrawl(b *testing.B) {
	dir := os.Getenv("BAOCAO_CRAWL")
	if dir == "" {
		dir = "/tmp/baomoi"
	}
	var raw int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			raw += info.Size()
		}
		return nil
	})
	if err != nil || raw == 0 {
		b.Skip("no crawl at ", dir, " (set BAOCAO_CRAWL)")
	}
	b.SetBytes(raw)
	var stderr bytes.Buffer
	e := env{ctx: context.Background(), stdin: bytes.NewReader(nil), stdout: io.Discard, stderr: &stderr}
	for b.Loop() {
		if code := runExport(e, []string{dir}); code != exitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}
