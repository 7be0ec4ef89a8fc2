package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/detail"
)

// newDetail and newSummary make the detail and summary panes. Until
// ui/summary exists the summary is a plain stand-in.
func newDetail(ctx *common.Context) common.Component  { return detail.New(ctx) }
func newSummary(ctx *common.Context) common.Component { return &plainSummary{ctx: ctx} }

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
