package ui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/baocao/baocao/ui/common"
)

// TestDrawnCachesFollowTheScreen checks that the parts kept drawn between
// frames (tab bar, status bar, short help, unit names, borders) are what a
// frame drawn afresh shows, after each step of a session that changes
// every one of them: focus, filter, unit choice, sort, theme, size, notes.
func TestDrawnCachesFollowTheScreen(t *testing.T) {
	m := newModel(t, 120, 40)
	steps := []func(){
		func() { press(m, "j") },
		func() { press(m, "tab") },
		func() { press(m, "1", "/", "h", "a") },
		func() { press(m, "enter") },
		func() { press(m, "s") },
		func() { press(m, "r") },
		func() { press(m, "3") },
		func() { press(m, "enter") },
		func() { press(m, "u") },
		func() { press(m, "esc") },
		func() { press(m, "?") },
		func() { press(m, "?") },
		func() { drive(m, func() tea.Msg { return tea.BackgroundColorMsg{Color: color.White} }) },
		func() { drive(m, func() tea.Msg { return tea.WindowSizeMsg{Width: 90, Height: 30} }) },
		func() { drive(m, func() tea.Msg { return tea.WindowSizeMsg{Width: 160, Height: 45} }) },
		func() { m.Update(common.StatusMsg{Text: "a note"}) },
		func() { press(m, "2") },
	}
	for i, step := range steps {
		step()
		got := m.render()
		m.drawn = drawn{}
		if want := m.render(); got != want {
			t.Fatalf("step %d: the frame drawn from the caches differs from one drawn afresh\n got %q\nwant %q", i, got, want)
		}
	}
}
