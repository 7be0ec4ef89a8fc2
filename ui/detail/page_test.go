package detail

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestPageIsViewportView checks that the pane draws its lines exactly as
// the viewport's View would with the lines themselves as content: at
// several widths and scroll positions, themes, with a search's matches
// styled, and for a first screen (partial rendering).
func TestPageIsViewportView(t *testing.T) {
	c := longCorpus()
	check := func(m *Model, what string) {
		t.Helper()
		ref := m.vp
		ref.SetContentLines(append([]string(nil), m.lines...))
		ref.SetYOffset(m.vp.YOffset())
		if got, want := m.page(), ref.View(); got != want {
			t.Errorf("%s: page differs from the viewport's View\n got %q\nwant %q", what, got, want)
		}
	}
	for _, size := range [][2]int{{80, 20}, {41, 7}, {120, 38}, {200, 48}} {
		for id := range int32(c.Len()) {
			m := newPane(t, c, id, size[0], size[1])
			check(m, "top")
			for _, k := range []string{"j", "pgdown", "ctrl+d", "G", "k"} {
				keys(t, m, k)
				check(m, "after "+k)
			}
			keys(t, m, "/", "c", "h", "enter")
			if id == 3 && len(m.hits) == 0 {
				t.Fatal("the search found nothing to style")
			}
			check(m, "search")
			keys(t, m, "n")
			check(m, "next match")
			m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
			check(m, "wheel")
		}
	}
	m := newPane(t, c, 3, 80, 20)
	k := m.want()
	r, err := render(c, k, true)
	if err != nil {
		t.Fatal(err)
	}
	m.show(r)
	if !m.cur.partial {
		t.Fatal("not a first screen")
	}
	keys(t, m, "G")
	check(m, "first screen, bottom")
}
