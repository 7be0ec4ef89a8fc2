// Package picker is the ward picker overlay: every unit of the corpus with
// its report count, grouped by level in model.Units order, filtered as the
// reader types (diacritics and spaces optional, letters in order: "hvt"
// and "hoang van thu" both find "Hoàng Văn Thụ"), several units chosen with
// space. Enter asks the root to restrict list and summary to the choice
// (common.FilterUnitsMsg); esc closes without changing anything.
package picker

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// row is one line of the list: a level heading (unit < 0) or a unit.
type row struct {
	unit  int
	level model.Level
}

// Model is the picker. Use New; it is a common.Component.
type Model struct {
	ctx           *common.Context
	width, height int

	units  []model.UnitInfo
	target []string // per unit: folded "level name"

	input   textinput.Model
	chosen  map[model.UnitKey]bool
	touched bool // the reader toggled something since Open

	rows           []row
	cursor, offset int // cursor indexes rows and always rests on a unit
}

// header lines above the rows: title, input; footer: hint.
const headerLines, footerLines = 2, 1

// New makes the picker over ctx.Corpus's units.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, units: ctx.Corpus.Units(), chosen: map[model.UnitKey]bool{}}
	m.target = make([]string, len(m.units))
	for i, u := range m.units {
		m.target[i] = model.Fold(u.Unit.String())
	}
	m.input = common.NewTextInput(ctx, "› ", "hoang van thu, hvt …")
	m.input.Focus()
	m.refresh()
	return m
}

// Open resets the picker for showing: the current choice, an empty filter,
// the cursor on the first chosen unit.
func (m *Model) Open(current []model.UnitKey) tea.Cmd {
	m.chosen = map[model.UnitKey]bool{}
	for _, k := range current {
		m.chosen[k] = true
	}
	m.touched = false
	m.input.SetValue("")
	m.refresh()
	for i, r := range m.rows {
		if r.unit >= 0 && m.chosen[m.units[r.unit].Key] {
			m.cursor = i
			break
		}
	}
	m.clamp()
	return m.input.Focus()
}

// Init does nothing; the picker is ready when made.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize sets the inner size of the overlay.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(1, w-3))
	m.clamp()
}

// Typing is always true: the picker's filter has the keyboard.
func (m *Model) Typing() bool { return true }

// Chosen lists the chosen units in model.Units order.
func (m *Model) Chosen() []model.UnitKey {
	var out []model.UnitKey
	for _, u := range m.units {
		if m.chosen[u.Key] {
			out = append(out, u.Key)
		}
	}
	return out
}

// NaturalHeight is the height that shows every unit unfiltered (with level
// headings, title, input and hint), at least 10 lines.
func (m *Model) NaturalHeight() int {
	levels := 0
	var last model.Level = "\x00"
	for _, u := range m.units {
		if u.Unit.Level != last {
			levels++
			last = u.Unit.Level
		}
	}
	return max(10, len(m.units)+levels+headerLines+footerLines)
}

// Visible is the number of units the filter leaves.
func (m *Model) Visible() int {
	n := 0
	for _, r := range m.rows {
		if r.unit >= 0 {
			n++
		}
	}
	return n
}

// Current is the unit under the cursor.
func (m *Model) Current() (model.UnitInfo, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) || m.rows[m.cursor].unit < 0 {
		return model.UnitInfo{}, false
	}
	return m.units[m.rows[m.cursor].unit], true
}

// match reports whether the letters of q (folded, no spaces) occur in t in
// order, the first one starting a word of t: "hvt" and "hoangvan" match
// "phuong hoang van thu", "xa" matches every "xa ...", "hoang" does not
// match "phuong dong quang".
func match(t, q string) bool {
	if q == "" {
		return true
	}
	for s := 0; s < len(t); s++ {
		if t[s] != q[0] || s > 0 && t[s-1] != ' ' {
			continue
		}
		if subsequence(t[s:], q) {
			return true
		}
	}
	return false
}

func subsequence(t, q string) bool {
	for _, r := range q {
		i := strings.IndexRune(t, r)
		if i < 0 {
			return false
		}
		t = t[i+len(string(r)):]
	}
	return true
}

// refresh rebuilds the rows for the filter text. The order stays
// model.Units order, which readers know; the filter only removes.
func (m *Model) refresh() {
	q := strings.ReplaceAll(model.Fold(m.input.Value()), " ", "")
	m.rows = m.rows[:0]
	var level model.Level = "\x00"
	for i, u := range m.units {
		if q != "" && !match(m.target[i], q) {
			continue
		}
		if u.Unit.Level != level {
			level = u.Unit.Level
			m.rows = append(m.rows, row{unit: -1, level: level})
		}
		m.rows = append(m.rows, row{unit: i, level: level})
	}
	m.cursor = 0
	m.offset = 0
	m.step(1)
}

// step moves the cursor by d units (skipping headings), staying in range.
func (m *Model) step(d int) {
	if len(m.rows) == 0 {
		m.cursor = 0
		return
	}
	dir := 1
	if d < 0 {
		dir, d = -1, -d
	}
	c := min(m.cursor, len(m.rows)-1)
	for moved := 0; ; {
		n := c + dir
		for n >= 0 && n < len(m.rows) && m.rows[n].unit < 0 {
			n += dir
		}
		if n < 0 || n >= len(m.rows) {
			break
		}
		c = n
		moved++
		if moved >= d {
			break
		}
	}
	if m.rows[c].unit < 0 { // only headings in that direction: go the other way
		for n := c; n < len(m.rows); n++ {
			if m.rows[n].unit >= 0 {
				c = n
				break
			}
		}
	}
	m.cursor = c
	m.clamp()
}

func (m *Model) listRows() int { return max(1, m.height-headerLines-footerLines) }

func (m *Model) clamp() {
	r := m.listRows()
	if m.cursor < m.offset {
		m.offset = m.cursor
		// show the heading just above the cursor
		if m.offset > 0 && m.rows[m.offset-1].unit < 0 {
			m.offset--
		}
	}
	if m.cursor >= m.offset+r {
		m.offset = m.cursor - r + 1
	}
	m.offset = max(0, min(m.offset, len(m.rows)-r))
}

func (m *Model) toggle() {
	u, ok := m.Current()
	if !ok {
		return
	}
	m.touched = true
	if m.chosen[u.Key] {
		delete(m.chosen, u.Key)
	} else {
		m.chosen[u.Key] = true
	}
}

// apply closes the picker with the choice: the chosen units, or the unit
// under the cursor when the reader chose none and toggled nothing.
func (m *Model) apply() tea.Cmd {
	keys := m.Chosen()
	if len(keys) == 0 && !m.touched {
		if u, ok := m.Current(); ok {
			keys = []model.UnitKey{u.Key}
		}
	}
	return tea.Batch(common.Send(common.FilterUnitsMsg{Keys: keys}), common.Send(common.CloseOverlayMsg{}))
}

// Update handles keys and mouse (coordinates inside the overlay).
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	k := m.ctx.Keys
	switch msg := msg.(type) {
	case common.ThemeMsg:
		common.StyleTextInput(m.ctx, &m.input)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Cancel):
			return m, common.Send(common.CloseOverlayMsg{})
		case key.Matches(msg, k.Apply):
			return m, m.apply()
		case key.Matches(msg, k.Toggle):
			m.toggle()
		case key.Matches(msg, k.ClearAll):
			m.touched = true
			clear(m.chosen)
		case msg.String() == "up" || msg.String() == "ctrl+p" || msg.String() == "ctrl+k":
			m.step(-1)
		case msg.String() == "down" || msg.String() == "ctrl+n" || msg.String() == "ctrl+j":
			m.step(1)
		case key.Matches(msg, k.PageUp):
			m.step(-m.listRows())
		case key.Matches(msg, k.PageDown):
			m.step(m.listRows())
		default:
			return m, m.edit(msg)
		}
	case tea.PasteMsg:
		return m, m.edit(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.step(-3)
		case tea.MouseWheelDown:
			m.step(3)
		}
	case tea.MouseClickMsg:
		i := m.offset + msg.Y - headerLines
		if msg.Button == tea.MouseLeft && msg.Y >= headerLines && i < len(m.rows) && i < m.offset+m.listRows() && m.rows[i].unit >= 0 {
			m.cursor = i
			m.toggle()
		}
	}
	return m, nil
}

func (m *Model) edit(msg tea.Msg) tea.Cmd {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.refresh()
	}
	return cmd
}

// ShortHelp lists the picker's keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	return []key.Binding{k.Toggle, k.Apply, k.Cancel, k.ClearAll}
}

// FullHelp lists the picker's keys.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// View renders the visible rows only.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.ctx.Styles
	L := m.ctx.L
	P := common.PaintOf
	var b strings.Builder
	count := fmt.Sprintf(L.Selected, len(m.chosen))
	title := common.Fit(L.PickerTitle, max(0, m.width-common.Width(count)-1))
	b.WriteString(st.Title.Render(title) + " " + st.Checked.Render(count))
	b.WriteByte('\n')
	b.WriteString(m.input.View())
	lines := 2
	normal, faint, group, checked := P(st.Normal), P(st.Count), P(st.Group), P(st.Checked)
	sel := P(st.Selected)
	if len(m.rows) == 0 {
		b.WriteByte('\n')
		faint.Write(&b, common.Fit(L.NoMatch, m.width))
		lines++
	}
	end := min(len(m.rows), m.offset+m.listRows())
	for i := m.offset; i < end; i++ {
		b.WriteByte('\n')
		lines++
		r := m.rows[i]
		if r.unit < 0 {
			group.Write(&b, common.Fit(L.LevelName(r.level), m.width))
			continue
		}
		u := m.units[r.unit]
		box := "[ ] "
		if m.chosen[u.Key] {
			box = "[x] "
		}
		n := m.ctx.Lang.Count(len(u.Articles))
		nameW := max(1, m.width-4-len(n)-3)
		name := common.Fit(common.SanitizeLine(u.Unit.Short()), nameW)
		if i == m.cursor {
			sel.Write(&b, " "+box+name+"  "+n)
			continue
		}
		b.WriteByte(' ')
		if m.chosen[u.Key] {
			checked.Write(&b, box)
		} else {
			faint.Write(&b, box)
		}
		normal.Write(&b, name)
		faint.Write(&b, "  "+n)
	}
	for ; lines < m.height-footerLines; lines++ {
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	faint.Write(&b, common.Fit(L.PickerHint, m.width))
	return b.String()
}
