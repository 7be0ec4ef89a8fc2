package common

import (
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
	ctx.Keys = NewKeyMap(ctx.L)
	ctx.Styles = NewStyles(true, noColor)
	return ctx
}

// SetTheme rebuilds the styles for a dark or light background.
func (c *Context) SetTheme(dark bool) {
	c.Dark = dark
	c.Styles = NewStyles(dark, c.NoColor)
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
