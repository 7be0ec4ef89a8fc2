package detail

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
)

// hit is one match of the search in the rendered lines: the line it
// starts on and, per line it covers (a match may continue on the next line
// where the text wrapped), a range of cells [start, end).
type hit struct {
	line int
	segs []seg
}

type seg struct{ line, start, end int }

// findHits finds q in the plain rendered lines, ignoring case and
// diacritics (đ = d): both are folded with model.FoldOffsets, which maps
// every folded rune back to the original, so a match always covers whole
// runes (with their combining marks). Consecutive non-blank lines are
// searched as one text joined by spaces, so that "hoàng văn thụ" is found
// where the wrap put "hoàng văn" and "thụ" on two lines.
func findHits(plain []string, q string) []hit {
	fq := []rune(strings.Join(strings.Fields(model.Fold(q)), " "))
	if len(fq) == 0 {
		return nil
	}
	var hits []hit
	// where is each folded rune of a run: its line and byte offset; line
	// -1 for the space joining two lines.
	type pos struct{ line, off int }
	var runes []rune
	var where []pos
	flush := func() {
		for i := 0; i+len(fq) <= len(runes); i++ {
			if where[i].line < 0 || !runesEqual(runes[i:i+len(fq)], fq) {
				continue
			}
			h := hit{line: where[i].line}
			for j := i; j < i+len(fq); j++ {
				p := where[j]
				if p.line < 0 {
					continue
				}
				line := plain[p.line]
				// the end of this rune: the next rune's offset on the
				// same line, else the end of the line
				end := len(line)
				if j+1 < len(where) && where[j+1].line == p.line {
					end = where[j+1].off
				}
				if n := len(h.segs); n > 0 && h.segs[n-1].line == p.line {
					h.segs[n-1].end = end
				} else {
					h.segs = append(h.segs, seg{p.line, p.off, end})
				}
			}
			for k := range h.segs {
				sg := &h.segs[k]
				line := plain[sg.line]
				sg.start, sg.end = ansi.StringWidth(line[:sg.start]), ansi.StringWidth(line[:sg.end])
			}
			hits = append(hits, h)
			i += len(fq) - 1
		}
		runes, where = runes[:0], where[:0]
	}
	for li, line := range plain {
		start := len(line) - len(strings.TrimLeft(line, " "))
		if start == len(line) {
			flush()
			continue
		}
		if len(runes) > 0 {
			runes = append(runes, ' ')
			where = append(where, pos{-1, 0})
		}
		folded, offs := model.FoldOffsets(line[start:])
		k := 0
		for _, r := range folded {
			runes = append(runes, r)
			where = append(where, pos{li, start + offs[k]})
			k++
		}
	}
	flush()
	return hits
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// highlight returns a copy of lines with every hit styled, the current one
// (index cur) with sel.
func highlight(lines []string, hits []hit, cur int, match, sel lipgloss.Style) []string {
	out := append([]string(nil), lines...)
	ranges := map[int][]lipgloss.Range{}
	var order []int
	for i, h := range hits {
		st := match
		if i == cur {
			st = sel
		}
		for _, sg := range h.segs {
			if _, ok := ranges[sg.line]; !ok {
				order = append(order, sg.line)
			}
			ranges[sg.line] = append(ranges[sg.line], lipgloss.NewRange(sg.start, sg.end, st))
		}
	}
	for _, l := range order {
		out[l] = lipgloss.StyleRanges(out[l], ranges[l]...)
	}
	return out
}
