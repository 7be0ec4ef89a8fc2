package summary

import (
	"testing"

	"github.com/baocao/baocao/ui/common"
)

// TestDrawnFollowsTheTable checks that the header line and footer kept
// between frames are what a frame drawn afresh shows, after each key of a
// session that changes them (cursor, column, sort, targets, history, size,
// theme).
func TestDrawnFollowsTheTable(t *testing.T) {
	var m *Model
	check := func(what string) {
		t.Helper()
		got := m.View()
		m.drawn = drawn{}
		if want := m.View(); got != want {
			t.Fatalf("%s: the view drawn from what was kept differs from one drawn afresh\n got %q\nwant %q", what, got, want)
		}
	}
	// Revenue and its share of plan (columns 1 and 2) show the same figure.
	m = newPane(t, testCorpus(), 160, 30)
	for range len(m.order) {
		hit(t, m, "l")
		check("share of plan")
		hit(t, m, "h")
		check("revenue")
		hit(t, m, "j")
	}
	m = newPane(t, bigCorpus(300), 160, 30)
	steps := []string{"j", "j", "l", "l", "j", "s", "s", "r", "m", "j", "h", "t", "k", "t", "G", "l", "l", "l", "g", "h", "h", "h", "l", "s", "l", "s", "l", "s"}
	for _, k := range steps {
		hit(t, m, k)
		check("after " + k)
	}
	m.SetSize(100, 20)
	check("resized")
	m.ctx.SetTheme(false)
	check("light")
	m.ctx.Lang, m.ctx.L = common.EN, common.LabelsFor(common.EN)
	check("English")
}
