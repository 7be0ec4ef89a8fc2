package detail

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
)

// hit is one match of the search in the rendered lines: a line and a range
// of cells [start, end).
type hit struct{ line, start, end int }

// findHits finds q in the plain rendered lines, ignoring case and
// diacritics (đ = d): both are folded with model.FoldOffsets, which maps
// every folded rune back to the original, so a match always covers whole
// runes (with their combining marks). A match does not span lines.
func findHits(plain []string, q string) []hit {
	fq := []rune(model.Fold(q))
	if len(fq) == 0 {
		return nil
	}
	var hits []hit
	for li, line := range plain {
		if line == "" {
			continue
		}
		folded, offs := model.FoldOffsets(line)
		fr := []rune(folded)
		for i := 0; i+len(fq) <= len(fr); i++ {
			if !runesEqual(fr[i:i+len(fq)], fq) {
				continue
			}
			end := len(line)
			if i+len(fq) < len(offs) {
				end = offs[i+len(fq)]
			}
			hits = append(hits, hit{li, ansi.StringWidth(line[:offs[i]]), ansi.StringWidth(line[:end])})
			i += len(fq) - 1
		}
	}
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
	for i := 0; i < len(hits); {
		j := i
		var ranges []lipgloss.Range
		for ; j < len(hits) && hits[j].line == hits[i].line; j++ {
			st := match
			if j == cur {
				st = sel
			}
			ranges = append(ranges, lipgloss.NewRange(hits[j].start, hits[j].end, st))
		}
		l := hits[i].line
		out[l] = lipgloss.StyleRanges(out[l], ranges...)
		i = j
	}
	return out
}
