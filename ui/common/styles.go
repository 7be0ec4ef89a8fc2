package common

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles are every lipgloss style of the screen, built for the terminal's
// background. With NoColor they use no colour at all, only bold, faint,
// underline and reverse, so selection and matches stay visible.
type Styles struct {
	Dark, NoColor bool

	// Palette, for panes that draw their own (charts).
	Accent, Muted, Subtle, Good, Bad, Warn color.Color

	App        lipgloss.Style
	Title      lipgloss.Style // pane titles
	Header     lipgloss.Style // column headers
	Normal     lipgloss.Style
	Faint      lipgloss.Style
	Selected   lipgloss.Style // the cursor row of a focused pane
	SelBlur    lipgloss.Style // the cursor row of an unfocused pane
	Match      lipgloss.Style // matched characters in titles
	MatchSel   lipgloss.Style // matched characters on the cursor row
	Mark       lipgloss.Style // the "figures found" mark
	Checked    lipgloss.Style // a chosen item in the picker
	Count      lipgloss.Style // counts beside names
	Group      lipgloss.Style // group headings (levels)
	Error      lipgloss.Style
	Warning    lipgloss.Style
	Number     lipgloss.Style // figures
	TargetNum  lipgloss.Style // target figures (kept apart from results)
	Evidence   lipgloss.Style // the sentence stating a figure
	Pane       lipgloss.Style // border of an unfocused pane
	PaneFocus  lipgloss.Style // border of the focused pane
	Overlay    lipgloss.Style // border of an overlay (picker, problems, help)
	StatusBar  lipgloss.Style
	StatusKey  lipgloss.Style // label segments of the status bar
	StatusVal  lipgloss.Style
	StatusWarn lipgloss.Style
	Tab        lipgloss.Style
	TabActive  lipgloss.Style
	Prompt     lipgloss.Style // the filter prompt
	Bar        lipgloss.Style // bar chart fill
	BarTarget  lipgloss.Style

	Help help.Styles
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(dark, noColor bool) *Styles {
	s := &Styles{Dark: dark, NoColor: noColor}
	n := lipgloss.NewStyle
	if noColor {
		none := lipgloss.NoColor{}
		s.Accent, s.Muted, s.Subtle, s.Good, s.Bad, s.Warn = none, none, none, none, none, none
		s.Title = n().Bold(true)
		s.Header = n().Bold(true).Underline(true)
		s.Faint = n().Faint(true)
		s.Selected = n().Reverse(true)
		s.SelBlur = n().Underline(true)
		s.Match = n().Bold(true).Underline(true)
		s.MatchSel = n().Reverse(true).Bold(true).Underline(true)
		s.Mark = n().Bold(true)
		s.Checked = n().Bold(true)
		s.Count = n().Faint(true)
		s.Group = n().Bold(true).Underline(true)
		s.Error = n().Bold(true)
		s.Warning = n().Bold(true)
		s.Number = n().Bold(true)
		s.TargetNum = n().Italic(true)
		s.Evidence = n().Italic(true)
		s.Pane = n().Border(lipgloss.NormalBorder())
		s.PaneFocus = n().Border(lipgloss.ThickBorder())
		s.Overlay = n().Border(lipgloss.DoubleBorder()).Padding(0, 1)
		s.StatusBar = n().Reverse(true)
		s.StatusKey = n().Reverse(true).Bold(true)
		s.StatusVal = n().Reverse(true)
		s.StatusWarn = n().Reverse(true).Bold(true)
		s.Tab = n().Padding(0, 1)
		s.TabActive = n().Padding(0, 1).Reverse(true).Bold(true)
		s.Prompt = n().Bold(true)
		s.Bar = n()
		s.BarTarget = n().Faint(true)
		s.Help = help.Styles{
			ShortKey: n().Bold(true), ShortDesc: n(), ShortSeparator: n().Faint(true),
			Ellipsis: n().Faint(true), FullKey: n().Bold(true), FullDesc: n(), FullSeparator: n().Faint(true),
		}
		return s
	}
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	// Colours chosen to keep contrast on both backgrounds: the light variants
	// are darker and more saturated (readable on white), the dark ones lighter.
	s.Accent = ld(c("#5A2FD0"), c("#A78BFA"))
	s.Muted = ld(c("#555555"), c("#9A9A9A"))
	s.Subtle = ld(c("#D0D0D0"), c("#3A3A3A"))
	s.Good = ld(c("#17753A"), c("#5FD38A"))
	s.Bad = ld(c("#B3261E"), c("#FF7A70"))
	s.Warn = ld(c("#8A5A00"), c("#F2C14E"))
	fg := ld(c("#1A1A1A"), c("#E6E6E6"))
	selBg := ld(c("#DCD3FF"), c("#3B2F6B"))
	blurBg := ld(c("#ECECEC"), c("#2A2A2A"))
	matchFg := ld(c("#A6006B"), c("#FF8AD8"))
	barBg := ld(c("#E8E4F8"), c("#24203A"))

	s.Normal = n().Foreground(fg)
	s.Title = n().Bold(true).Foreground(s.Accent)
	s.Header = n().Bold(true).Foreground(s.Muted)
	s.Faint = n().Foreground(s.Muted)
	s.Selected = n().Background(selBg).Foreground(fg).Bold(true)
	s.SelBlur = n().Background(blurBg).Foreground(fg)
	s.Match = n().Foreground(matchFg).Bold(true).Underline(true)
	s.MatchSel = n().Foreground(matchFg).Background(selBg).Bold(true).Underline(true)
	s.Mark = n().Foreground(s.Good).Bold(true)
	s.Checked = n().Foreground(s.Good).Bold(true)
	s.Count = n().Foreground(s.Muted)
	s.Group = n().Bold(true).Foreground(s.Accent)
	s.Error = n().Foreground(s.Bad).Bold(true)
	s.Warning = n().Foreground(s.Warn)
	s.Number = n().Foreground(s.Good).Bold(true)
	s.TargetNum = n().Foreground(s.Warn).Italic(true)
	s.Evidence = n().Foreground(s.Muted).Italic(true)
	s.Pane = n().Border(lipgloss.RoundedBorder()).BorderForeground(s.Subtle)
	s.PaneFocus = n().Border(lipgloss.RoundedBorder()).BorderForeground(s.Accent)
	s.Overlay = n().Border(lipgloss.RoundedBorder()).BorderForeground(s.Accent).Padding(0, 1)
	s.StatusBar = n().Background(barBg).Foreground(fg)
	s.StatusKey = n().Background(s.Accent).Foreground(ld(c("#FFFFFF"), c("#1A1A1A"))).Bold(true).Padding(0, 1)
	s.StatusVal = n().Background(barBg).Foreground(fg).Padding(0, 1)
	s.StatusWarn = n().Background(barBg).Foreground(s.Bad).Bold(true).Padding(0, 1)
	s.Tab = n().Foreground(s.Muted).Padding(0, 1)
	s.TabActive = n().Foreground(s.Accent).Bold(true).Underline(true).Padding(0, 1)
	s.Prompt = n().Foreground(s.Accent).Bold(true)
	s.Bar = n().Foreground(s.Accent)
	s.BarTarget = n().Foreground(s.Warn)
	hk := n().Foreground(ld(c("#4A4A4A"), c("#B0B0B0"))).Bold(true)
	hd := n().Foreground(ld(c("#6A6A6A"), c("#8A8A8A")))
	hs := n().Foreground(ld(c("#B0B0B0"), c("#4A4A4A")))
	s.Help = help.Styles{ShortKey: hk, ShortDesc: hd, ShortSeparator: hs, Ellipsis: hs,
		FullKey: hk, FullDesc: hd, FullSeparator: hs}
	return s
}
