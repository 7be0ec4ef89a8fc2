package figures

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
)

func TestParseAmount(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		in      string
		value   float64
		of      float64
		measure model.Measure
		approx  model.Approx
		figure  string // the words Start:End must cover
	}{
		{"124.857", 124857, nan, model.Count, "", "124.857"},
		{"12.515 tỷ", 12515e9, nan, model.VND, "", "12.515 tỷ"},
		{"12.515 tỷ đồng", 12515e9, nan, model.VND, "", "12.515 tỷ đồng"},
		{"124.857 triệu đồng", 124857e6, nan, model.VND, "", "124.857 triệu đồng"},
		{"21, 72 tỷ", 21.72e9, nan, model.VND, "", "21, 72 tỷ"},
		{"21, 72 tỷ đồng", 21.72e9, nan, model.VND, "", "21, 72 tỷ đồng"},
		{"106,4%", 106.4, nan, model.Percent, "", "106,4%"},
		{"0,07%", 0.07, nan, model.Percent, "", "0,07%"},
		{"93 %", 93, nan, model.Percent, "", "93 %"},
		{"07", 7, nan, model.Count, "", "07"},
		{"1.000.000", 1e6, nan, model.Count, "", "1.000.000"},
		{"3,5 triệu", 3.5e6, nan, model.VND, "", "3,5 triệu"},
		{"trên 30 tỷ", 30e9, nan, model.VND, model.AtLeast, "30 tỷ"},
		{"Trên 30 tỷ đồng", 30e9, nan, model.VND, model.AtLeast, "30 tỷ đồng"},
		{"ước đạt 8,1 tỷ", 8.1e9, nan, model.VND, model.Estimate, "8,1 tỷ"},
		{"ước thực hiện 8,1 tỷ đồng", 8.1e9, nan, model.VND, model.Estimate, "8,1 tỷ đồng"},
		{"ước tính 45%", 45, nan, model.Percent, model.Estimate, "45%"},
		{"hơn 200 triệu", 200e6, nan, model.VND, model.AtLeast, "200 triệu"},
		{"dưới 1%", 1, nan, model.Percent, model.AtMost, "1%"},
		{"không quá 5%", 5, nan, model.Percent, model.AtMost, "5%"},
		{"ít nhất 20 đảng", 0, nan, "", "", ""}, // a noun: not a bare figure
		{"ít nhất 20", 20, nan, model.Count, model.AtLeast, "20"},
		{"2.500 nghìn đồng", 2.5e6, nan, model.VND, "", "2.500 nghìn đồng"},
		{"300 ngàn đồng", 300e3, nan, model.VND, "", "300 ngàn đồng"},
		{"1,2 nghìn tỷ đồng", 1.2e12, nan, model.VND, "", "1,2 nghìn tỷ đồng"},
		{"1 tỉ", 1e9, nan, model.VND, "", "1 tỉ"},
		{"12 tỷ 350 triệu đồng", 12.35e9, nan, model.VND, "", "12 tỷ 350 triệu đồng"},
		{"2 triệu 500 nghìn", 2.5e6, nan, model.VND, "", "2 triệu 500 nghìn"},
		{"1 tỷ", 1e9, nan, model.VND, "", "1 tỷ"},
		{"10.000 đồng", 1e4, nan, model.VND, "", "10.000 đồng"},
		{"201.586.125.000đ", 201586125000, nan, model.VND, "", "201.586.125.000đ"},
		{"10.000 VNĐ", 1e4, nan, model.VND, "", "10.000 VNĐ"},
		{"từ 7.000 đồng trở xuống", 7000, nan, model.VND, model.AtMost, "7.000 đồng"},
		{"từ 85% trở lên", 85, nan, model.Percent, model.AtLeast, "85%"},
		{"93,5% trở lên", 93.5, nan, model.Percent, model.AtLeast, "93,5%"},
		{"1.5", 1.5, nan, model.Count, "", "1.5"},
		{"1.500", 1500, nan, model.Count, "", "1.500"},
		{"2,5", 2.5, nan, model.Count, "", "2,5"},
		{"2,500", 2.5, nan, model.Count, "", "2,500"},
		{"1.234,5", 1234.5, nan, model.Count, "", "1.234,5"},
		{"1,234.5", 1234.5, nan, model.Count, "", "1,234.5"},
		{"1,000,000", 1e6, nan, model.Count, "", "1,000,000"},
		{"11/11", 11, 11, model.Count, "", "11/11"},
		{"39/42", 39, 42, model.Count, "", "39/42"},
		{"398,44%", 398.44, nan, model.Percent, "", "398,44%"},
		{"5 tỷ USD", 0, nan, "", "", ""},    // foreign money: not read as đồng
		{"10-12%", 0, nan, "", "", ""},      // a range
		{"từ 90 - 100", 0, nan, "", "", ""}, // a range
		{"2020-2025", 0, nan, "", "", ""},   // a term
		{"08/12/2023", 0, nan, "", "", ""},  // a date
		{"6/2023", 0, nan, "", "", ""},      // a month
		{"35/2023/UBTVQH15", 0, nan, "", "", ""},
		{"392-QĐ/QU", 0, nan, "", "", ""},
		{"0,30%0", 0, nan, "", "", ""}, // per mille
		{"", 0, nan, "", "", ""},
		{"không có", 0, nan, "", "", ""},
		{"1 và 2", 0, nan, "", "", ""},
		{"6 đồng chí", 0, nan, "", "", ""},
	}
	for _, tt := range tests {
		got, ok := ParseAmount(tt.in)
		if tt.figure == "" {
			if ok {
				t.Errorf("ParseAmount(%q) = %+v, want no figure", tt.in, got)
			}
			continue
		}
		if !ok {
			t.Errorf("ParseAmount(%q) failed", tt.in)
			continue
		}
		if math.Abs(got.Value-tt.value) > 1e-6*math.Max(1, math.Abs(tt.value)) {
			t.Errorf("ParseAmount(%q).Value = %v, want %v", tt.in, got.Value, tt.value)
		}
		if math.IsNaN(tt.of) != math.IsNaN(got.Of) || !math.IsNaN(tt.of) && got.Of != tt.of {
			t.Errorf("ParseAmount(%q).Of = %v, want %v", tt.in, got.Of, tt.of)
		}
		if got.Measure != tt.measure {
			t.Errorf("ParseAmount(%q).Measure = %q, want %q", tt.in, got.Measure, tt.measure)
		}
		if got.Approx != tt.approx {
			t.Errorf("ParseAmount(%q).Approx = %q, want %q", tt.in, got.Approx, tt.approx)
		}
		if got.Start < 0 || got.End > len(tt.in) || got.Start > got.End || tt.in[got.Start:got.End] != tt.figure {
			t.Errorf("ParseAmount(%q) figure [%d:%d], want %q", tt.in, got.Start, got.End, tt.figure)
		}
	}
}

// vnGroup writes n with dots between thousands: 1234567 → "1.234.567".
func vnGroup(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// TestParseAmountRoundTrip writes numbers the Vietnamese way and reads them
// back: dots group thousands, a comma marks decimals, multipliers scale.
func TestParseAmountRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := r.Int64N(1e12)
		frac := r.IntN(100)
		cases := []struct {
			s    string
			want float64
		}{
			{vnGroup(n), float64(n)},
			{vnGroup(n) + " đồng", float64(n)},
			{fmt.Sprintf("%s,%02d%%", vnGroup(n%1000), frac), float64(n%1000) + float64(frac)/100},
			{fmt.Sprintf("%s,%d tỷ đồng", vnGroup(n%100000), frac%10), (float64(n%100000) + float64(frac%10)/10) * 1e9},
			{vnGroup(n%1000000) + " triệu đồng", float64(n%1000000) * 1e6},
		}
		for _, c := range cases {
			a, ok := ParseAmount(c.s)
			if !ok || math.Abs(a.Value-c.want) > 1e-9*math.Max(1, c.want) {
				t.Fatalf("ParseAmount(%q) = %v, %v; want %v", c.s, a.Value, ok, c.want)
			}
		}
	}
}
