package summary

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"weak"

	"github.com/baocao/baocao/model"
)

// TestWholeShared checks that panes summarising every article share one
// table whatever the list's order, that it says what a table of their own
// would (rows and each unit's history), and that it goes when no pane
// holds it.
func TestWholeShared(t *testing.T) {
	c := bigCorpus(500)
	ids := allIDs(c)
	rev := slices.Clone(ids)
	slices.Reverse(rev)
	a, b := tableFor(c, ids), tableFor(c, rev)
	if a != b {
		t.Fatal("two panes of the whole corpus have tables of their own")
	}
	if sub := tableFor(c, ids[1:]); sub == a {
		t.Fatal("a subset got the whole corpus's table")
	}
	own := compute(c, rev)
	if fmt.Sprint(own.rows) != fmt.Sprint(a.rows) || own.n != a.n || len(own.byUnit) != len(a.byUnit) {
		t.Fatal("the shared table differs from the pane's own")
	}
	for u, mine := range own.byUnit {
		shared := a.byUnit[u]
		if !sameSet(mine, shared) {
			t.Fatalf("unit %s: ids differ", u.Unit.Name)
		}
		for _, kind := range []model.Kind{model.Actual, model.Target} {
			if g, w := history(c, shared, u.Key, kind), history(c, mine, u.Key, kind); fmt.Sprint(g) != fmt.Sprint(w) {
				t.Fatalf("unit %s: history %v, want %v", u.Unit.Name, g, w)
			}
		}
	}
	wp := weak.Make(a)
	a, b = nil, nil
	runtime.GC()
	if wp.Value() != nil {
		t.Error("the table outlived its panes")
	}
	if tableFor(c, ids) == nil {
		t.Error("no table after the last one went")
	}
}

func sameSet(a, b []int32) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
