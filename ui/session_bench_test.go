package ui

import (
	"runtime"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/baocao/baocao/data/synth"
	"github.com/baocao/baocao/model"
)

// BenchmarkIdleSession reports the heap one idle reader holds beyond the
// shared corpus (heap-B/session): a 120x40 session after its first frame,
// as `baocao serve` keeps one per SSH session (Bubble Tea's own screen
// buffers are not included).
//
//	go test -run '^$' -bench IdleSession ./ui/
func BenchmarkIdleSession(b *testing.B) {
	c := model.New(synth.Corpus(1, 2000))
	const n = 50
	open := func() []*Model {
		ms := make([]*Model, n)
		for i := range ms {
			m := New(Options{Corpus: c, Width: 120, Height: 40, Lang: "vi"}).(*Model)
			drive(m, m.Init())
			drive(m, func() tea.Msg { return tea.BackgroundColorMsg{} })
			_ = m.View()
			ms[i] = m
		}
		return ms
	}
	open() // what is made once per corpus
	var per float64
	for b.Loop() {
		before := heap()
		ms := open()
		per = float64(heap()-before) / n
		kept = ms
	}
	b.ReportMetric(per, "heap-B/session")
}

// kept holds the last sessions, for a heap profile.
var kept []*Model

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
