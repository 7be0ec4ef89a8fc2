package common

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the reader. Panes pick the ones they use
// for their help; the root handles the global ones (Quit, Help, NextPane,
// PrevPane, GoList, GoDetail, GoSummary, Units, Problems).
type KeyMap struct {
	// Global.
	Quit, ForceQuit, Help       key.Binding
	NextPane, PrevPane          key.Binding
	GoList, GoDetail, GoSummary key.Binding
	Units, Problems             key.Binding
	// Moving.
	Up, Down, Left, Right key.Binding
	PageUp, PageDown      key.Binding
	HalfUp, HalfDown      key.Binding
	Top, Bottom           key.Binding
	Next, Prev            key.Binding
	// Acting.
	Filter, Clear, Open, Back       key.Binding
	Sort, Reverse                   key.Binding
	Toggle, Apply, Cancel, ClearAll key.Binding
}

// NewKeyMap makes the key map with help texts in the labels' language.
func NewKeyMap(l *Labels) *KeyMap {
	b := func(help string, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return &KeyMap{
		Quit:      b("q", l.KeyQuit, "q", "ctrl+c"),
		ForceQuit: b("ctrl+c", l.KeyQuit, "ctrl+c"),
		Help:      b("?", l.KeyHelp, "?"),
		NextPane:  b("tab", l.KeyNextPane, "tab"),
		PrevPane:  b("shift+tab", l.KeyPrevPane, "shift+tab"),
		GoList:    b("1", l.KeyList, "1"),
		GoDetail:  b("2", l.KeyDetail, "2"),
		GoSummary: b("3", l.KeySummary, "3"),
		Units:     b("u", l.KeyUnits, "u"),
		Problems:  b("!", l.KeyProblems, "!"),

		Up:       b("↑/k", l.KeyUp, "up", "k"),
		Down:     b("↓/j", l.KeyDown, "down", "j"),
		Left:     b("←/h", l.KeyLeft, "left", "h"),
		Right:    b("→/l", l.KeyRight, "right", "l"),
		PageUp:   b("pgup", l.KeyPageUp, "pgup", "ctrl+b"),
		PageDown: b("pgdn", l.KeyPageDown, "pgdown", "ctrl+f"),
		HalfUp:   b("ctrl+u", l.KeyHalfUp, "ctrl+u"),
		HalfDown: b("ctrl+d", l.KeyHalfDown, "ctrl+d"),
		Top:      b("g", l.KeyTop, "g", "home"),
		Bottom:   b("G", l.KeyBottom, "G", "end"),
		Next:     b("n", l.KeyNext, "n"),
		Prev:     b("N", l.KeyPrev, "N", "p"),

		Filter:   b("/", l.KeyFilter, "/"),
		Clear:    b("esc", l.KeyClear, "esc"),
		Open:     b("enter", l.KeyOpen, "enter"),
		Back:     b("esc", l.KeyBack, "esc"),
		Sort:     b("s", l.KeySort, "s"),
		Reverse:  b("r", l.KeyReverse, "r"),
		Toggle:   b("space", l.KeyToggle, "space"),
		Apply:    b("enter", l.KeyApply, "enter"),
		Cancel:   b("esc", l.KeyCancel, "esc"),
		ClearAll: b("ctrl+x", l.KeyClearAll, "ctrl+x"),
	}
}
