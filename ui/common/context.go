package common

import (
	"sync"

	"github.com/baocao/baocao/model"
)

// Context is what every pane of one program shares (gh-dash's
// ProgramContext). The root model owns it and is the only writer; panes hold
// the pointer and read it when they render.
type Context struct {
	// Corpus is the loaded corpus, shared read-only with other sessions. It
	// is nil while loading; panes are created only after it is set.
	Corpus *model.Corpus
	// Width and Height are the whole terminal's size.
	Width, Height int
	// Lang chooses the labels; L is the label table for it.
	Lang Lang
	L    *Labels
	// Dark reports whether the terminal background is dark (true until the
	// terminal answers); NoColor whether colours are off (NO_COLOR).
	Dark, NoColor bool
	// Styles are built from Dark and NoColor; see SetTheme.
	Styles *Styles
	// Keys is the key map every pane uses.
	Keys *KeyMap
	// Query is the list's current query (text and unit choice) and Results
	// the articles it matches in list order. The summary reads these.
	Query   model.Query
	Results []int32
}

// NewContext makes a context for a program. Colours start dark until the
// terminal reports its background.
func NewContext(c *model.Corpus, lang Lang, noColor bool) *Context {
	ctx := &Context{Corpus: c, Lang: lang, L: LabelsFor(lang), Dark: true, NoColor: noColor}
	ctx.Keys = KeyMapFor(ctx.L)
	ctx.Styles = StylesFor(true, noColor)
	return ctx
}

// SetTheme takes the styles for a dark or light background.
func (c *Context) SetTheme(dark bool) {
	c.Dark = dark
	c.Styles = StylesFor(dark, c.NoColor)
}

// shared are the Styles of each background and colour choice, and the key
// maps of each label table, made once per process: every session (and every
// rendering) of the same terminal kind uses the same ones, as nothing
// modifies them once made (lipgloss styles are values; a pane that wants a
// variant derives a copy). Per session they were two dozen kilobytes.
var shared struct {
	styles [4]struct {
		once sync.Once
		s    *Styles
	}
	keys sync.Map // *Labels -> *KeyMap
}

// StylesFor returns the shared styles for a dark or light background, with
// or without colours. Do not modify them.
func StylesFor(dark, noColor bool) *Styles {
	i := 0
	if dark {
		i += 2
	}
	if noColor {
		i++
	}
	e := &shared.styles[i]
	e.once.Do(func() { e.s = NewStyles(dark, noColor) })
	return e.s
}

// KeyMapFor returns the shared key map with the help texts of l. Do not
// modify it.
func KeyMapFor(l *Labels) *KeyMap {
	if k, ok := shared.keys.Load(l); ok {
		return k.(*KeyMap)
	}
	k, _ := shared.keys.LoadOrStore(l, NewKeyMap(l))
	return k.(*KeyMap)
}

// GlamourStyle is the name of the Glamour standard style that fits the
// terminal: "dark", "light", or "notty" without colours.
func (c *Context) GlamourStyle() string {
	switch {
	case c.NoColor:
		return "notty"
	case c.Dark:
		return "dark"
	}
	return "light"
}
