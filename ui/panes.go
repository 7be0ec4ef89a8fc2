package ui

import (
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/detail"
	"github.com/baocao/baocao/ui/summary"
)

// newDetail and newSummary make the detail and summary panes (ui/detail and
// ui/summary, built against common's API). They are variables so that the
// golden screens can put fixed stand-ins there: those screens test this
// package's layout and panes, and must not change when the detail's
// rendering does (the end-to-end test covers the real panes).
var (
	newDetail  = func(ctx *common.Context) common.Component { return detail.New(ctx) }
	newSummary = func(ctx *common.Context) common.Component { return summary.New(ctx) }
)
