package summary

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

func allIDs(c *model.Corpus) []int32 {
	ids := make([]int32, c.Len())
	for i := range ids {
		ids[i] = int32(i)
	}
	return ids
}

// newPane makes a focused pane of size w×h summarising all of c.
func newPane(t testing.TB, c *model.Corpus, w, h int) *Model {
	t.Helper()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(w, h)
	m.SetFocused(true)
	run(t, m, m.SetResults(allIDs(c)))
	if m.tab == nil {
		t.Fatal("no summary")
	}
	return m
}

// run feeds a command's message back to the pane.
func run(t testing.TB, m *Model, cmd tea.Cmd) tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	msg := cmd()
	m.Update(msg)
	return msg
}

// hit presses a key and returns the message its command makes (if any).
func hit(t testing.TB, m *Model, name string) tea.Msg {
	t.Helper()
	_, cmd := m.Update(press(name))
	return run(t, m, cmd)
}

func plain(m *Model) string { return ansi.Strip(m.View()) }

// unitNames lists the units in display order.
func unitNames(m *Model) []string {
	var s []string
	for _, ri := range m.order {
		s = append(s, m.tab.rows[ri].Unit.Unit.Name)
	}
	return s
}

func TestRowsAndCells(t *testing.T) {
	m := newPane(t, testCorpus(), 120, 24)
	// One row per unit (the article without a unit is left out), in
	// Vietnamese order: wards, then communes.
	if got := unitNames(m); !slices.Equal(got, []string{"Hoàng Văn Thụ", "Quang Trung", "Tây Sơn", "Đồng Tâm"}) {
		t.Fatalf("units %v", got)
	}
	v := plain(m)
	for _, want := range []string{
		"4 đơn vị", "6 báo cáo",
		"~21,72 tỷ", "106%", "556", "0,07%", "11/11", // HVT's latest (2023) results, estimate marked
		"124,86 tỷ", "1.203", "25/27", // Tây Sơn
		"Thu NS", "%KH", "Đảng viên", "Kết nạp", "Hộ nghèo", "Chỉ tiêu",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// HVT's 2022 figures are superseded; its 2024 target is not a result.
	for _, no := range []string{"19,5 tỷ", "540", "23 tỷ"} {
		if strings.Contains(v, no) {
			t.Errorf("view shows %q, not a latest result", no)
		}
	}
	// Đồng Tâm has no figure: every cell empty.
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "Đồng Tâm") && strings.Count(l, "—") < 6 {
			t.Errorf("empty row %q", l)
		}
	}
	for i, l := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(l); w != 120 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
	if n := strings.Count(m.View(), "\n") + 1; n != 24 {
		t.Errorf("%d lines", n)
	}
}

func TestCursorKeys(t *testing.T) {
	m := newPane(t, bigCorpus(400), 80, 12) // 40 units, 6 on screen
	h := m.bodyHeight()
	for _, s := range []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0}, {"up", 0},
		{"pgdown", h}, {"pgup", 0}, {"ctrl+d", h / 2}, {"ctrl+u", 0},
		{"G", 39}, {"g", 0}, {"end", 39}, {"home", 0},
	} {
		hit(t, m, s.key)
		if m.cursor != s.want {
			t.Errorf("after %q cursor %d, want %d", s.key, m.cursor, s.want)
		}
		if m.cursor < m.offset || m.cursor >= m.offset+h {
			t.Errorf("after %q cursor %d off screen (offset %d)", s.key, m.cursor, m.offset)
		}
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.cursor != 3 {
		t.Errorf("wheel: cursor %d", m.cursor)
	}
	// Only the rows on screen are drawn.
	v := plain(m)
	if n := len(regexp.MustCompile(`Đơn vị \d`).FindAllString(v, -1)); n != h {
		t.Errorf("%d rows drawn, want %d", n, h)
	}
}

func TestSortKeys(t *testing.T) {
	m := newPane(t, testCorpus(), 120, 24)
	if m.col != 1 {
		t.Fatalf("initial column %d", m.col)
	}
	hit(t, m, "s") // by budget revenue, largest first; empty cells last
	if got := unitNames(m); !slices.Equal(got, []string{"Tây Sơn", "Hoàng Văn Thụ", "Quang Trung", "Đồng Tâm"}) {
		t.Errorf("by revenue desc %v", got)
	}
	if !strings.Contains(plain(m), "Thu NS↓") {
		t.Errorf("sort arrow missing:\n%s", plain(m))
	}
	hit(t, m, "s") // again: ascending, empties still last
	if got := unitNames(m); !slices.Equal(got[:2], []string{"Hoàng Văn Thụ", "Tây Sơn"}) {
		t.Errorf("by revenue asc %v", got)
	}
	hit(t, m, "r")
	if got := unitNames(m); got[0] != "Tây Sơn" {
		t.Errorf("reversed %v", got)
	}
	// → to new party members (budget, %plan, members, new): Quang Trung 30 first.
	for range 3 {
		hit(t, m, "right")
	}
	if columns[m.col-1].key != model.NewPartyMembers {
		t.Fatalf("column %d is %v", m.col, columns[m.col-1])
	}
	hit(t, m, "s")
	if got := unitNames(m); got[0] != "Quang Trung" || got[1] != "Hoàng Văn Thụ" {
		t.Errorf("by new members %v", got)
	}
	// targets met sorts by share: 11/11 before 25/27.
	hit(t, m, "right")
	hit(t, m, "right")
	if columns[m.col-1].key != model.TargetsMet {
		t.Fatalf("column %v", columns[m.col-1])
	}
	hit(t, m, "s")
	if got := unitNames(m); got[0] != "Hoàng Văn Thụ" || got[1] != "Tây Sơn" {
		t.Errorf("by targets met %v", got)
	}
	// ← to the unit column and s: Vietnamese order again, then reversed.
	for range 10 {
		hit(t, m, "left")
	}
	if m.col != 0 {
		t.Fatalf("column %d", m.col)
	}
	hit(t, m, "s")
	if got := unitNames(m); got[0] != "Hoàng Văn Thụ" || got[3] != "Đồng Tâm" {
		t.Errorf("by unit %v", got)
	}
	hit(t, m, "s")
	if got := unitNames(m); got[0] != "Đồng Tâm" {
		t.Errorf("by unit desc %v", got)
	}
	for range 20 {
		hit(t, m, "right")
	}
	if m.col != len(columns) {
		t.Errorf("right stops at the last column: %d", m.col)
	}
}

func TestSortKeepsCursorOnUnit(t *testing.T) {
	m := newPane(t, testCorpus(), 120, 24)
	hit(t, m, "j")
	hit(t, m, "j") // Tây Sơn
	hit(t, m, "s")
	if r, _ := m.selectedRow(); r.Unit.Unit.Name != "Tây Sơn" {
		t.Errorf("cursor moved to %s", r.Unit.Unit.Name)
	}
}

func TestTargetsApart(t *testing.T) {
	m := newPane(t, testCorpus(), 120, 24)
	hit(t, m, "m")
	if !m.targets {
		t.Fatal("m did not switch to targets")
	}
	v := plain(m)
	if !strings.Contains(v, "Mục tiêu") || !strings.Contains(v, "23 tỷ") || !strings.Contains(v, "1.250") {
		t.Errorf("targets view:\n%s", v)
	}
	// No result shows among targets.
	for _, no := range []string{"21,72", "124,86", "556", "1.203", "11/11"} {
		if strings.Contains(v, no) {
			t.Errorf("targets view shows result %q", no)
		}
	}
	// The footer traces the target to its sentence.
	if !strings.Contains(v, "Năm 2024, phường phấn đấu thu ngân sách đạt 23 tỷ đồng") {
		t.Errorf("target evidence missing:\n%s", v)
	}
	hit(t, m, "m")
	if m.targets || !strings.Contains(plain(m), "21,72 tỷ") {
		t.Error("m did not switch back to results")
	}
}

func TestHistory(t *testing.T) {
	m := newPane(t, testCorpus(), 120, 24)
	msg := hit(t, m, "t")
	if _, ok := msg.(historyMsg); !ok || !m.history || !m.histOK {
		t.Fatalf("t: %T history %v", msg, m.history)
	}
	if len(m.hist) != 2 || m.hist[0].year != 2022 || m.hist[1].year != 2023 {
		t.Fatalf("history %+v", m.hist)
	}
	v := plain(m)
	for _, want := range []string{"Theo năm — P. Hoàng Văn Thụ", "2022", "19,5 tỷ", "540", "0,12%", "2023", "~21,72 tỷ", "556"} {
		if !strings.Contains(v, want) {
			t.Errorf("history lacks %q:\n%s", want, v)
		}
	}
	// The cursor starts on the latest year; k goes to 2022, and the footer
	// follows.
	hit(t, m, "k")
	if !strings.Contains(plain(m), "thu ngân sách đạt 19,5 tỷ đồng") || !strings.Contains(plain(m), "Phường Hoàng Văn Thụ tổng kết năm 2022") {
		t.Errorf("footer does not follow the year:\n%s", plain(m))
	}
	if msg := hit(t, m, "o"); msg != (common.OpenArticleMsg{ID: 0}) {
		t.Errorf("o in history: %v", msg)
	}
	// Targets in the history: only the 2024 target year.
	hit(t, m, "m")
	if len(m.hist) != 1 || m.hist[0].year != 2024 || m.histKind != model.Target {
		t.Errorf("target history %+v", m.hist)
	}
	hit(t, m, "t")
	if m.history || !strings.Contains(plain(m), "Tổng hợp số liệu") {
		t.Error("t did not go back")
	}
}

func TestEnterAndOpen(t *testing.T) {
	m := newPane(t, testCorpus(), 120, 24)
	hit(t, m, "j")
	hit(t, m, "j") // Tây Sơn
	if msg := hit(t, m, "enter"); msg != (common.FilterUnitMsg{Key: model.UnitKey{Level: model.Ward, Name: "tay son"}}) {
		t.Errorf("enter: %#v", msg)
	}
	if msg := hit(t, m, "o"); msg != (common.OpenArticleMsg{ID: 2}) {
		t.Errorf("o: %#v", msg)
	}
	v := plain(m)
	for _, want := range []string{"Thu ngân sách: 124,86 tỷ đồng · 2023",
		"“Thu ngân sách nhà nước trên địa bàn đạt 124.857 triệu đồng, bằng 103% dự toán.”",
		"[o] Phường Tây Sơn tổng kết năm 2023 · 15/01/2024"} {
		if !strings.Contains(v, want) {
			t.Errorf("footer lacks %q:\n%s", want, v)
		}
	}
	// An empty cell opens nothing.
	hit(t, m, "j") // Đồng Tâm
	if msg := hit(t, m, "o"); msg != nil {
		t.Errorf("o on an empty cell: %v", msg)
	}
	// The unit column has no figure to open either.
	hit(t, m, "left")
	if msg := hit(t, m, "o"); msg != nil {
		t.Errorf("o on the unit column: %v", msg)
	}
}

func TestResultsStaleAndFiltered(t *testing.T) {
	c := testCorpus()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(100, 20)
	if !strings.Contains(plain(m), "Đang tổng hợp") {
		t.Errorf("before results:\n%s", plain(m))
	}
	_, old := m.Update(common.ResultsMsg{IDs: allIDs(c)})
	_, cur := m.Update(common.ResultsMsg{IDs: []int32{2, 3}}) // Tây Sơn and Quang Trung
	m.Update(cur())
	m.Update(old()) // the older answer arrives late: dropped
	if got := unitNames(m); !slices.Equal(got, []string{"Quang Trung", "Tây Sơn"}) {
		t.Errorf("units %v", got)
	}
	if !strings.Contains(plain(m), "2 đơn vị · 2 báo cáo") {
		t.Errorf("counts:\n%s", plain(m))
	}
	// Another pane's answer is ignored.
	o := New(m.ctx)
	msg := o.SetResults(allIDs(c))()
	m.Update(msg)
	if len(m.tab.rows) != 2 {
		t.Error("took another pane's summary")
	}
	_, cmd := m.Update(common.ResultsMsg{IDs: nil})
	m.Update(cmd())
	if !strings.Contains(plain(m), "Không có đơn vị nào") {
		t.Errorf("empty results:\n%s", plain(m))
	}
}

func TestBars(t *testing.T) {
	if bar(1, 10) != strings.Repeat("█", 10) || bar(0.5, 10) != strings.Repeat("█", 5) || bar(0, 10) != "" {
		t.Errorf("bars %q %q", bar(1, 10), bar(0.5, 10))
	}
	if b := bar(0.001, 10); b != "▏" {
		t.Errorf("a tiny value shows %q", b)
	}
	if b := bar(0.55, 10); b != "█████▌" {
		t.Errorf("eighths %q", b)
	}
	m := newPane(t, testCorpus(), 120, 24)
	// Revenue bars: Tây Sơn (the largest) full, Hoàng Văn Thụ about a sixth.
	var ts, hvt int
	for _, l := range strings.Split(plain(m), "\n") {
		n := strings.Count(l, "█")
		switch {
		case strings.Contains(l, "P. Tây Sơn"):
			ts = n
		case strings.Contains(l, "P. Hoàng Văn"):
			hvt = n
		}
	}
	if ts < 10 || hvt == 0 || hvt > ts/4 {
		t.Errorf("bars: Tây Sơn %d, Hoàng Văn Thụ %d", ts, hvt)
	}
	if !strings.Contains(plain(m), "≤ 124,86 tỷ") {
		t.Errorf("bar scale label missing:\n%s", plain(m))
	}
}

func TestEnglish(t *testing.T) {
	c := testCorpus()
	m := New(common.NewContext(c, common.EN, false))
	m.SetSize(120, 24)
	run(t, m, m.SetResults(allIDs(c)))
	v := plain(m)
	for _, want := range []string{"Figure summary", "Revenue", "~21.72 bn", "1,203", "Budget revenue: est. 21.72 bn VND · 2023"} {
		if !strings.Contains(v, want) {
			t.Errorf("English view lacks %q:\n%s", want, v)
		}
	}
}

// Golden screens in a real Bubble Tea program (teatest).
type host struct {
	m     *Model
	ready func(*Model) bool // closes done once true
	done  chan struct{}
}

func (h host) Init() tea.Cmd { return h.m.SetResults(allIDs(h.m.ctx.Corpus)) }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.m.SetSize(msg.Width, msg.Height)
		return h, nil
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return h, tea.Quit
		}
	}
	_, cmd := h.m.Update(msg)
	if h.ready != nil && h.ready(h.m) {
		select {
		case <-h.done:
		default:
			close(h.done)
		}
	}
	return h, cmd
}

func (h host) View() tea.View { return tea.NewView(h.m.View()) }

func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		for _, mode := range []string{"latest", "history"} {
			t.Run(mode+"_"+ansi.Strip(strings.Join([]string{strconv.Itoa(sz[0]), strconv.Itoa(sz[1])}, "x")), func(t *testing.T) {
				m := New(common.NewContext(testCorpus(), common.VI, false))
				m.SetFocused(true)
				h := host{m: m, done: make(chan struct{})}
				if mode == "history" {
					h.ready = func(m *Model) bool { return m.history && m.histOK }
				}
				tm := teatest.NewTestModel(t, h, teatest.WithInitialTermSize(sz[0], sz[1]))
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Tây Sơn")) },
					teatest.WithDuration(5*time.Second))
				tm.Send(press("j"))
				tm.Send(press("j"))
				tm.Send(press("s"))
				if mode == "history" {
					tm.Send(press("g"))
					tm.Send(press("t"))
					select {
					case <-h.done:
					case <-time.After(5 * time.Second):
						t.Fatal("history not computed")
					}
				}
				tm.Send(press("ctrl+c"))
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
				if mode == "history" && (!final.m.history || !final.m.histOK) {
					t.Fatal("history not shown")
				}
				golden.RequireEqual(t, final.m.View())
			})
		}
	}
}

func TestOutlierClipsBars(t *testing.T) {
	arts := testArticles()
	for i := range 30 {
		arts = append(arts, model.Article{ID: "u" + strconv.Itoa(i+1), Title: "Báo cáo", EventDate: model.Date(2023, 5, 1),
			Unit:    &model.Unit{Level: model.Commune, Name: "Xã " + strconv.Itoa(i+1)},
			Metrics: []model.Metric{met(model.BudgetRevenue, model.Actual, float64(i+1)*1e9, 2023, "thu ngân sách")}})
	}
	// one report states a whole city's revenue as a commune's
	arts = append(arts, model.Article{ID: "big", Title: "Toàn thành phố", EventDate: model.Date(2023, 5, 1),
		Unit:    &model.Unit{Level: model.Commune, Name: "Lớn"},
		Metrics: []model.Metric{met(model.BudgetRevenue, model.Actual, 4309e9, 2023, "toàn thành phố thu ngân sách đạt 4.309.458 triệu đồng")}})
	c := model.New(arts)
	m := newPane(t, c, 100, 60)
	hit(t, m, "s") // largest first
	if !strings.Contains(plain(newPane(t, c, 200, 60)), "(p95) »") {
		t.Errorf("clipped scale not labelled in full")
	}
	v := plain(m)
	if !strings.Contains(v, "124,86 tỷ»") {
		t.Errorf("clipped scale not labelled:\n%s", v)
	}
	var big, small string
	for _, l := range strings.Split(v, "\n") {
		switch {
		case strings.Contains(l, "X. Lớn"):
			big = l
		case strings.Contains(l, "X. Xã 30 "):
			small = l
		}
	}
	if !strings.HasSuffix(strings.TrimRight(big, " "), "»") {
		t.Errorf("outlier bar not marked: %q", big)
	}
	if strings.Count(small, "█") < 2 {
		t.Errorf("bars crushed by the outlier: %q", small)
	}
}

func TestResortKeepsScreenRow(t *testing.T) {
	m := newPane(t, bigCorpus(400), 80, 14)
	for range 20 {
		hit(t, m, "j")
	}
	row := m.cursor - m.offset
	r, _ := m.selectedRow()
	hit(t, m, "s")
	if r2, _ := m.selectedRow(); r2.Unit.Key != r.Unit.Key {
		t.Fatal("cursor left its unit")
	}
	if m.cursor-m.offset != row && m.offset != 0 && m.offset != len(m.order)-m.bodyHeight() {
		t.Errorf("screen row %d → %d", row, m.cursor-m.offset)
	}
}

func TestLargeResultsSettleFirst(t *testing.T) {
	defer func(n int, d time.Duration) { debounceFrom, debounce = n, d }(debounceFrom, debounce)
	debounceFrom, debounce = 3, time.Millisecond
	c := testCorpus()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(100, 20)
	first := m.SetResults(allIDs(c))
	second := m.SetResults([]int32{0, 1, 2, 3})
	// The first results were superseded before they settled: nothing to do.
	_, cmd := m.Update(first())
	if cmd != nil {
		t.Error("superseded results were summarised")
	}
	_, cmd = m.Update(second())
	if cmd == nil {
		t.Fatal("settled results not summarised")
	}
	m.Update(cmd())
	if m.tab == nil || m.tab.n != 4 {
		t.Fatalf("summary of %+v", m.tab)
	}
	// small result sets go at once
	if msg := m.SetResults([]int32{2})(); msg == nil {
		t.Error("no summary")
	} else if _, ok := msg.(computedMsg); !ok {
		t.Errorf("small results waited: %T", msg)
	}
}

// The parallel summary of a large set equals the plain one.
func TestParallelCompute(t *testing.T) {
	defer func(n int) { parallelFrom = n }(parallelFrom)
	c := bigCorpus(2000)
	ids := allIDs(c)
	ids = ids[:len(ids)-7] // some units lose a report
	parallelFrom = 1 << 30
	want := compute(c, ids)
	parallelFrom = 10
	got := compute(c, ids)
	if len(got.rows) != len(want.rows) || got.n != want.n {
		t.Fatalf("%d rows, want %d", len(got.rows), len(want.rows))
	}
	for i := range want.rows {
		w, g := want.rows[i], got.rows[i]
		// (compared as text: NaN ≠ NaN)
		if w.Unit != g.Unit || fmt.Sprint(w) != fmt.Sprint(g) {
			t.Fatalf("row %d: %+v, want %+v", i, g, w)
		}
	}
}
