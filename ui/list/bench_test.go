package list

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	bl "charm.land/bubbles/v2/list"

	"github.com/baocao/baocao/data/synth"
	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

// The benchmarks run at 100,000 articles. Run them with
//
//	go test -run '^$' -bench . -benchtime 3x -timeout 30m ./ui/list/
//
// BenchmarkKeystroke measures, per keystroke, Update → the filter command →
// Update with its result → View: the time until the visible list shows the
// new answer. It reports the p95 over the typed sequence. BenchmarkBubblesList
// is the baseline: bubbles' list filtering the same titles with the same
// keystrokes (SetFilterText, then View).

const benchN = 100_000

var (
	bigOnce   sync.Once
	bigArts   []model.Article
	bigCorpus *model.Corpus
)

// big is the 100k corpus: data/synth's realistic pages (about 5 KB each,
// run through the loader), or uitest.Big's plain ones with
// BAOCAO_BENCH_SIMPLE=1 (faster to make).
func big(b *testing.B) *model.Corpus {
	b.Helper()
	bigOnce.Do(func() {
		t0 := time.Now()
		if os.Getenv("BAOCAO_BENCH_SIMPLE") != "" {
			bigArts = uitest.Big(benchN)
		} else {
			bigArts = synth.Corpus(1, benchN)
		}
		bigCorpus = model.New(bigArts)
		b.Logf("corpus of %d articles, %d units, made in %v", bigCorpus.Len(), len(bigCorpus.Units()), time.Since(t0).Round(time.Millisecond))
	})
	return bigCorpus
}

// keystrokes types three queries and erases them.
var keystrokes = func() []string {
	var ks []string
	for _, q := range []string{"hoang van thu", "tong ket cong tac", "dang vien", "thu ngan sach year:2023"} {
		for _, r := range q {
			if r == ' ' {
				ks = append(ks, "space")
			} else {
				ks = append(ks, string(r))
			}
		}
		for range q {
			ks = append(ks, "backspace")
		}
	}
	return ks
}()

func report(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	p := func(q float64) float64 { return float64(d[int(q*float64(len(d)-1))].Microseconds()) / 1000 }
	b.ReportMetric(p(0.5), "p50-ms")
	b.ReportMetric(p(0.95), "p95-ms")
	b.ReportMetric(p(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkKeystroke(b *testing.B) {
	c := big(b)
	ctx := common.NewContext(c, common.VI, false)
	m := New(ctx)
	m.SetSize(120, 40)
	send(m, uitest.Key("/"))
	var d []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, k := range keystrokes {
			t0 := time.Now()
			_, cmd := m.Update(uitest.Key(k))
			for _, msg := range uitest.Drain(cmd) {
				if r, ok := msg.(ResultMsg); ok {
					m.Update(r)
				}
			}
			_ = m.View()
			d = append(d, time.Since(t0))
		}
	}
	report(b, d)
}

// BenchmarkModelFilter is the model's share of BenchmarkKeystroke: only
// model.ParseQuery and Corpus.Filter for the same sequence of filter texts.
func BenchmarkModelFilter(b *testing.B) {
	c := big(b)
	var texts []string
	var text []rune
	for _, k := range keystrokes {
		switch k {
		case "backspace":
			text = text[:len(text)-1]
		case "space":
			text = append(text, ' ')
		default:
			text = append(text, []rune(k)...)
		}
		texts = append(texts, string(text))
	}
	var d []time.Duration
	for b.Loop() {
		for _, s := range texts {
			t0 := time.Now()
			c.Filter(context.Background(), model.ParseQuery(s), model.ByDate, true)
			d = append(d, time.Since(t0))
		}
	}
	report(b, d)
}

type item string

func (i item) FilterValue() string { return string(i) }
func (i item) Title() string       { return string(i) }
func (i item) Description() string { return "" }

func BenchmarkBubblesList(b *testing.B) {
	big(b)
	items := make([]bl.Item, len(bigArts))
	for i := range bigArts {
		items[i] = item(bigArts[i].Title)
	}
	l := bl.New(items, bl.NewDefaultDelegate(), 120, 40)
	var d []time.Duration
	b.ResetTimer()
	for b.Loop() {
		text := []rune{}
		for _, k := range keystrokes {
			t0 := time.Now()
			if k == "backspace" {
				text = text[:len(text)-1]
			} else if k == "space" {
				text = append(text, ' ')
			} else {
				text = append(text, []rune(k)...)
			}
			l.SetFilterText(string(text))
			_ = l.View()
			d = append(d, time.Since(t0))
		}
	}
	report(b, d)
}

func BenchmarkView(b *testing.B) {
	c := big(b)
	for _, size := range []struct{ w, h int }{{80, 24}, {200, 50}} {
		b.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(b *testing.B) {
			ctx := common.NewContext(c, common.VI, false)
			m := New(ctx)
			m.SetSize(size.w, size.h)
			send(m, m.SetFilter("dang vien")())
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}
