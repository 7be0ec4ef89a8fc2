package figures

import (
	"math"
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
)

// want is one expected metric; figure is the text Start:End must cover.
type want struct {
	key    model.Key
	kind   model.Kind
	value  float64
	of     float64 // 0: no ratio
	approx model.Approx
	plan   float64 // 0: no share of plan
	year   int
	period string
	figure string
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name  string
		unit  *model.Unit
		title string
		event model.When
		pub   model.When
		body  []string
		want  []want
	}{
		{
			name:  "commune year-end review, results and next year's goals",
			unit:  &model.Unit{Level: model.Commune, Name: "Yên Phú"},
			title: "Đảng bộ xã Yên Phú tổng kết công tác năm 2022",
			event: model.Date(2022, 12, 20),
			body: []string{
				"Năm 2022, tổng thu ngân sách trên địa bàn xã đạt 15,6 tỷ đồng, bằng 112,5% dự toán huyện giao; thu ngân sách xã được hưởng ước đạt 9.450 triệu đồng.",
				"Đảng bộ xã hiện có 18 chi bộ trực thuộc với 642 đảng viên; trong năm kết nạp được 12 đảng viên mới, đạt 120% kế hoạch.",
				"Tỷ lệ hộ nghèo giảm từ 3,2% xuống còn 2,15%; tỷ lệ người dân tham gia bảo hiểm y tế đạt 91,3%; có 92,6% hộ gia đình được công nhận danh hiệu gia đình văn hóa.",
				"Năm 2023, xã phấn đấu thu ngân sách đạt 17 tỷ đồng trở lên, giảm tỷ lệ hộ nghèo xuống dưới 1,5%, tỷ lệ bao phủ BHYT đạt 93%.",
			},
			want: []want{
				{key: model.BudgetRevenue, kind: model.Actual, value: 15.6e9, plan: 112.5, year: 2022, figure: "15,6 tỷ đồng"},
				{key: model.BudgetRevenueLocal, kind: model.Actual, value: 9.45e9, approx: model.Estimate, year: 2022, figure: "9.450 triệu đồng"},
				{key: model.PartyCells, kind: model.Actual, value: 18, year: 2022, figure: "18"},
				{key: model.PartyMembers, kind: model.Actual, value: 642, year: 2022, figure: "642"},
				{key: model.NewPartyMembers, kind: model.Actual, value: 12, plan: 120, year: 2022, figure: "12"},
				{key: model.PoorHouseholdRate, kind: model.Actual, value: 2.15, year: 2022, figure: "2,15%"},
				{key: model.HealthInsuranceCoverage, kind: model.Actual, value: 91.3, year: 2022, figure: "91,3%"},
				{key: model.CulturalFamilyRate, kind: model.Actual, value: 92.6, year: 2022, figure: "92,6%"},
				{key: model.BudgetRevenue, kind: model.Target, value: 17e9, approx: model.AtLeast, year: 2023, figure: "17 tỷ đồng"},
				{key: model.PoorHouseholdRate, kind: model.Target, value: 1.5, approx: model.AtMost, year: 2023, figure: "1,5%"},
				{key: model.HealthInsuranceCoverage, kind: model.Target, value: 93, year: 2023, figure: "93%"},
			},
		},
		{
			name:  "township: look-alikes are not metrics",
			unit:  &model.Unit{Level: model.Townlet, Name: "Phú Minh", Parent: "huyện Sóc Sơn"},
			event: model.Date(2021, 6, 30),
			body: []string{
				"Thực hiện Nghị quyết số 12-NQ/ĐU ngày 15/3/2021 của Đảng ủy thị trấn nhiệm kỳ 2020-2025, thị trấn có 9 tổ dân phố, 2 trường học.",
				"Chi bộ tổ dân phố số 3 có 45 đảng viên; chi bộ trường Tiểu học Phú Minh kết nạp 2 đảng viên.",
				"Thu nhập bình quân đầu người đạt 62 triệu đồng/năm; các loại quỹ do nhân dân đóng góp được 350 triệu đồng.",
				"Toàn huyện Sóc Sơn thu ngân sách đạt 1.250 tỷ đồng.",
				"Thị trấn có 2.150 hộ, trong đó hộ nghèo 12 hộ; 15/15 tiêu chí đô thị văn minh được giữ vững.",
				"Bí thư Đảng ủy trao huy hiệu 30 năm tuổi Đảng cho 7 đảng viên; mỗi chi bộ có từ 20 đến 30 đảng viên.",
			},
		},
		{
			name:  "district: targets met, a nine-month period, totals",
			unit:  &model.Unit{Level: model.RuralDist, Name: "Tam Nông"},
			event: model.Date(2023, 10, 5),
			body: []string{
				"9 tháng đầu năm 2023, huyện hoàn thành 14/19 chỉ tiêu; thu ngân sách nhà nước trên địa bàn ước thực hiện 287,4 tỷ đồng, đạt 78% dự toán.",
				"Trong tổng số 24 chỉ tiêu chủ yếu, có 21 chỉ tiêu đạt và vượt kế hoạch.",
				"Còn 3/24 chỉ tiêu chưa đạt; xã chưa hoàn thành 2/5 nội dung.",
			},
			want: []want{
				{key: model.TargetsMet, kind: model.Actual, value: 14, of: 19, year: 2023, period: "9 tháng đầu năm 2023", figure: "14/19"},
				{key: model.BudgetRevenue, kind: model.Actual, value: 287.4e9, approx: model.Estimate, plan: 78, year: 2023, period: "9 tháng đầu năm 2023", figure: "287,4 tỷ đồng"},
				{key: model.TargetsMet, kind: model.Actual, value: 21, of: 24, year: 2023, figure: "21"},
			},
		},
		{
			name:  "town plan: a flattened table after a heading",
			unit:  &model.Unit{Level: model.Town, Name: "Hòa Thành"},
			title: "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
			pub:   model.Date(2023, 12, 28),
			body: []string{
				"CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024:",
				"- Tổng thu ngân sách trên địa bàn: 1.320 tỷ đồng.",
				"- Tỷ lệ hộ nghèo: dưới 0,8%.",
				"- Tỷ lệ hộ gia đình đạt chuẩn văn hóa: 96%.",
			},
			want: []want{
				{key: model.BudgetRevenue, kind: model.Target, value: 1320e9, year: 2024, figure: "1.320 tỷ đồng"},
				{key: model.PoorHouseholdRate, kind: model.Target, value: 0.8, approx: model.AtMost, year: 2024, figure: "0,8%"},
				{key: model.CulturalFamilyRate, kind: model.Target, value: 96, year: 2024, figure: "96%"},
			},
		},
		{
			name:  "ward: a figure stated twice (once rounded) is one metric; the city's figures are not the ward's",
			unit:  &model.Unit{Level: model.Ward, Name: "Đông Ngạc"},
			event: model.Date(2024, 1, 9),
			body: []string{
				"Hội nghị có 150 đại biểu thay mặt cho hơn 1.200 đảng viên của Đảng bộ.",
				"Năm 2023, Đảng bộ phường có 1.208 đảng viên sinh hoạt tại 21 chi bộ.",
				"Phát biểu tại hội nghị, đồng chí Phó Chủ tịch UBND thành phố cho biết, năm 2023 tổng thu ngân sách của thành phố đạt 5.200 tỷ đồng.",
				"Với 1.208 đảng viên, Đảng bộ phường kết nạp 34 đảng viên, đạt 136% chỉ tiêu.",
			},
			want: []want{
				{key: model.PartyMembers, kind: model.Actual, value: 1208, year: 2023, figure: "1.208"},
				{key: model.PartyCells, kind: model.Actual, value: 21, year: 2023, figure: "21"},
				{key: model.NewPartyMembers, kind: model.Actual, value: 34, plan: 136, year: 2023, figure: "34"},
			},
		},
		{
			name:  "ward: the sentence ends at a glued dot and not inside numbers or abbreviations",
			unit:  &model.Unit{Level: model.Ward, Name: "Bến Nghé", Parent: "thành phố Hồ Chí Minh"},
			event: model.Date(2022, 12, 15),
			body: []string{
				"Theo UBND TP. Hồ Chí Minh giao, phường hoàn thành và hoàn thành vượt mức 12/12 chỉ tiêu năm 2022 .Tổng số đảng viên của Đảng bộ là 1.015 đồng chí. Thu ngân sách đạt 1.234,5 triệu đồng.",
			},
			want: []want{
				{key: model.TargetsMet, kind: model.Actual, value: 12, of: 12, year: 2022, figure: "12/12"},
				{key: model.PartyMembers, kind: model.Actual, value: 1015, year: 2022, figure: "1.015"},
				{key: model.BudgetRevenue, kind: model.Actual, value: 1234.5e6, year: 2022, figure: "1.234,5 triệu đồng"},
			},
		},
		{
			name:  "commune congress: term goals kept up and per-year admissions",
			unit:  &model.Unit{Level: model.Commune, Name: "Tân Lập"},
			event: model.Date(2020, 7, 10),
			body: []string{
				"Đại hội đề ra các chỉ tiêu nhiệm kỳ 2020-2025: tỷ lệ hộ nghèo giảm bình quân 1,5%/năm; duy trì tỷ lệ gia đình văn hóa đạt 90% trở lên; mỗi năm kết nạp từ 15 đảng viên trở lên.",
				"Nhiệm kỳ qua, Đảng bộ kết nạp được 87 đảng viên; tỷ lệ hộ nghèo còn 1,9%.",
			},
			want: []want{
				{key: model.CulturalFamilyRate, kind: model.Target, value: 90, approx: model.AtLeast, figure: "90%"},
				{key: model.NewPartyMembers, kind: model.Target, value: 15, approx: model.AtLeast, figure: "15"},
				{key: model.NewPartyMembers, kind: model.Actual, value: 87, figure: "87"},
				{key: model.PoorHouseholdRate, kind: model.Actual, value: 1.9, figure: "1,9%"},
			},
		},
		{
			name:  "commune: phrasing variants and a flattened table row",
			unit:  &model.Unit{Level: model.Commune, Name: "Yên Phú"},
			event: model.Date(2023, 12, 20),
			body: []string{
				"Thu ngân sách xã năm 2023 đạt 8.560.000.000 đồng; thu NSNN đạt 120,5 tỷ đồng.",
				"Toàn Đảng bộ có 32 chi bộ (20 chi bộ thôn, 12 chi bộ cơ quan, trường học) với 1.150 đảng viên.",
				"Đảng bộ hiện có 18 chi bộ, 645 đảng viên.",
				"Số hộ nghèo còn 25 hộ, chiếm 1,2%.",
				"Thu ngân sách | 12,5 tỷ đồng | 105%",
				"Chỉ tiêu thu ngân sách huyện giao cho xã năm 2023 là 5 tỷ đồng, xã đã thu được 6,2 tỷ đồng.",
				"Tỷ lệ người dân tham gia BHYT đạt 92,5% dân số, tăng 1,5% so với năm trước; số chưa tham gia BHYT chiếm 7,5%.",
			},
			want: []want{
				{key: model.BudgetRevenue, kind: model.Actual, value: 8.56e9, year: 2023, figure: "8.560.000.000 đồng"},
				{key: model.BudgetRevenue, kind: model.Actual, value: 120.5e9, year: 2023, figure: "120,5 tỷ đồng"},
				{key: model.PartyCells, kind: model.Actual, value: 32, year: 2023, figure: "32"},
				{key: model.PartyMembers, kind: model.Actual, value: 1150, year: 2023, figure: "1.150"},
				{key: model.PartyCells, kind: model.Actual, value: 18, year: 2023, figure: "18"},
				{key: model.PartyMembers, kind: model.Actual, value: 645, year: 2023, figure: "645"},
				{key: model.PoorHouseholdRate, kind: model.Actual, value: 1.2, year: 2023, figure: "1,2%"},
				{key: model.BudgetRevenue, kind: model.Actual, value: 12.5e9, year: 2023, figure: "12,5 tỷ đồng"},
				{key: model.BudgetRevenue, kind: model.Target, value: 5e9, year: 2023, figure: "5 tỷ đồng"},
				{key: model.BudgetRevenue, kind: model.Actual, value: 6.2e9, year: 2023, figure: "6,2 tỷ đồng"},
				{key: model.HealthInsuranceCoverage, kind: model.Actual, value: 92.5, year: 2023, figure: "92,5%"},
			},
		},
		{
			name:  "commune: compound sums, counts after their phrase, parenthesised shares",
			unit:  &model.Unit{Level: model.Commune, Name: "Yên Phú"},
			event: model.Date(2023, 12, 20),
			body: []string{
				"Tổng thu ngân sách xã đạt 12 tỷ 350 triệu đồng, bằng 108% dự toán.",
				"Số đảng viên mới được kết nạp trong năm 2023 là 18 đồng chí.",
				"Có 1.245/1.310 hộ đạt gia đình văn hóa (95%).",
				"Tổng số đảng viên toàn Đảng bộ: 1.256 đồng chí.",
				"Tỷ lệ hộ nghèo giảm 1,5%, còn 2,3%.",
				"Ngày 20.10.2023, BHYT toàn dân đạt 91,2%; mức đóng BHYT 4,5% lương cơ sở.",
				"Thu ngân sách xã hưởng theo phân cấp đạt 3,5 tỷ đồng; có 9 quần chúng được kết nạp vào Đảng.",
			},
			want: []want{
				{key: model.BudgetRevenue, kind: model.Actual, value: 12.35e9, plan: 108, year: 2023, figure: "12 tỷ 350 triệu đồng"},
				{key: model.NewPartyMembers, kind: model.Actual, value: 18, year: 2023, figure: "18"},
				{key: model.CulturalFamilyRate, kind: model.Actual, value: 95, year: 2023, figure: "95%"},
				{key: model.PartyMembers, kind: model.Actual, value: 1256, year: 2023, figure: "1.256"},
				{key: model.PoorHouseholdRate, kind: model.Actual, value: 2.3, year: 2023, figure: "2,3%"},
				{key: model.HealthInsuranceCoverage, kind: model.Actual, value: 91.2, year: 2023, figure: "91,2%"},
				{key: model.BudgetRevenueLocal, kind: model.Actual, value: 3.5e9, year: 2023, figure: "3,5 tỷ đồng"},
				{key: model.NewPartyMembers, kind: model.Actual, value: 9, year: 2023, figure: "9"},
			},
		},
		{
			name:  "commune report with section headings: results, then goals",
			unit:  &model.Unit{Level: model.Commune, Name: "An Bình"},
			event: model.Date(2023, 12, 18),
			body: []string{
				"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
				"Kết quả thực hiện kế hoạch: thu ngân sách trên địa bàn 9,8 tỷ đồng; tỷ lệ hộ nghèo 1,6%.",
				"II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
				"Thu ngân sách trên địa bàn 10,5 tỷ đồng; tỷ lệ hộ nghèo còn 1,2%.",
			},
			want: []want{
				{key: model.BudgetRevenue, kind: model.Actual, value: 9.8e9, year: 2023, figure: "9,8 tỷ đồng"},
				{key: model.PoorHouseholdRate, kind: model.Actual, value: 1.6, year: 2023, figure: "1,6%"},
				{key: model.BudgetRevenue, kind: model.Target, value: 10.5e9, year: 2024, figure: "10,5 tỷ đồng"},
				{key: model.PoorHouseholdRate, kind: model.Target, value: 1.2, year: 2024, figure: "1,2%"},
			},
		},
		{
			name:  "ward: a part's or a larger unit's figures after a comma stay theirs",
			unit:  &model.Unit{Level: model.Ward, Name: "Kim Mã", Parent: "quận Ba Đình"},
			event: model.Date(2023, 12, 20),
			body: []string{
				"Chi bộ tổ dân phố số 5 có 38 đảng viên, kết nạp 3 đảng viên mới. Trong năm, Đảng bộ phường kết nạp 12 đảng viên mới.",
				"Là một trong 30 quận, huyện có số thu cao; cả nước thu ngân sách đạt 1.352.633 tỷ đồng.",
				"Đảng bộ phường Kim Mã, quận Ba Đình, kết nạp 9 đảng viên, đạt 110% kế hoạch.",
				"Làm tốt công tác nắm bắt tình hình, định hướng tư tưởng, dư luận. Thu ngân sách ước đạt 12.345.000.000 đồng bằng 123,45% kế hoạch.",
			},
			want: []want{
				{key: model.NewPartyMembers, kind: model.Actual, value: 12, year: 2023, figure: "12"},
				{key: model.NewPartyMembers, kind: model.Actual, value: 9, plan: 110, year: 2023, figure: "9"},
				{key: model.BudgetRevenue, kind: model.Actual, value: 12345e6, approx: model.Estimate, plan: 123.45, year: 2023, figure: "12.345.000.000 đồng"},
			},
		},
		{
			name: "no unit named: figures are still the report's",
			body: []string{
				"Năm 2019, thu ngân sách trên địa bàn đạt 4,5 tỷ đồng; đảng bộ có 12 chi bộ với 310 đảng viên.",
			},
			want: []want{
				{key: model.BudgetRevenue, kind: model.Actual, value: 4.5e9, year: 2019, figure: "4,5 tỷ đồng"},
				{key: model.PartyCells, kind: model.Actual, value: 12, year: 2019, figure: "12"},
				{key: model.PartyMembers, kind: model.Actual, value: 310, year: 2019, figure: "310"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &model.Article{Unit: tt.unit, Title: tt.title, EventDate: tt.event, Published: tt.pub, Body: tt.body}
			Extract(a)
			checkInvariants(t, a)
			if len(a.Metrics) != len(tt.want) {
				for _, m := range a.Metrics {
					t.Logf("got %s %s %v of=%v %q", m.Key, m.Kind, m.Value, m.Of, m.Evidence)
				}
				t.Fatalf("got %d metrics, want %d", len(a.Metrics), len(tt.want))
			}
			for i, w := range tt.want {
				m := a.Metrics[i]
				if m.Key != w.key || m.Kind != w.kind || !near(m.Value, w.value) {
					t.Errorf("metric %d = %s %s %v, want %s %s %v", i, m.Key, m.Kind, m.Value, w.key, w.kind, w.value)
					continue
				}
				if (w.of == 0) != !m.HasOf() || w.of != 0 && m.Of != w.of {
					t.Errorf("%s %v: of %v, want %v", m.Key, m.Value, m.Of, w.of)
				}
				if (w.plan == 0) != !m.HasPlanPct() || w.plan != 0 && !near(m.PlanPct, w.plan) {
					t.Errorf("%s %v: plan_pct %v, want %v", m.Key, m.Value, m.PlanPct, w.plan)
				}
				if m.Approx != w.approx {
					t.Errorf("%s %v: approx %q, want %q", m.Key, m.Value, m.Approx, w.approx)
				}
				if w.year != 0 && m.Year != w.year {
					t.Errorf("%s %v: year %d, want %d", m.Key, m.Value, m.Year, w.year)
				}
				if m.Period != w.period {
					t.Errorf("%s %v: period %q, want %q", m.Key, m.Value, m.Period, w.period)
				}
				if m.Measure != model.MeasureOf(m.Key) {
					t.Errorf("%s: measure %q", m.Key, m.Measure)
				}
				if got := a.Body[m.Para][m.Start:m.End]; got != w.figure {
					t.Errorf("%s %v: figure %q, want %q", m.Key, m.Value, got, w.figure)
				}
			}
		})
	}
}

// TestEvidenceIsTheSentence checks that evidence is the sentence or clause
// that holds the figure, cut at sentence ends and not inside numbers.
func TestEvidenceIsTheSentence(t *testing.T) {
	a := &model.Article{
		Unit: &model.Unit{Level: model.Ward, Name: "Bến Nghé"},
		Body: []string{"Kinh tế phát triển ổn định. Thu ngân sách đạt 12.515 tỷ đồng, đạt 103% dự toán TP. Hồ Chí Minh giao .Chỉ đạo tốt công tác khác; tỷ lệ hộ nghèo còn 0,5%."},
	}
	Extract(a)
	got := map[model.Key]string{}
	for _, m := range a.Metrics {
		got[m.Key] = m.Evidence
	}
	if e := got[model.BudgetRevenue]; e != "Thu ngân sách đạt 12.515 tỷ đồng, đạt 103% dự toán TP. Hồ Chí Minh giao ." {
		t.Errorf("budget evidence %q", e)
	}
	if e := got[model.PoorHouseholdRate]; e != "tỷ lệ hộ nghèo còn 0,5%." {
		t.Errorf("poor rate evidence %q", e)
	}
}

// TestReportYear checks which year results without a stated year get.
func TestReportYear(t *testing.T) {
	tests := []struct {
		a    model.Article
		want int
	}{
		{model.Article{EventDate: model.Date(2024, 1, 8), Body: []string{"Tổng kết công tác năm 2023."}}, 2023},
		{model.Article{EventDate: model.Date(2024, 1, 8), Body: []string{"Họp giao ban đầu năm 2024."}}, 2024},
		{model.Article{EventDate: model.Date(2023, 12, 8)}, 2023},
		{model.Article{Published: model.DateTime(2021, 10, 11, 14, 48, 0)}, 2021},
		{model.Article{Title: "Kết quả năm 2016", Body: []string{"Trong năm 2016, nhiệm kỳ 2015-2020, phương hướng năm 2017."}}, 2016},
		{model.Article{}, 0},
	}
	for _, tt := range tests {
		if got := reportYear(&tt.a); got != tt.want {
			t.Errorf("reportYear(%q %v) = %d, want %d", tt.a.Body, tt.a.EventDate, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// checkInvariants: every metric points into its paragraph, its evidence is
// a substring of it holding the figure, and NaN marks what is absent.
func checkInvariants(t *testing.T, a *model.Article) {
	t.Helper()
	for _, m := range a.Metrics {
		if m.Para < 0 || m.Para >= len(a.Body) {
			t.Fatalf("%s: para %d out of range", m.Key, m.Para)
		}
		p := a.Body[m.Para]
		if m.Start < 0 || m.End > len(p) || m.Start >= m.End {
			t.Fatalf("%s: span [%d:%d] outside paragraph of %d bytes", m.Key, m.Start, m.End, len(p))
		}
		i := strings.Index(p, m.Evidence)
		if m.Evidence == "" || i < 0 {
			t.Fatalf("%s: evidence %q not in paragraph %q", m.Key, m.Evidence, p)
		}
		if !strings.Contains(m.Evidence, p[m.Start:m.End]) {
			t.Fatalf("%s: evidence %q lacks the figure %q", m.Key, m.Evidence, p[m.Start:m.End])
		}
		if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			t.Fatalf("%s: value %v", m.Key, m.Value)
		}
		if m.Kind != model.Actual && m.Kind != model.Target {
			t.Fatalf("%s: kind %q", m.Key, m.Kind)
		}
	}
}
