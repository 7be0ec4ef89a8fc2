// Package list is the report list pane: one row per report (date, unit,
// title, a mark where figures were found), sorted by any model.Order,
// filtered as the reader types.
//
// It renders only the rows that fit (the cost of View does not depend on the
// corpus size) and filters off the Update loop: every filter change starts a
// tea.Cmd tagged with a sequence number, under a context that the next change
// cancels, so a stale answer never replaces a newer one. bubbles' list is not
// used: it renders and filters every item and takes ~300 ms a frame at 100k.
package list

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// ResultMsg carries the answer to one filter request. Seq tags it: the list
// drops any answer whose Seq is not its latest request's.
type ResultMsg struct {
	Seq   uint64
	Query model.Query
	IDs   []int32
	Err   error
	// Phrase is set when the words were found as a phrase in some reports'
	// headlines and IDs holds only those (model.Result.Phrase).
	Phrase bool
	keep   bool // keep the selected article when it is still listed
}

// Model is the list pane. Use New; it is a common.Component.
type Model struct {
	ctx           *common.Context
	width, height int
	focused       bool

	ids            []int32 // current results, in list order
	cursor, offset int

	input  textinput.Model
	typing bool            // the filter input has the keyboard
	text   string          // the filter text the current request is for
	query  model.Query     // the query of the results shown
	phrase bool            // the results are the headline-phrase matches
	units  []model.UnitKey // the picker's choice
	order  model.Order
	desc   bool

	seq     uint64
	cancel  context.CancelFunc
	pending bool // a request is running

	pt    paints
	unitW int // the widest unit short name (at most 26 cells)
}

// New makes the list over ctx.Corpus, newest first, with every report listed
// (computed at once so that the first frame shows them).
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, order: model.ByDate, desc: true, focused: true}
	m.input = common.NewTextInput(ctx, ctx.L.FilterPrompt, ctx.L.QueryHelp[0][0]+"  unit:…  year:…  level:…")
	r, _ := ctx.Corpus.Filter(context.Background(), model.Query{}, m.order, m.desc)
	m.ids = r.IDs
	m.unitW = 10
	for _, u := range ctx.Corpus.Units() {
		m.unitW = max(m.unitW, min(26, common.Width(u.Unit.Short())))
	}
	return m
}

// Init announces the first results and selection to the other panes.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(common.Send(common.ResultsMsg{Query: m.query, IDs: m.ids}), m.selectedCmd())
}

// SetSize sets the pane's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(1, w-lipgloss.Width(m.input.Prompt)-1))
	m.clamp()
}

// SetFocused draws the cursor row as focused or not.
func (m *Model) SetFocused(f bool) { m.focused = f }

// Typing reports whether the filter input has the keyboard.
func (m *Model) Typing() bool { return m.typing }

// Len is the number of reports listed.
func (m *Model) Len() int { return len(m.ids) }

// IDs are the reports listed, in order; the slice must not be modified.
func (m *Model) IDs() []int32 { return m.ids }

// FilterText is the filter as typed.
func (m *Model) FilterText() string { return m.text }

// Query is the query of the results shown (with the unit choice).
func (m *Model) Query() model.Query { return m.query }

// Phrase reports whether the results are the reports whose headline holds
// the words as a phrase (see model.Query).
func (m *Model) Phrase() bool { return m.phrase }

// Units is the unit choice.
func (m *Model) Units() []model.UnitKey { return m.units }

// Order is the sort order and whether it is reversed.
func (m *Model) Order() (model.Order, bool) { return m.order, m.desc }

// Searching reports whether a filter request is still running.
func (m *Model) Searching() bool { return m.pending }

// Cursor is the cursor's row and the first visible row.
func (m *Model) Cursor() (cursor, offset int) { return m.cursor, m.offset }

// Selected is the article under the cursor.
func (m *Model) Selected() (int32, bool) {
	if m.cursor < 0 || m.cursor >= len(m.ids) {
		return 0, false
	}
	return m.ids[m.cursor], true
}

// OpenFilter gives the keyboard to the filter input.
func (m *Model) OpenFilter() tea.Cmd {
	m.typing = true
	m.input.SetValue(m.text)
	m.input.CursorEnd()
	return m.input.Focus()
}

// SetUnits sets the unit choice (the picker's) and refilters.
func (m *Model) SetUnits(keys []model.UnitKey) tea.Cmd {
	m.units = keys
	return m.refilter(true)
}

// SetFilter replaces the filter text and refilters (for scripts and the
// root; typing goes through Update).
func (m *Model) SetFilter(s string) tea.Cmd {
	m.text = s
	m.input.SetValue(s)
	return m.refilter(false)
}

// Select moves the cursor to article id when it is listed.
func (m *Model) Select(id int32) (tea.Cmd, bool) {
	for i, x := range m.ids {
		if x == id {
			prev, had := m.Selected()
			m.cursor = i
			m.clamp()
			return m.changed(prev, had), true
		}
	}
	return nil, false
}

// refilter starts a filter request for the current text, units and order,
// cancelling the one running.
func (m *Model) refilter(keep bool) tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	m.seq++
	seq := m.seq
	q := model.ParseQuery(m.text)
	q.Units = m.units
	c := m.ctx.Corpus
	order, desc := m.order, m.desc
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.pending = true
	return func() tea.Msg {
		r, err := c.Filter(ctx, q, order, desc)
		return ResultMsg{Seq: seq, Query: q, IDs: r.IDs, Err: err, Phrase: r.Phrase, keep: keep}
	}
}

// Update handles keys, mouse (coordinates relative to the pane) and filter
// results.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case ResultMsg:
		return m, m.apply(msg)
	case common.ThemeMsg:
		common.StyleTextInput(m.ctx, &m.input)
	case common.FocusMsg:
		m.focused = msg.Focused
	case tea.KeyPressMsg:
		if m.typing {
			return m, m.typingKey(msg)
		}
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.typing {
			return m, m.edit(msg)
		}
	case tea.MouseWheelMsg:
		prev, had := m.Selected()
		switch msg.Button {
		case tea.MouseWheelUp:
			m.move(-3)
		case tea.MouseWheelDown:
			m.move(3)
		}
		return m, m.changed(prev, had)
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			break
		}
		row := msg.Y - m.headerLines()
		if row < 0 || m.offset+row >= len(m.ids) {
			break
		}
		prev, had := m.Selected()
		m.cursor = m.offset + row
		return m, m.changed(prev, had)
	}
	return m, nil
}

// apply takes a filter answer unless a newer request was made since.
func (m *Model) apply(r ResultMsg) tea.Cmd {
	if r.Seq != m.seq {
		return nil // stale: a newer request is running or done
	}
	m.pending = false
	if r.Err != nil {
		return nil // cancelled; cannot happen for the latest request
	}
	prev, had := m.Selected()
	m.ids, m.query, m.phrase = r.IDs, r.Query, r.Phrase
	m.cursor = 0
	if r.keep && had {
		for i, id := range m.ids {
			if id == prev {
				m.cursor = i
				break
			}
		}
	}
	m.offset = 0
	m.clamp()
	return tea.Batch(common.Send(common.ResultsMsg{Query: m.query, IDs: m.ids}), m.changed(prev, had))
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	prev, had := m.Selected()
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.rows())
	case key.Matches(msg, k.PageDown):
		m.move(m.rows())
	case key.Matches(msg, k.HalfUp):
		m.move(-max(1, m.rows()/2))
	case key.Matches(msg, k.HalfDown):
		m.move(max(1, m.rows()/2))
	case key.Matches(msg, k.Top):
		m.cursor = 0
		m.clamp()
	case key.Matches(msg, k.Bottom):
		m.cursor = len(m.ids) - 1
		m.clamp()
	case key.Matches(msg, k.Filter):
		return m.OpenFilter()
	case key.Matches(msg, k.Clear):
		// esc clears the filter text first, then the unit choice.
		if m.text != "" {
			m.text = ""
			m.input.SetValue("")
			return m.refilter(true)
		}
		if len(m.units) > 0 {
			m.units = nil
			return m.refilter(true)
		}
	case key.Matches(msg, k.Sort):
		m.order = (m.order + 1) % 4
		// Dates and views read best newest/highest first; names A to Z.
		m.desc = m.order == model.ByDate || m.order == model.ByViews
		return m.refilter(true)
	case key.Matches(msg, k.Reverse):
		m.desc = !m.desc
		return m.refilter(true)
	case key.Matches(msg, k.Open):
		if id, ok := m.Selected(); ok {
			return common.Send(common.OpenArticleMsg{ID: id})
		}
	}
	return m.changed(prev, had)
}

func (m *Model) typingKey(msg tea.KeyPressMsg) tea.Cmd {
	prev, had := m.Selected()
	switch msg.String() {
	case "esc":
		m.typing = false
		m.input.Blur()
		if m.text == "" {
			return nil
		}
		m.text = ""
		m.input.SetValue("")
		return m.refilter(true)
	case "enter":
		m.typing = false
		m.input.Blur()
		return nil
	case "up", "ctrl+p":
		m.move(-1)
	case "down", "ctrl+n":
		m.move(1)
	case "pgup":
		m.move(-m.rows())
	case "pgdown":
		m.move(m.rows())
	default:
		return m.edit(msg)
	}
	return m.changed(prev, had)
}

// edit passes a message to the input and refilters when the text changed.
func (m *Model) edit(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if v := m.input.Value(); v != m.text {
		m.text = v
		return tea.Batch(cmd, m.refilter(false))
	}
	return cmd
}

func (m *Model) move(d int) {
	m.cursor += d
	m.clamp()
}

// changed announces the selection when it moved.
func (m *Model) changed(prev int32, had bool) tea.Cmd {
	id, ok := m.Selected()
	if ok == had && id == prev {
		return nil
	}
	return m.selectedCmd()
}

func (m *Model) selectedCmd() tea.Cmd {
	id, ok := m.Selected()
	return common.Send(common.ArticleSelectedMsg{ID: id, Has: ok})
}

// headerLines is the number of lines above the rows: the filter line (while
// typing or while a filter is set) and the column header.
func (m *Model) headerLines() int {
	if m.typing || m.text != "" {
		return 2
	}
	return 1
}

// rows is the number of rows that fit.
func (m *Model) rows() int { return max(1, m.height-m.headerLines()) }

func (m *Model) clamp() {
	n := len(m.ids)
	m.cursor = max(0, min(m.cursor, n-1))
	r := m.rows()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+r {
		m.offset = m.cursor - r + 1
	}
	m.offset = max(0, min(m.offset, n-r))
}

// ShortHelp lists the pane's main keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	if m.typing {
		L := m.ctx.L
		return []key.Binding{k.Apply, k.Clear,
			key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", L.KeyUp+"/"+L.KeyDown))}
	}
	return []key.Binding{k.Up, k.Down, k.Filter, k.Sort, k.Reverse, k.Open}
}

// FullHelp lists all the pane's keys.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
		{k.Filter, k.Clear, k.Sort, k.Reverse, k.Open},
	}
}

// columns are the widths of a row's columns.
type columns struct{ mark, date, unit, title, views int }

func (m *Model) columns() columns {
	w := m.width
	c := columns{mark: 2, date: 10}
	if w < 70 {
		c.date = 8 // 08/01/24
	}
	if w >= 110 {
		c.views = 8
	}
	c.unit = min(m.unitW, max(10, w/3-2))
	if w < 50 {
		c.unit = 0
	}
	// 1 leading space, gaps of 1 after the mark's column, 2 between the
	// others.
	c.title = w - 1 - c.mark - c.date - 2 - c.unit - 2
	if c.unit == 0 {
		c.title += 2
	}
	if c.views > 0 {
		c.title -= c.views + 1
	}
	c.title = max(1, c.title)
	return c
}

// View renders the visible rows only.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.ctx.Styles
	L := m.ctx.L
	var b strings.Builder
	b.Grow(m.width * m.height * 2)
	lines := 0
	if m.typing {
		b.WriteString(lipgloss.NewStyle().MaxWidth(m.width).Render(m.input.View()))
		b.WriteByte('\n')
		lines++
	} else if m.text != "" {
		b.WriteString(st.Prompt.Render(common.Fit(L.FilterPrompt+common.SanitizeLine(m.text), m.width)))
		b.WriteByte('\n')
		lines++
	}
	c := m.columns()
	hdr := " " + strings.Repeat(" ", c.mark) + common.Fit(L.ColDate, c.date) + "  "
	if c.unit > 0 {
		hdr += common.Fit(L.ColUnit, c.unit) + "  "
	}
	hdr += common.Fit(L.ColTitle, c.title)
	if c.views > 0 {
		hdr += " " + common.FitRight(L.ColViews, c.views)
	}
	m.paints().header.Write(&b, common.Fit(hdr, m.width))
	lines++
	if len(m.ids) == 0 {
		b.WriteByte('\n')
		b.WriteString(st.Faint.Render(common.Fit(" "+L.NoReports, m.width)))
		lines++
	}
	end := min(len(m.ids), m.offset+m.rows())
	for i := m.offset; i < end; i++ {
		b.WriteByte('\n')
		m.row(&b, i, c)
		lines++
	}
	for ; lines < m.height; lines++ {
		b.WriteByte('\n')
	}
	return b.String()
}

// date formats article id's day in w cells: "08/01/2024", or "08/01/24"
// in vi and "24-01-08" in en when the column is narrow.
func (m *Model) date(id int32, w int) string {
	d := m.ctx.Corpus.Day(id)
	if d.IsZero() || w >= 10 {
		return m.ctx.Lang.Date(d)
	}
	if m.ctx.Lang == common.EN {
		return d.Format("06-01-02")
	}
	return d.Format("02/01/06")
}

// paints are the list's styles reduced to escape sequences, rebuilt when
// the context's styles change.
type paints struct {
	styles                            *common.Styles
	normal, faint, match, mark        common.Paint
	sel, selMatch, selMark            common.Paint
	blur, blurMatch, blurMark, header common.Paint
}

func (m *Model) paints() *paints {
	st := m.ctx.Styles
	if m.pt.styles == st {
		return &m.pt
	}
	P := common.PaintOf
	m.pt = paints{styles: st,
		normal: P(st.Normal), faint: P(st.Faint), match: P(st.Match), mark: P(st.Mark),
		sel: P(st.Selected), selMatch: P(st.MatchSel), selMark: P(st.Mark.Inherit(st.Selected)),
		blur: P(st.SelBlur), blurMatch: P(st.SelBlur.Bold(true).Underline(true)),
		blurMark: P(st.Mark.Inherit(st.SelBlur)), header: P(st.Header),
	}
	return &m.pt
}

// row renders row i of the results into b.
func (m *Model) row(b *strings.Builder, i int, c columns) {
	p := m.paints()
	id := m.ids[i]
	a := m.ctx.Corpus.At(id)
	base, match, faint, mark := p.normal, p.match, p.faint, p.mark
	if i == m.cursor {
		if m.focused {
			base, match, mark = p.sel, p.selMatch, p.selMark
		} else {
			base, match, mark = p.blur, p.blurMatch, p.blurMark
		}
		faint = base
	}
	base.Write(b, " ")
	if len(a.Metrics) > 0 {
		mark.Write(b, "◆")
		base.Write(b, " ")
	} else {
		base.Write(b, "  ")
	}
	faint.Write(b, common.Fit(m.date(id, c.date), c.date)+"  ")
	if c.unit > 0 {
		unit := ""
		if u := m.ctx.Corpus.UnitOf(id); u != nil {
			unit = u.Unit.Short()
		}
		base.Write(b, common.Fit(common.SanitizeLine(unit), c.unit)+"  ")
	}
	title := common.SanitizeLine(a.Title)
	common.Highlight(b, title, model.Highlights(title, m.query.Words), c.title, base, match)
	if c.views > 0 {
		v := ""
		if a.HasViews {
			v = m.ctx.Lang.Count(a.Views)
		}
		faint.Write(b, " "+common.FitRight(v, c.views))
	}
}
