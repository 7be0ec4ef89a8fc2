package picker

import (
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/baocao/baocao/data/synth"
	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

// Run with go test -run '^$' -bench . -benchtime 3x -timeout 30m ./ui/picker/
// (BAOCAO_BENCH_SIMPLE=1 for plain generated articles instead of
// data/synth's pages).

var (
	bigOnce   sync.Once
	bigCorpus *model.Corpus
)

func big(b *testing.B) *model.Corpus {
	b.Helper()
	bigOnce.Do(func() {
		var arts []model.Article
		if os.Getenv("BAOCAO_BENCH_SIMPLE") != "" {
			arts = uitest.Big(100_000)
		} else {
			arts = synth.Corpus(1, 100_000)
		}
		bigCorpus = model.New(arts)
		b.Logf("corpus of %d articles, %d units", bigCorpus.Len(), len(bigCorpus.Units()))
	})
	return bigCorpus
}

func BenchmarkPickerView(b *testing.B) {
	m := New(common.NewContext(big(b), common.VI, false))
	m.SetSize(60, 40)
	m.Open(nil)
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkPickerKeystroke types a unit name and erases it, measuring each
// keystroke's Update and View; it reports the p95.
func BenchmarkPickerKeystroke(b *testing.B) {
	m := New(common.NewContext(big(b), common.VI, false))
	m.SetSize(60, 40)
	m.Open(nil)
	var d []time.Duration
	for b.Loop() {
		for _, k := range []string{"h", "o", "a", "n", "g", "v", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace"} {
			t0 := time.Now()
			m.Update(uitest.Key(k))
			_ = m.View()
			d = append(d, time.Since(t0))
		}
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(0, "ns/op")
}
