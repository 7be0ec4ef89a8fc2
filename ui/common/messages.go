package common

import (
	tea "charm.land/bubbletea/v2"

	"github.com/baocao/baocao/model"
)

// Pane names a pane the root can focus.
type Pane int

// The panes. List, Detail and Summary are the ones tab cycles through and
// 1/2/3 jump to; Picker, Problems and Help are overlays.
const (
	ListPane Pane = iota
	DetailPane
	SummaryPane
	PickerPane
	ProblemsPane
	HelpPane
)

// OpenArticleMsg asks the root to show article ID in the detail pane and
// focus it (summary cell, problems list, ...).
type OpenArticleMsg struct{ ID int32 }

// FilterUnitMsg asks the root to restrict list and summary to one unit (as
// if chosen in the ward picker). A zero Key clears the unit choice.
type FilterUnitMsg struct{ Key model.UnitKey }

// FilterUnitsMsg restricts list and summary to a set of units (the ward
// picker's choice); empty clears it.
type FilterUnitsMsg struct{ Keys []model.UnitKey }

// FocusPaneMsg asks the root to focus a pane.
type FocusPaneMsg struct{ Pane Pane }

// StatusMsg is a transient note for the status bar.
type StatusMsg struct{ Text string }

// CloseOverlayMsg asks the root to close whatever overlay is showing.
type CloseOverlayMsg struct{}

// ArticleSelectedMsg tells panes which article the list cursor rests on.
// Has is false when the list is empty.
type ArticleSelectedMsg struct {
	ID  int32
	Has bool
}

// ResultsMsg tells panes that the list's result set changed. IDs is shared
// and must not be modified; it is also in Context.Results.
type ResultsMsg struct {
	Query model.Query
	IDs   []int32
}

// ThemeMsg tells panes that Context's styles were rebuilt for a dark or
// light background: drop anything rendered with the old ones.
type ThemeMsg struct{ Dark bool }

// FocusMsg tells a pane that it gained or lost the focus.
type FocusMsg struct{ Focused bool }

// Send wraps a message in a command.
func Send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
