package detail

import (
	"math"
	"strings"

	"github.com/baocao/baocao/model"
)

// fig makes a metric whose figure is the first occurrence of words in body
// paragraph para, stated in the sentence evidence.
func fig(body []string, para int, words, evidence string, k model.Key, kind model.Kind, v float64, year int) model.Metric {
	m := model.Metric{Key: k, Kind: kind, Value: v, Of: math.NaN(), PlanPct: math.NaN(), Measure: model.MeasureOf(k),
		Year: year, Evidence: evidence, Para: -1}
	if para >= 0 {
		if i := strings.Index(body[para], words); i >= 0 {
			m.Para, m.Start, m.End = para, i, i+len(words)
		}
	}
	return m
}

var hvtBody = []string{
	"Chiều ngày 08/12/2023, Đảng uỷ - HĐND – UBND phường Hoàng Văn Thụ tổ chức Hội nghị tổng kết công tác lãnh đạo thực hiện nhiệm vụ chính trị năm 2023.",
	"Tiêu biểu như: thu ngân sách ước đạt 21, 72 tỷ đồng bằng 106,4% kế hoạch thành phố giao, vượt 2,8%. Tỷ lệ hộ nghèo giảm từ 0,12% xuống còn 0,07%.",
	"Đảng bộ phường có 14 chi bộ trực thuộc với 556 đảng viên; trong năm kết nạp mới 12 đảng viên. Phường hoàn thành 11/11 chỉ tiêu.",
	"Năm 2024, phường phấn đấu thu ngân sách đạt 23 tỷ đồng; giữ vững an ninh chính trị, trật tự an toàn xã hội.",
}

func testArticles() []model.Article {
	b := hvtBody
	budget := fig(b, 1, "21, 72 tỷ đồng", "thu ngân sách ước đạt 21, 72 tỷ đồng bằng 106,4% kế hoạch thành phố giao, vượt 2,8%", model.BudgetRevenue, model.Actual, 21.72e9, 2023)
	budget.PlanPct, budget.Approx = 106.4, model.Estimate
	targets := fig(b, 2, "11/11 chỉ tiêu", "Phường hoàn thành 11/11 chỉ tiêu.", model.TargetsMet, model.Actual, 11, 2023)
	targets.Of = 11
	// The poor-household figure has no position (the extractor did not
	// give one): the pane falls back to marking its evidence.
	poor := fig(b, -1, "", "Tỷ lệ hộ nghèo giảm từ 0,12% xuống còn 0,07%.", model.PoorHouseholdRate, model.Actual, 0.07, 2023)
	hvt := model.Article{
		ID: "hvt", Path: "hvt.txt",
		Title:     "Đảng bộ phường Hoàng Văn Thụ: Hoàn thành xuất sắc các nhiệm vụ chính trị năm 2023",
		Published: model.DateTime(2023, 12, 8, 15, 7, 0), EventDate: model.Date(2023, 12, 8),
		Views: 678, HasViews: true, Byline: "Hoàng Bình", SourceURL: "https://thainguyencity.gov.vn/tin-tuc/hvt-2023",
		Unit:     &model.Unit{Level: model.Ward, Name: "Hoàng Văn Thụ", Parent: "thành phố Thái Nguyên"},
		Body:     b,
		Captions: []string{"Đồng chí Bí thư Đảng uỷ phường phát biểu tại hội nghị."},
		Metrics: []model.Metric{
			budget, poor,
			fig(b, 2, "14 chi bộ", "Đảng bộ phường có 14 chi bộ trực thuộc với 556 đảng viên", model.PartyCells, model.Actual, 14, 2023),
			fig(b, 2, "556 đảng viên", "Đảng bộ phường có 14 chi bộ trực thuộc với 556 đảng viên", model.PartyMembers, model.Actual, 556, 2023),
			fig(b, 2, "12 đảng viên", "trong năm kết nạp mới 12 đảng viên", model.NewPartyMembers, model.Actual, 12, 2023),
			targets,
			fig(b, 3, "23 tỷ đồng", "Năm 2024, phường phấn đấu thu ngân sách đạt 23 tỷ đồng", model.BudgetRevenue, model.Target, 23e9, 2024),
		},
	}
	tsBody := []string{
		"Sáng 15/01/2024, Đảng bộ phường Tây Sơn tổ chức hội nghị tổng kết năm 2023.",
		"Thu ngân sách nhà nước trên địa bàn đạt 124.857 triệu đồng, bằng 103% dự toán.",
		"Tỷ lệ bao phủ BHYT đạt 93,5%; tỷ lệ gia đình văn hóa đạt 94,54%.",
	}
	ts := model.Article{
		ID: "ts", Title: "Phường Tây Sơn tổng kết năm 2023", EventDate: model.Date(2024, 1, 15),
		Unit: &model.Unit{Level: model.Ward, Name: "Tây Sơn"}, Body: tsBody,
		Metrics: []model.Metric{
			fig(tsBody, 1, "124.857 triệu đồng", "Thu ngân sách nhà nước trên địa bàn đạt 124.857 triệu đồng, bằng 103% dự toán.", model.BudgetRevenue, model.Actual, 124857e6, 2023),
			fig(tsBody, 2, "93,5%", "Tỷ lệ bao phủ BHYT đạt 93,5%", model.HealthInsuranceCoverage, model.Actual, 93.5, 2023),
		},
	}
	ts.Metrics[0].PlanPct = 103
	empty := model.Article{ID: "dt", Title: "Xã Đồng Tâm ra quân làm đường giao thông nông thôn",
		Unit: &model.Unit{Level: model.Commune, Name: "Đồng Tâm"}, Published: model.Date(2021, 10, 11),
		Body: []string{"Nhân dân xã Đồng Tâm góp công làm đường."}}
	return []model.Article{hvt, ts, empty}
}

func testCorpus() *model.Corpus { return model.New(testArticles()) }
