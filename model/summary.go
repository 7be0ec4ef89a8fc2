package model

import "slices"

// Figure is one metric with the article that states it, so every number the
// summary shows can be traced to its article and sentence.
type Figure struct {
	Metric  Metric
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
// without a unit are left out.
func (c *Corpus) Summary(ids []int32) []SummaryRow {
	rowOf := make(map[int32]int)
	var rows []SummaryRow
	sorted := slices.Clone(ids)
	slices.Sort(sorted) // load order: later articles replace earlier ones on ties
	for _, id := range sorted {
		u := c.unitOf[id]
		if u < 0 {
			continue
		}
		ri, ok := rowOf[u]
		if !ok {
			ri = len(rows)
			rowOf[u] = ri
			rows = append(rows, SummaryRow{Unit: &c.units[u], Actual: make([]Figure, len(Keys)), Target: make([]Figure, len(Keys))})
		}
		row := &rows[ri]
		row.Reports++
		for _, m := range c.arts[id].Metrics {
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
	slices.SortFunc(rows, func(a, b SummaryRow) int { return int(c.unitIndex(a.Unit) - c.unitIndex(b.Unit)) })
	return rows
}

func (c *Corpus) unitIndex(u *UnitInfo) int32 { return c.unitOf[u.Articles[0]] }

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
		for _, m := range c.arts[id].Metrics {
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
