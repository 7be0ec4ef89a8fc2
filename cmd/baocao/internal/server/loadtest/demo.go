package loadtest

import (
	"context"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/baocao/baocao/cmd/baocao/internal/server"
)

// DemoApp stands in for the real reader: a full-screen list of lines with a
// cursor that j/k move, so that each keystroke changes two lines of the
// frame, as in a list view. Its "corpus" is shared by every session.
type DemoApp struct {
	Lines []string
}

// NewDemoApp makes a DemoApp with n lines of shared text.
func NewDemoApp(n int) *DemoApp {
	a := &DemoApp{}
	for i := range n {
		a.Lines = append(a.Lines, fmt.Sprintf("%4d  Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, mục %d", i+1, i+1))
	}
	return a
}

// NewModel implements server.App.
func (a *DemoApp) NewModel(s server.Session) tea.Model {
	return &demoModel{app: a, w: s.Width, h: s.Height}
}

// Export implements server.App: the lines, one per line.
func (a *DemoApp) Export(ctx context.Context, w io.Writer, args []string) error {
	for _, l := range a.Lines {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := io.WriteString(w, l+"\n"); err != nil {
			return err
		}
	}
	return nil
}

type demoModel struct {
	app          *DemoApp
	w, h, cursor int
}

func (m *demoModel) Init() tea.Cmd { return nil }

func (m *demoModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "j", "down":
			m.cursor = min(m.cursor+1, len(m.app.Lines)-1)
		case "k", "up":
			m.cursor = max(m.cursor-1, 0)
		}
	}
	return m, nil
}

func (m *demoModel) View() tea.View {
	var b strings.Builder
	rows := max(m.h-1, 1)
	top := max(0, m.cursor-rows+1)
	for i := top; i < min(top+rows, len(m.app.Lines)); i++ {
		mark := "  "
		if i == m.cursor {
			mark = "> "
		}
		line := mark + m.app.Lines[i]
		if r := []rune(line); len(r) > m.w {
			line = string(r[:m.w])
		}
		b.WriteString(line + "\n")
	}
	fmt.Fprintf(&b, "%d/%d", m.cursor+1, len(m.app.Lines))
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}
