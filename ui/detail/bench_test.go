package detail

import (
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// bigArticle is a report of about size bytes: the fixture's paragraphs
// repeated, each copy's figures positioned where they stand.
func bigArticle(size int) model.Article {
	base := testArticles()[0]
	a := base
	a.Body, a.Metrics = nil, nil
	n := 0
	for copy := 0; n < size; copy++ {
		for pi, p := range base.Body {
			p = fmt.Sprintf("(%d) %s", copy, p)
			a.Body = append(a.Body, p)
			n += len(p)
			for _, m := range base.Metrics {
				if m.Para == pi {
					shift := len(fmt.Sprintf("(%d) ", copy))
					m.Para, m.Start, m.End = len(a.Body)-1, m.Start+shift, m.End+shift
					a.Metrics = append(a.Metrics, m)
				}
			}
		}
	}
	a.Metrics = a.Metrics[:min(len(a.Metrics), 20)]
	return a
}

// percentiles reports p50 and p95 of per-op durations.
func percentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(d[len(d)*95/100].Microseconds())/1000, "p95-ms")
}

// benchRender renders a 10 KB report per op: cold (a new Glamour renderer
// each time: the first report a new session sees at a new width) or warm
// (the pooled renderer reused), the first screen only or the whole.
func benchRender(b *testing.B, cold, first bool) {
	a := bigArticle(10 << 10)
	c := model.New([]model.Article{a})
	var ds []time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		if cold {
			pools.Clear()
		}
		t := time.Now()
		if _, err := render(c, renderKey{0, 100, "dark", common.VI}, first); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t))
	}
	// CPU time per op (all threads, GC included): what a render costs the
	// machine, whatever else runs on it.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(ds)), "cpu-ms/op")
	percentiles(b, ds)
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkRenderFirstScreenCold(b *testing.B) { benchRender(b, true, true) }
func BenchmarkRenderFirstScreenWarm(b *testing.B) { benchRender(b, false, true) }
func BenchmarkRenderWholeCold(b *testing.B)       { benchRender(b, true, false) }
func BenchmarkRenderWholeWarm(b *testing.B)       { benchRender(b, false, false) }

// BenchmarkDetailCached is SetArticle from the cache plus View: what a
// reader pays going back to a report already seen.
func BenchmarkDetailCached(b *testing.B) {
	arts := []model.Article{bigArticle(10 << 10), bigArticle(10 << 10)}
	c := model.New(arts)
	ctx := common.NewContext(c, common.VI, false)
	m := New(ctx)
	m.SetSize(100, 40)
	for _, id := range []int32{0, 1} {
		send(b, m, m.SetArticle(id))
	}
	var ds []time.Duration
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		if cmd := m.SetArticle(int32(i % 2)); cmd != nil {
			b.Fatal("not cached")
		}
		_ = m.View()
		ds = append(ds, time.Since(t))
	}
	percentiles(b, ds)
}

// BenchmarkDetailView is View alone, scrolled to the middle with a search
// applied.
func BenchmarkDetailView(b *testing.B) {
	c := model.New([]model.Article{bigArticle(10 << 10)})
	ctx := common.NewContext(c, common.VI, false)
	m := New(ctx)
	m.SetSize(100, 40)
	send(b, m, m.SetArticle(0))
	m.setQuery("dang vien")
	m.vp.SetYOffset(m.vp.TotalLineCount() / 2)
	if !strings.Contains(ansi.Strip(m.View()), "đảng viên") {
		b.Fatal("view lacks text")
	}
	var ds []time.Duration
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		_ = m.View()
		ds = append(ds, time.Since(t))
	}
	percentiles(b, ds)
}
