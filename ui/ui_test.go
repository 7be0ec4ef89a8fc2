package ui

import (
	"errors"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

// drive runs cmd's messages through the model, and theirs, until no command
// is left (a synchronous stand-in for the Bubble Tea loop).
func drive(m *Model, cmd tea.Cmd) (quit bool) {
	for _, msg := range uitest.Drain(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
			continue
		}
		_, next := m.Update(msg)
		quit = drive(m, next) || quit
	}
	return quit
}

func newModel(t *testing.T, w, h int) *Model {
	t.Helper()
	m := New(Options{Corpus: uitest.Corpus(), Width: w, Height: h, Lang: "vi"}).(*Model)
	drive(m, m.Init())
	return m
}

func press(m *Model, keys ...string) (quit bool) {
	for _, k := range keys {
		quit = drive(m, func() tea.Msg { return uitest.Key(k) }) || quit
	}
	return quit
}

func screen(m *Model) string { return ansi.Strip(m.render()) }

func selected(t *testing.T, m *Model) string {
	t.Helper()
	id, ok := m.list.Selected()
	if !ok {
		t.Fatal("no selection")
	}
	return m.ctx.Corpus.At(id).ID
}

func TestFocusKeys(t *testing.T) {
	m := newModel(t, 80, 24)
	for _, tc := range []struct {
		key  string
		want common.Pane
	}{
		{"tab", common.DetailPane}, {"tab", common.SummaryPane}, {"tab", common.ListPane},
		{"shift+tab", common.SummaryPane}, {"shift+tab", common.DetailPane},
		{"1", common.ListPane}, {"3", common.SummaryPane}, {"2", common.DetailPane},
	} {
		press(m, tc.key)
		if m.Focus() != tc.want {
			t.Fatalf("%s → focus %v, want %v", tc.key, m.Focus(), tc.want)
		}
	}
}

func TestQuit(t *testing.T) {
	m := newModel(t, 80, 24)
	press(m, "/")
	if press(m, "q") {
		t.Fatal("q quit while typing in the filter")
	}
	if m.list.FilterText() != "q" {
		t.Errorf("q not typed: %q", m.list.FilterText())
	}
	if !press(m, "ctrl+c") {
		t.Error("ctrl+c did not quit while typing")
	}
	press(m, "esc")
	if !press(m, "q") {
		t.Error("q did not quit")
	}
}

func TestFilterFromList(t *testing.T) {
	m := newModel(t, 80, 24)
	press(m, "/", "h", "o", "a", "n", "g", "space", "v", "a", "n", "space", "t", "h", "u")
	if m.list.Len() != 2 || len(m.ctx.Results) != 2 {
		t.Fatalf("list %d, ctx results %d, want 2", m.list.Len(), len(m.ctx.Results))
	}
	s := screen(m)
	if !strings.Contains(s, "2 / 10 báo cáo") || !strings.Contains(s, "Lọc: hoang van thu") {
		t.Errorf("status bar:\n%s", s)
	}
	press(m, "enter")
	if m.list.Typing() {
		t.Error("enter left the filter open")
	}
	press(m, "esc")
	if m.list.Len() != 10 {
		t.Errorf("esc did not clear: %d", m.list.Len())
	}
}

func TestSlashFromSummaryFiltersList(t *testing.T) {
	m := newModel(t, 80, 24)
	press(m, "3", "/")
	if m.Focus() != common.ListPane || !m.list.Typing() {
		t.Errorf("/ from summary: focus %v typing %v", m.Focus(), m.list.Typing())
	}
}

func TestPickerAppliesToListAndSummary(t *testing.T) {
	m := newModel(t, 80, 24)
	press(m, "u")
	if m.Overlay() != common.PickerPane {
		t.Fatalf("u → overlay %v", m.Overlay())
	}
	s := screen(m)
	if !strings.Contains(s, "P. Hoàng Văn Thụ") || !strings.Contains(s, "Chọn đơn vị") {
		t.Errorf("picker not shown:\n%s", s)
	}
	// q is text in the picker's filter, not quit.
	if press(m, "q") {
		t.Fatal("q quit from the picker")
	}
	press(m, "backspace", "h", "v", "t", "space", "enter")
	if m.Overlay() != noOverlay {
		t.Errorf("enter left the picker open")
	}
	if m.list.Len() != 2 || len(m.ctx.Results) != 2 || len(m.ctx.Query.Units) != 1 {
		t.Errorf("list %d results %d units %v", m.list.Len(), len(m.ctx.Results), m.ctx.Query.Units)
	}
	if s := screen(m); !strings.Contains(s, "Đơn vị: P. Hoàng Văn Thụ") {
		t.Errorf("status bar lacks the unit:\n%s", s)
	}
	// Reopening shows the choice; esc cancels without change.
	press(m, "u", "space", "esc")
	if m.Overlay() != noOverlay || m.list.Len() != 2 {
		t.Errorf("esc changed the choice: %d", m.list.Len())
	}
}

func TestProblemsOpenArticle(t *testing.T) {
	m := newModel(t, 80, 24)
	press(m, "!")
	if m.Overlay() != common.ProblemsPane {
		t.Fatalf("! → overlay %v", m.Overlay())
	}
	press(m, "j", "enter")
	if m.Overlay() != noOverlay || m.Focus() != common.DetailPane {
		t.Errorf("enter: overlay %v focus %v", m.Overlay(), m.Focus())
	}
	if got := selected(t, m); got != "010" {
		t.Errorf("list selection %s, want 010", got)
	}
	if s := screen(m); !strings.Contains(s, "Xã Phúc Xuân phát triển du lịch cộng đồng") {
		t.Errorf("detail does not show the article:\n%s", s)
	}
}

func TestHelp(t *testing.T) {
	m := newModel(t, 80, 24)
	press(m, "?")
	s := screen(m)
	if m.Overlay() != common.HelpPane || !strings.Contains(s, "Cú pháp lọc") || !strings.Contains(s, "unit:tay-son") || !strings.Contains(s, "date:2023-01..2023-06") {
		t.Fatalf("help:\n%s", s)
	}
	if press(m, "q") {
		t.Error("q in help quit instead of closing it")
	}
	if m.Overlay() != noOverlay {
		t.Error("q did not close help")
	}
	press(m, "?", "esc")
	if m.Overlay() != noOverlay {
		t.Error("esc did not close help")
	}
}

func TestOpenArticleFromSummary(t *testing.T) {
	m := newModel(t, 80, 24)
	var id int32
	for i := range int32(m.ctx.Corpus.Len()) {
		if m.ctx.Corpus.At(i).ID == "003" {
			id = i
		}
	}
	drive(m, common.Send(common.OpenArticleMsg{ID: id}))
	if m.Focus() != common.DetailPane || selected(t, m) != "003" {
		t.Errorf("focus %v selected %s", m.Focus(), selected(t, m))
	}
	var key model.UnitKey
	for _, u := range m.ctx.Corpus.Units() {
		if u.Unit.Name == "Tân Thịnh" {
			key = u.Key
		}
	}
	drive(m, common.Send(common.FilterUnitMsg{Key: key}))
	if m.Focus() != common.ListPane || m.list.Len() != 1 || selected(t, m) != "002" {
		t.Errorf("FilterUnitMsg: focus %v len %d", m.Focus(), m.list.Len())
	}
	drive(m, common.Send(common.FilterUnitMsg{}))
	if m.list.Len() != 10 {
		t.Errorf("zero key did not clear: %d", m.list.Len())
	}
}

func TestLayoutFollowsSize(t *testing.T) {
	m := newModel(t, 80, 24)
	if ps := m.layout(); len(ps) != 1 || ps[0].pane != common.ListPane || ps[0].inner.w != 80 {
		t.Errorf("80 cols: %+v", ps)
	}
	drive(m, func() tea.Msg { return tea.WindowSizeMsg{Width: 160, Height: 48} })
	ps := m.layout()
	if len(ps) != 2 || ps[0].outer.w+ps[1].outer.w != 160 {
		t.Fatalf("160 cols: %+v", ps)
	}
	s := screen(m)
	lines := strings.Split(s, "\n")
	if len(lines) != 48 {
		t.Errorf("%d lines, want 48", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 160 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
	press(m, "3")
	if ps := m.layout(); len(ps) != 1 || ps[0].pane != common.SummaryPane {
		t.Errorf("summary on a wide screen: %+v", ps)
	}
	drive(m, func() tea.Msg { return tea.WindowSizeMsg{Width: 60, Height: 15} })
	if n := len(strings.Split(screen(m), "\n")); n != 15 {
		t.Errorf("after shrinking: %d lines", n)
	}
}

func TestMouse(t *testing.T) {
	m := newModel(t, 160, 40)
	// A click on the third row of the list (border, header, rows).
	drive(m, func() tea.Msg { return tea.MouseClickMsg{X: 10, Y: 1 + 1 + 1 + 2, Button: tea.MouseLeft} })
	if cur, _ := m.list.Cursor(); cur != 2 {
		t.Errorf("click → cursor %d", cur)
	}
	// A click in the detail pane focuses it.
	drive(m, func() tea.Msg { return tea.MouseClickMsg{X: 120, Y: 10, Button: tea.MouseLeft} })
	if m.Focus() != common.DetailPane {
		t.Errorf("click on detail → focus %v", m.Focus())
	}
	// The tab bar.
	tabs := m.tabs()
	drive(m, func() tea.Msg { return tea.MouseClickMsg{X: tabs[2].x0 + 1, Y: 0, Button: tea.MouseLeft} })
	if m.Focus() != common.SummaryPane {
		t.Errorf("click on tab 3 → focus %v", m.Focus())
	}
	drive(m, func() tea.Msg { return tea.MouseClickMsg{X: tabs[0].x0 + 1, Y: 0, Button: tea.MouseLeft} })
	// The problems item of the status bar, then a click outside closes it.
	drive(m, func() tea.Msg { return tea.MouseClickMsg{X: 158, Y: 40 - 2, Button: tea.MouseLeft} })
	if m.Overlay() != common.ProblemsPane {
		t.Fatalf("click on problems → overlay %v", m.Overlay())
	}
	drive(m, func() tea.Msg { return tea.MouseClickMsg{X: 1, Y: 5, Button: tea.MouseLeft} })
	if m.Overlay() != noOverlay {
		t.Error("click outside did not close the overlay")
	}
	drive(m, func() tea.Msg { return tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown} })
	if cur, _ := m.list.Cursor(); cur != 5 {
		t.Errorf("wheel → cursor %d", cur)
	}
}

func TestBackgroundColour(t *testing.T) {
	m := newModel(t, 80, 24)
	before := m.render()
	drive(m, func() tea.Msg { return tea.BackgroundColorMsg{Color: color.White} })
	if m.ctx.Dark || m.ctx.Styles.Dark {
		t.Fatal("light background not taken")
	}
	if after := m.render(); after == before || ansi.Strip(after) != ansi.Strip(before) {
		t.Error("light theme should change colours only")
	}
}

func TestNoColor(t *testing.T) {
	m := New(Options{Corpus: uitest.Corpus(), Width: 80, Height: 24, Environ: []string{"NO_COLOR=1", "LANG=en_US.UTF-8"}}).(*Model)
	drive(m, m.Init())
	s := m.render()
	if strings.Contains(s, "38;2;") || strings.Contains(s, "48;2;") {
		t.Error("colours with NO_COLOR")
	}
	if !strings.Contains(s, "\x1b[7m") {
		t.Error("no reverse video for the selection without colour")
	}
	if !strings.Contains(ansi.Strip(s), "10 of 10 reports") {
		t.Error("LANG=en did not choose English")
	}
}

func TestLoadInBackground(t *testing.T) {
	release := make(chan struct{})
	progressed := make(chan struct{})
	m := New(Options{Width: 80, Height: 24, Lang: "en", Load: func(p func(int, int)) (*model.Corpus, error) {
		p(3, 10)
		close(progressed)
		<-release
		return uitest.Corpus(), nil
	}}).(*Model)
	if s := screen(m); !strings.Contains(s, "Reading reports") {
		t.Fatalf("first frame:\n%s", s)
	}
	init := uitest.Drain(m.Init()) // background colour request, first progress report
	<-progressed
	for _, msg := range init {
		m.Update(msg)
	}
	if s := screen(m); !strings.Contains(s, "3 / 10") {
		t.Errorf("progress not shown:\n%s", s)
	}
	close(release)
	drive(m, m.listen())
	if m.list == nil || m.list.Len() != 10 {
		t.Fatal("corpus not taken after loading")
	}
	if s := screen(m); !strings.Contains(s, "10 of 10 reports") {
		t.Errorf("after load:\n%s", s)
	}
}

func TestLoadError(t *testing.T) {
	m := New(Options{Width: 80, Height: 24, Lang: "en", Load: func(func(int, int)) (*model.Corpus, error) {
		return nil, errors.New("no such directory")
	}}).(*Model)
	drive(m, m.Init())
	if s := screen(m); !strings.Contains(s, "Could not load: no such directory") {
		t.Errorf("error not shown:\n%s", s)
	}
	if !press(m, "q") {
		t.Error("q did not quit after a load error")
	}
}

func TestTinyTerminals(t *testing.T) {
	for _, sz := range [][2]int{{1, 1}, {10, 3}, {30, 6}, {99, 10}, {100, 5}} {
		m := newModel(t, sz[0], sz[1])
		for _, k := range []string{"j", "u", "down", "space", "enter", "!", "esc", "?", "esc", "/", "x", "enter", "tab", "tab", "tab"} {
			press(m, k)
			s := screen(m)
			if n := strings.Count(s, "\n") + 1; n != sz[1] {
				t.Errorf("%dx%d after %q: %d lines", sz[0], sz[1], k, n)
			}
			for _, l := range strings.Split(s, "\n") {
				if w := ansi.StringWidth(l); w > sz[0] {
					t.Errorf("%dx%d after %q: a line %d wide: %q", sz[0], sz[1], k, w, l)
					break
				}
			}
		}
	}
}

// escPane is a pane that uses esc only while busy.
type escPane struct {
	common.Component
	busy, got bool
}

func (p *escPane) UsesEsc() bool { return p.busy }
func (p *escPane) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		p.got = true
	}
	return p, nil
}

func TestEscGoesBack(t *testing.T) {
	m := newModel(t, 80, 24)
	p := &escPane{Component: m.summary}
	m.summary = p
	press(m, "3", "esc")
	if m.Focus() != common.ListPane || p.got {
		t.Errorf("esc in an idle pane: focus %v, pane got it %v", m.Focus(), p.got)
	}
	p.busy = true
	press(m, "3", "esc")
	if m.Focus() != common.SummaryPane || !p.got {
		t.Errorf("esc in a busy pane: focus %v, pane got it %v", m.Focus(), p.got)
	}
}
