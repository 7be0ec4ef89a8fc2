package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// wideAt is the width from which list and detail stand side by side.
const wideAt = 100

// rect is a screen rectangle.
type rect struct{ x, y, w, h int }

func (r rect) has(x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// placed is a pane on the screen: its outer rectangle (with border, if any)
// and the inner one its View fills.
type placed struct {
	pane   common.Pane
	outer  rect
	inner  rect
	border bool
}

// chrome is which lines outside the body show: the tab bar above, the
// status bar and the short help below. On very short terminals the help
// goes first, then the tab bar, then the status bar.
type chrome struct{ tabs, status, help bool }

func (m *Model) chrome() chrome {
	_, h := m.size()
	return chrome{tabs: h >= 6, status: h >= 2, help: h >= 5}
}

func (c chrome) top() int { return b2i(c.tabs) }

func (c chrome) bottom() int { return b2i(c.status) + b2i(c.help) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (m *Model) size() (int, int) {
	w, h := m.ctx.Width, m.ctx.Height
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	return w, h
}

func (m *Model) body() rect {
	w, h := m.size()
	c := m.chrome()
	return rect{0, c.top(), w, max(1, h-c.top()-c.bottom())}
}

// layout places the visible panes: list and detail side by side on a wide
// screen (unless the summary has the focus: it is a wide table and fills the
// body), else the focused pane alone.
func (m *Model) layout() []placed {
	b := m.body()
	if b.w >= wideAt && m.focus != common.SummaryPane && b.h >= 3 {
		lw := b.w / 2
		l := rect{b.x, b.y, lw, b.h}
		d := rect{b.x + lw, b.y, b.w - lw, b.h}
		in := func(r rect) rect { return rect{r.x + 1, r.y + 1, r.w - 2, r.h - 2} }
		return []placed{
			{common.ListPane, l, in(l), true},
			{common.DetailPane, d, in(d), true},
		}
	}
	return []placed{{m.focus, b, b, false}}
}

// overlayRect is where the overlay box goes, and its inner rectangle.
func (m *Model) overlayRect() (outer, inner rect) {
	b := m.body()
	var w, h int
	switch m.overlay {
	case common.PickerPane:
		w, h = min(b.w, 64), min(b.h, 32, m.picker.NaturalHeight()+2)
	case common.ProblemsPane:
		w, h = min(b.w, 100), min(b.h, 32, m.problems.NaturalHeight()+2)
	default:
		w = min(b.w, 100)
		h = min(b.h, lipgloss.Height(m.helpView(w-4))+2)
	}
	w, h = max(w, 10), max(h, 4)
	outer = rect{b.x + (b.w-w)/2, b.y + (b.h-h)/2, w, h}
	// Overlay style: rounded border and one column of padding each side.
	inner = rect{outer.x + 2, outer.y + 1, outer.w - 4, outer.h - 2}
	return outer, inner
}

// relayout gives every pane its size.
func (m *Model) relayout() {
	if m.list == nil {
		w, _ := m.size()
		m.progress.SetWidth(max(10, min(60, w-10)))
		return
	}
	for _, p := range m.layout() {
		m.pane(p.pane).SetSize(p.inner.w, p.inner.h)
	}
	// Panes that are not on screen still get a size, so that they are ready.
	b := m.body()
	for _, p := range []common.Pane{common.ListPane, common.DetailPane, common.SummaryPane} {
		shown := false
		for _, q := range m.layout() {
			shown = shown || q.pane == p
		}
		if !shown && p == common.SummaryPane {
			m.summary.SetSize(b.w, b.h)
		}
	}
	if m.picker != nil {
		_, in := m.overlayRect()
		m.picker.SetSize(in.w, in.h)
	}
	if m.problems != nil {
		_, in := m.overlayRect()
		m.problems.SetSize(in.w, in.h)
	}
	w, _ := m.size()
	m.help.SetWidth(w)
}

// tabs are the labels of the tab bar and their x ranges, for clicks.
type tab struct {
	pane   common.Pane
	label  string
	x0, x1 int
}

func (m *Model) tabs() []tab {
	L := m.ctx.L
	x := lipgloss.Width(m.brand())
	var out []tab
	for i, name := range []string{L.List, L.Detail, L.Summary} {
		label := fmt.Sprintf("%d %s", i+1, name)
		w := lipgloss.Width(label) + 2 // Tab styles pad one column each side
		out = append(out, tab{common.Pane(i), label, x, x + w})
		x += w
	}
	return out
}

func (m *Model) brand() string { return " " + m.ctx.L.AppName + " " }

func (m *Model) tabBar(w int) string {
	st := m.ctx.Styles
	k := tabKey{st, m.ctx.L, m.focus, w}
	if m.drawn.tabKey == k {
		return m.drawn.tabs
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(m.brand()))
	for _, t := range m.tabs() {
		if t.pane == m.focus {
			b.WriteString(st.TabActive.Render(t.label))
		} else {
			b.WriteString(st.Tab.Render(t.label))
		}
	}
	line := b.String()
	if pad := w - width(line); pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	m.drawn.tabKey, m.drawn.tabs = k, clip(line, w)
	return m.drawn.tabs
}

// statusItems are the segments of the status bar: on the left what is
// listed, on the right the sort and problems.
//
// The segments' texts are gathered first (cheap); the bar is styled and
// measured only when they, the width or the styles changed since the last
// frame (a keystroke that moves a cursor leaves it as it was).
func (m *Model) statusBar(w int) string {
	st := m.ctx.Styles
	L := m.ctx.L
	lang := m.ctx.Lang
	type seg struct {
		style *lipgloss.Style
		text  string
	}
	left := []seg{{&st.StatusKey, fmt.Sprintf(L.NOfM, lang.Count(m.list.Len()), lang.Count(m.ctx.Corpus.Len()))}}
	if t := m.list.FilterText(); t != "" {
		f := L.Filter + ": " + common.SanitizeLine(t)
		if m.list.Phrase() {
			f += " (" + L.Phrase + ")"
		}
		left = append(left, seg{&st.StatusVal, f})
	}
	if units := m.list.Units(); len(units) > 0 {
		left = append(left, seg{&st.StatusVal, L.Unit + ": " + m.unitNames(units)})
	}
	if q := m.list.Query(); len(q.Invalid) > 0 {
		left = append(left, seg{&st.StatusWarn, L.Invalid + ": " + strings.Join(q.Invalid, " ")})
	}
	if m.list.Searching() {
		left = append(left, seg{&st.StatusVal, L.Searching})
	}
	if m.status != "" {
		left = append(left, seg{&st.StatusVal, common.SanitizeLine(m.status)})
	}
	o, desc := m.list.Order()
	arrow := "↑"
	if desc {
		arrow = "↓"
	}
	right := []seg{{&st.StatusVal, L.Sort + ": " + L.SortName(o) + " " + arrow}}
	if n := len(m.ctx.Corpus.WithProblems()); n > 0 {
		right = append(right, seg{&st.StatusWarn, "! " + fmt.Sprintf(L.ProblemCount, n)})
	}
	var key strings.Builder
	fmt.Fprintf(&key, "%p %d", st, w)
	for _, sg := range append(left, right...) {
		fmt.Fprintf(&key, "\x00%p\x00%s", sg.style, sg.text)
	}
	if key.String() == m.drawn.statusKey {
		return m.drawn.status
	}
	render := func(segs []seg) string {
		var b strings.Builder
		for _, sg := range segs {
			b.WriteString(sg.style.Render(sg.text))
		}
		return b.String()
	}
	m.drawn.statusKey, m.drawn.status = key.String(), m.styleStatus(w, render(left), render(right))
	return m.drawn.status
}

// styleStatus puts the status bar's left and right parts at either end of w
// cells.
func (m *Model) styleStatus(w int, l, right string) string {
	st := m.ctx.Styles
	lw, rw := width(l), width(right)
	if lw+rw > w {
		l = clip(l, max(0, w-rw))
		lw = width(l)
	}
	gap := st.StatusBar.Render(strings.Repeat(" ", max(0, w-lw-rw)))
	return clip(l+gap+right, w)
}

// problemsHit reports whether x on the status line is the problems item.
func (m *Model) problemsHit(x int) bool {
	n := len(m.ctx.Corpus.WithProblems())
	if n == 0 {
		return false
	}
	w, _ := m.size()
	item := lipgloss.Width(m.ctx.Styles.StatusWarn.Render("! " + fmt.Sprintf(m.ctx.L.ProblemCount, n)))
	return x >= w-item
}

func (m *Model) unitNames(keys []model.UnitKey) string {
	if m.drawn.unitsOK && slices.Equal(m.drawn.unitKeys, keys) {
		return m.drawn.units
	}
	m.drawn.unitKeys, m.drawn.units, m.drawn.unitsOK = slices.Clone(keys), m.namesOf(keys), true
	return m.drawn.units
}

// namesOf names the units of keys, in the corpus's order: the first two and
// how many more.
func (m *Model) namesOf(keys []model.UnitKey) string {
	var names []string
	for _, u := range m.ctx.Corpus.Units() {
		for _, k := range keys {
			if u.Key == k {
				names = append(names, u.Unit.Short())
			}
		}
	}
	if len(names) > 2 {
		return common.SanitizeLine(strings.Join(names[:2], ", ")) + fmt.Sprintf(" +%d", len(names)-2)
	}
	return common.SanitizeLine(strings.Join(names, ", "))
}

// globalKeys are the keys every screen has, for the help.
func (m *Model) globalKeys() []key.Binding {
	k := m.ctx.Keys
	panes := key.NewBinding(key.WithKeys("1", "2", "3"),
		key.WithHelp("1 2 3", m.ctx.L.KeyPanes))
	return []key.Binding{k.NextPane, k.PrevPane, panes, k.Units, k.Problems, k.Help, k.Quit}
}

func (m *Model) shortHelp() string {
	k := m.ctx.Keys
	var b []key.Binding
	switch m.overlay {
	case common.PickerPane, common.ProblemsPane:
		b = m.pane(m.overlay).ShortHelp()
	case common.HelpPane:
		b = []key.Binding{k.Back}
	default:
		b = append(b, m.pane(m.focus).ShortHelp()...)
		if !m.typing() {
			b = append(b, k.NextPane, k.Units, k.Help, k.Quit)
		}
	}
	var key strings.Builder
	fmt.Fprintf(&key, "%p %d %d", m.ctx.Styles, m.help.Width(), m.size0())
	for _, kb := range b {
		h := kb.Help()
		fmt.Fprintf(&key, "\x00%t\x00%s\x00%s", kb.Enabled(), h.Key, h.Desc)
	}
	if key.String() != m.drawn.helpKey {
		m.drawn.helpKey, m.drawn.help = key.String(), clip(m.help.ShortHelpView(b), m.size0())
	}
	return m.drawn.help
}

// size0 is the screen's width.
func (m *Model) size0() int {
	w, _ := m.size()
	return w
}

// helpView is the full help: global keys, the focused pane's keys, the
// filter syntax.
func (m *Model) helpView(w int) string {
	st := m.ctx.Styles
	L := m.ctx.L
	groups := [][]key.Binding{m.globalKeys()}
	groups = append(groups, m.pane(m.focus).FullHelp()...)
	h := m.help
	h.SetWidth(w)
	var b strings.Builder
	b.WriteString(st.Title.Render(L.Help) + "   " + st.Mark.Render("◆") + " " + st.Faint.Render(L.FiguresMark))
	b.WriteString("\n\n")
	b.WriteString(h.FullHelpView(groups))
	b.WriteString("\n\n")
	b.WriteString(st.Title.Render(L.QueryHelpTitle))
	kw := 0
	for _, q := range L.QueryHelp {
		kw = max(kw, lipgloss.Width(q[0]))
	}
	for _, q := range L.QueryHelp {
		b.WriteString("\n")
		b.WriteString(st.Help.FullKey.Render(common.Fit(q[0], kw)) + "  " + st.Help.FullDesc.Render(q[1]))
	}
	return b.String()
}

// clip cuts a styled line to w cells.
func clip(s string, w int) string {
	if width(s) <= w {
		return s
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(s)
}

// width is lipgloss.Width (the widest line), with common.Width's fast path
// for one line.
func width(s string) int {
	if strings.IndexByte(s, '\n') >= 0 {
		return lipgloss.Width(s)
	}
	return common.Width(s)
}

// fitBox makes a pane's view exactly w×h: pads short lines and cuts long
// ones (a pane that overflows must not break the layout).
func fitBox(s string, w, h int) string { return strings.Join(fitLines(s, w, h), "\n") }

func fitLines(s string, w, h int) []string {
	lines, _ := fitLinesExact(s, w, h)
	return lines
}

// fitLinesExact is fitLines, and whether every line is known to be exactly
// w cells wide (a line cut at a wide character may be one short).
func fitLinesExact(s string, w, h int) ([]string, bool) {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	exact := true
	for i, l := range lines {
		lw := common.Width(l)
		switch {
		case lw > w:
			lines[i] = lipgloss.NewStyle().MaxWidth(w).Render(l)
			exact = false
		case lw < w:
			lines[i] = l + strings.Repeat(" ", w-lw)
		}
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines, exact
}

// frame draws a border around lines that are all exactly w cells wide,
// with padX blank columns inside each side, in the border and border colour
// of style st. It is what st.Render would draw, without re-measuring and
// re-wrapping content that is already the right size.
func frame(lines []string, w, padX int, st lipgloss.Style) []string {
	return borderOf(w, padX, st).around(lines)
}

// border is a frame's styled lines: top and bottom, and what goes left and
// right of each content line.
type border struct{ top, bottom, left, right string }

func borderOf(w, padX int, st lipgloss.Style) border {
	bd := st.GetBorderStyle()
	paint := common.PaintOf(lipgloss.NewStyle().Foreground(st.GetBorderTopForeground()))
	pad := strings.Repeat(" ", padX)
	return border{
		top:    paint.Render(bd.TopLeft + strings.Repeat(bd.Top, w+2*padX) + bd.TopRight),
		bottom: paint.Render(bd.BottomLeft + strings.Repeat(bd.Bottom, w+2*padX) + bd.BottomRight),
		left:   paint.Render(bd.Left) + pad,
		right:  pad + paint.Render(bd.Right),
	}
}

func (b border) around(lines []string) []string {
	out := make([]string, 0, len(lines)+2)
	out = append(out, b.top)
	for _, l := range lines {
		out = append(out, b.left+l+b.right)
	}
	return append(out, b.bottom)
}

// borderKey is what a pane's border depends on.
type borderKey struct {
	st    *common.Styles
	focus bool
	w     int
}

// paneBorder is the border of a side-by-side pane w cells wide inside,
// focused or not, made once per width and theme.
func (m *Model) paneBorder(focus bool, w int) border {
	k := borderKey{m.ctx.Styles, focus, w}
	for _, b := range m.drawn.borders {
		if b.key == k {
			return b.border
		}
	}
	st := m.ctx.Styles.Pane
	if focus {
		st = m.ctx.Styles.PaneFocus
	}
	b := borderOf(w, 0, st)
	m.drawn.borders[m.drawn.next] = keyedBorder{k, b}
	m.drawn.next = (m.drawn.next + 1) % len(m.drawn.borders)
	return b
}

type keyedBorder struct {
	key    borderKey
	border border
}

// drawn caches the parts of the screen that change seldom, each keyed by
// what it shows (styles, labels, width and its texts): the tab bar, the
// status bar, the short help, the unit names, the pane borders.
type drawn struct {
	tabKey tabKey
	tabs   string

	statusKey, status string
	helpKey, help     string

	unitsOK  bool
	unitKeys []model.UnitKey
	units    string

	borders [4]keyedBorder
	next    int

	bodyLen int // the last body's length, to size the next one's buffer
}

type tabKey struct {
	st    *common.Styles
	L     *common.Labels
	focus common.Pane
	w     int
}

// View draws the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "baocao"
	return v
}

func (m *Model) render() string {
	w, h := m.size()
	if m.list == nil {
		return m.loadingView(w, h)
	}
	st := m.ctx.Styles
	var body strings.Builder
	ps := m.layout()
	// exact: the body is already b.w × b.h cells, as fitBox would make it.
	exact := true
	body.Grow(m.drawn.bodyLen)
	if len(ps) == 2 {
		// Both panes have the body's height; each line is written once,
		// in its borders, straight into the body.
		var cols [2][]string
		var bs [2]border
		for i, p := range ps {
			lines, ok := fitLinesExact(m.pane(p.pane).View(), p.inner.w, p.inner.h)
			exact = exact && ok
			cols[i], bs[i] = lines, m.paneBorder(p.pane == m.focus, p.inner.w)
		}
		body.WriteString(bs[0].top)
		body.WriteString(bs[1].top)
		for i := range cols[0] {
			body.WriteByte('\n')
			for j := range bs {
				body.WriteString(bs[j].left)
				body.WriteString(cols[j][i])
				body.WriteString(bs[j].right)
			}
		}
		body.WriteByte('\n')
		body.WriteString(bs[0].bottom)
		body.WriteString(bs[1].bottom)
	} else {
		p := ps[0]
		lines, ok := fitLinesExact(m.pane(p.pane).View(), p.inner.w, p.inner.h)
		exact = ok && p.inner == m.body()
		body.WriteString(strings.Join(lines, "\n"))
	}
	b := m.body()
	bodyStr := body.String()
	m.drawn.bodyLen = len(bodyStr)
	if m.overlay != noOverlay {
		outer, inner := m.overlayRect()
		var content string
		if m.overlay == common.HelpPane {
			content = m.helpView(inner.w)
		} else {
			content = m.pane(m.overlay).View()
		}
		box := strings.Join(frame(fitLines(content, inner.w, inner.h), inner.w, 1, st.Overlay), "\n")
		exact = false
		bodyStr = lipgloss.NewCompositor(
			lipgloss.NewLayer(bodyStr),
			lipgloss.NewLayer(box).X(outer.x-b.x).Y(outer.y-b.y).Z(1),
		).Render()
	}
	var lines []string
	c := m.chrome()
	if c.tabs {
		lines = append(lines, m.tabBar(w))
	}
	if !exact {
		bodyStr = fitBox(bodyStr, b.w, b.h)
	}
	lines = append(lines, bodyStr)
	if c.status {
		lines = append(lines, m.statusBar(w))
	}
	if c.help {
		lines = append(lines, m.shortHelp())
	}
	return strings.Join(lines, "\n")
}

func (m *Model) loadingView(w, h int) string {
	st := m.ctx.Styles
	L := m.ctx.L
	var b strings.Builder
	if m.loadErr != nil {
		b.WriteString(st.Error.Render(L.LoadFailed+": ") + common.SanitizeLine(m.loadErr.Error()))
		b.WriteString("\n\n" + st.Faint.Render("q "+L.KeyQuit))
	} else {
		b.WriteString(st.Title.Render(L.Loading))
		b.WriteString("\n\n")
		pct := 0.0
		if m.total > 0 {
			pct = float64(m.done) / float64(m.total)
		}
		b.WriteString(m.progress.ViewAs(pct))
		if m.total > 0 {
			b.WriteString("\n\n" + st.Faint.Render(fmt.Sprintf("%s / %s", m.ctx.Lang.Count(m.done), m.ctx.Lang.Count(m.total))))
		}
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, b.String())
}

// mouse routes a mouse message: to the overlay when one shows (a click
// outside it closes it), else to the pane under the pointer with
// coordinates relative to the pane; a click also focuses that pane, and the
// tab bar and the status bar's problems item are clickable.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.list == nil {
		return nil
	}
	mouse := msg.Mouse()
	_, isClick := msg.(tea.MouseClickMsg)
	_, isWheel := msg.(tea.MouseWheelMsg)
	if !isClick && !isWheel {
		return nil
	}
	if m.overlay != noOverlay {
		outer, inner := m.overlayRect()
		if !outer.has(mouse.X, mouse.Y) {
			if isClick {
				m.overlay = noOverlay
			}
			return nil
		}
		if m.overlay == common.HelpPane {
			return nil
		}
		_, cmd := m.pane(m.overlay).Update(relative(msg, inner))
		return cmd
	}
	_, h := m.size()
	c := m.chrome()
	if isClick && mouse.Y < c.top() {
		for _, t := range m.tabs() {
			if mouse.X >= t.x0 && mouse.X < t.x1 {
				return m.setFocus(t.pane)
			}
		}
		return nil
	}
	if isClick && c.status && mouse.Y == h-c.bottom() && m.problemsHit(mouse.X) {
		return m.openOverlay(common.ProblemsPane)
	}
	for _, p := range m.layout() {
		if !p.outer.has(mouse.X, mouse.Y) {
			continue
		}
		var cmds []tea.Cmd
		if isClick && p.pane != m.focus {
			cmds = append(cmds, m.setFocus(p.pane))
		}
		if p.inner.has(mouse.X, mouse.Y) {
			_, cmd := m.pane(p.pane).Update(relative(msg, p.inner))
			cmds = append(cmds, cmd)
		}
		return tea.Batch(cmds...)
	}
	return nil
}

// relative moves a mouse message into r's coordinates.
func relative(msg tea.MouseMsg, r rect) tea.Msg {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		msg.X -= r.x
		msg.Y -= r.y
		return msg
	case tea.MouseWheelMsg:
		msg.X -= r.x
		msg.Y -= r.y
		return msg
	}
	return msg
}
