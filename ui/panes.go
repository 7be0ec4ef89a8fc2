package ui

import (
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/detail"
	"github.com/baocao/baocao/ui/summary"
)

// newDetail and newSummary make the detail and summary panes (ui/detail and
// ui/summary, built against common's API).
func newDetail(ctx *common.Context) common.Component  { return detail.New(ctx) }
func newSummary(ctx *common.Context) common.Component { return summary.New(ctx) }
