package ui

import (
	"fmt"
	"testing"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/internal/uitest"
)

// BenchmarkFrame is the whole screen's View (tab bar, list, detail or
// summary, status bar, help) over 100,000 generated articles, after the
// panes have their content:
//
//	go test -run '^$' -bench Frame ./ui/
func BenchmarkFrame(b *testing.B) {
	c := model.New(uitest.Big(100_000))
	for _, tc := range []struct {
		w, h int
		keys []string
	}{{80, 24, nil}, {200, 50, nil}, {200, 50, []string{"3"}}, {120, 40, []string{"u"}}} {
		b.Run(fmt.Sprintf("%dx%d%v", tc.w, tc.h, tc.keys), func(b *testing.B) {
			m := New(Options{Corpus: c, Width: tc.w, Height: tc.h, Lang: "vi"}).(*Model)
			drive(m, m.Init())
			press(m, tc.keys...)
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}
