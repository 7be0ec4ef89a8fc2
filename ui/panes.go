package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/ui/common"
)

// newDetail and newSummary make the detail and summary panes. Until
// ui/detail and ui/summary exist they are plain stand-ins.
func newDetail(ctx *common.Context) common.Component  { return &plainDetail{ctx: ctx} }
func newSummary(ctx *common.Context) common.Component { return &plainSummary{ctx: ctx} }

// plainDetail shows the selected report's title and body as plain text.
type plainDetail struct {
	ctx  *common.Context
	w, h int
	id   int32
	has  bool
	top  int
}

func (p *plainDetail) Init() tea.Cmd    { return nil }
func (p *plainDetail) SetSize(w, h int) { p.w, p.h = w, h }
func (p *plainDetail) ShortHelp() []key.Binding {
	return []key.Binding{p.ctx.Keys.Up, p.ctx.Keys.Down}
}
func (p *plainDetail) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

func (p *plainDetail) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ArticleSelectedMsg:
		p.id, p.has, p.top = msg.ID, msg.Has, 0
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.ctx.Keys.Down):
			p.top++
		case key.Matches(msg, p.ctx.Keys.Up):
			p.top = max(0, p.top-1)
		}
	}
	return p, nil
}

func (p *plainDetail) View() string {
	if !p.has || p.w <= 0 {
		return ""
	}
	a := p.ctx.Corpus.At(p.id)
	st := p.ctx.Styles
	var lines []string
	lines = append(lines, strings.Split(ansi.Wordwrap(common.SanitizeLine(a.Title), p.w, ""), "\n")...)
	lines = append(lines, st.Faint.Render(p.ctx.Lang.Date(p.ctx.Corpus.Day(p.id))), "")
	for _, para := range a.Body {
		lines = append(lines, strings.Split(ansi.Wordwrap(common.SanitizeLine(para), p.w, ""), "\n")...)
		lines = append(lines, "")
	}
	top := min(p.top, max(0, len(lines)-1))
	lines = lines[top:]
	if len(lines) > p.h {
		lines = lines[:p.h]
	}
	return strings.Join(lines, "\n")
}

// plainSummary lists the units of the current results with report counts.
type plainSummary struct {
	ctx  *common.Context
	w, h int
}

func (s *plainSummary) Init() tea.Cmd                              { return nil }
func (s *plainSummary) SetSize(w, h int)                           { s.w, s.h = w, h }
func (s *plainSummary) ShortHelp() []key.Binding                   { return nil }
func (s *plainSummary) FullHelp() [][]key.Binding                  { return nil }
func (s *plainSummary) Update(tea.Msg) (common.Component, tea.Cmd) { return s, nil }
func (s *plainSummary) View() string {
	var lines []string
	for _, r := range s.ctx.Corpus.Summary(s.ctx.Results) {
		if len(lines) >= s.h {
			break
		}
		lines = append(lines, common.Fit(fmt.Sprintf("%-30s %s", r.Unit.Unit.Short(), s.ctx.Lang.Count(r.Reports)), s.w))
	}
	return strings.Join(lines, "\n")
}
