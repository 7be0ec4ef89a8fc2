package common

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/baocao/baocao/model"
)

// Number formats v with up to prec decimals (trailing zeros dropped) in the
// language's convention: "124.857,5" in vi, "124,857.5" in en.
func (l Lang) Number(v float64, prec int) string {
	neg := v < 0
	v = math.Abs(v)
	s := strconv.FormatFloat(v, 'f', prec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	thou, dec := ".", ","
	if l == EN {
		thou, dec = ",", "."
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Count formats an integer count with thousands grouping: "12.345" in vi,
// "12,345" in en.
func (l Lang) Count(n int) string { return l.Number(float64(n), 0) }

// Percent formats a percentage given as a number of percent: "93,5%" in vi,
// "93.5%" in en.
func (l Lang) Percent(v float64) string { return l.Number(v, 2) + "%" }

// VND formats an amount of đồng in the largest fitting unit, as reports
// print it: "21,72 tỷ đồng" / "21.72 bn VND", "350 triệu đồng" / "350 m VND",
// "12.515 tỷ đồng" / "12,515 bn VND".
func (l Lang) VND(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return l.Number(v/1e9, 2) + l.Pick(" tỷ đồng", " bn VND")
	case a >= 1e6:
		return l.Number(v/1e6, 2) + l.Pick(" triệu đồng", " m VND")
	}
	return l.Number(v, 0) + l.Pick(" đồng", " VND")
}

// VNDShort is VND without the currency word, for narrow table cells:
// "21,72 tỷ" / "21.72 bn".
func (l Lang) VNDShort(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return l.Number(v/1e9, 2) + l.Pick(" tỷ", " bn")
	case a >= 1e6:
		return l.Number(v/1e6, 2) + l.Pick(" tr", " m")
	}
	return l.Number(v, 0)
}

// Value formats a metric value in its measure.
func (l Lang) Value(m model.Measure, v float64) string {
	switch m {
	case model.VND:
		return l.VND(v)
	case model.Percent:
		return l.Percent(v)
	}
	return l.Number(v, 2)
}

// Metric formats a metric's figure: the value (with "/of" for a ratio such
// as "11/11") and its hedge ("ước 21,72 tỷ đồng", "trên 95%").
func (l Lang) Metric(m model.Metric) string {
	s := l.Value(m.Measure, m.Value)
	if m.HasOf() {
		s = l.Number(m.Value, 2) + "/" + l.Number(m.Of, 2)
	}
	L := LabelsFor(l)
	switch m.Approx {
	case model.Estimate:
		s = L.Estimate + " " + s
	case model.AtLeast:
		s = L.AtLeast + " " + s
	case model.AtMost:
		s = L.AtMost + " " + s
	}
	return s
}

// Date formats a day: "08/12/2023" in vi, "2023-12-08" in en; "" for zero.
func (l Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if l == EN {
		return t.Format("2006-01-02")
	}
	return t.Format("02/01/2006")
}

// When formats a model.When with its time of day when the page gave one.
func (l Lang) When(w model.When) string {
	if w.IsZero() {
		return ""
	}
	s := l.Date(w.T)
	if w.HasClock {
		s += " " + w.T.Format("15:04")
	}
	return s
}
