package model

import (
	"encoding/json"
	"math"
)

// Key names what a figure measures. More keys may be added, never renamed.
type Key string

// The metric keys of EXPORT.md.
const (
	BudgetRevenue           Key = "budget_revenue"
	BudgetRevenueLocal      Key = "budget_revenue_local"
	PartyMembers            Key = "party_members"
	NewPartyMembers         Key = "new_party_members"
	PartyCells              Key = "party_cells"
	TargetsMet              Key = "targets_met"
	PoorHouseholdRate       Key = "poor_household_rate"
	HealthInsuranceCoverage Key = "health_insurance_coverage"
	CulturalFamilyRate      Key = "cultural_family_rate"
)

// Keys lists every key in the order the reader shows them.
var Keys = []Key{
	BudgetRevenue, BudgetRevenueLocal, PartyMembers, NewPartyMembers, PartyCells,
	TargetsMet, PoorHouseholdRate, HealthInsuranceCoverage, CulturalFamilyRate,
}

// Measure is the unit of a metric's value.
type Measure string

// The measures: money in đồng, a percentage as a number of percent, a count.
const (
	VND     Measure = "VND"
	Percent Measure = "percent"
	Count   Measure = "count"
)

// MeasureOf is the measure every figure of key k is stated in.
func MeasureOf(k Key) Measure {
	switch k {
	case BudgetRevenue, BudgetRevenueLocal:
		return VND
	case PoorHouseholdRate, HealthInsuranceCoverage, CulturalFamilyRate:
		return Percent
	}
	return Count
}

// Kind says whether a figure is a result or a goal.
type Kind string

// The two kinds. Targets are never summed or compared with results.
const (
	Actual Kind = "actual"
	Target Kind = "target"
)

// Approx says how the text hedges a figure.
type Approx string

// The hedges; NoApprox is an exact figure.
const (
	NoApprox Approx = ""
	Estimate Approx = "estimate" // ước đạt, ước thực hiện
	AtLeast  Approx = "at_least" // trên, hơn, trở lên
	AtMost   Approx = "at_most"  // dưới
)

// Metric is one figure a report states about its own unit, with the sentence
// that states it.
type Metric struct {
	Key     Key
	Kind    Kind
	Value   float64 // in base units: đồng, percent, or a count
	Of      float64 // the denominator of a ratio (11/11 chỉ tiêu); NaN when none
	Measure Measure
	Approx  Approx
	PlanPct float64 // share of plan achieved, in percent; NaN when not given
	Year    int     // the year the figure belongs to; 0 when unknown
	Period  string  // "9 tháng đầu năm" where not a whole year; "" otherwise
	// Evidence is the sentence or clause of the body that states the figure,
	// verbatim.
	Evidence string
	// Para is the index of the body paragraph that holds Evidence, and Start
	// and End the byte offsets of the figure's own words in that paragraph
	// (End > Start), so the reader can highlight it where it stands. Para is
	// -1 when unknown.
	Para, Start, End int
}

// HasOf reports whether the figure is a ratio.
func (m Metric) HasOf() bool { return !math.IsNaN(m.Of) }

// HasPlanPct reports whether the text gives the share of plan.
func (m Metric) HasPlanPct() bool { return !math.IsNaN(m.PlanPct) }

type metricRecord struct {
	Key      Key      `json:"key"`
	Kind     Kind     `json:"kind"`
	Value    float64  `json:"value"`
	Of       *float64 `json:"of"`
	Measure  Measure  `json:"measure"`
	Approx   *string  `json:"approx"`
	PlanPct  *float64 `json:"plan_pct"`
	Year     *int     `json:"year"`
	Period   *string  `json:"period"`
	Evidence string   `json:"evidence"`
}

// MarshalJSON writes the metric of EXPORT.md; absent values are null.
func (m Metric) MarshalJSON() ([]byte, error) { return m.appendJSON(nil) }

// UnmarshalJSON reads what MarshalJSON writes.
func (m *Metric) UnmarshalJSON(b []byte) error {
	var r metricRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*m = Metric{Key: r.Key, Kind: r.Kind, Value: r.Value, Measure: r.Measure,
		Evidence: r.Evidence, Of: math.NaN(), PlanPct: math.NaN(), Para: -1}
	if r.Of != nil {
		m.Of = *r.Of
	}
	if r.PlanPct != nil {
		m.PlanPct = *r.PlanPct
	}
	if r.Approx != nil {
		m.Approx = Approx(*r.Approx)
	}
	if r.Year != nil {
		m.Year = *r.Year
	}
	if r.Period != nil {
		m.Period = *r.Period
	}
	return nil
}
