// Package figures finds the figures a report states about its own unit:
// Vietnamese numbers, money and percentages (ParseAmount), and the metrics
// of EXPORT.md (Extract).
//
// Extract works paragraph by paragraph on a folded copy of the text (lower
// case, no diacritics, one byte per rune, so offsets map back exactly). Each
// paragraph is cut into words, figures and punctuation, then into sentences
// and ';'-clauses. Two kinds of rule find metrics:
//
//   - key first: a key phrase ("thu ngân sách", "tỷ lệ hộ nghèo", "BHYT",
//     "gia đình văn hóa") opens a window that runs to the first figure of
//     the right measure, and stops at the end of the clause, at a comma that
//     starts a new item, at another key phrase or at a word that makes the
//     figure something else (income, other funds, the near-poor);
//   - figure first: a count followed by its noun ("45 đảng viên", "14 chi
//     bộ") takes its key from the verb before it (kết nạp, có, với, gồm), a
//     ratio followed by "chỉ tiêu" is a count of targets met.
//
// A figure is dropped when the words before it in its clause name another
// unit or a part of the report's unit (a village, a residential group, a
// school, "mỗi chi bộ", "cả nước"), or when its comma-separated segment
// opens with a verb and the subject it continues names one ("Chi bộ tổ dân
// phố số 5 có 38 đảng viên, kết nạp 3 đảng viên mới"). Whether it is a result or a target, its year and
// its period come from cue words before it in the clause, the sentence and
// the paragraph ("phấn đấu", "mục tiêu", "duy trì", "năm 2024" after a 2023
// report; "đã", "đạt được", "năm 2023"); the words that introduce a list
// ("... đề ra các chỉ tiêu: a; b") and section headings ("II. PHƯƠNG HƯỚNG,
// NHIỆM VỤ NĂM 2024") set them for what follows.
//
// Most of a news corpus states no metric, so Extract reads little of it in
// full. Every rule needs a figure and a key word ("ngân sách", "nghèo",
// "BHYT", "bảo hiểm", "văn hóa", "đảng viên", "chi bộ", "quần chúng", "chỉ
// tiêu", "mục tiêu", "nội dung", see keyPair) in one sentence. A scan of the
// raw text (needed) cuts each paragraph where a sentence surely ends and
// looks for both in each piece; the paragraph is prepared only up to the
// end of the last piece that has both, and of its sentences only those
// with both run the rules, the others only hand their cues on. Paragraphs
// that may be headings or end with a colon are read in full. The tests
// check that this reads exactly what reading everything would.
package figures

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/model"
)

// Extract fills a.Metrics from a.Body, using a.Unit, a.Title, a.EventDate and
// a.Published for context (whose figures they are, which year). It replaces
// whatever a.Metrics held.
func Extract(a *model.Article) {
	e := pool.Get().(*extractor)
	e.reset(a)
	for i, p := range a.Body {
		e.paragraph(i, p)
	}
	a.Metrics = e.finish()
	e.a = nil
	pool.Put(e)
}

var pool = sync.Pool{New: func() any { return new(extractor) }}

// readAll, set in tests, makes Extract read every paragraph and sentence
// in full rather than pass over those that cannot state a metric: the two
// must agree.
var readAll = false

// extractor holds the state of one Extract call; its buffers are reused.
type extractor struct {
	t         text
	sents     []span
	clauses   []span
	used      []bool // figures of the paragraph already taken
	pieces    []piece
	cues      []int8 // the cue at each token of the paragraph
	out       []model.Metric
	unitName  []string // folded words of the unit's name; nil when unknown
	unitLevel model.Level
	a         *model.Article
	year      int // the year the report's results belong to; 0 when unknown, -1 before e.reportYear

	// paragraph state, carried from sentence to sentence
	stKind model.Kind // "" when no cue yet
	stYear int
	// stYearKind is the kind of the sentence that named stYear, stYearAge
	// how many sentences ago it did
	stYearKind model.Kind
	stYearAge  int
	stPeriod   string
	// stPeriodKind is the kind of the sentence that named stPeriod
	stPeriodKind model.Kind
	// a heading ("NHỮNG CHỈ TIÊU CHỦ YẾU NĂM 2022:") carried into the list
	// paragraphs after it
	headKind model.Kind
	headYear int
	// a section heading's kind and year, for the paragraphs under it
	secKind model.Kind
	secYear int
}

// maxHeading is the longest paragraph, in bytes, read as a possible
// section heading when it holds no digit.
const maxHeading = 200

// sectionHeading reports whether paragraph p (prepared in e.t) is a section
// heading: short, not a sentence, and in capitals or numbered with a Roman
// numeral ("II. Phương hướng ...").
func (e *extractor) sectionHeading(p string) bool {
	t := &e.t
	n := len(t.toks)
	if n == 0 || n > 24 || t.punct(n-1) == '.' {
		return false
	}
	switch t.word(0) {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x":
		if q := t.punct(1); q == '.' || q == ')' || q == '-' || q == ':' {
			return true
		}
	case "phan":
		if t.origIs(0, "phần") && t.upper(0) {
			return true
		}
	}
	letters := 0
	for _, r := range p {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 6
}

// reset prepares e for article a: its unit and the year of its results.
func (e *extractor) reset(a *model.Article) {
	e.out = e.out[:0]
	e.headKind, e.headYear, e.secKind, e.secYear = "", 0, "", 0
	e.unitName, e.unitLevel = e.unitName[:0], ""
	// without a unit (the page names none) other units' names cannot be
	// told from its own; parts of a unit still can
	u := a.Unit
	if u != nil && u.Name != "" {
		e.unitName = append(e.unitName, strings.Fields(model.Fold(u.Name))...)
		e.unitLevel = u.Level
	}
	e.a, e.year = a, -1
}

// reportYear is the year the report's results belong to (see reportYear),
// worked out the first time it is needed: most articles never need it.
func (e *extractor) reportYear() int {
	if e.year < 0 {
		e.year = reportYear(e.a)
	}
	return e.year
}

// finish returns the metrics found, each figure once.
func (e *extractor) finish() []model.Metric {
	if len(e.out) == 0 {
		return nil
	}
	res := make([]model.Metric, 0, len(e.out))
	for _, m := range e.out {
		dup := -1
		for j := range res {
			r := &res[j]
			if r.Key == m.Key && r.Kind == m.Kind && same(r.Value, m.Value) &&
				(r.HasOf() == m.HasOf()) && (!r.HasOf() || same(r.Of, m.Of)) {
				dup = j
				break
			}
		}
		if dup < 0 {
			res = append(res, m)
			continue
		}
		r := &res[dup]
		if !r.HasPlanPct() && m.HasPlanPct() {
			r.PlanPct = m.PlanPct
		}
		if r.Approx == model.NoApprox {
			r.Approx = m.Approx
		}
		if r.Year == 0 {
			r.Year = m.Year
		}
	}
	// "hơn 1.000 đảng viên" beside "1.008 đảng viên": the rounded
	// restatement of one figure is that figure
	out := res[:0]
	for i, m := range res {
		if !restated(res, i) {
			out = append(out, m)
		}
	}
	return out
}

// restates reports whether metric i of ms is a hedged round number ("hơn
// 1.000", "trên 900") that another, exact metric of the same key and kind
// states more precisely (1.008, 906).
func restated(ms []model.Metric, i int) bool {
	m := ms[i]
	if m.Approx != model.AtLeast && m.Approx != model.AtMost || m.HasOf() || m.Value <= 0 {
		return false
	}
	// rounded to two significant digits: 1.000, 1.200, 900, 30 tỷ
	unit := math.Pow10(int(math.Floor(math.Log10(m.Value))) - 1)
	if math.Mod(m.Value, unit) != 0 {
		return false
	}
	for j, o := range ms {
		if j == i || o.Key != m.Key || o.Kind != m.Kind || o.Approx != model.NoApprox || o.HasOf() {
			continue
		}
		if m.Approx == model.AtLeast && o.Value > m.Value && o.Value <= m.Value+2*unit ||
			m.Approx == model.AtMost && o.Value < m.Value && o.Value >= m.Value-2*unit {
			return true
		}
	}
	return false
}

// same reports whether two figures are equal but for rounding.
func same(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))+1e-9
}

// paragraph finds the metrics of body paragraph pi.
func (e *extractor) paragraph(pi int, p string) {
	t := &e.t
	var digits bool
	if !readAll && e.headKind == "" && !mayBeHeading(p) && !mayEndWithColon(p) {
		// no heading, nothing to hand on to a list: the state a paragraph
		// sets up ends with it, and only its sentences up to the last
		// that may state a metric need reading
		n := e.needed(p)
		if n == 0 {
			return
		}
		digits = true
		t.prepare(p[:n])
	} else {
		digits = hasDigit(p)
		if !digits && len(p) > maxHeading && !strings.HasSuffix(strings.TrimRight(p, " \t"), ":") {
			// no figure here, and no heading to hand on: only a list item
			// keeps the heading's state alive
			if !looksListed(p) {
				e.headKind, e.headYear = "", 0
			}
			return
		}
		t.prepare(p)
	}
	if len(t.toks) == 0 {
		return
	}
	if cap(e.used) < len(t.toks) {
		e.used = make([]bool, len(t.toks))
	}
	e.used = e.used[:len(t.toks)]
	for i := range e.used {
		e.used[i] = false
	}
	heading := e.sectionHeading(p)
	e.sents = t.sentences(e.sents[:0])
	// sentences after the last that may state a metric are read only when
	// the paragraph hands its state on (a colon at its end)
	colon := t.punct(len(t.toks)-1) == ':'
	last := len(e.sents) - 1
	if !colon && !readAll {
		for last >= 0 && !t.mayState(e.sents[last]) {
			last--
		}
	}
	e.markCues()
	if heading {
		// "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" sets the kind of the
		// paragraphs under it; a heading with cues of both kinds, none
		target, actual := false, false
		for i := range e.cues {
			c := e.cueOf(i)
			target = target || c == cueTarget
			actual = actual || c == cueActual
		}
		switch {
		case target && !actual:
			e.secKind, e.secYear = model.Target, e.yearIn(0, len(t.toks))
		case actual && !target:
			e.secKind, e.secYear = model.Actual, e.yearIn(0, len(t.toks))
		case actual && target:
			e.secKind, e.secYear = "", 0
		}
	}
	// a list item after a heading inherits the heading's kind and year;
	// other paragraphs start from their section's
	list := isListItem(t)
	e.stKind, e.stYear, e.stPeriod, e.stYearKind, e.stYearAge, e.stPeriodKind = "", 0, "", "", 0, ""
	if e.headKind != "" && list {
		e.stKind, e.stYear, e.stYearKind = e.headKind, e.headYear, e.headKind
	} else {
		if !list {
			e.headKind, e.headYear = "", 0
		}
		if e.secKind != "" {
			e.stKind, e.stYear, e.stYearKind = e.secKind, e.secYear, e.secKind
		}
	}
	if !digits && !colon {
		return
	}
	for _, s := range e.sents[:last+1] {
		if !readAll && !t.mayState(s) {
			e.carry(s)
			continue
		}
		e.clauses = e.clauses[:0]
		start := s.s
		for i := s.s; i < s.e; i++ {
			if t.punct(i) == ';' {
				e.clauses = append(e.clauses, span{start, i})
				start = i + 1
			}
		}
		e.clauses = append(e.clauses, span{start, s.e})
		for _, c := range e.clauses {
			e.clause(pi, s, c, len(e.clauses) > 1)
		}
		e.sentenceTotals(pi, s)
		e.carry(s)
	}
	// a heading that ends with ':' hands its state to the list after it
	if t.punct(len(t.toks)-1) == ':' && e.stKind == model.Target {
		e.headKind, e.headYear = e.stKind, e.stYear
	}
}

// carry carries the cues of sentence s (its kind, year and period) to the
// sentences after it.
func (e *extractor) carry(s span) {
	k, ok := e.cue(s.s, s.e)
	if ok {
		e.stKind = k
	}
	e.stYearAge++
	if y := e.yearIn(s.s, s.e); y != 0 {
		e.stYear, e.stYearKind, e.stYearAge = y, k, 0
	}
	if per := e.periodIn(s.s, s.e); per != "" {
		e.stPeriod, e.stPeriodKind = per, k
		if !ok {
			e.stPeriodKind = e.stKind
		}
		if e.stPeriodKind == "" {
			e.stPeriodKind = model.Actual
		}
	}
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// looksListed is isListItem for a paragraph without digits, on the raw
// text: "- ", "+ ", "• ", "a) ".
func looksListed(p string) bool {
	p = strings.TrimLeft(p, " \t")
	r, n := utf8.DecodeRuneInString(p)
	switch r {
	case '-', '+', '*', '–', '—', '•', '·', '●', '▪', '■', '◦':
		return true
	}
	if unicode.IsLetter(r) && len(p) > n && p[n] == ')' {
		return true
	}
	return false
}

// isListItem reports whether the paragraph starts like a list item: "- ",
// "+ ", "• ", "1. ", "a) ".
func isListItem(t *text) bool {
	switch t.punct(0) {
	case '-', '+', '*':
		return true
	}
	if g := t.figAt(0); g != nil && (t.punct(1) == '.' || t.punct(1) == ')') {
		return true
	}
	if w := t.word(0); len(w) == 1 && t.punct(1) == ')' {
		return true
	}
	return false
}

// emit records one metric found at figure token ft.
func (e *extractor) emit(pi int, key model.Key, ft int, s, c span, multi bool, value, of float64, plan float64, approx model.Approx) {
	t := &e.t
	g := t.figAt(ft)
	if g == nil || math.IsNaN(value) || math.IsInf(value, 0) {
		return
	}
	e.used[ft] = true
	ev := s
	if multi {
		ev = c
	}
	es, ee := t.byteSpan(ev)
	fs, fe := int(t.off[g.s]), int(t.off[g.e])
	if fs < es || fe > ee || fs >= fe {
		return
	}
	kind := e.kindAt(s, c, ft)
	if g.meas != model.VND && approx == model.AtLeast && e.perYear(c) {
		kind = model.Target // "mỗi năm kết nạp từ 25 đảng viên trở lên"
	}
	period := e.periodAt(s, c, ft, kind)
	year := e.yearAt(s, c, ft, kind, period)
	m := model.Metric{
		Key: key, Kind: kind, Value: value, Of: of, Measure: model.MeasureOf(key),
		Approx: approx, PlanPct: plan, Year: year, Period: period,
		Evidence: t.orig[es:ee], Para: pi, Start: fs, End: fe,
	}
	e.out = append(e.out, m)
}

// perYear reports whether clause c says "each year": "hằng năm", "hàng
// năm", "mỗi năm", "/năm".
func (e *extractor) perYear(c span) bool {
	t := &e.t
	for i := c.s; i < c.e; i++ {
		if t.word(i+1) == "nam" {
			if w := t.word(i); w == "hang" || (w == "moi" && t.origIs(i, "mỗi")) {
				return true
			}
			if t.punct(i) == '/' {
				return true
			}
		}
	}
	return false
}
