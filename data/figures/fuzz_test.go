package figures

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/model"
)

// FuzzParseAmount: any input is read without panic, and a figure found lies
// inside the input with a sound value.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{
		"124.857", "12.515 tỷ", "21, 72 tỷ đồng", "106,4%", "0,07%", "07", "1.000.000",
		"3,5 triệu", "trên 30 tỷ", "ước đạt 8,1 tỷ", "hơn 200 triệu", "dưới 1%",
		"2.500 nghìn đồng", "1 tỉ", "10.000 đồng", "từ 7.000 đồng trở xuống", "11/11",
		"35/2023/UBTVQH15", "10-12%", "1.234,5", "0,30%0", "201.586.125.000đ", "5tỷ",
		"9999999999999999999999999999999999999999", "1/0", ",,,", "1,", "1.", "%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := ParseAmount(s)
		if !ok {
			return
		}
		if a.Start < 0 || a.End > len(s) || a.Start >= a.End {
			t.Fatalf("ParseAmount(%q): span [%d:%d]", s, a.Start, a.End)
		}
		if math.IsNaN(a.Value) || a.Value < 0 {
			t.Fatalf("ParseAmount(%q): value %v", s, a.Value)
		}
		switch a.Measure {
		case model.VND, model.Percent, model.Count:
		default:
			t.Fatalf("ParseAmount(%q): measure %q", s, a.Measure)
		}
	})
}

// FuzzExtract: any body is read without panic; every metric's evidence is a
// substring of its paragraph and its span lies inside it.
func FuzzExtract(f *testing.F) {
	f.Add("Năm 2023, thu ngân sách ước đạt 21, 72 tỷ đồng bằng 106,4% kế hoạch; kết nạp 7 đảng viên.",
		"Đảng bộ phường có 14 chi bộ trực thuộc, với 556 đảng viên. Tỷ lệ hộ nghèo giảm từ 0,12% xuống còn 0,07%.")
	f.Add("hoàn thành 11/11 chỉ tiêu năm 2023 .Chỉ đạo", "- Tỷ lệ hộ gia đình đạt chuẩn văn hóa: 95,2%")
	f.Add("CÁC CHỈ TIÊU NĂM 2024:", "- Tổng thu ngân sách: 1.320 tỷ đồng; duy trì tỷ lệ bao phủ BHYT đạt 93,5% trở lên.")
	f.Add("trong tổng số 28 chỉ tiêu có 18 chỉ tiêu đạt", "có 90% gia đình được công nhận danh hiệu gia đình văn hóa")
	f.Add("\xff\xfe thu ngân sách \u0301\u0301 1.", "xã Hợp Lý hiện có 45 chi bộ với 1.008 đảng viên ..")
	f.Fuzz(func(t *testing.T, p1, p2 string) {
		a := &model.Article{
			Unit:  &model.Unit{Level: model.Ward, Name: "Hợp Lý"},
			Title: p1, Body: []string{p1, p2},
			EventDate: model.Date(2024, 1, 10),
		}
		Extract(a)
		for _, m := range a.Metrics {
			if m.Para < 0 || m.Para >= len(a.Body) {
				t.Fatalf("para %d", m.Para)
			}
			p := a.Body[m.Para]
			if m.Start < 0 || m.End > len(p) || m.Start >= m.End {
				t.Fatalf("span [%d:%d] of %q", m.Start, m.End, p)
			}
			if !strings.Contains(p, m.Evidence) || m.Evidence == "" {
				t.Fatalf("evidence %q not in %q", m.Evidence, p)
			}
			if utf8.ValidString(p) && !utf8.ValidString(m.Evidence) {
				t.Fatalf("evidence %q cuts a rune of %q", m.Evidence, p)
			}
			if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
				t.Fatalf("value %v", m.Value)
			}
		}
	})
}
