// Package problems is the overlay listing the files that had problems at
// load (model.Corpus.WithProblems), each with what went wrong. Enter asks the
// root to open the report (common.OpenArticleMsg); esc closes.
package problems

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/baocao/baocao/ui/common"
)

// line is one screen line: the heading of item (sub < 0) or its sub-th
// problem.
type line struct{ item, sub int }

// Model is the problems overlay. Use New; it is a common.Component.
type Model struct {
	ctx           *common.Context
	width, height int

	ids    []int32 // articles with problems, load order
	lines  []line
	first  []int // item -> its heading's line
	cursor int   // item
	offset int   // first visible line
}

const headerLines, footerLines = 1, 1

// New lists ctx.Corpus's articles with problems.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, ids: ctx.Corpus.WithProblems()}
	for i, id := range m.ids {
		m.first = append(m.first, len(m.lines))
		m.lines = append(m.lines, line{i, -1})
		for j := range ctx.Corpus.At(id).Problems {
			m.lines = append(m.lines, line{i, j})
		}
	}
	return m
}

// Init does nothing.
func (m *Model) Init() tea.Cmd { return nil }

// Len is the number of articles with problems.
func (m *Model) Len() int { return len(m.ids) }

// Selected is the article under the cursor.
func (m *Model) Selected() (int32, bool) {
	if m.cursor < len(m.ids) {
		return m.ids[m.cursor], true
	}
	return 0, false
}

// NaturalHeight is the height that shows every line, at least 6.
func (m *Model) NaturalHeight() int { return max(6, len(m.lines)+headerLines+footerLines) }

// SetSize sets the inner size of the overlay.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.clamp()
}

func (m *Model) rows() int { return max(1, m.height-headerLines-footerLines) }

func (m *Model) move(d int) {
	m.cursor = max(0, min(len(m.ids)-1, m.cursor+d))
	m.clamp()
}

// clamp scrolls so that the cursor's heading and, where they fit, its
// problems are visible.
func (m *Model) clamp() {
	if len(m.ids) == 0 {
		return
	}
	r := m.rows()
	top := m.first[m.cursor]
	bottom := len(m.lines) - 1
	if m.cursor+1 < len(m.first) {
		bottom = m.first[m.cursor+1] - 1
	}
	if bottom >= m.offset+r {
		m.offset = bottom - r + 1
	}
	if top < m.offset || top >= m.offset+r {
		m.offset = top
	}
	m.offset = max(0, min(m.offset, len(m.lines)-r))
}

// Update handles keys and mouse (coordinates inside the overlay).
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	k := m.ctx.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Back, k.Problems, k.Quit): // q closes the overlay, not the reader
			return m, common.Send(common.CloseOverlayMsg{})
		case key.Matches(msg, k.Open):
			if id, ok := m.Selected(); ok {
				return m, tea.Batch(common.Send(common.CloseOverlayMsg{}), common.Send(common.OpenArticleMsg{ID: id}))
			}
		case key.Matches(msg, k.Up):
			m.move(-1)
		case key.Matches(msg, k.Down):
			m.move(1)
		case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
			m.move(-max(1, m.rows()/3))
		case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
			m.move(max(1, m.rows()/3))
		case key.Matches(msg, k.Top):
			m.move(-len(m.ids))
		case key.Matches(msg, k.Bottom):
			m.move(len(m.ids))
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.move(-1)
		case tea.MouseWheelDown:
			m.move(1)
		}
	case tea.MouseClickMsg:
		i := m.offset + msg.Y - headerLines
		if msg.Button == tea.MouseLeft && msg.Y >= headerLines && i < len(m.lines) && i < m.offset+m.rows() {
			m.cursor = m.lines[i].item
			m.clamp()
		}
	}
	return m, nil
}

// ShortHelp lists the overlay's keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	return []key.Binding{k.Up, k.Down, k.Open, k.Back}
}

// FullHelp lists the overlay's keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// View renders the visible lines only.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.ctx.Styles
	L := m.ctx.L
	P := common.PaintOf
	var b strings.Builder
	n := fmt.Sprintf(L.ProblemCount, len(m.ids))
	b.WriteString(st.Title.Render(common.Fit(L.ProblemsTitle, max(0, m.width-common.Width(n)-1))) + " " + st.Error.Render(n))
	count := 1
	normal, faint, errp, sel := P(st.Normal), P(st.Faint), P(st.Warning), P(st.Selected)
	if len(m.ids) == 0 {
		b.WriteByte('\n')
		faint.Write(&b, common.Fit(L.NoProblems, m.width))
		count++
	}
	end := min(len(m.lines), m.offset+m.rows())
	for i := m.offset; i < end; i++ {
		b.WriteByte('\n')
		count++
		ln := m.lines[i]
		a := m.ctx.Corpus.At(m.ids[ln.item])
		if ln.sub < 0 {
			name := a.Path
			if name == "" {
				name = a.ID
			}
			head := common.SanitizeLine(name)
			if a.Title != "" {
				head += " — " + common.SanitizeLine(a.Title)
			}
			if ln.item == m.cursor {
				sel.Write(&b, common.Fit("▸ "+head, m.width))
			} else {
				normal.Write(&b, common.Fit("  "+head, m.width))
			}
			continue
		}
		errp.Write(&b, common.Fit("    • "+common.SanitizeLine(a.Problems[ln.sub]), m.width))
	}
	for ; count < m.height-footerLines; count++ {
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	faint.Write(&b, common.Fit(L.ProblemsHint, m.width))
	return b.String()
}
