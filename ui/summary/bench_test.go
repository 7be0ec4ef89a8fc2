package summary

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

var (
	bigOnce sync.Once
	big     *model.Corpus
)

// corpus100k is 100,000 articles about 10,000 units, three figures each.
func corpus100k() *model.Corpus {
	bigOnce.Do(func() { big = bigCorpus(100_000) })
	return big
}

func percentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(d[len(d)*95/100].Microseconds())/1000, "p95-ms")
}

// BenchmarkCompute100k is the command run once per change of the results:
// Corpus.Summary of 100,000 articles and the grouping by unit.
func BenchmarkCompute100k(b *testing.B) {
	c := corpus100k()
	ids := allIDs(c)
	var ds []time.Duration
	for b.Loop() {
		t := time.Now()
		compute(c, ids)
		ds = append(ds, time.Since(t))
	}
	percentiles(b, ds)
}

// BenchmarkView100k is View of the summary of 100,000 articles (10,000
// rows), scrolled, at 160×48.
func BenchmarkView100k(b *testing.B) {
	c := corpus100k()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(160, 48)
	settle(m, allIDs(c))
	m.move(5000)
	if m.tab == nil || len(m.tab.rows) != 10_000 {
		b.Fatal("no summary")
	}
	var ds []time.Duration
	for b.Loop() {
		t := time.Now()
		_ = m.View()
		ds = append(ds, time.Since(t))
	}
	percentiles(b, ds)
}

// BenchmarkSort100k is the "s" key on 10,000 rows (on the Update path).
func BenchmarkSort100k(b *testing.B) {
	c := corpus100k()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(160, 48)
	settle(m, allIDs(c))
	var ds []time.Duration
	for b.Loop() {
		t := time.Now()
		m.Update(press("s"))
		ds = append(ds, time.Since(t))
	}
	percentiles(b, ds)
}

// BenchmarkHistory100k is the history command for one unit of the 100k
// corpus (10 articles about it among the results).
func BenchmarkHistory100k(b *testing.B) {
	c := corpus100k()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(160, 48)
	settle(m, allIDs(c))
	r, _ := m.selectedRow()
	ids := m.tab.byUnit[r.Unit]
	var ds []time.Duration
	for b.Loop() {
		t := time.Now()
		history(c, ids, r.Unit.Key, model.Actual)
		ds = append(ds, time.Since(t))
	}
	percentiles(b, ds)
}

// settle gives the pane results and runs what follows (the debounce, the
// summary) to the end.
func settle(m *Model, ids []int32) {
	for cmd := m.SetResults(ids); cmd != nil; {
		_, cmd = m.Update(cmd())
	}
}
