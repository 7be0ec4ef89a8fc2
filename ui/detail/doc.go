package detail

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// span is a byte range of a body paragraph to mark: a figure's own words
// (fig) or, where those are unknown, the evidence sentence.
type span struct {
	start, end int
	fig        bool
}

// paraSpans returns, for each body paragraph, the spans to mark, sorted and
// without overlaps. A metric with a valid Para/Start/End marks its figure;
// one without (Para -1, offsets out of range or not on rune boundaries, the
// figures extractor not yet filling them) marks its evidence sentence where
// it occurs verbatim in the body.
func paraSpans(a *model.Article) [][]span {
	out := make([][]span, len(a.Body))
	var pending []string // evidence to find
	for _, m := range a.Metrics {
		if validSpan(a, m) {
			out[m.Para] = append(out[m.Para], span{m.Start, m.End, true})
			continue
		}
		if m.Evidence != "" {
			pending = append(pending, m.Evidence)
		}
	}
	for _, ev := range pending {
		for p, text := range a.Body {
			if i := strings.Index(text, ev); i >= 0 {
				out[p] = append(out[p], span{i, i + len(ev), false})
				break
			}
		}
	}
	for p := range out {
		s := out[p]
		if len(s) < 2 {
			continue
		}
		// figures first, then by position; keep what does not overlap a
		// span already kept.
		slices.SortStableFunc(s, func(x, y span) int {
			if x.fig != y.fig {
				if x.fig {
					return -1
				}
				return 1
			}
			return x.start - y.start
		})
		var kept []span
		for _, c := range s {
			ok := true
			for _, k := range kept {
				if c.start < k.end && k.start < c.end {
					ok = false
					break
				}
			}
			if ok {
				kept = append(kept, c)
			}
		}
		slices.SortFunc(kept, func(x, y span) int { return x.start - y.start })
		out[p] = kept
	}
	return out
}

func validSpan(a *model.Article, m model.Metric) bool {
	if m.Para < 0 || m.Para >= len(a.Body) || m.Start < 0 || m.End <= m.Start {
		return false
	}
	p := a.Body[m.Para]
	if m.End > len(p) {
		return false
	}
	return (m.Start == len(p) || utf8.RuneStart(p[m.Start])) && (m.End == len(p) || utf8.RuneStart(p[m.End]))
}

// markedParagraph returns paragraph p as Markdown with its spans bracketed
// by the mark characters.
func markedParagraph(p string, spans []span) string {
	if len(spans) == 0 {
		return md(p)
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(cleanText(p[last:s.start]))
		o, c := evOpen, evClose
		if s.fig {
			o, c = markOpen, markClose
		}
		b.WriteRune(o)
		b.WriteString(cleanText(p[s.start:s.end]))
		b.WriteRune(c)
		last = s.end
	}
	b.WriteString(cleanText(p[last:]))
	var e strings.Builder
	escapeMarkdown(&e, b.String())
	return strings.TrimRight(e.String(), " ")
}

// block is a part of the document: Markdown for Glamour, or lines already
// laid out (the figures table).
type block struct {
	md    string
	lines []string
}

// document builds the Markdown of an article: title, a line of facts, the
// body with figures marked, captions as italic quotes, the figures table
// and the abbreviations. Every piece of article text goes through md. The
// result is a list of independent Markdown blocks, so that a long report
// can be rendered in parts in parallel.
func document(a *model.Article, lang common.Lang, st *common.Styles, width int) []block {
	L := common.LabelsFor(lang)
	var blocks []block
	var b strings.Builder
	cut := func() { // end a block
		if b.Len() > 0 {
			blocks = append(blocks, block{md: b.String()})
			b.Reset()
		}
	}
	title := md(a.Title)
	if title == "" {
		title = md(a.ID)
	}
	b.WriteString("# ")
	b.WriteString(title)
	b.WriteString("\n\n")

	var facts []string
	if a.Unit != nil {
		s := a.Unit.String()
		if a.Unit.Parent != "" {
			s += ", " + a.Unit.Parent
		}
		facts = append(facts, md(s))
	}
	if !a.EventDate.IsZero() {
		facts = append(facts, md(L.EventDate+": "+lang.When(a.EventDate)))
	}
	if !a.Published.IsZero() {
		facts = append(facts, md(L.Published+": "+lang.When(a.Published)))
	}
	if a.HasViews {
		facts = append(facts, md(L.Views+": "+lang.Count(a.Views)))
	}
	if a.Byline != "" {
		facts = append(facts, md(a.Byline))
	}
	if len(facts) > 0 {
		b.WriteString(strings.Join(facts, " · "))
		b.WriteString("\n\n")
	}
	if a.SourceURL != "" {
		// The link is shown, never made a hyperlink: its text is escaped
		// like everything else, so Glamour sees no link or autolink.
		b.WriteString(md(L.Source + ": " + a.SourceURL))
		b.WriteString("\n\n")
	}
	if a.TitleDerived {
		b.WriteString("*")
		b.WriteString(md("(" + L.TitleDerived + ")"))
		b.WriteString("*\n\n")
	}
	b.WriteString("---\n\n")
	cut()

	spans := paraSpans(a)
	for i, p := range a.Body {
		s := markedParagraph(p, spans[i])
		if s == "" {
			continue
		}
		b.WriteString(s)
		b.WriteString("\n\n")
		cut()
	}
	for _, c := range a.Captions {
		s := md(c)
		if s == "" {
			continue
		}
		b.WriteString("> *")
		b.WriteString(s)
		b.WriteString("*\n\n")
		cut()
	}

	if len(a.Metrics) > 0 {
		b.WriteString("## ")
		b.WriteString(md(L.Figures))
		b.WriteString("\n\n")
		cut()
		blocks = append(blocks, block{lines: figureTable(a, lang, st, width)})
	}
	if abs := a.Abbreviations(); len(abs) > 0 {
		b.WriteString("## ")
		b.WriteString(md(L.Abbreviations))
		b.WriteString("\n\n")
		for _, ab := range abs {
			b.WriteString("- **")
			b.WriteString(md(ab.Short))
			b.WriteString("** ")
			b.WriteString(md(ab.Long))
			b.WriteString("\n")
		}
		b.WriteString("\n")
		cut()
	}
	if len(a.Problems) > 0 {
		b.WriteString("## ")
		b.WriteString(md(L.ProblemsField))
		b.WriteString("\n\n")
		for _, p := range a.Problems {
			b.WriteString("- ")
			b.WriteString(md(p))
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	cut()
	return blocks
}

// figureTable lays out the figures found as a table (Lip Gloss): key,
// kind, value, share of plan, year or period and, when the width allows
// a readable column, the evidence sentence wrapped inside it; otherwise
// the sentences follow the table, numbered like its rows. Article text is
// cleaned (cleanText) before it becomes a cell.
func figureTable(a *model.Article, lang common.Lang, st *common.Styles, width int) []string {
	L := common.LabelsFor(lang)
	head := []string{"#", lang.Pick("Chỉ số", "Indicator"), lang.Pick("Loại", "Kind"),
		lang.Pick("Giá trị", "Value"), lang.Pick("% KH", "% plan"), L.Year}
	rows := make([][]string, len(a.Metrics))
	colW := make([]int, len(head)+1)
	for i, h := range head {
		colW[i] = ansi.StringWidth(h)
	}
	for i, m := range a.Metrics {
		rows[i] = []string{strconv.Itoa(i + 1), L.MetricName(m.Key), kindLabel(L, m.Kind),
			cleanText(lang.Metric(m)), planPct(lang, m), cleanText(yearPeriod(m))}
		for j, c := range rows[i] {
			colW[j] = max(colW[j], ansi.StringWidth(c))
		}
	}
	// Each column has one space of padding each side and a separator.
	used := margin
	for _, w := range colW[:len(head)] {
		used += w + 3
	}
	evW := width - used - 2
	wide := evW >= 30
	if wide {
		head = append(head, L.Evidence)
		for i, m := range a.Metrics {
			rows[i] = append(rows[i], ansi.Wrap(cleanText(m.Evidence), evW, ""))
		}
	}
	// Drawn by hand rather than with lipgloss/table, which took a fifth of
	// a report's rendering time: the widths are known, cells are padded
	// and painted with SGR taken once from the styles.
	if wide {
		colW[len(head)-1] = ansi.StringWidth(head[len(head)-1])
		for _, r := range rows {
			for l := range strings.SplitSeq(r[len(r)-1], "\n") {
				colW[len(head)-1] = max(colW[len(head)-1], ansi.StringWidth(l))
			}
		}
	}
	hdr, faint, num, tgt, evi := paintOf(st.Header), paintOf(st.Faint), paintOf(st.Number), paintOf(st.TargetNum), paintOf(st.Evidence)
	plainP := paint{}
	right := func(col int) bool { return col == 0 || col == 4 }
	line := func(cells []string, paints func(col int) paint) string {
		var b strings.Builder
		for j, c := range cells {
			if j > 0 {
				faint.write(&b, "│")
			}
			b.WriteByte(' ')
			paints(j).write(&b, padCell(c, colW[j], right(j)))
			b.WriteByte(' ')
		}
		return b.String()
	}
	lines := []string{line(head, func(int) paint { return hdr })}
	var rule strings.Builder
	for j := range head {
		if j > 0 {
			rule.WriteString("┼")
		}
		rule.WriteString(strings.Repeat("─", colW[j]+2))
	}
	lines = append(lines, faint.pre+rule.String()+faint.post)
	for i, r := range rows {
		value := num
		if a.Metrics[i].Kind == model.Target {
			value = tgt
		}
		paints := func(col int) paint {
			switch {
			case col == 3:
				return value
			case wide && col == len(head)-1:
				return evi
			}
			return plainP
		}
		if !wide {
			lines = append(lines, line(r, paints))
			continue
		}
		for k, ev := range strings.Split(r[len(r)-1], "\n") {
			cells := make([]string, len(r))
			if k == 0 {
				copy(cells, r)
			}
			cells[len(r)-1] = ev
			lines = append(lines, line(cells, paints))
		}
	}
	if !wide {
		lines = append(lines, "")
		for i, m := range a.Metrics {
			if m.Evidence == "" {
				continue
			}
			num := fmt.Sprintf("%d. ", i+1)
			w := max(width-margin-len(num), 20)
			for k, l := range strings.Split(ansi.Wrap(cleanText(m.Evidence), w, ""), "\n") {
				if k == 0 {
					lines = append(lines, num+st.Evidence.Render(l))
				} else {
					lines = append(lines, strings.Repeat(" ", len(num))+st.Evidence.Render(l))
				}
			}
		}
	}
	return append(lines, "") // a blank line before what follows
}

func kindLabel(L *common.Labels, k model.Kind) string {
	if k == model.Target {
		return L.Target
	}
	return L.Actual
}

func planPct(lang common.Lang, m model.Metric) string {
	if !m.HasPlanPct() {
		return "—"
	}
	return lang.Percent(m.PlanPct)
}

func yearPeriod(m model.Metric) string {
	var s string
	if m.Year != 0 {
		s = strconv.Itoa(m.Year)
	}
	if m.Period != "" {
		if s != "" {
			s += ", "
		}
		s += m.Period
	}
	if s == "" {
		return "—"
	}
	return s
}

// padCell pads plain text to w cells, on the left when right-aligned.
func padCell(s string, w int, right bool) string {
	n := w - ansi.StringWidth(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// paint is a style's SGR opening and closing, taken once from Lip Gloss:
// Style.Render per cell would cost more than the cell.
type paint struct{ pre, post string }

func paintOf(st lipgloss.Style) paint {
	r := st.Render("\x00")
	i := strings.IndexByte(r, 0)
	if i < 0 {
		return paint{}
	}
	return paint{r[:i], r[i+1:]}
}

func (p paint) write(b *strings.Builder, s string) {
	b.WriteString(p.pre)
	b.WriteString(s)
	b.WriteString(p.post)
}
