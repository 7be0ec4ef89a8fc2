// Package uitest builds the small, hand-made corpus the ui tests use (tests
// must not read files outside the repository) and a large generated one for
// benchmarks when data/synth is not there.
package uitest

import (
	"fmt"
	"math"

	"github.com/baocao/baocao/model"
)

func unit(l model.Level, name, parent string) *model.Unit {
	return &model.Unit{Level: l, Name: name, Parent: parent}
}

func metric(k model.Key, v float64, year int, evidence string) model.Metric {
	return model.Metric{Key: k, Kind: model.Actual, Value: v, Of: math.NaN(), Measure: model.MeasureOf(k),
		PlanPct: math.NaN(), Year: year, Evidence: evidence, Para: -1}
}

// Articles are ten reports about eight units, with figures in some, one
// without a unit and two with load problems.
func Articles() []model.Article {
	tn := "thành phố Thái Nguyên"
	return []model.Article{
		{ID: "001", Path: "001.txt", Title: "Phường Hoàng Văn Thụ tổng kết công tác năm 2023",
			Published: model.DateTime(2023, 12, 8, 15, 7, 0), EventDate: model.Date(2023, 12, 8),
			Views: 678, HasViews: true, Byline: "Hoàng Bình", Unit: unit(model.Ward, "Hoàng Văn Thụ", tn),
			Body: []string{"Năm 2023, thu ngân sách trên địa bàn phường đạt 21,72 tỷ đồng."},
			Metrics: []model.Metric{metric(model.BudgetRevenue, 21.72e9, 2023,
				"Năm 2023, thu ngân sách trên địa bàn phường đạt 21,72 tỷ đồng.")}},
		{ID: "002", Path: "002.txt", Title: "Đại hội Đảng bộ phường Tân Thịnh nhiệm kỳ 2020-2025",
			Published: model.Date(2020, 6, 12), Views: 1234, HasViews: true, Byline: "Trung tâm Văn hoá",
			Unit: unit(model.Ward, "Tân Thịnh", tn),
			Body: []string{"Đảng bộ có 312 đảng viên, sinh hoạt tại 14 chi bộ."},
			Metrics: []model.Metric{metric(model.PartyMembers, 312, 2020, "Đảng bộ có 312 đảng viên"),
				metric(model.PartyCells, 14, 2020, "sinh hoạt tại 14 chi bộ")}},
		{ID: "003", Path: "003.txt", Title: "Xã Quyết Thắng về đích nông thôn mới nâng cao",
			Published: model.Date(2022, 3, 1), Views: 55, HasViews: true,
			Unit:    unit(model.Commune, "Quyết Thắng", tn),
			Body:    []string{"Tỷ lệ hộ nghèo giảm từ 0,12% xuống còn 0,07%."},
			Metrics: []model.Metric{metric(model.PoorHouseholdRate, 0.07, 2022, "Tỷ lệ hộ nghèo giảm từ 0,12% xuống còn 0,07%.")}},
		{ID: "004", Path: "004.txt", Title: "Quận Hai Bà Trưng triển khai nhiệm vụ năm 2024",
			Published: model.Date(2024, 1, 15), Unit: unit(model.UrbanDist, "Hai Bà Trưng", "thành phố Hà Nội"),
			Body: []string{"Quận đặt mục tiêu hoàn thành các chỉ tiêu."}},
		{ID: "005", Path: "005.txt", Title: "Huyện Đồng Hỷ sơ kết 6 tháng đầu năm",
			Published: model.Date(2023, 7, 20), Views: 90, HasViews: true,
			Unit: unit(model.RuralDist, "Đồng Hỷ", "tỉnh Thái Nguyên"),
			Body: []string{"Huyện hoàn thành 11/11 chỉ tiêu."}},
		{ID: "006", Path: "006.txt", Title: "Phường Đồng Quang ra quân làm sạch đường phố",
			Published: model.Date(2023, 3, 26), Views: 12, HasViews: true,
			Unit: unit(model.Ward, "Đồng Quang", tn), Body: []string{"Ra quân vệ sinh môi trường."}},
		{ID: "007", Path: "007.txt", Title: "Thị trấn Trại Cau đón nhận danh hiệu văn minh đô thị",
			Published: model.Date(2021, 11, 2), Unit: unit(model.Townlet, "Trại Cau", "huyện Đồng Hỷ"),
			Body:    []string{"Tỷ lệ gia đình văn hóa đạt 94,54%."},
			Metrics: []model.Metric{metric(model.CulturalFamilyRate, 94.54, 2021, "Tỷ lệ gia đình văn hóa đạt 94,54%.")}},
		{ID: "008", Path: "008.txt", Title: "Hội nghị tổng kết công tác Mặt trận",
			Published: model.Date(2023, 12, 20), Body: []string{"Không rõ đơn vị."},
			Problems: []string{"no administrative unit found", "no event date found"}},
		{ID: "009", Path: "sub/009.html", Title: "Phường Hoàng Văn Thụ kết nạp đảng viên mới",
			Published: model.Date(2024, 5, 4), Views: 301, HasViews: true,
			Unit:    unit(model.Ward, "Hoàng văn Thụ", tn),
			Body:    []string{"Trong năm, phường kết nạp 34 đảng viên, đạt 136%."},
			Metrics: []model.Metric{metric(model.NewPartyMembers, 34, 2024, "phường kết nạp 34 đảng viên, đạt 136%")}},
		{ID: "010", Path: "010.txt", Title: "Xã Phúc Xuân phát triển du lịch cộng đồng",
			Published: model.Date(2022, 9, 9), Views: 7, HasViews: true,
			Unit: unit(model.Commune, "Phúc Xuân", tn), Body: []string{"Du lịch hồ Núi Cốc."},
			Problems: []string{"title derived from lead sentence"}},
	}
}

// Corpus is the corpus of Articles.
func Corpus() *model.Corpus { return model.New(Articles()) }

var (
	levels  = []model.Level{model.Ward, model.Commune, model.Townlet, model.UrbanDist, model.RuralDist}
	names   = []string{"Hoàng Văn Thụ", "Tân Thịnh", "Quyết Thắng", "Đồng Quang", "Phúc Xuân", "Trại Cau", "Tây Sơn", "Hai Bà Trưng", "Đồng Hỷ", "Gia Sàng", "Quang Trung", "Túc Duyên", "Phan Đình Phùng", "Tích Lương", "Cam Giá"}
	subject = []string{"tổng kết công tác năm", "sơ kết 6 tháng đầu năm", "đại hội Đảng bộ", "ra quân làm sạch đường phố", "kết nạp đảng viên mới", "triển khai nhiệm vụ", "đón nhận danh hiệu", "hội nghị cán bộ chủ chốt"}
	words   = []string{"ngân sách", "đảng viên", "chi bộ", "hộ nghèo", "bảo hiểm y tế", "văn hóa", "nông thôn mới", "giải phóng mặt bằng", "an ninh", "trật tự", "du lịch", "giáo dục", "y tế", "môi trường", "chuyển đổi số"}
)

// Big generates n plain articles (deterministic) over about 2,000 units, for
// benchmarks.
func Big(n int) []model.Article {
	arts := make([]model.Article, n)
	x := uint64(42)
	next := func(k int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(k))
	}
	for i := range arts {
		lv := levels[next(len(levels))]
		name := fmt.Sprintf("%s %d", names[next(len(names))], next(140))
		u := &model.Unit{Level: lv, Name: name, Parent: "tỉnh Thái Nguyên"}
		y := 2018 + next(7)
		body := make([]string, 3)
		for p := range body {
			s := ""
			for w := 0; w < 25; w++ {
				s += words[next(len(words))] + " "
			}
			body[p] = s
		}
		arts[i] = model.Article{
			ID:        fmt.Sprintf("%06d", i),
			Title:     fmt.Sprintf("%s %s %s %d", u.Level.Abbrev(), name, subject[next(len(subject))], y),
			Published: model.Date(y, 1+next(12), 1+next(28)),
			Views:     next(5000), HasViews: true, Unit: u, Body: body,
		}
		if next(3) == 0 {
			arts[i].Metrics = []model.Metric{metric(model.BudgetRevenue, float64(1+next(90))*1e9, y, body[0])}
		}
	}
	return arts
}
