package figures_test

import (
	"sort"
	"testing"

	"github.com/baocao/baocao/data/figures"
	"github.com/baocao/baocao/model"
)

// sameMetric reports whether got states want: the same key, kind and value
// (and ratio).
func sameMetric(got, want model.Metric) bool {
	near := func(a, b float64) bool {
		d := a - b
		if d < 0 {
			d = -d
		}
		return d <= 1e-9*max(1, b, -b)
	}
	return got.Key == want.Key && got.Kind == want.Kind && near(got.Value, want.Value) &&
		got.HasOf() == want.HasOf() && (!got.HasOf() || near(got.Of, want.Of))
}

// score counts true and false positives and misses of got against want.
func score(got, want []model.Metric) (tp, fp, fn int, extra, missed []model.Metric) {
	used := make([]bool, len(want))
	for _, g := range got {
		ok := false
		for j, w := range want {
			if !used[j] && sameMetric(g, w) {
				used[j], ok = true, true
				break
			}
		}
		if ok {
			tp++
		} else {
			fp++
			extra = append(extra, g)
		}
	}
	for j, w := range want {
		if !used[j] {
			fn++
			missed = append(missed, w)
		}
	}
	return
}

// TestSynthPrecision measures Extract on 500 synthetic pages, whose
// generator states every figure about the page's unit and also writes
// look-alikes: figures of a neighbourhood party cell, of a school, of the
// whole province or city, income, other funds, resolution numbers. The
// pages are regular, so the bars are high: every metric the generator
// writes has a rule meant for its wording, and every look-alike a rule
// meant to leave it out. A rule that stops telling a sub-unit's or a larger
// unit's figure from the report's own shows at once as precision below
// 0.99 (each look-alike paragraph appears on most pages); recall stays
// below 1 only where the page layout (another package's work) loses a
// paragraph or the unit, so its bar leaves that room.
func TestSynthPrecision(t *testing.T) {
	if testing.Short() {
		t.Skip("500 pages")
	}
	arts, docs := synthPages(t, 11, 500)
	var tp, fp, fn int
	fps := map[string]int{}
	fns := map[string]int{}
	for i := range arts {
		a := &arts[i]
		figures.Extract(a)
		p, f, n, extra, missed := score(a.Metrics, docs[i].Want.Metrics)
		tp, fp, fn = tp+p, fp+f, fn+n
		for _, m := range extra {
			fps[string(m.Key)+" "+string(m.Kind)+": "+shape(m.Evidence)]++
		}
		for _, m := range missed {
			fns[string(m.Key)+" "+string(m.Kind)+": "+shape(m.Evidence)]++
		}
	}
	prec := float64(tp) / float64(max(tp+fp, 1))
	rec := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("500 synthetic pages: tp %d fp %d fn %d, precision %.4f, recall %.4f", tp, fp, fn, prec, rec)
	if prec < 0.99 || rec < 0.98 || tp < 2000 {
		t.Errorf("precision %.4f (bar 0.99), recall %.4f (bar 0.98), %d found", prec, rec, tp)
		logTop(t, "false positive", fps)
		logTop(t, "missed", fns)
	}
}

func logTop(t *testing.T, what string, m map[string]int) {
	type kv struct {
		k string
		n int
	}
	var l []kv
	for k, n := range m {
		l = append(l, kv{k, n})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n || l[i].n == l[j].n && l[i].k < l[j].k })
	for _, e := range l[:min(len(l), 15)] {
		t.Logf("%s ×%d: %s", what, e.n, e.k)
	}
}

// shape is s with its digits as '#', so that one wording counts once.
func shape(s string) string {
	b := []byte(s)
	for i, c := range b {
		if '0' <= c && c <= '9' {
			b[i] = '#'
		}
	}
	return string(b)
}
