package data_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/data/synth"
	"github.com/baocao/baocao/model"
)

// The synthetic corpus is made once per process: making it is not what is
// measured.
var (
	synthOnce  sync.Once
	synthTexts []data.Text
	synthBytes int64
)

func corpus100k() ([]data.Text, int64) {
	synthOnce.Do(func() {
		synthTexts = synth.Texts(1, 100_000)
		for _, t := range synthTexts {
			synthBytes += int64(len(t.Text))
		}
	})
	return synthTexts, synthBytes
}

// peakHeap samples the bytes of live heap objects until stop is called and
// returns the largest sample.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		read()
		return peak.Load()
	}
}

// BenchmarkLoad100k understands 100,000 synthetic pages of about 5 KB
// (data.FromTexts: sanitise, NFC, page.Parse, figures.Extract on all cores).
// peak-heap/raw is the most heap seen during a load (objects live or not yet
// swept, the texts themselves included) over the texts' size;
// kept-heap/raw is the heap that stays once the load is done and collected;
// cpu-s/op is the CPU time the process spent on a load (user and system,
// the collector's included): on a shared machine it varies less than the
// wall time, and on an idle one the wall time is about cpu-s/op / cores.
func BenchmarkLoad100k(b *testing.B) { benchLoad100k(b, nil) }

// BenchmarkLoad100kLoaderOnly is BenchmarkLoad100k with a parser that only
// splits lines (title, then paragraphs, as substrings): the loader's own
// cost, without page.Parse and figures.Extract.
func BenchmarkLoad100kLoaderOnly(b *testing.B) { benchLoad100k(b, splitLines) }

func splitLines(text string, a *model.Article) {
	for l := range strings.SplitSeq(text, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if a.Title == "" {
			a.Title = l
		} else {
			a.Body = append(a.Body, l)
		}
	}
}

func benchLoad100k(b *testing.B, parse func(string, *model.Article)) {
	texts, raw := corpus100k()
	b.SetBytes(raw)
	b.ReportAllocs()
	var ratio, kept float64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		stop := peakHeap()
		before := cpuTime()
		b.StartTimer()
		arts, err := data.FromTexts(context.Background(), texts, data.Options{Parse: parse})
		b.StopTimer()
		cpu += cpuTime() - before
		ratio = max(ratio, float64(stop())/float64(raw))
		if err != nil || len(arts) != len(texts) {
			b.Fatal(err, len(arts))
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		kept = max(kept, float64(ms.HeapAlloc)/float64(raw))
		runtime.KeepAlive(arts)
		b.StartTimer()
	}
	b.ReportMetric(ratio, "peak-heap/raw")
	b.ReportMetric(kept, "kept-heap/raw")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkLoadFiles loads 5,000 synthetic pages from files in a folder.
func BenchmarkLoadFiles(b *testing.B) {
	dir := b.TempDir()
	var raw int64
	for _, t := range synth.Texts(2, 5000) {
		if err := os.WriteFile(filepath.Join(dir, t.Path), []byte(t.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		raw += int64(len(t.Text))
	}
	b.SetBytes(raw)
	b.ReportAllocs()
	for b.Loop() {
		res, err := data.Load(context.Background(), []string{dir}, data.Options{})
		if err != nil || len(res.Articles) != 5000 {
			b.Fatal(err, strconv.Itoa(len(res.Articles)))
		}
	}
}
