package detail

import (
	"runtime"
	"testing"
	"weak"

	"github.com/baocao/baocao/ui/common"
)

// TestRenderingsShared checks that a second pane (session) over the same
// corpus shows the first one's rendering without rendering again, that a
// different width is rendered apart, and that a rendering goes when no
// pane holds it.
func TestRenderingsShared(t *testing.T) {
	c := longCorpus()
	a := newPane(t, c, 3, 80, 20)
	b := New(common.NewContext(c, common.VI, false))
	b.SetSize(80, 20)
	if cmd := b.SetArticle(3); cmd != nil {
		t.Fatal("the second pane renders the report again")
	}
	if b.cur != a.cur || b.View() != a.View() {
		t.Fatal("the second pane does not show the first one's rendering")
	}
	w := newPane(t, c, 3, 70, 20)
	if w.cur == a.cur || w.cur.key.width != 70 {
		t.Fatal("a pane of another width got the rendering of 80 columns")
	}
	gone := weak.Make(a.cur)
	a, b = nil, nil
	runtime.GC()
	if gone.Value() != nil {
		t.Error("the rendering outlived the panes that showed it")
	}
	if sharedGet(c, renderKey{id: 3, width: 80, style: "dark", lang: common.VI}) != nil {
		t.Error("a rendering gone is still offered")
	}
}
