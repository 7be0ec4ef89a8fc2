package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

// The golden screens run the real Bubble Tea program (teatest), send keys,
// wait until the model reaches the state the screen is about, quit, and
// compare the final model's screen (escape sequences stripped, so the files
// read as the screen does) with testdata/<test>/<size>.golden. Update them
// with go test ./ui -run Golden -update.

// ping is sent while waiting, so that the program's filter sees the model
// between other messages.
type ping struct{}

// waiter checks a condition on the model inside the program's goroutine
// (the only safe place to read it) through tea.WithFilter.
type waiter struct {
	mu   sync.Mutex
	cond func(*Model) bool
	done chan struct{}
}

func (w *waiter) filter(m tea.Model, msg tea.Msg) tea.Msg {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cond != nil && w.cond(m.(*Model)) {
		w.cond = nil
		close(w.done)
	}
	return msg
}

func (w *waiter) wait(t *testing.T, tm *teatest.TestModel, what string, cond func(*Model) bool) {
	t.Helper()
	w.mu.Lock()
	w.cond, w.done = cond, make(chan struct{})
	done := w.done
	w.mu.Unlock()
	deadline := time.After(10 * time.Second)
	for {
		tm.Send(ping{})
		select {
		case <-done:
			return
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func keys(tm *teatest.TestModel, ks ...string) {
	for _, k := range ks {
		tm.Send(uitest.Key(k))
	}
}

// stubPane stands in for the detail and summary panes in the golden
// screens: it shows its name, its size and the article selected.
type stubPane struct {
	ctx  *common.Context
	name string
	w, h int
	id   int32
	has  bool
}

func (p *stubPane) Init() tea.Cmd             { return nil }
func (p *stubPane) SetSize(w, h int)          { p.w, p.h = w, h }
func (p *stubPane) ShortHelp() []key.Binding  { return nil }
func (p *stubPane) FullHelp() [][]key.Binding { return nil }
func (p *stubPane) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	if s, ok := msg.(common.ArticleSelectedMsg); ok {
		p.id, p.has = s.ID, s.Has
	}
	return p, nil
}
func (p *stubPane) View() string {
	s := fmt.Sprintf("[%s %dx%d]", p.name, p.w, p.h)
	if p.has {
		s += "\n" + p.ctx.Corpus.At(p.id).Title
	}
	return ansi.Wordwrap(s, p.w, "")
}

// detailReady reports whether the detail pane shows the article selected.
func detailReady(m *Model) bool {
	id, ok := m.list.Selected()
	if !ok {
		return true
	}
	d := m.detail.(*stubPane)
	return d.has && d.id == id
}

func TestGolden(t *testing.T) {
	saved := [2]func(*common.Context) common.Component{newDetail, newSummary}
	newDetail = func(ctx *common.Context) common.Component { return &stubPane{ctx: ctx, name: "detail"} }
	newSummary = func(ctx *common.Context) common.Component { return &stubPane{ctx: ctx, name: "summary"} }
	t.Cleanup(func() { newDetail, newSummary = saved[0], saved[1] })
	for _, tc := range []struct {
		name  string
		steps func(t *testing.T, tm *teatest.TestModel, w *waiter)
	}{
		{"list", func(t *testing.T, tm *teatest.TestModel, w *waiter) {
			keys(tm, "j")
			w.wait(t, tm, "cursor on row 1", func(m *Model) bool { c, _ := m.list.Cursor(); return c == 1 && detailReady(m) })
		}},
		{"filter", func(t *testing.T, tm *teatest.TestModel, w *waiter) {
			tm.Type("/hoang van th")
			w.wait(t, tm, "two results", func(m *Model) bool {
				return m.list.FilterText() == "hoang van th" && m.list.Len() == 2 && !m.list.Searching() && detailReady(m)
			})
		}},
		{"picker", func(t *testing.T, tm *teatest.TestModel, w *waiter) {
			keys(tm, "u", "down", "space", "down", "down", "space")
			w.wait(t, tm, "two chosen", func(m *Model) bool { return len(m.picker.Chosen()) == 2 && detailReady(m) })
		}},
		{"problems", func(t *testing.T, tm *teatest.TestModel, w *waiter) {
			keys(tm, "!")
			w.wait(t, tm, "problems", func(m *Model) bool { return m.overlay == common.ProblemsPane && detailReady(m) })
		}},
		{"help", func(t *testing.T, tm *teatest.TestModel, w *waiter) {
			keys(tm, "?")
			w.wait(t, tm, "help", func(m *Model) bool { return m.overlay == common.HelpPane && detailReady(m) })
		}},
	} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				w := &waiter{}
				m := New(Options{Corpus: uitest.Corpus(), Lang: "vi", Width: size[0], Height: size[1]})
				tm := teatest.NewTestModel(t, m,
					teatest.WithInitialTermSize(size[0], size[1]),
					teatest.WithProgramOptions(tea.WithFilter(w.filter)))
				w.wait(t, tm, "first results", func(m *Model) bool { return m.list != nil && len(m.ctx.Results) == 10 && detailReady(m) })
				tc.steps(t, tm, w)
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
				out := screen(final)
				if n := strings.Count(out, "\n") + 1; n != size[1] {
					t.Errorf("screen has %d lines, want %d", n, size[1])
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}
