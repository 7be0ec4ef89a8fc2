// Package detail is the pane that shows one report, rendered with Glamour
// like glow's pager: title, a line of facts, the body with its figures
// highlighted where they stand, captions as italic quotes, a table of the
// figures found with the sentence stating each, and the abbreviations the
// report uses, expanded.
//
// Rendering is the costly step, so it leaves Update: SetArticle returns a
// command that renders on another goroutine and comes back as a RenderedMsg
// tagged with what it rendered (article, width, theme, language); a stale
// one is cached but not shown. Renderings are kept in a small LRU per pane,
// and shared with the other panes (sessions) while any holds them.
// Each pane has its own Glamour renderer: a TermRenderer is not safe for
// concurrent use, and one program per SSH session runs concurrently with
// the others.
//
// In-report search ("/") matches diacritic-insensitively (model.FoldOffsets)
// in the rendered text, rune by rune, and highlights every match; n/N move
// between matches, scrolling to them.
package detail

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/ui/common"
)

// cacheSize bounds the renderings a pane keeps: the articles a reader moves
// between, at the widths and themes recently used.
const cacheSize = 24

// RenderedMsg carries a rendering back to the pane that asked for it. The
// root must route it to the detail pane (it is not a key or a size).
type RenderedMsg struct {
	pane uint64
	r    *rendered
	err  error
	sync bool // made on the Update path (SetSize), not by a command
}

// panes numbers detail panes, so that a rendering goes back to its own.
var panes atomic.Uint64

// Model is the detail pane. Create it with New; it is used by pointer.
type Model struct {
	ctx           *common.Context
	width, height int
	focused       bool

	id  int32
	has bool

	pane  uint64
	cache *cache
	cur   *rendered // the rendering shown; nil while none is ready
	err   error
	// inflight counts the renderings asked for and not yet back.
	inflight int

	// vp keeps the scroll position and handles the scrolling keys and the
	// wheel; View draws lines (the rendering, with the search's matches
	// styled) itself, from widths measured once per rendering, rather than
	// through vp.View, which re-measured and re-wrapped every line on screen
	// on every frame. The viewport holds blank lines as many as lines (so
	// that it scrolls the same), which cost nothing to measure.
	vp     viewport.Model
	lines  []string
	widths []int
	// slow is set when a line has a tab (Lip Gloss expands it): View then
	// goes through the viewport, which holds the lines themselves.
	slow bool

	find key.Binding // "/": the shared Filter key, with this pane's help

	input  textinput.Model
	typing bool   // the search input has the keyboard
	query  string // the search applied ("" when none)
	hits   []hit
	hit    int // the current hit, -1 when none
}

var _ common.Component = (*Model)(nil)

// New makes a detail pane showing nothing until SetArticle.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, pane: panes.Add(1), cache: newCache(cacheSize), hit: -1}
	m.vp = viewport.New()
	m.vp.MouseWheelEnabled = true
	m.vp.SoftWrap = false
	m.vp.KeyMap = viewportKeys(ctx.Keys)
	m.find = key.NewBinding(key.WithKeys(ctx.Keys.Filter.Keys()...),
		key.WithHelp(ctx.Keys.Filter.Help().Key, ctx.Lang.Pick("tìm trong bài", "find in report")))
	m.input = textinput.New()
	m.input.Prompt = "/ "
	m.input.Placeholder = ctx.Lang.Pick("tìm trong bài (không cần dấu)", "find in report (accents optional)")
	m.styleInput()
	return m
}

// styleInput gives the search input the context's styles (again after a
// theme change).
func (m *Model) styleInput() {
	st := m.input.Styles()
	cs := m.ctx.Styles
	for _, s := range []*textinput.StyleState{&st.Focused, &st.Blurred} {
		s.Prompt, s.Text, s.Placeholder = cs.Prompt, cs.Normal, cs.Faint
	}
	st.Cursor.Blink = false
	if cs.Accent != nil {
		st.Cursor.Color = cs.Accent
	}
	m.input.SetStyles(st)
}

// viewportKeys maps the shared key map onto the viewport's scrolling, plus
// the pager keys glow users expect (space, f, b, d, u).
func viewportKeys(k *common.KeyMap) viewport.KeyMap {
	km := viewport.DefaultKeyMap()
	km.Up = k.Up
	km.Down = k.Down
	km.PageDown = key.NewBinding(key.WithKeys(append(k.PageDown.Keys(), "space", "f")...), key.WithHelp(k.PageDown.Help().Key, k.PageDown.Help().Desc))
	km.PageUp = key.NewBinding(key.WithKeys(append(k.PageUp.Keys(), "b")...), key.WithHelp(k.PageUp.Help().Key, k.PageUp.Help().Desc))
	km.HalfPageDown = key.NewBinding(key.WithKeys(append(k.HalfDown.Keys(), "d")...), key.WithHelp(k.HalfDown.Help().Key, k.HalfDown.Help().Desc))
	km.HalfPageUp = key.NewBinding(key.WithKeys(append(k.HalfUp.Keys(), "u")...), key.WithHelp(k.HalfUp.Help().Key, k.HalfUp.Help().Desc))
	// no horizontal scrolling: lines are wrapped to the width.
	km.Left = key.NewBinding(key.WithDisabled())
	km.Right = key.NewBinding(key.WithDisabled())
	return km
}

// Init does nothing: the pane waits for an article.
func (m *Model) Init() tea.Cmd { return nil }

// SetFocused tells the pane whether it has the focus.
func (m *Model) SetFocused(f bool) { m.focused = f }

// Typing reports whether the search input has the keyboard.
func (m *Model) Typing() bool { return m.typing }

// Article returns the article shown and whether there is one.
func (m *Model) Article() (int32, bool) { return m.id, m.has }

// SetSize sets the pane's size. A new width needs a new rendering; as
// common.Component's SetSize cannot return a command, it is made here, on
// the Update path (a few milliseconds, once per resize and article; see
// BenchmarkRender), unless the cache has it.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.input.SetWidth(max(m.width-20, 10))
	m.vp.SetWidth(m.width)
	m.vp.SetHeight(m.viewportHeight())
	if cmd := m.ensure(); cmd != nil {
		r, err := render(m.ctx.Corpus, m.want(), false)
		m.Update(RenderedMsg{pane: m.pane, r: r, err: err, sync: true})
	}
}

// viewportHeight leaves the last line for the search bar when it shows.
func (m *Model) viewportHeight() int {
	if m.typing || m.query != "" {
		return max(m.height-1, 0)
	}
	return m.height
}

// SetArticle shows article id, rendering it if it is not in the cache. The
// command it returns renders off the Update path; nil when cached.
func (m *Model) SetArticle(id int32) tea.Cmd {
	if m.has && m.id == id {
		return m.ensure()
	}
	m.id, m.has = id, true
	m.vp.SetYOffset(0)
	return m.ensure()
}

// Clear shows no article.
func (m *Model) Clear() {
	m.has, m.cur, m.hits, m.hit = false, nil, nil, -1
	m.lines, m.widths, m.slow = nil, nil, false
	m.vp.SetContentLines(nil)
}

// want is the rendering the pane needs now.
func (m *Model) want() renderKey {
	return renderKey{id: m.id, width: m.width, style: m.ctx.GlamourStyle(), lang: m.ctx.Lang}
}

// ensure shows the wanted rendering from the cache, or returns the command
// that makes it.
func (m *Model) ensure() tea.Cmd {
	if !m.has || m.width <= 0 || m.ctx.Corpus == nil {
		return nil
	}
	k := m.want()
	if m.cur != nil && m.cur.key == k && !m.cur.partial {
		return nil
	}
	if r, ok := m.cache.get(k); ok {
		m.show(r)
		return nil
	}
	if r := sharedGet(m.ctx.Corpus, k); r != nil {
		m.cache.put(r)
		m.show(r)
		return nil
	}
	if m.inflight > 0 {
		// One rendering at a time per pane: a reader holding j in the
		// list would otherwise start one per report passed. The newest
		// wanted is rendered when the current one comes back.
		return nil
	}
	m.err = nil
	pane, c := m.pane, m.ctx.Corpus
	full := func() tea.Msg {
		r, err := render(c, k, false)
		return RenderedMsg{pane: pane, r: r, err: err}
	}
	if !isLong(c.At(k.id)) {
		m.inflight = 1
		return full
	}
	// A long report: its first screen comes first, the whole follows.
	first := func() tea.Msg {
		r, err := render(c, k, true)
		return RenderedMsg{pane: pane, r: r, err: err}
	}
	m.inflight = 2
	return tea.Batch(first, full)
}

// show puts a rendering on screen, keeping the scroll position when it is
// the same article (a resize or theme change) and the search.
func (m *Model) show(r *rendered) {
	same := m.cur != nil && m.cur.key.id == r.key.id
	y := m.vp.YOffset()
	m.cur = r
	m.refreshHits(false)
	if !same {
		m.vp.SetYOffset(0)
	} else {
		m.vp.SetYOffset(y)
	}
}

// Update handles keys, mouse, renderings and the root's messages.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case RenderedMsg:
		if msg.pane != m.pane {
			return m, nil
		}
		if !msg.sync && m.inflight > 0 {
			m.inflight--
		}
		switch {
		case msg.err != nil:
			m.err = msg.err
		case msg.r.partial:
			// a first screen: shown only while nothing better is
			if m.has && msg.r.key == m.want() && (m.cur == nil || m.cur.key != msg.r.key) {
				m.show(msg.r)
			}
		default:
			m.cache.put(msg.r)
			sharedPut(m.ctx.Corpus, msg.r)
			if m.has && msg.r.key == m.want() {
				m.show(msg.r)
			}
		}
		if m.inflight == 0 && msg.err == nil {
			// the reader moved on while this rendered: now the latest
			return m, m.ensure()
		}
		return m, nil
	case common.ArticleSelectedMsg:
		if !msg.Has {
			m.Clear()
			return m, nil
		}
		return m, m.SetArticle(msg.ID)
	case common.ThemeMsg:
		m.cache.clear()
		m.styleInput()
		return m, m.ensure()
	case common.FocusMsg:
		m.focused = msg.Focused
		return m, nil
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyPressMsg:
		if m.typing {
			return m, m.updateInput(msg)
		}
		return m, m.handleKey(msg)
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	if m.typing {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, m.find):
		m.typing = true
		m.input.SetValue(m.query)
		m.input.CursorEnd()
		m.vp.SetHeight(m.viewportHeight())
		return m.input.Focus()
	case key.Matches(msg, k.Next):
		m.step(1)
		return nil
	case key.Matches(msg, k.Prev):
		m.step(-1)
		return nil
	case key.Matches(msg, k.Clear) && m.query != "":
		m.setQuery("")
		return nil
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
		return nil
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
		return nil
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return cmd
}

// updateInput handles a key while the search input is open: enter keeps the
// search and closes the input, esc clears it, anything else edits it (the
// matches follow each keystroke).
func (m *Model) updateInput(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		m.typing = false
		m.input.Blur()
		m.vp.SetHeight(m.viewportHeight())
		return nil
	case "esc":
		m.typing = false
		m.input.Blur()
		m.setQuery("")
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if v := m.input.Value(); v != m.query {
		m.setQuery(v)
	}
	return cmd
}

// setQuery applies a search and scrolls to its first match at or after the
// top of the screen.
func (m *Model) setQuery(q string) {
	m.query = q
	if q == "" {
		m.input.SetValue("")
	}
	m.vp.SetHeight(m.viewportHeight())
	m.refreshHits(true)
}

// refreshHits recomputes the matches of the query in the current rendering
// and the viewport's content; jump moves to the first match from the top
// of the screen.
func (m *Model) refreshHits(jump bool) {
	if m.cur == nil {
		m.hits, m.hit = nil, -1
		return
	}
	m.hits = findHits(m.cur.plain, m.query)
	m.hit = -1
	if len(m.hits) > 0 {
		m.hit = 0
		if jump {
			top := m.vp.YOffset()
			for i, h := range m.hits {
				if h.line >= top {
					m.hit = i
					break
				}
			}
		}
	}
	m.setContent()
	if jump {
		m.scrollToHit()
	}
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (m *Model) step(d int) {
	if len(m.hits) == 0 {
		return
	}
	m.hit = (m.hit + d + len(m.hits)) % len(m.hits)
	m.setContent()
	m.scrollToHit()
}

// scrollToHit puts the current match on screen, a third of the way down
// when it was off screen.
func (m *Model) scrollToHit() {
	if m.hit < 0 {
		return
	}
	line := m.hits[m.hit].line
	h := m.vp.Height()
	if line < m.vp.YOffset() || line >= m.vp.YOffset()+h {
		m.vp.SetYOffset(line - h/3)
	}
}

// setContent gives the viewport the rendering with the matches styled.
func (m *Model) setContent() {
	lines, widths := m.cur.lines, m.cur.widths
	if m.cur.partial {
		more := "  " + m.ctx.Styles.Faint.Render(m.ctx.Lang.Pick("Đang trình bày phần còn lại…", "Rendering the rest…"))
		lines = append(lines[:len(lines):len(lines)], "", more)
		widths = append(widths[:len(widths):len(widths)], 0, common.Width(more))
	}
	if len(m.hits) > 0 {
		st := m.ctx.Styles
		// Underline makes Lip Gloss style each cell apart; the colours suffice.
		lines = highlight(lines, m.hits, m.hit, st.Match.Underline(false), st.MatchSel.Underline(false).Reverse(st.NoColor))
	}
	m.lines, m.widths, m.slow = lines, widths, false
	for _, l := range lines {
		if strings.IndexByte(l, '\t') >= 0 {
			m.slow = true
			break
		}
	}
	y := m.vp.YOffset()
	if m.slow {
		m.vp.SetContentLines(append([]string(nil), lines...)) // the viewport may modify its slice
	} else {
		m.vp.SetContentLines(blankLines(len(lines)))
	}
	m.vp.SetYOffset(y)
}

// blanks is a shared run of empty strings, never modified (the viewport
// modifies only lines with line breaks).
var blanks struct {
	sync.Mutex
	s []string
}

// blankLines returns n empty lines.
func blankLines(n int) []string {
	blanks.Lock()
	defer blanks.Unlock()
	if len(blanks.s) < n {
		blanks.s = make([]string, max(n, 2*len(blanks.s)))
	}
	return blanks.s[:n:n]
}

// spaces pads lines without allocating.
const spaces = "                                                                                                                                                                                                                                                                "

func writeSpaces(b *strings.Builder, n int) {
	for n > len(spaces) {
		b.WriteString(spaces)
		n -= len(spaces)
	}
	if n > 0 {
		b.WriteString(spaces[:n])
	}
}

// page draws the lines on screen, each padded to the width, and blank
// lines below the last: what the viewport's View draws for lines that fit.
func (m *Model) page() string {
	if m.slow {
		return m.vp.View()
	}
	w, h := m.vp.Width(), m.vp.Height()
	if w <= 0 || h <= 0 {
		return ""
	}
	y := m.vp.YOffset()
	var b strings.Builder
	b.Grow(h * (w + 16))
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		if j := y + i; j >= 0 && j < len(m.lines) {
			b.WriteString(m.lines[j])
			writeSpaces(&b, w-m.widths[j])
		} else {
			writeSpaces(&b, w)
		}
	}
	return b.String()
}

// View renders the pane at its size: the article (or a placeholder) and,
// while searching, the search bar.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var body string
	switch {
	case !m.has:
		body = m.placeholder(m.ctx.Lang.Pick("Chọn một báo cáo trong danh sách.", "Choose a report in the list."))
	case m.err != nil:
		body = m.placeholder(m.ctx.Lang.Pick("Không trình bày được báo cáo: ", "Could not render the report: ") + m.err.Error())
	case m.cur == nil || m.cur.key.id != m.id:
		body = m.placeholder(m.ctx.Lang.Pick("Đang trình bày…", "Rendering…"))
	default:
		body = m.page()
	}
	if m.typing || m.query != "" {
		return lipgloss.JoinVertical(lipgloss.Left, body, m.searchBar())
	}
	return body
}

// placeholder shows the article's title (cheap to print) and a note, in
// the pane's size.
func (m *Model) placeholder(note string) string {
	st := m.ctx.Styles
	var b strings.Builder
	if m.has && m.ctx.Corpus != nil {
		t := common.SanitizeLine(m.ctx.Corpus.At(m.id).Title)
		b.WriteString("  " + st.Title.Render(ansi.Truncate(t, max(m.width-4, 1), "…")) + "\n\n")
	}
	b.WriteString("  " + st.Faint.Render(ansi.Truncate(note, max(m.width-4, 1), "…")))
	return lipgloss.NewStyle().Width(m.width).Height(m.viewportHeight()).MaxHeight(m.viewportHeight()).Render(b.String())
}

// searchBar is the last line while a search is open or applied: the input
// (or the query) and the match count.
func (m *Model) searchBar() string {
	st := m.ctx.Styles
	var count string
	switch {
	case m.query == "":
	case len(m.hits) == 0:
		count = st.Warning.Render(m.ctx.Lang.Pick("không thấy", "no match"))
	default:
		count = st.Faint.Render(fmt.Sprintf("%d/%d", m.hit+1, len(m.hits)))
	}
	var left string
	if m.typing {
		left = m.input.View()
	} else {
		left = st.Prompt.Render("/ ") + st.Normal.Render(common.SanitizeLine(m.query))
	}
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(count) - 1
	if gap < 1 {
		left = ansi.Truncate(left, max(m.width-ansi.StringWidth(count)-2, 1), "…")
		gap = 1
	}
	return ansi.Truncate(left+strings.Repeat(" ", gap)+count, m.width, "")
}

// ShortHelp lists the pane's main keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	if m.typing {
		return []key.Binding{k.Apply, k.Cancel}
	}
	return []key.Binding{k.Down, k.PageDown, m.find, k.Next, k.Prev}
}

// FullHelp lists every key of the pane.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
		{m.find, k.Next, k.Prev, k.Clear},
	}
}
