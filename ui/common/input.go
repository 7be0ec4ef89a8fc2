package common

import (
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// NewTextInput makes a one-line text input styled for the context, with a
// steady (non-blinking) virtual cursor: a blinking cursor redraws the screen
// twice a second for nothing and makes screen tests flaky.
func NewTextInput(ctx *Context, prompt, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	StyleTextInput(ctx, &ti)
	return ti
}

// StyleTextInput (re)applies the context's styles to a text input, e.g.
// after a ThemeMsg.
func StyleTextInput(ctx *Context, ti *textinput.Model) {
	st := textinput.DefaultStyles(ctx.Dark)
	st.Focused.Prompt = ctx.Styles.Prompt
	st.Blurred.Prompt = ctx.Styles.Faint
	st.Focused.Placeholder = ctx.Styles.Faint
	st.Blurred.Placeholder = ctx.Styles.Faint
	st.Focused.Text = lipgloss.NewStyle()
	st.Blurred.Text = ctx.Styles.Faint
	st.Cursor.Blink = false
	if ctx.NoColor {
		st = textinput.Styles{Cursor: textinput.CursorStyle{Blink: false}}
		st.Focused.Prompt = ctx.Styles.Prompt
		st.Blurred.Prompt = ctx.Styles.Faint
	} else {
		st.Cursor.Color = ctx.Styles.Accent
	}
	ti.SetStyles(st)
}
