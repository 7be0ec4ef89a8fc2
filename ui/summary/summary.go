// Package summary is the metric summary pane: one row per unit among the
// list's current results, with the latest figure of each headline metric
// and its year, sortable by any column, an inline bar chart of the chosen
// column, a per-year history of one unit, targets shown apart from results
// (never mixed), and the sentence and report behind the selected number.
//
// The summary (model.Corpus.Summary) is computed off the View path, once per
// change of the results, in a command whose answer carries the generation
// it answers so that a stale one is dropped. View formats only the rows on
// screen.
package summary

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// column is one metric column: a key's figure, or the share of plan of the
// key's figure (plan).
type column struct {
	key  model.Key
	plan bool
}

// columns are the metric columns, headline ones first; those that do not
// fit the width are left off the right (the chosen one always shows).
var columns = []column{
	{key: model.BudgetRevenue}, {key: model.BudgetRevenue, plan: true},
	{key: model.PartyMembers}, {key: model.NewPartyMembers},
	{key: model.PoorHouseholdRate}, {key: model.TargetsMet},
	{key: model.BudgetRevenueLocal}, {key: model.PartyCells},
	{key: model.HealthInsuranceCoverage}, {key: model.CulturalFamilyRate},
}

// computedMsg carries a summary back to the pane that asked for it.
type computedMsg struct {
	pane uint64
	gen  uint64
	tab  *table
}

// historyMsg carries the per-year history of one unit.
type historyMsg struct {
	pane uint64
	gen  uint64
	unit model.UnitKey
	kind model.Kind
	rows []yearRow
}

// table is a computed summary: the rows and, per unit, the result ids
// about it (for History).
type table struct {
	rows   []model.SummaryRow
	byUnit map[*model.UnitInfo][]int32
	n      int // articles summarised
}

// yearRow is one year of a unit's history: per column, the figure.
type yearRow struct {
	year int
	figs []model.Figure // by KeyIndex
}

// Model is the summary pane. Create it with New; it is used by pointer.
type Model struct {
	ctx           *common.Context
	width, height int
	focused       bool
	pane          uint64

	gen     uint64  // generation of the results asked for
	tab     *table  // the summary shown (maybe of an older generation while computing)
	pending bool    // a newer summary is being computed
	waiting tea.Cmd // the computation of the newest results, waiting to settle

	order   []int32 // rows in display order (indices into tab.rows)
	col     int     // chosen column: 0 the unit, 1.. columns[col-1]
	sortCol int     // sorted by this column (0: units in Vietnamese order)
	desc    bool
	cursor  int
	offset  int

	targets bool // show targets instead of results

	paints *paints

	scaleFor  scaleKey // the bar scale cached
	scaleVal  float64
	scaleClip bool
	scaleOK   bool

	history  bool // per-year history of the selected unit
	hist     []yearRow
	histUnit model.UnitKey
	histKind model.Kind
	histOK   bool
	hcursor  int

	keys keyMap

	drawn drawn
}

type keyMap struct {
	History, Targets, OpenArticle, FilterUnit, Column key.Binding
}

var _ common.Component = (*Model)(nil)

// panes numbers summary panes (one per SSH session), so that an answer
// goes back to its own.
var panes atomic.Uint64

// New makes a summary pane. It computes nothing until SetResults (or a
// common.ResultsMsg).
func New(ctx *common.Context) *Model {
	L := ctx.Lang
	return &Model{ctx: ctx, pane: panes.Add(1), col: 1,
		keys: keyMap{
			History:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", L.Pick("theo năm/mới nhất", "by year/latest"))),
			Targets:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", L.Pick("mục tiêu/kết quả", "targets/results"))),
			OpenArticle: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", L.Pick("mở báo cáo nguồn", "open source report"))),
			FilterUnit:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", L.Pick("lọc theo đơn vị", "filter to unit"))),
			Column:      key.NewBinding(key.WithKeys("left", "right", "h", "l"), key.WithHelp("←/→", L.Pick("chọn cột", "column"))),
		}}
}

// Init summarises the context's current results, if the list has set
// them already; later changes come as common.ResultsMsg.
func (m *Model) Init() tea.Cmd {
	if m.ctx.Results == nil {
		return nil
	}
	return m.SetResults(m.ctx.Results)
}

// SetFocused tells the pane whether it has the focus.
func (m *Model) SetFocused(f bool) { m.focused = f }

// SetSize sets the pane's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.clamp()
}

// SetResults summarises the given articles (the list's results; shared, not
// modified). The work happens in the returned command. Large result sets
// wait debounce first, and are summarised only if no newer results came
// meanwhile: a reader typing a filter over 100,000 reports changes the
// results on every key, and each summary takes tens of milliseconds.
func (m *Model) SetResults(ids []int32) tea.Cmd {
	m.gen++
	m.pending = true
	gen, pane, c := m.gen, m.pane, m.ctx.Corpus
	if c == nil {
		return nil
	}
	work := func() tea.Msg { return computedMsg{pane: pane, gen: gen, tab: tableFor(c, ids)} }
	if len(ids) < debounceFrom {
		return work
	}
	m.waiting = work
	return tea.Tick(debounce, func(time.Time) tea.Msg { return settledMsg{pane: pane, gen: gen} })
}

// Result sets from debounceFrom articles are summarised after debounce
// without newer results.
var (
	debounceFrom = 20_000
	debounce     = 120 * time.Millisecond
)

// settledMsg says that results of generation gen have stayed debounce long.
type settledMsg struct {
	pane, gen uint64
}

// compute summarises ids and groups them by unit. A large set is cut by
// unit into one part per core, each summarised by Corpus.Summary (safe for
// concurrent use; units do not straddle parts, so no row is split), and
// the rows put back in the corpus's unit order.
func compute(c *model.Corpus, ids []int32) *table {
	t := &table{byUnit: make(map[*model.UnitInfo][]int32), n: len(ids)}
	for _, id := range ids {
		if u := c.UnitOf(id); u != nil {
			t.byUnit[u] = append(t.byUnit[u], id)
		}
	}
	procs := runtime.GOMAXPROCS(0)
	if len(ids) < parallelFrom || procs < 2 || len(t.byUnit) < 2 {
		t.rows = c.Summary(ids)
		return t
	}
	parts := make([][]int32, procs)
	i := 0
	for _, us := range t.byUnit {
		parts[i%procs] = append(parts[i%procs], us...)
		i++
	}
	results := make([][]model.SummaryRow, procs)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { results[p] = c.Summary(parts[p]) })
	}
	wg.Wait()
	order := make(map[*model.UnitInfo]int, len(c.Units()))
	for i := range c.Units() {
		order[&c.Units()[i]] = i
	}
	for _, r := range results {
		t.rows = append(t.rows, r...)
	}
	slices.SortFunc(t.rows, func(a, b model.SummaryRow) int { return cmp.Compare(order[a.Unit], order[b.Unit]) })
	return t
}

// tableFor summarises ids: the whole corpus's table when ids are every
// article (the list unfiltered, what every session shows first), else a
// table of their own.
func tableFor(c *model.Corpus, ids []int32) *table {
	if len(ids) == c.Len() && len(ids) > 0 { // ids are distinct: all of them
		return whole(c)
	}
	return compute(c, ids)
}

// wholes are the whole-corpus tables, one per corpus, shared by every pane
// (SSH session) of that corpus: a table is read only once made, and its
// rows (Corpus.Summary of every article) and History are the same whatever
// the order of ids (History's ties are broken by article number). The
// references are weak, so that a table goes when the last pane showing it
// does (memory returns to where it was when the sessions close), and an
// entry does not keep its corpus alive.
var wholes struct {
	sync.Mutex
	m map[weak.Pointer[model.Corpus]]weak.Pointer[table]
}

// whole returns c's whole-corpus table, computing it when no pane holds
// it. Panes asking meanwhile wait for it rather than compute it again.
func whole(c *model.Corpus) *table {
	k := weak.Make(c)
	wholes.Lock()
	defer wholes.Unlock()
	if t := wholes.m[k].Value(); t != nil {
		return t
	}
	ids := make([]int32, c.Len())
	for i := range ids {
		ids[i] = int32(i)
	}
	t := compute(c, ids)
	if wholes.m == nil {
		wholes.m = make(map[weak.Pointer[model.Corpus]]weak.Pointer[table])
	}
	for kk, p := range wholes.m {
		if kk.Value() == nil || p.Value() == nil {
			delete(wholes.m, kk)
		}
	}
	wholes.m[k] = weak.Make(t)
	return t
}

// parallelFrom is the result set size from which compute uses every core.
var parallelFrom = 20_000

// Update handles keys, computed summaries and the root's messages.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case computedMsg:
		if msg.pane != m.pane || msg.gen != m.gen {
			return m, nil
		}
		var selected model.UnitKey
		if r, ok := m.selectedRow(); ok {
			selected = r.Unit.Key
		}
		m.tab, m.pending = msg.tab, false
		m.resort()
		m.cursor = 0
		for i, ri := range m.order {
			if m.tab.rows[ri].Unit.Key == selected {
				m.cursor = i
			}
		}
		m.clamp()
		if m.history {
			return m, m.loadHistory()
		}
		return m, nil
	case settledMsg:
		if msg.pane != m.pane || msg.gen != m.gen || m.waiting == nil {
			return m, nil
		}
		work := m.waiting
		m.waiting = nil
		return m, work
	case historyMsg:
		if msg.pane != m.pane || msg.gen != m.gen {
			return m, nil
		}
		m.hist, m.histUnit, m.histKind, m.histOK = msg.rows, msg.unit, msg.kind, true
		m.hcursor = max(len(m.hist)-1, 0)
		return m, nil
	case common.ResultsMsg:
		return m, m.SetResults(msg.IDs)
	case common.FocusMsg:
		m.focused = msg.Focused
		return m, nil
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			m.move(3)
		case tea.MouseWheelUp:
			m.move(-3)
		}
		return m, nil
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.bodyHeight())
	case key.Matches(msg, k.PageDown):
		m.move(m.bodyHeight())
	case key.Matches(msg, k.HalfUp):
		m.move(-m.bodyHeight() / 2)
	case key.Matches(msg, k.HalfDown):
		m.move(m.bodyHeight() / 2)
	case key.Matches(msg, k.Top):
		m.move(-1 << 30)
	case key.Matches(msg, k.Bottom):
		m.move(1 << 30)
	case key.Matches(msg, k.Left):
		m.col = max(m.col-1, 0)
		if m.history {
			m.col = max(m.col, 1)
		}
	case key.Matches(msg, k.Right):
		m.col = min(m.col+1, len(columns))
	case key.Matches(msg, k.Sort):
		if m.history {
			return nil
		}
		if m.sortCol == m.col {
			m.desc = !m.desc
		} else {
			// numbers read best largest first; units in their order
			m.sortCol, m.desc = m.col, m.col != 0
		}
		m.resortKeep()
	case key.Matches(msg, k.Reverse):
		if !m.history {
			m.desc = !m.desc
			m.resortKeep()
		}
	case key.Matches(msg, m.keys.Targets):
		m.targets = !m.targets
		if !m.history {
			m.resortKeep()
			return nil
		}
		return m.loadHistory()
	case key.Matches(msg, m.keys.History):
		if _, ok := m.selectedRow(); !ok && !m.history {
			return nil
		}
		m.history = !m.history
		if m.history {
			m.col = max(m.col, 1)
			return m.loadHistory()
		}
	case key.Matches(msg, m.keys.FilterUnit):
		if r, ok := m.selectedRow(); ok {
			return common.Send(common.FilterUnitMsg{Key: r.Unit.Key})
		}
	case key.Matches(msg, m.keys.OpenArticle):
		if f, ok := m.selectedFigure(); ok {
			return common.Send(common.OpenArticleMsg{ID: f.Article})
		}
	}
	return nil
}

// kind is the kind of figure shown.
func (m *Model) kind() model.Kind {
	if m.targets {
		return model.Target
	}
	return model.Actual
}

// loadHistory computes the selected unit's history for every key, among
// the results about that unit only.
func (m *Model) loadHistory() tea.Cmd {
	r, ok := m.selectedRow()
	if !ok {
		return nil
	}
	if m.histOK && m.histUnit == r.Unit.Key && m.histKind == m.kind() {
		return nil
	}
	m.histOK = false
	c, ids, unit, kind, gen, pane := m.ctx.Corpus, m.tab.byUnit[r.Unit], r.Unit.Key, m.kind(), m.gen, m.pane
	return func() tea.Msg {
		return historyMsg{pane: pane, gen: gen, unit: unit, kind: kind, rows: history(c, ids, unit, kind)}
	}
}

// history gathers Corpus.History of every key into one row per year.
func history(c *model.Corpus, ids []int32, unit model.UnitKey, kind model.Kind) []yearRow {
	byYear := map[int]*yearRow{}
	for ki, k := range model.Keys {
		for _, f := range c.History(ids, unit, k, kind) {
			y := byYear[f.Year]
			if y == nil {
				y = &yearRow{year: f.Year, figs: make([]model.Figure, len(model.Keys))}
				byYear[f.Year] = y
			}
			y.figs[ki] = f
		}
	}
	rows := make([]yearRow, 0, len(byYear))
	for _, y := range byYear {
		rows = append(rows, *y)
	}
	slices.SortFunc(rows, func(a, b yearRow) int { return cmp.Compare(a.year, b.year) })
	return rows
}

// figure is the figure of row r shown in column c.
func (m *Model) figure(r *model.SummaryRow, c column) model.Figure {
	cells := r.Actual
	if m.targets {
		cells = r.Target
	}
	return cells[model.KeyIndex(c.key)]
}

// sortValue is what a column sorts and scales bars by; ok false for an
// empty cell. A ratio (11/11 chỉ tiêu) counts as its share.
func sortValue(f model.Figure, c column) (float64, bool) {
	if !f.OK {
		return 0, false
	}
	if c.plan {
		return f.Metric.PlanPct, f.Metric.HasPlanPct()
	}
	if f.Metric.HasOf() && f.Metric.Of > 0 {
		return 100 * f.Metric.Value / f.Metric.Of, true
	}
	return f.Metric.Value, true
}

// scaleKey is what a bar scale depends on.
type scaleKey struct {
	tab     *table
	col     int
	targets bool
}

// scale is the value a full bar stands for in column ci: the largest
// value over all rows (not only those on screen, so that bars compare
// while scrolling), or, when that is an outlier more than four times the
// 95th percentile (one report stating a city's revenue as a ward's), the
// 95th percentile, with longer bars cut and marked. Computed once per
// summary, column and kind, not on every View.
func (m *Model) scale(ci int) (scale float64, clipped bool) {
	k := scaleKey{m.tab, ci, m.targets}
	if m.scaleOK && m.scaleFor == k {
		return m.scaleVal, m.scaleClip
	}
	c := columns[ci]
	ki := model.KeyIndex(c.key)
	var vals []float64
	for i := range m.tab.rows {
		cells := m.tab.rows[i].Actual
		if m.targets {
			cells = m.tab.rows[i].Target
		}
		if v, ok := sortValue(cells[ki], c); ok && v > 0 {
			vals = append(vals, v)
		}
	}
	if len(vals) > 0 {
		slices.Sort(vals)
		scale = vals[len(vals)-1]
		if p95 := vals[len(vals)*95/100]; len(vals) >= 20 && scale > 4*p95 {
			scale, clipped = p95, true
		}
	}
	m.scaleFor, m.scaleVal, m.scaleClip, m.scaleOK = k, scale, clipped, true
	return scale, clipped
}

// resort orders the rows by the sort column; empty cells go last in either
// direction, ties keep the Vietnamese unit order.
func (m *Model) resort() {
	if m.tab == nil {
		m.order = nil
		return
	}
	m.order = m.order[:0]
	for i := range m.tab.rows {
		m.order = append(m.order, int32(i))
	}
	if m.sortCol == 0 {
		if m.desc {
			slices.Reverse(m.order)
		}
		return
	}
	c := columns[m.sortCol-1]
	ki := model.KeyIndex(c.key)
	type sk struct {
		v  float64
		ok bool
	}
	keys := make([]sk, len(m.tab.rows))
	for i := range m.tab.rows {
		cells := m.tab.rows[i].Actual
		if m.targets {
			cells = m.tab.rows[i].Target
		}
		keys[i].v, keys[i].ok = sortValue(cells[ki], c)
	}
	slices.SortStableFunc(m.order, func(a, b int32) int {
		va, oka := keys[a].v, keys[a].ok
		vb, okb := keys[b].v, keys[b].ok
		switch {
		case !oka && !okb:
			return 0
		case !oka:
			return 1
		case !okb:
			return -1
		}
		if m.desc {
			return cmp.Compare(vb, va)
		}
		return cmp.Compare(va, vb)
	})
}

// resortKeep resorts and keeps the cursor on the same unit.
func (m *Model) resortKeep() {
	r, ok := m.selectedRow()
	screenRow := m.cursor - m.offset
	m.resort()
	if ok {
		for i, ri := range m.order {
			if m.tab.rows[ri].Unit.Key == r.Unit.Key {
				m.cursor = i
				break
			}
		}
		// the row stays where it was on screen, unless the top of the new
		// order fits above it
		m.offset = m.cursor - screenRow
		if m.cursor < m.bodyHeight() {
			m.offset = 0
		}
	}
	m.clamp()
}

func (m *Model) selectedRow() (*model.SummaryRow, bool) {
	if m.tab == nil || m.cursor < 0 || m.cursor >= len(m.order) {
		return nil, false
	}
	return &m.tab.rows[m.order[m.cursor]], true
}

// selectedFigure is the figure under the cursor: the chosen column of the
// selected row (or year, in the history).
func (m *Model) selectedFigure() (model.Figure, bool) {
	if m.col == 0 {
		return model.Figure{}, false
	}
	c := columns[m.col-1]
	if m.history {
		if !m.histOK || m.hcursor < 0 || m.hcursor >= len(m.hist) {
			return model.Figure{}, false
		}
		f := m.hist[m.hcursor].figs[model.KeyIndex(c.key)]
		return f, f.OK
	}
	r, ok := m.selectedRow()
	if !ok {
		return model.Figure{}, false
	}
	f := m.figure(r, c)
	if !f.OK || c.plan && !f.Metric.HasPlanPct() {
		return f, false
	}
	return f, f.OK
}

// move moves the cursor by d rows (years in the history).
func (m *Model) move(d int) {
	if m.history {
		m.hcursor = max(0, min(m.hcursor+d, len(m.hist)-1))
		return
	}
	m.cursor += d
	m.clamp()
}

// clamp keeps the cursor in range and on screen.
func (m *Model) clamp() {
	n := len(m.order)
	m.cursor = max(0, min(m.cursor, n-1))
	h := max(m.bodyHeight(), 1)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(0, min(m.offset, n-h))
}

// footerLines is the height of the evidence footer.
const footerLines = 4

// bodyHeight is the number of table rows on screen: the pane less the
// title, the header and the footer.
func (m *Model) bodyHeight() int { return max(m.height-2-footerLines, 0) }

// ShortHelp lists the pane's main keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	return []key.Binding{m.keys.Column, k.Sort, m.keys.History, m.keys.Targets, m.keys.FilterUnit, m.keys.OpenArticle}
}

// FullHelp lists every key of the pane.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{m.keys.Column, k.Sort, k.Reverse},
		{m.keys.History, m.keys.Targets, m.keys.FilterUnit, m.keys.OpenArticle},
	}
}

// ---- rendering ----

// colTitle is a column's header.
func (m *Model) colTitle(c column) string {
	if c.plan {
		return m.ctx.Lang.Pick("%KH", "%plan")
	}
	return shortName(m.ctx.Lang, c.key)
}

// shortName is a metric's name short enough for a column header.
func shortName(l common.Lang, k model.Key) string {
	switch k {
	case model.BudgetRevenue:
		return l.Pick("Thu NS", "Revenue")
	case model.BudgetRevenueLocal:
		return l.Pick("Thu NS ĐP", "Local rev.")
	case model.PartyMembers:
		return l.Pick("Đảng viên", "Members")
	case model.NewPartyMembers:
		return l.Pick("Kết nạp", "Admitted")
	case model.PartyCells:
		return l.Pick("Chi bộ", "Cells")
	case model.TargetsMet:
		return l.Pick("Chỉ tiêu", "Targets")
	case model.PoorHouseholdRate:
		return l.Pick("Hộ nghèo", "Poor hh.")
	case model.HealthInsuranceCoverage:
		return l.Pick("BHYT", "Health ins.")
	case model.CulturalFamilyRate:
		return l.Pick("GĐ văn hoá", "Cult. fam.")
	}
	return string(k)
}

// cellText is a figure as a table cell: compact value, a hedge mark (~
// estimate, > at least, < at most) and the year ("’23"), or "—".
func (m *Model) cellText(f model.Figure, c column) (value, year string) {
	l := m.ctx.Lang
	if !f.OK || c.plan && !f.Metric.HasPlanPct() {
		return "—", ""
	}
	if f.Year != 0 {
		year = fmt.Sprintf("’%02d", f.Year%100)
	}
	mt := f.Metric
	switch {
	case c.plan:
		return l.Number(mt.PlanPct, 0) + "%", year
	case mt.HasOf():
		value = l.Number(mt.Value, 0) + "/" + l.Number(mt.Of, 0)
	case mt.Measure == model.VND || model.MeasureOf(c.key) == model.VND:
		value = l.VNDShort(mt.Value)
	case mt.Measure == model.Percent || model.MeasureOf(c.key) == model.Percent:
		value = l.Percent(mt.Value)
	default:
		value = l.Number(mt.Value, 2)
	}
	switch mt.Approx {
	case model.Estimate:
		value = "~" + value
	case model.AtLeast:
		value = ">" + value
	case model.AtMost:
		value = "<" + value
	}
	return value, year
}

// layout chooses the columns that fit: widths of the unit column, of each
// shown metric column (value and year), and of the bar column.
type layout struct {
	unitW  int
	cols   []int // indices into columns
	valW   []int
	years  bool
	barW   int
	barCol int // column the bars show (index into columns), -1 none
}

// valueWidths are the widest values each column can take, measured on the
// rows on screen and the header; columns keep these minimums so that they
// do not jump while scrolling.
var minValueW = map[model.Key]int{
	model.BudgetRevenue: 9, model.BudgetRevenueLocal: 9, model.PartyMembers: 5, model.NewPartyMembers: 4,
	model.PartyCells: 3, model.TargetsMet: 5, model.PoorHouseholdRate: 5, model.HealthInsuranceCoverage: 6,
	model.CulturalFamilyRate: 6,
}

func (m *Model) layoutFor(visible []func(column) (string, string)) layout {
	var lay layout
	lay.barCol = -1
	if m.col > 0 {
		lay.barCol = m.col - 1
	}
	// widths each column would take
	want := make([]int, len(columns))
	for i, c := range columns {
		w := common.Width(m.colTitle(c))
		if c.plan {
			w = max(w, 4) // "106%"
		} else {
			w = max(w, minValueW[c.key])
		}
		for _, cell := range visible {
			v, _ := cell(c)
			w = max(w, common.Width(v))
		}
		want[i] = w
	}
	const unitMin, yearW, barMin, barWide = 14, 4, 12, 24
	try := func(years bool, n int) (int, bool) {
		used := unitMin + 2 // cursor mark and space
		if lay.barCol >= 0 {
			// the bars always get room, and more before the columns
			// beyond the six headline ones are added.
			used += barMin + 1
			if n > 6 {
				used += barWide - barMin
			}
		}
		for i := range n {
			used += 1 + want[i]
			if years && !columns[i].plan {
				used += yearW
			}
		}
		if lay.barCol >= n {
			used += 1 + want[lay.barCol]
			if years && !columns[lay.barCol].plan {
				used += yearW
			}
		}
		return used, used <= m.width
	}
	best := func(years bool) int {
		for n := len(columns); n > 0; n-- {
			if _, ok := try(years, n); ok {
				return n
			}
		}
		return 0
	}
	// Years beside the values when the six headline columns fit with them.
	n, years := best(true), true
	if n < 6 {
		n, years = best(false), false
	}
	lay.years = years
	for i := 0; i < n; i++ {
		lay.cols = append(lay.cols, i)
	}
	if lay.barCol >= n {
		lay.cols = append(lay.cols, lay.barCol)
	}
	used, _ := try(years, n)
	if lay.barCol >= 0 {
		used -= barMin + 1
		if n > 6 {
			used -= barWide - barMin
		}
	}
	rest := max(m.width-used, 0)
	// the unit column grows to 30 at most; the bars take the rest.
	need := barMin
	if n > 6 {
		need = barWide
	}
	extra := rest
	if lay.barCol >= 0 && rest >= need+1 {
		extra = min(rest-need-1, 30-unitMin)
	}
	lay.unitW = unitMin + extra
	rest -= extra
	if lay.barCol >= 0 && rest >= barMin+1 {
		lay.barW = rest - 1
	} else {
		lay.unitW += max(rest, 0)
	}
	for _, ci := range lay.cols {
		lay.valW = append(lay.valW, want[ci])
	}
	return lay
}

// View renders the pane at its size.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var lines []string
	if m.history {
		lines = m.historyView()
	} else {
		lines = m.tableView()
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	lines = lines[:m.height]
	for i, l := range lines {
		lines[i] = fit(l, m.width)
	}
	return strings.Join(lines, "\n")
}

// fit pads or cuts a line to exactly w cells.
func fit(s string, w int) string {
	sw := common.Width(s)
	if sw > w {
		return ansi.Truncate(s, w, "")
	}
	return s + strings.Repeat(" ", w-sw)
}

// pad pads or cuts plain text to w cells, right-aligned when right.
func pad(s string, w int, right bool) string {
	sw := common.Width(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	if right {
		return strings.Repeat(" ", w-sw) + s
	}
	return s + strings.Repeat(" ", w-sw)
}

func (m *Model) title(s string) string {
	st := m.ctx.Styles
	L := m.ctx.L
	kind := L.Actual
	if m.targets {
		kind = L.Target
	}
	t := st.Title.Render(s) + " " + st.Faint.Render("· ")
	if m.targets {
		t += st.TargetNum.Render(kind)
	} else {
		t += st.Number.Render(kind)
	}
	return t
}

func (m *Model) tableView() []string {
	st := m.ctx.Styles
	L := m.ctx.L
	l := m.ctx.Lang
	if m.tab == nil {
		return []string{m.title(L.SummaryTitle), "", st.Faint.Render(l.Pick("  Đang tổng hợp…", "  Summarising…"))}
	}
	head := L.SummaryTitle
	info := fmt.Sprintf(" · %s %s · %s %s", l.Count(len(m.tab.rows)), L.Units, l.Count(m.tab.n), L.Reports)
	if m.pending {
		info += " · " + l.Pick("đang cập nhật…", "updating…")
	}
	title := m.title(head) + st.Faint.Render(info)
	if len(m.tab.rows) == 0 {
		return []string{title, "", st.Faint.Render("  " + l.Pick("Không có đơn vị nào trong kết quả.", "No unit in the results."))}
	}
	h := m.bodyHeight()
	end := min(m.offset+h, len(m.order))
	vis := m.order[m.offset:end]
	cells := make([]func(column) (string, string), len(vis))
	for i, ri := range vis {
		r := &m.tab.rows[ri]
		cells[i] = func(c column) (string, string) { return m.cellText(m.figure(r, c), c) }
	}
	lay := m.layoutFor(cells)
	var scale float64
	var clipped bool
	if lay.barW > 0 {
		scale, clipped = m.scale(lay.barCol)
	}
	out := []string{title, m.headerLine(lay, L.Unit, scale, clipped)}
	for i, ri := range vis {
		r := &m.tab.rows[ri]
		row := m.offset + i
		name := common.SanitizeLine(r.Unit.Unit.Short())
		out = append(out, m.rowLine(lay, name, row == m.cursor, func(c column) model.Figure { return m.figure(r, c) }, scale))
	}
	for len(out) < 2+h {
		out = append(out, "")
	}
	return append(out, m.footer()...)
}

func (m *Model) headerLine(lay layout, first string, scale float64, clipped bool) string {
	st := m.ctx.Styles
	key := fmt.Sprintf("%p %s %v %q %g %t %t %d %d %t", st, m.ctx.Lang, lay, first, scale, clipped, m.desc, m.col, m.sortCol, m.history)
	if key != m.drawn.headKey {
		m.drawn.headKey, m.drawn.head = key, m.drawHeaderLine(lay, first, scale, clipped)
	}
	return m.drawn.head
}

// drawn keeps the header line and the footer between frames, keyed by what
// they show (moving the cursor changes neither the header nor, along an
// empty column, the footer); both are styled with Lip Gloss, the rows are
// not.
type drawn struct {
	headKey, head string
	footKey       string
	foot          []string
}

func (m *Model) drawHeaderLine(lay layout, first string, scale float64, clipped bool) string {
	st := m.ctx.Styles
	var b strings.Builder
	hs := func(s string, sel, sorted bool) string {
		if sorted {
			if m.desc {
				s += "↓"
			} else {
				s += "↑"
			}
		}
		if sel {
			return st.Header.Underline(true).Foreground(st.Accent).Render(s)
		}
		return st.Header.Render(s)
	}
	b.WriteString("  ")
	unitSorted := m.sortCol == 0 && !m.history
	uw := lay.unitW - 1
	if unitSorted {
		uw--
	}
	b.WriteString(hs(pad(first, uw, false), m.col == 0 && !m.history, unitSorted))
	for i, ci := range lay.cols {
		c := columns[ci]
		var w int
		t := m.colTitle(c)
		sorted := !m.history && m.sortCol == ci+1
		w = lay.valW[i]
		if sorted {
			w--
		}
		b.WriteString(" ")
		b.WriteString(hs(pad(t, w, true), m.col == ci+1, sorted))
		if lay.years && !c.plan {
			b.WriteString("    ")
		}
	}
	if lay.barW > 0 {
		c := columns[lay.barCol]
		var s string
		if scale > 0 {
			// "▏Thu NS ≤ 124,86 tỷ"; clipped: "▏Thu NS ≤ 880 tỷ (p95) »"
			lim := m.scaleText(c, scale)
			mark := ""
			if clipped {
				mark = " »"
			}
			for _, try := range []string{
				"▏" + m.colTitle(c) + " ≤ " + lim + strings.Replace(mark, " »", " (p95) »", 1),
				"▏≤ " + lim + strings.Replace(mark, " »", " (p95) »", 1),
				"▏≤ " + lim + mark,
				"▏≤" + lim + strings.TrimSpace(mark),
				"≤" + lim + strings.TrimSpace(mark),
				lim,
			} {
				s = try
				if common.Width(s) <= lay.barW {
					break
				}
			}
		}
		b.WriteString(" ")
		b.WriteString(st.Faint.Render(pad(s, lay.barW, false)))
	}
	return b.String()
}

// scaleText formats the bar scale's maximum in the column's measure.
func (m *Model) scaleText(c column, v float64) string {
	l := m.ctx.Lang
	switch {
	case c.plan || c.key == model.TargetsMet || model.MeasureOf(c.key) == model.Percent:
		return l.Number(v, 1) + "%"
	case model.MeasureOf(c.key) == model.VND:
		return l.VNDShort(v)
	}
	return l.Number(v, 0)
}

// rowLine draws one row: cursor mark, label, cells, bar.
func (m *Model) rowLine(lay layout, label string, selected bool, fig func(column) model.Figure, scale float64) string {
	p := m.paintsFor()
	var b strings.Builder
	b.Grow(m.width * 4)
	if selected {
		p.prompt.write(&b, "▸ ")
	} else {
		b.WriteString("  ")
	}
	switch {
	case selected && m.focused:
		p.selected.write(&b, pad(label, lay.unitW-1, false))
	case selected:
		p.selBlur.write(&b, pad(label, lay.unitW-1, false))
	default:
		b.WriteString(pad(label, lay.unitW-1, false))
	}
	num, numRev := p.number, p.numberRev
	if m.targets {
		num, numRev = p.target, p.targetRev
	}
	for i, ci := range lay.cols {
		c := columns[ci]
		v, y := m.cellText(fig(c), c)
		b.WriteByte(' ')
		cell := num
		rev := selected && m.col == ci+1
		switch {
		case v == "—" && rev:
			cell = p.faintRev
		case v == "—":
			cell = p.faint
		case rev:
			cell = numRev
		}
		cell.write(&b, pad(v, lay.valW[i], true))
		if lay.years && !c.plan {
			p.faint.write(&b, pad(y, 4, true))
		}
	}
	if lay.barW > 0 {
		c := columns[lay.barCol]
		b.WriteByte(' ')
		if v, ok := sortValue(fig(c), c); ok && scale > 0 {
			bs := p.bar
			if m.targets {
				bs = p.barTarget
			}
			if v > scale {
				bs.write(&b, bar(1, lay.barW-1)+"»")
			} else {
				bs.write(&b, bar(v/scale, lay.barW))
			}
		}
	}
	return b.String()
}

// paint is a style's SGR opening and closing, taken once from Lip Gloss so
// that the rows on screen are drawn by concatenation: Style.Render costs
// microseconds per cell, and a screen has hundreds of cells.
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

// paints are the styles of the rows, for the current Styles.
type paints struct {
	styles                                                *common.Styles
	prompt, selected, selBlur                             paint
	number, numberRev, target, targetRev, faint, faintRev paint
	bar, barTarget                                        paint
}

func (m *Model) paintsFor() *paints {
	st := m.ctx.Styles
	if m.paints != nil && m.paints.styles == st {
		return m.paints
	}
	m.paints = &paints{styles: st,
		prompt: paintOf(st.Prompt), selected: paintOf(st.Selected), selBlur: paintOf(st.SelBlur),
		number: paintOf(st.Number), numberRev: paintOf(st.Number.Reverse(true)),
		target: paintOf(st.TargetNum), targetRev: paintOf(st.TargetNum.Reverse(true)),
		faint: paintOf(st.Faint), faintRev: paintOf(st.Faint.Reverse(true)),
		bar: paintOf(st.Bar), barTarget: paintOf(st.BarTarget),
	}
	return m.paints
}

// bar draws a horizontal bar of fraction f (0..1) of w cells, in eighths.
func bar(f float64, w int) string {
	if math.IsNaN(f) || f <= 0 || w <= 0 {
		return ""
	}
	f = min(f, 1)
	eighths := int(math.Round(f * float64(w*8)))
	if eighths == 0 {
		eighths = 1 // a value above zero shows
	}
	full, part := eighths/8, eighths%8
	s := strings.Repeat("█", full)
	if part > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[part-1])
	}
	return s
}

// footer shows where the selected number comes from: the sentence and the
// report (with the key that opens it).
func (m *Model) footer() []string {
	f, ok := m.selectedFigure()
	key := fmt.Sprintf("%p %s %d %d %t %d %d %p", m.ctx.Styles, m.ctx.Lang, m.width, m.col, ok, f.Article, f.Year, f.Metric)
	if key != m.drawn.footKey {
		m.drawn.footKey, m.drawn.foot = key, m.drawFooter()
	}
	return m.drawn.foot
}

func (m *Model) drawFooter() []string {
	st := m.ctx.Styles
	L := m.ctx.L
	l := m.ctx.Lang
	rule := st.Faint.Render(strings.Repeat("─", m.width))
	f, ok := m.selectedFigure()
	if !ok {
		hint := l.Pick("  ←/→ chọn cột để xem câu nguồn của số liệu", "  ←/→ choose a column to see the sentence behind a figure")
		if m.col > 0 {
			hint = "  " + L.EmptyCell
		}
		return []string{rule, st.Faint.Render(hint), "", ""}
	}
	a := m.ctx.Corpus.At(f.Article)
	c := columns[m.col-1]
	what := L.MetricName(c.key)
	if c.plan {
		what += " · " + fmt.Sprintf(L.PlanPct, l.Percent(f.Metric.PlanPct))
	}
	val := common.SanitizeLine(l.Metric(*f.Metric))
	if f.Metric.Period != "" {
		val += " (" + common.SanitizeLine(f.Metric.Period) + ")"
	}
	first := "  " + st.Header.Render(what+": ") + st.Number.Render(val)
	if f.Year != 0 {
		first += st.Faint.Render(fmt.Sprintf(" · %d", f.Year))
	}
	ev := "  " + st.Evidence.Render(ansi.Truncate("“"+common.SanitizeLine(f.Metric.Evidence)+"”", max(m.width-2, 8), "…”"))
	src := common.SanitizeLine(a.Title)
	if d := m.ctx.Corpus.Day(f.Article); !d.IsZero() {
		src += " · " + l.Date(d)
	}
	open := st.Faint.Render("  [o] ")
	second := open + st.Faint.Render(ansi.Truncate(src, max(m.width-common.Width(open), 8), "…"))
	return []string{rule, first, ev, second}
}

func (m *Model) historyView() []string {
	st := m.ctx.Styles
	L := m.ctx.L
	l := m.ctx.Lang
	r, ok := m.selectedRow()
	if !ok {
		return []string{m.title(L.History)}
	}
	title := m.title(L.History+" — "+common.SanitizeLine(r.Unit.Unit.Short())) + st.Faint.Render(" · "+l.Pick("t: mới nhất", "t: latest"))
	if !m.histOK {
		return []string{title, "", st.Faint.Render(l.Pick("  Đang tổng hợp…", "  Summarising…"))}
	}
	if len(m.hist) == 0 {
		return []string{title, "", st.Faint.Render("  " + L.NoFigures)}
	}
	h := m.bodyHeight()
	off := max(0, min(m.hcursor-h+1, len(m.hist)-h))
	off = max(off, 0)
	end := min(off+h, len(m.hist))
	cells := make([]func(column) (string, string), 0, end-off)
	for i := off; i < end; i++ {
		y := &m.hist[i]
		cells = append(cells, func(c column) (string, string) { return m.cellText(y.figs[model.KeyIndex(c.key)], c) })
	}
	lay := m.layoutFor(cells)
	lay.years = false // the row is the year
	var scale float64
	if lay.barW > 0 {
		c := columns[lay.barCol]
		for _, y := range m.hist {
			if v, ok := sortValue(y.figs[model.KeyIndex(c.key)], c); ok && v > scale {
				scale = v
			}
		}
	}
	out := []string{title, m.headerLine(lay, L.Year, scale, false)}
	for i := off; i < end; i++ {
		y := &m.hist[i]
		label := fmt.Sprint(y.year)
		if y.year == 0 {
			label = "?"
		}
		out = append(out, m.rowLine(lay, label, i == m.hcursor, func(c column) model.Figure { return y.figs[model.KeyIndex(c.key)] }, scale))
	}
	for len(out) < 2+h {
		out = append(out, "")
	}
	return append(out, m.footer()...)
}
