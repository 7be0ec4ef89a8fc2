// Package figures finds the figures a report states about its own unit:
// Vietnamese numbers, money and percentages, and the metrics of EXPORT.md.
package figures

import "github.com/baocao/baocao/model"

// Extract fills a.Metrics from a.Body, using a.Unit, a.Title, a.EventDate and
// a.Published for context (whose figures they are, which year).
func Extract(a *model.Article) {}
