package ui

import (
	"fmt"
	"os"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/ui/internal/uitest"
)

func TestSmokePrint(t *testing.T) {
	if os.Getenv("SMOKE") == "" {
		t.Skip("set SMOKE=1 to print screens")
	}
	for _, sz := range [][2]int{{80, 24}, {160, 40}} {
		m := New(Options{Corpus: uitest.Corpus(), Width: sz[0], Height: sz[1]}).(*Model)
		drive(m, m.Init())
		fmt.Println(ansi.Strip(m.render()))
		for _, k := range []string{"u"} {
			drive(m, func() tea.Msg { return uitest.Key(k) })
		}
		fmt.Println(ansi.Strip(m.render()))
		drive(m, func() tea.Msg { return uitest.Key("esc") })
		drive(m, func() tea.Msg { return uitest.Key("?") })
		fmt.Println(ansi.Strip(m.render()))
	}
}

// drive runs cmd's messages through the model until no command is left.
func drive(m *Model, cmd tea.Cmd) {
	for _, msg := range uitest.Drain(cmd) {
		if msg == nil {
			continue
		}
		if fmt.Sprintf("%T", msg) == "tea.backgroundColorMsg" || fmt.Sprintf("%T", msg) == "uv.RequestBackgroundColor" {
			continue
		}
		_, next := m.Update(msg)
		drive(m, next)
	}
}
