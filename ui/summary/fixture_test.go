package summary

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/baocao/baocao/model"
)

func met(k model.Key, kind model.Kind, v float64, year int, ev string) model.Metric {
	return model.Metric{Key: k, Kind: kind, Value: v, Of: math.NaN(), PlanPct: math.NaN(), Measure: model.MeasureOf(k),
		Year: year, Evidence: ev, Para: -1}
}

func unit(l model.Level, name string) *model.Unit {
	return &model.Unit{Level: l, Name: name, Parent: "thành phố Thái Nguyên"}
}

// testArticles: four units, figures over three years, targets apart,
// an estimate, a ratio, and a unit with no figures.
func testArticles() []model.Article {
	hvt := unit(model.Ward, "Hoàng Văn Thụ")
	ts := unit(model.Ward, "Tây Sơn")
	qt := unit(model.Ward, "Quang Trung")
	dt := unit(model.Commune, "Đồng Tâm")
	b23 := met(model.BudgetRevenue, model.Actual, 21.72e9, 2023, "thu ngân sách ước đạt 21, 72 tỷ đồng bằng 106,4% kế hoạch")
	b23.PlanPct, b23.Approx = 106.4, model.Estimate
	tm := met(model.TargetsMet, model.Actual, 11, 2023, "Phường hoàn thành 11/11 chỉ tiêu.")
	tm.Of = 11
	tsb := met(model.BudgetRevenue, model.Actual, 124857e6, 2023, "Thu ngân sách nhà nước trên địa bàn đạt 124.857 triệu đồng, bằng 103% dự toán.")
	tsb.PlanPct = 103
	tstm := met(model.TargetsMet, model.Actual, 25, 2023, "hoàn thành vượt mức 25/27 chỉ tiêu")
	tstm.Of = 27
	return []model.Article{
		{ID: "hvt22", Title: "Phường Hoàng Văn Thụ tổng kết năm 2022", Unit: hvt, EventDate: model.Date(2022, 12, 20),
			Metrics: []model.Metric{
				met(model.BudgetRevenue, model.Actual, 19.5e9, 2022, "thu ngân sách đạt 19,5 tỷ đồng"),
				met(model.PartyMembers, model.Actual, 540, 2022, "Đảng bộ có 540 đảng viên"),
				met(model.PoorHouseholdRate, model.Actual, 0.12, 2022, "tỷ lệ hộ nghèo còn 0,12%"),
			}},
		{ID: "hvt23", Title: "Đảng bộ phường Hoàng Văn Thụ: Hoàn thành xuất sắc các nhiệm vụ chính trị năm 2023", Unit: hvt,
			EventDate: model.Date(2023, 12, 8),
			Metrics: []model.Metric{b23,
				met(model.PartyMembers, model.Actual, 556, 2023, "Đảng bộ phường có 14 chi bộ trực thuộc với 556 đảng viên"),
				met(model.NewPartyMembers, model.Actual, 12, 2023, "trong năm kết nạp mới 12 đảng viên"),
				met(model.PoorHouseholdRate, model.Actual, 0.07, 2023, "Tỷ lệ hộ nghèo giảm từ 0,12% xuống còn 0,07%."),
				tm,
				met(model.BudgetRevenue, model.Target, 23e9, 2024, "Năm 2024, phường phấn đấu thu ngân sách đạt 23 tỷ đồng"),
			}},
		{ID: "ts", Title: "Phường Tây Sơn tổng kết năm 2023", Unit: ts, EventDate: model.Date(2024, 1, 15),
			Metrics: []model.Metric{tsb, tstm,
				met(model.PartyMembers, model.Actual, 1203, 2023, "Đảng bộ phường có 1.203 đảng viên"),
				met(model.HealthInsuranceCoverage, model.Actual, 93.5, 2023, "Tỷ lệ bao phủ BHYT đạt 93,5%"),
				met(model.PartyMembers, model.Target, 1250, 2024, "phấn đấu đến năm 2024 có 1.250 đảng viên"),
			}},
		{ID: "qt", Title: "Phường Quang Trung: kết nạp 30 đảng viên mới", Unit: qt, EventDate: model.Date(2023, 6, 2),
			Metrics: []model.Metric{
				met(model.NewPartyMembers, model.Actual, 30, 2023, "kết nạp 30 đảng viên mới"),
				met(model.PoorHouseholdRate, model.Actual, 1.5, 2023, "tỷ lệ hộ nghèo 1,5%"),
			}},
		{ID: "dt", Title: "Xã Đồng Tâm ra quân làm đường", Unit: dt, Published: model.Date(2021, 10, 11)},
		{ID: "none", Title: "Tin không rõ đơn vị"},
	}
}

func testCorpus() *model.Corpus { return model.New(testArticles()) }

// bigCorpus makes n articles about n/10 units, each with a few figures.
func bigCorpus(n int) *model.Corpus {
	r := rand.New(rand.NewPCG(7, 9))
	levels := []model.Level{model.Ward, model.Commune, model.Townlet, model.RuralDist}
	arts := make([]model.Article, n)
	for i := range arts {
		u := i % max(n/10, 1)
		y := 2018 + r.IntN(7)
		arts[i] = model.Article{
			ID: fmt.Sprint(i), Title: fmt.Sprintf("Báo cáo %d", i),
			Unit:      &model.Unit{Level: levels[u%len(levels)], Name: fmt.Sprintf("Đơn vị %d", u)},
			EventDate: model.Date(y, 1+r.IntN(12), 1+r.IntN(28)),
			Metrics: []model.Metric{
				met(model.BudgetRevenue, model.Actual, float64(r.IntN(200))*1e9, y, "thu ngân sách"),
				met(model.PartyMembers, model.Actual, float64(100+r.IntN(2000)), y, "đảng viên"),
				met(model.PoorHouseholdRate, model.Target, r.Float64()*5, y+1, "phấn đấu hộ nghèo"),
			},
		}
	}
	return model.New(arts)
}
