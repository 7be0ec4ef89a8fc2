package page

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/model"
)

// BenchmarkParseDir parses the .txt pages of the folder that
// BAOCAO_BENCH_PAGES names (at most 2,000 of them), e.g. a synthetic corpus
// written by "baocao synth" or a crawl; it is skipped when unset. The
// pages should be prepared text (UTF-8, NFC) as the loader hands it on.
func BenchmarkParseDir(b *testing.B) {
	dir := os.Getenv("BAOCAO_BENCH_PAGES")
	if dir == "" {
		b.Skip("BAOCAO_BENCH_PAGES is not set")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s (%v)", dir, err)
	}
	files = files[:min(len(files), 2000)]
	texts := make([]string, len(files))
	var n int64
	for i, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = string(t)
		n += int64(len(t))
	}
	b.SetBytes(n / int64(len(texts)))
	b.ReportAllocs()
	i := 0
	cpu := cpuTime()
	for b.Loop() {
		a := model.Article{}
		Parse(texts[i%len(texts)], &a)
		i++
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op") // on a shared machine it varies less than ns/op
}
