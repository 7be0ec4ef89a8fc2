package model

import (
	"strconv"
	"strings"
	"time"
)

// Query is what a reader asks the corpus: free words plus qualifiers. The
// zero Query matches every article.
//
// Words match by prefix against the words of an article's title, unit,
// byline and body, after folding (case and diacritics ignored, đ = d): "hoang
// van thu" and "Hoàng Văn Thụ" find the same reports, and so does "hoa van th"
// while it is being typed. Every word must match.
//
// Two or more words are also read as a phrase. When some of the matching
// articles hold the words, in the order typed, as consecutive words of one
// headline field (the title, the unit, or the byline; each query word a
// prefix of its word, as above), the answer is those articles only: "hoang
// van thu" keeps the reports headed "Hoàng Văn Thụ" and drops one signed
// "Hoàng Bình" whose body says "dân vận" and "thường trực". When no matching
// article has the phrase in its headline, every matching article is the
// answer. Phrases never span two fields, and bodies are not read for them.
type Query struct {
	Words []string // folded
	// UnitText holds unit:/ward: qualifiers: each must occur (folded) in the
	// article's unit name, e.g. "unit:hoang" or "ward:tay-son" (a hyphen
	// stands for a space).
	UnitText []string
	// Units restricts to these units (the ward picker's choice); empty means
	// any unit.
	Units  []UnitKey
	Levels []Level // level: qualifiers; any of them
	Years  []int   // year: qualifiers; any of them
	// From and To bound the article's date (its event date, else its
	// publication date), inclusive; zero means open.
	From, To time.Time
	// Invalid lists qualifiers that could not be understood, for the status
	// bar; they do not restrict the result.
	Invalid []string
}

// IsZero reports whether q matches everything.
func (q Query) IsZero() bool {
	return len(q.Words) == 0 && len(q.UnitText) == 0 && len(q.Units) == 0 && len(q.Levels) == 0 &&
		len(q.Years) == 0 && q.From.IsZero() && q.To.IsZero()
}

// ParseQuery reads the filter line a reader types:
//
//	hoang van thu                  words, each a prefix of some word
//	unit:tay-son  ward:hoang       the unit's name contains this
//	level:phuong  level:xa,thi-tran   the unit's level (also p, x, tt, q, h, tx, tp, t)
//	year:2023     year:2022,2023   the article's year
//	date:2023-01..2023-06          a date range (YYYY, YYYY-MM or YYYY-MM-DD at each end; either end may be empty)
//	from:2023-01-01 to:2023-12-31  the same, one end at a time
//
// Units chosen in the picker are not part of the text; set Query.Units.
func ParseQuery(s string) Query {
	var q Query
	for _, f := range strings.Fields(Fold(s)) {
		name, val, ok := strings.Cut(f, ":")
		if !ok || val == "" {
			if ok { // "unit:" while typing: not yet a qualifier, not a word either
				continue
			}
			q.Words = append(q.Words, f)
			continue
		}
		switch name {
		case "unit", "ward", "u", "w", "donvi", "phuong":
			q.UnitText = append(q.UnitText, strings.ReplaceAll(val, "-", " "))
		case "level", "l", "cap":
			for _, v := range strings.Split(val, ",") {
				if l, ok := levelWord(v); ok {
					q.Levels = append(q.Levels, l)
				} else if v != "" {
					q.Invalid = append(q.Invalid, f)
				}
			}
		case "year", "y", "nam":
			for _, v := range strings.Split(val, ",") {
				if y, err := strconv.Atoi(v); err == nil && y > 1900 && y < 2200 {
					q.Years = append(q.Years, y)
				} else if v != "" {
					q.Invalid = append(q.Invalid, f)
				}
			}
		case "date", "d", "ngay":
			lo, hi, _ := strings.Cut(val, "..")
			from, ok1 := parseDay(lo, false)
			to, ok2 := parseDay(hi, true)
			if !ok1 || !ok2 {
				q.Invalid = append(q.Invalid, f)
				continue
			}
			if !strings.Contains(val, "..") { // date:2023-05 is the whole month
				to, _ = parseDay(lo, true)
			}
			q.From, q.To = from, to
		case "from", "since", "tu":
			if t, ok := parseDay(val, false); ok && val != "" {
				q.From = t
			} else {
				q.Invalid = append(q.Invalid, f)
			}
		case "to", "until", "den":
			if t, ok := parseDay(val, true); ok && val != "" {
				q.To = t
			} else {
				q.Invalid = append(q.Invalid, f)
			}
		default: // "10:15" or a URL: a plain word after all
			q.Words = append(q.Words, f)
		}
	}
	return q
}

// levelWord reads a folded level name or abbreviation.
func levelWord(s string) (Level, bool) {
	switch strings.NewReplacer("-", "", "_", "", ".", "").Replace(s) {
	case "phuong", "p", "ward":
		return Ward, true
	case "xa", "x", "commune":
		return Commune, true
	case "thitran", "tt", "township":
		return Townlet, true
	case "quan", "q", "urban", "urbandistrict":
		return UrbanDist, true
	case "huyen", "h", "district", "ruraldistrict":
		return RuralDist, true
	case "thixa", "tx", "town":
		return Town, true
	case "thanhpho", "tp", "city":
		return City, true
	case "tinh", "t", "province":
		return Province, true
	}
	return "", false
}

// parseDay reads YYYY, YYYY-MM or YYYY-MM-DD; end chooses the last day of
// the span instead of the first. "" is an open end (zero time).
func parseDay(s string, end bool) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return time.Time{}, false
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return time.Time{}, false
		}
		n[i] = v
	}
	y, m, d := n[0], 1, 1
	if y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	if len(n) > 1 {
		m = n[1]
		if m < 1 || m > 12 {
			return time.Time{}, false
		}
	}
	if len(n) > 2 {
		d = n[2]
		if d < 1 || d > 31 {
			return time.Time{}, false
		}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if end {
		switch len(n) {
		case 1:
			t = t.AddDate(1, 0, -1)
		case 2:
			t = t.AddDate(0, 1, -1)
		}
	}
	return t, true
}

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// Highlights returns the byte spans of s that the query's words match: each
// word of s (a run of letters and digits) whose folded form starts with a
// query word contributes the runes of that prefix. Spans are in order and do
// not overlap; they always fall on rune boundaries, so a highlighter never
// splits an accented letter.
func Highlights(s string, words []string) []Span {
	if len(words) == 0 || s == "" {
		return nil
	}
	folded, offs := FoldOffsets(s)
	var spans []Span
	fr := []rune(folded)
	for i := 0; i < len(fr); {
		if !isWordRune(fr[i]) {
			i++
			continue
		}
		j := i
		for j < len(fr) && isWordRune(fr[j]) {
			j++
		}
		best := 0
		for _, w := range words {
			wr := []rune(w)
			if len(wr) <= j-i && len(wr) > best && string(fr[i:i+len(wr)]) == w {
				best = len(wr)
			}
		}
		if best > 0 {
			end := len(s)
			if i+best < len(offs) {
				end = offs[i+best]
			}
			spans = append(spans, Span{offs[i], end})
		}
		i = j
	}
	return spans
}
