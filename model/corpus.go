package model

import (
	"bytes"
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Corpus is the loaded set of articles with its indexes. It is immutable once
// New returns and safe for concurrent use: the SSH server shares one Corpus
// among all sessions. Articles are numbered 0..Len()-1 in load order.
type Corpus struct {
	arts   []Article
	ix     *index
	heads  *headlines // the headlines by position, for phrases (phrase.go)
	unitOf []int32    // article -> index in units, or -1
	units  []UnitInfo
	byYear map[int][]int32
	years  []int
	day    []time.Time // article -> its date (event date, else published), zero if none

	problems []int32

	orderOnce [numOrders]sync.Once
	orders    [numOrders][]int32

	summaryOnce sync.Once
	summaryAll  []SummaryRow

	phrases phraseCache
}

// UnitInfo is one unit of the corpus with the articles about it.
type UnitInfo struct {
	Unit Unit // the most common spelling and parent of this unit in the corpus
	Key  UnitKey
	// Articles are the articles about this unit, in load order.
	Articles []int32
}

// New indexes articles. The corpus keeps the slice: callers must not modify
// it or the articles afterwards.
func New(articles []Article) *Corpus {
	c := &Corpus{arts: articles, byYear: make(map[int][]int32)}
	// The headline index is small beside the word index: build it beside
	// the word index's workers rather than after them.
	headsDone := make(chan struct{})
	go func() {
		defer close(headsDone)
		c.heads = buildHeadlines(articles)
	}()
	c.ix = buildIndex(articles)
	<-headsDone
	c.day = make([]time.Time, len(articles))
	c.unitOf = make([]int32, len(articles))

	type tally struct {
		info     UnitInfo
		spelling map[Unit]int
	}
	byKey := make(map[UnitKey]*tally)
	var keys []UnitKey
	for i := range articles {
		a := &articles[i]
		id := int32(i)
		if len(a.Problems) > 0 {
			c.problems = append(c.problems, id)
		}
		switch {
		case !a.EventDate.IsZero():
			c.day[i] = a.EventDate.T
		case !a.Published.IsZero():
			c.day[i] = a.Published.T
		}
		if y := c.day[i].Year(); !c.day[i].IsZero() {
			c.byYear[y] = append(c.byYear[y], id)
		}
		c.unitOf[i] = -1
		if a.Unit == nil || a.Unit.Name == "" {
			continue
		}
		k := a.Unit.Key()
		t := byKey[k]
		if t == nil {
			t = &tally{info: UnitInfo{Key: k}, spelling: make(map[Unit]int)}
			byKey[k] = t
			keys = append(keys, k)
		}
		t.info.Articles = append(t.info.Articles, id)
		t.spelling[*a.Unit]++
	}
	for y := range c.byYear {
		c.years = append(c.years, y)
	}
	slices.Sort(c.years)

	c.units = make([]UnitInfo, 0, len(keys))
	for _, k := range keys {
		t := byKey[k]
		best, n := Unit{}, -1
		parents := make(map[string]int)
		for u, cnt := range t.spelling {
			if u.Parent != "" {
				parents[u.Parent] += cnt
			}
			if cnt > n || cnt == n && u.Name < best.Name {
				best, n = u, cnt
			}
		}
		best.Parent = ""
		pn := 0
		for p, cnt := range parents {
			if cnt > pn || cnt == pn && p < best.Parent {
				best.Parent, pn = p, cnt
			}
		}
		t.info.Unit = best
		c.units = append(c.units, t.info)
	}
	sortUnits(c.units)
	for ui, u := range c.units {
		for _, id := range u.Articles {
			c.unitOf[id] = int32(ui)
		}
	}
	return c
}

// sortUnits orders units by level (smallest first), then by name in
// Vietnamese collation.
func sortUnits(us []UnitInfo) {
	col := collate.New(language.Vietnamese, collate.IgnoreCase)
	var buf collate.Buffer
	keys := make(map[UnitKey][]byte, len(us))
	for _, u := range us {
		keys[u.Key] = bytes.Clone(col.KeyFromString(&buf, u.Unit.Name))
		buf.Reset()
	}
	slices.SortStableFunc(us, func(a, b UnitInfo) int {
		if c := cmp.Compare(a.Unit.Level.Rank(), b.Unit.Level.Rank()); c != 0 {
			return c
		}
		if c := bytes.Compare(keys[a.Key], keys[b.Key]); c != 0 {
			return c
		}
		return cmp.Compare(a.Key.Name, b.Key.Name)
	})
}

// Len is the number of articles.
func (c *Corpus) Len() int { return len(c.arts) }

// At is article i. The result must not be modified.
func (c *Corpus) At(i int32) *Article { return &c.arts[i] }

// Units lists every unit that some article is about, grouped by level
// (smallest first) and in Vietnamese order within a level.
func (c *Corpus) Units() []UnitInfo { return c.units }

// UnitOf is the corpus unit article i is about, or nil.
func (c *Corpus) UnitOf(i int32) *UnitInfo {
	if u := c.unitOf[i]; u >= 0 {
		return &c.units[u]
	}
	return nil
}

// Years lists the years articles are dated in, ascending.
func (c *Corpus) Years() []int { return c.years }

// Day is article i's date: its event date, else its publication date; zero
// when it has neither.
func (c *Corpus) Day(i int32) time.Time { return c.day[i] }

// WithProblems lists the articles that had problems at load, in load order.
func (c *Corpus) WithProblems() []int32 { return c.problems }

// Order is a sort order of the article list.
type Order int

// The orders a list can take. Each sorts ascending; callers reverse for
// descending. Ties keep load order.
const (
	ByDate  Order = iota // by Day, undated last
	ByUnit               // by unit (as Units orders them), then date
	ByTitle              // by title in Vietnamese collation
	ByViews              // by view count, articles without a counter first
	numOrders
)

func (o Order) String() string {
	return [...]string{"date", "unit", "title", "views"}[o]
}

// ordered returns all article numbers in order o, computed once.
func (c *Corpus) ordered(o Order) []int32 {
	c.orderOnce[o].Do(func() {
		ids := make([]int32, len(c.arts))
		for i := range ids {
			ids[i] = int32(i)
		}
		switch o {
		case ByDate:
			slices.SortStableFunc(ids, func(a, b int32) int { return compareDay(c.day[a], c.day[b]) })
		case ByUnit:
			slices.SortStableFunc(ids, func(a, b int32) int {
				ua, ub := c.unitOf[a], c.unitOf[b]
				if ua < 0 {
					ua = int32(len(c.units))
				}
				if ub < 0 {
					ub = int32(len(c.units))
				}
				if r := cmp.Compare(ua, ub); r != 0 {
					return r
				}
				return compareDay(c.day[a], c.day[b])
			})
		case ByTitle:
			col := collate.New(language.Vietnamese, collate.IgnoreCase)
			var buf collate.Buffer
			keys := make([][]byte, len(c.arts))
			for i := range c.arts {
				keys[i] = bytes.Clone(col.KeyFromString(&buf, c.arts[i].Title))
				buf.Reset()
			}
			slices.SortStableFunc(ids, func(a, b int32) int { return bytes.Compare(keys[a], keys[b]) })
		case ByViews:
			slices.SortStableFunc(ids, func(a, b int32) int {
				va, vb := -1, -1
				if c.arts[a].HasViews {
					va = c.arts[a].Views
				}
				if c.arts[b].HasViews {
					vb = c.arts[b].Views
				}
				return cmp.Compare(va, vb)
			})
		}
		c.orders[o] = ids
	})
	return c.orders[o]
}

func compareDay(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// Result is the answer to Filter.
type Result struct {
	// IDs are the matching articles in the order asked for. They are the
	// caller's to keep and modify.
	IDs []int32
	// Phrase reports that the query's words were found as a headline phrase
	// and IDs holds only the articles that have it (see Query).
	Phrase bool
}

// Filter returns the articles that match q, in order o (reversed when desc).
// When q has two or more words and some matching articles hold them as a
// phrase in their headline, only those are returned and Result.Phrase is
// set (see Query for both rules). It stops early and returns ctx's error
// when ctx is done, so a newer keystroke can cancel an older search. Filter
// is safe for concurrent use; its caches are shared by all callers.
func (c *Corpus) Filter(ctx context.Context, q Query, o Order, desc bool) (Result, error) {
	var set bitset
	for _, w := range q.Words {
		s, err := c.ix.prefixSet(ctx, w)
		if err != nil {
			return Result{}, err
		}
		if set == nil {
			set = slices.Clone(s)
		} else {
			set.and(s)
		}
	}
	var phrase bitset
	if len(q.Words) >= 2 {
		var err error
		if phrase, err = c.phraseSet(ctx, q.Words, set); err != nil {
			return Result{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	units := c.unitFilter(q)
	all := c.ordered(o)
	out := make([]int32, 0, c.estimate(set))
	keep := func(id int32) bool {
		if set != nil && !set.has(int(id)) {
			return false
		}
		if units != nil && !units[c.unitOf[id]+1] {
			return false
		}
		if len(q.Years) > 0 && !slices.Contains(q.Years, c.day[id].Year()) {
			return false
		}
		if !q.From.IsZero() || !q.To.IsZero() {
			d := c.day[id]
			if d.IsZero() || !q.From.IsZero() && d.Before(q.From) || !q.To.IsZero() && d.After(q.To) {
				return false
			}
		}
		return true
	}
	inPhrase := 0
	for i := range all {
		id := all[i]
		if desc {
			id = all[len(all)-1-i]
		}
		if keep(id) {
			out = append(out, id)
			if phrase != nil && phrase.has(int(id)) {
				inPhrase++
			}
		}
	}
	if inPhrase == 0 {
		return Result{IDs: out}, nil
	}
	// Keep the phrase holders, in place and in order.
	n := 0
	for _, id := range out {
		if phrase.has(int(id)) {
			out[n] = id
			n++
		}
	}
	return Result{IDs: slices.Clip(out[:n]), Phrase: true}, nil
}

func (c *Corpus) estimate(set bitset) int {
	if set == nil {
		return len(c.arts)
	}
	return set.count()
}

// unitFilter returns, indexed by unit number + 1 (0 for "no unit"), which
// units pass q's unit, unit-text and level conditions; nil when q has none.
func (c *Corpus) unitFilter(q Query) []bool {
	if len(q.Units) == 0 && len(q.UnitText) == 0 && len(q.Levels) == 0 {
		return nil
	}
	ok := make([]bool, len(c.units)+1)
	for i, u := range c.units {
		pass := len(q.Units) == 0 || slices.Contains(q.Units, u.Key)
		pass = pass && (len(q.Levels) == 0 || slices.Contains(q.Levels, u.Unit.Level))
		for _, t := range q.UnitText {
			pass = pass && containsFold(u.Key.Name, t)
		}
		ok[i+1] = pass
	}
	return ok
}

func containsFold(folded, t string) bool {
	return len(t) <= len(folded) && (t == "" || bytes.Contains([]byte(folded), []byte(t)))
}

// Search is a convenience for tests and scripts: ParseQuery then Filter by
// date, newest first.
func (c *Corpus) Search(s string) []int32 {
	r, _ := c.Filter(context.Background(), ParseQuery(s), ByDate, true)
	return r.IDs
}
