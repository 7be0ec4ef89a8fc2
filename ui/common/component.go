package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// Component is one pane of the screen, like soft-serve's common.Component: a
// Bubble Tea model whose View is a plain string of exactly the size given to
// SetSize, and which lists its own key bindings for the help bar.
//
// Components are pointers; Update mutates and returns the receiver (or a
// replacement).
type Component interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Component, tea.Cmd)
	// View renders the pane in the size last given to SetSize. It must cost
	// the same whatever the corpus size: render only what is visible.
	View() string
	SetSize(width, height int)
	help.KeyMap
}

// Focuser is implemented by components that draw differently when focused.
// The root calls SetFocused when focus moves (and also sends FocusMsg).
type Focuser interface {
	SetFocused(bool)
}

// Typer is implemented by components that can have a text input open. While
// Typing reports true the root passes printable keys (q, 1, /, ...) to the
// component instead of treating them as global keys; ctrl+c still quits.
type Typer interface {
	Typing() bool
}

// Escaper is implemented by panes that take part in "esc goes back": while
// UsesEsc reports false, esc in that pane (detail or summary) returns the
// focus to the list; while it reports true (a search to clear, a history to
// close) the pane gets the esc. Panes that do not implement Escaper always
// get esc.
type Escaper interface {
	UsesEsc() bool
}
