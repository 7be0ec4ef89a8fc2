package model

import "slices"

// Figure is one metric with the article that states it, so every number the
// summary shows can be traced to its article and sentence.
type Figure struct {
	// Metric points into the corpus's article; it is nil in an empty cell.
	Metric  *Metric
	Article int32 // the article that states it
	Year    int   // the metric's year, else its article's year; 0 when unknown
	OK      bool  // false for an empty cell
}

// KeyIndex is k's position in Keys, or -1.
func KeyIndex(k Key) int { return slices.Index(Keys, k) }

// SummaryRow is one unit of a metric summary.
type SummaryRow struct {
	Unit *UnitInfo
	// Actual holds, for each key of Keys (same index), the latest result:
	// the figure of the latest year, and of the latest article within that
	// year (a year-end figure replaces an estimate made earlier).
	Actual []Figure
	// Target holds the latest target for each key, kept apart from results:
	// targets are never summed or compared with them.
	Target []Figure
	// Reports is how many of the given articles are about this unit.
	Reports int
}

// Summary makes one row per unit among ids, in the order of Units. Articles
// without a unit are left out. The summary of the whole corpus is made once
// and shared by every caller: callers must not modify the rows.
func (c *Corpus) Summary(ids []int32) []SummaryRow {
	if len(ids) == len(c.arts) && len(ids) > 0 { // ids are distinct: all of them
		c.summaryOnce.Do(func() { c.summaryAll = c.summary(ids) })
		return c.summaryAll
	}
	return c.summary(ids)
}

func (c *Corpus) summary(ids []int32) []SummaryRow {
	// Units are numbered in Units order, so walking the articles by unit
	// number yields the rows in order; within a unit, load order decides
	// ties (later articles replace earlier ones).
	rowOf := make([]int32, len(c.units))
	n := 0
	for _, id := range ids {
		if u := c.unitOf[id]; u >= 0 {
			if rowOf[u] == 0 {
				n++
			}
			rowOf[u]++
		}
	}
	rows := make([]SummaryRow, 0, n)
	figs := make([]Figure, 2*n*len(Keys)) // one block for every row's cells
	start := make([]int32, len(c.units))
	for u, cnt := range rowOf {
		if cnt == 0 {
			start[u] = -1
			continue
		}
		start[u] = int32(len(rows))
		cells := figs[: 2*len(Keys) : 2*len(Keys)]
		figs = figs[2*len(Keys):]
		rows = append(rows, SummaryRow{Unit: &c.units[u], Actual: cells[:len(Keys):len(Keys)], Target: cells[len(Keys):], Reports: int(cnt)})
	}
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	for _, id := range sorted {
		u := c.unitOf[id]
		if u < 0 {
			continue
		}
		row := &rows[start[u]]
		ms := c.arts[id].Metrics
		for i := range ms {
			m := &ms[i]
			k := KeyIndex(m.Key)
			if k < 0 {
				continue
			}
			f := Figure{Metric: m, Article: id, Year: m.Year, OK: true}
			if f.Year == 0 {
				f.Year = c.day[id].Year()
			}
			cells := row.Actual
			if m.Kind == Target {
				cells = row.Target
			}
			if c.later(f, cells[k]) {
				cells[k] = f
			}
		}
	}
	return rows
}

// later reports whether f should replace the cell old: a later year wins,
// then a later-dated article, then the later article in load order.
func (c *Corpus) later(f, old Figure) bool {
	if !old.OK {
		return true
	}
	if f.Year != old.Year {
		return f.Year > old.Year
	}
	if r := compareDay(c.day[f.Article], c.day[old.Article]); r != 0 && !c.day[f.Article].IsZero() && !c.day[old.Article].IsZero() {
		return r > 0
	}
	return f.Article >= old.Article
}

// History returns, for one unit and key among ids, the latest result of
// each year, ascending by year (figures without a year come first). kind
// chooses results or targets.
func (c *Corpus) History(ids []int32, unit UnitKey, key Key, kind Kind) []Figure {
	byYear := make(map[int]Figure)
	for _, id := range ids {
		u := c.unitOf[id]
		if u < 0 || c.units[u].Key != unit {
			continue
		}
		ms := c.arts[id].Metrics
		for i := range ms {
			m := &ms[i]
			if m.Key != key || m.Kind != kind {
				continue
			}
			f := Figure{Metric: m, Article: id, Year: m.Year, OK: true}
			if f.Year == 0 {
				f.Year = c.day[id].Year()
			}
			if c.later(f, byYear[f.Year]) {
				byYear[f.Year] = f
			}
		}
	}
	out := make([]Figure, 0, len(byYear))
	for _, f := range byYear {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b Figure) int { return a.Year - b.Year })
	return out
}
