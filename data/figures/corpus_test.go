package figures_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/data/figures"
	"github.com/baocao/baocao/data/page"
	"github.com/baocao/baocao/data/synth"
	"github.com/baocao/baocao/model"
)

// synthPages is n synthetic pages from seed, laid out by page.Parse but
// without figures, beside the answers each states.
func synthPages(t testing.TB, seed int64, n int) ([]model.Article, []synth.Doc) {
	t.Helper()
	docs := synth.Generate(seed, n)
	texts := make([]data.Text, n)
	for i, d := range docs {
		texts[i] = data.Text{ID: d.ID, Path: d.ID + ".txt", Text: d.Text}
	}
	arts, err := data.FromTexts(context.Background(), texts, data.Options{Parse: page.Parse})
	if err != nil || len(arts) != n {
		t.Fatal(err, len(arts))
	}
	return arts, docs
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration { return processCPU() }

// benchArticles runs Extract over arts b.N times and reports the CPU time
// per article and per run.
func benchArticles(b *testing.B, arts []model.Article) {
	var raw int64
	for _, a := range arts {
		for _, p := range a.Body {
			raw += int64(len(p))
		}
	}
	b.SetBytes(raw)
	b.ReportAllocs()
	runtime.GC()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for i := range arts {
			arts[i].Metrics = nil
			figures.Extract(&arts[i])
		}
	}
	cpu := cpuTime() - start
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/float64(len(arts)), "cpu-µs/article")
}

// BenchmarkExtractSynth extracts the metrics of 2,000 synthetic pages of
// about 5 KB (laid out once by page.Parse, outside the timing).
func BenchmarkExtractSynth(b *testing.B) {
	arts, _ := synthPages(b, 1, 2000)
	benchArticles(b, arts)
}

// BenchmarkExtractCrawl extracts the metrics of the 2017 crawl when it is
// unpacked in $BAOCAO_CRAWL (or /tmp/baomoi).
func BenchmarkExtractCrawl(b *testing.B) {
	dir := os.Getenv("BAOCAO_CRAWL")
	if dir == "" {
		dir = "/tmp/baomoi"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skip("no crawl at", dir)
	}
	res, err := data.Load(context.Background(), []string{dir}, data.Options{Parse: page.Parse})
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Articles) == 0 {
		b.Fatal(fmt.Sprint("no articles in ", dir))
	}
	benchArticles(b, res.Articles)
}
