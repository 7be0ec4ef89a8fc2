package figures

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
)

// benchReport is a made-up year-end report of about 5 KB, in the genre's
// usual shape: a lead, results with figures, look-alikes, goals.
var benchReport = []string{
	"Sáng ngày 22/12/2023, Đảng ủy xã Yên Phú, huyện Yên Mỹ tổ chức Hội nghị tổng kết công tác xây dựng Đảng, thực hiện nhiệm vụ chính trị năm 2023 và triển khai phương hướng, nhiệm vụ năm 2024. Dự hội nghị có đồng chí Phó Bí thư Thường trực Huyện ủy, lãnh đạo các ban, ngành của huyện cùng các đồng chí Bí thư chi bộ, Trưởng thôn trên địa bàn xã.",
	"Năm 2023, mặc dù còn nhiều khó khăn, thách thức, song với sự lãnh đạo sát sao của Đảng ủy, sự điều hành linh hoạt của UBND xã và sự đồng thuận của Nhân dân, xã đã hoàn thành và hoàn thành vượt mức 17/18 chỉ tiêu Nghị quyết đề ra. Tổng giá trị sản xuất ước đạt 1.245,6 tỷ đồng, tăng 8,2% so với cùng kỳ; thu nhập bình quân đầu người đạt 68 triệu đồng/người/năm. Tổng thu ngân sách trên địa bàn ước đạt 21,72 tỷ đồng, bằng 106,4% dự toán huyện giao; thu ngân sách xã được hưởng ước đạt 8,1 tỷ đồng, bằng 111,8% kế hoạch. Các loại quỹ do nhân dân đóng góp được trên 450 triệu đồng.",
	"Công tác xây dựng nông thôn mới nâng cao được tập trung chỉ đạo; đến nay xã đạt 19/19 tiêu chí, 6/6 thôn đạt chuẩn khu dân cư kiểu mẫu. Lĩnh vực văn hóa - xã hội có nhiều chuyển biến tích cực; tỷ lệ hộ nghèo giảm từ 2,12% xuống còn 1,07%; tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,6%; có 94,5% hộ gia đình được công nhận danh hiệu gia đình văn hóa. Chất lượng giáo dục được giữ vững, 3/3 trường đạt chuẩn quốc gia. An ninh chính trị, trật tự an toàn xã hội được bảo đảm; hoàn thành 100% chỉ tiêu giao quân.",
	"Công tác xây dựng Đảng được chú trọng. Đảng bộ xã hiện có 21 chi bộ trực thuộc với 612 đảng viên, trong đó có 583 đảng viên chính thức, 29 đảng viên dự bị. Trong năm, Đảng ủy đã kết nạp 15 đảng viên mới, đạt 125% kế hoạch; xét tặng Huy hiệu Đảng cho 24 đồng chí. Có 20/21 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên; Chi bộ thôn Đông có 45 đảng viên được đánh giá hoàn thành xuất sắc nhiệm vụ. Thực hiện Nghị quyết số 35/2023/UBTVQH15 và Kế hoạch số 12-KH/HU ngày 15/3/2023 của Huyện ủy, xã đã hoàn thành việc sắp xếp 2 thôn.",
	"Về lĩnh vực kinh tế, sản xuất nông nghiệp tiếp tục chuyển dịch theo hướng hàng hóa, ứng dụng công nghệ cao; diện tích gieo trồng cả năm đạt 1.050 ha, năng suất lúa bình quân đạt 62 tạ/ha. Thương mại, dịch vụ phát triển khá, toàn xã có 320 hộ kinh doanh và 12 doanh nghiệp đang hoạt động. Công tác quản lý đất đai, trật tự xây dựng được tăng cường; công tác cải cách hành chính, chuyển đổi số có nhiều chuyển biến, tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%.",
	"Bên cạnh những kết quả đạt được, hội nghị cũng thẳng thắn chỉ ra những tồn tại, hạn chế như: một số chi bộ sinh hoạt chưa thực sự nền nếp, chất lượng sinh hoạt chuyên đề còn hạn chế; công tác tuyên truyền, vận động Nhân dân ở một số thôn chưa thường xuyên; việc giải quyết một số vụ việc tồn đọng về đất đai còn chậm. Nguyên nhân của những hạn chế trên được hội nghị phân tích, làm rõ để có giải pháp khắc phục trong thời gian tới.",
	"Phát biểu chỉ đạo hội nghị, đồng chí Phó Bí thư Thường trực Huyện ủy ghi nhận những kết quả mà Đảng bộ, chính quyền và Nhân dân xã Yên Phú đạt được trong năm 2023, đồng thời thông tin năm 2023 toàn huyện thu ngân sách đạt 1.250 tỷ đồng, 30 xã, thị trấn hoàn thành nhiệm vụ.",
	"Năm 2024, Đảng bộ xã phấn đấu thu ngân sách trên địa bàn đạt 23 tỷ đồng trở lên; tỷ lệ hộ nghèo giảm xuống dưới 0,8%; duy trì tỷ lệ bao phủ bảo hiểm y tế đạt 95% trở lên; tỷ lệ hộ gia đình đạt chuẩn văn hóa từ 95% trở lên; mỗi năm kết nạp từ 12 đảng viên trở lên. Để hoàn thành các mục tiêu đó, Đảng ủy yêu cầu các chi bộ, ban ngành, đoàn thể tiếp tục đổi mới phương thức lãnh đạo, nâng cao chất lượng sinh hoạt chi bộ, đẩy mạnh cải cách hành chính, chuyển đổi số, thu hút đầu tư, phát triển sản xuất nông nghiệp theo hướng hàng hóa.",
	"Nhân dịp này, Đảng ủy xã đã khen thưởng 5 tập thể và 18 cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị năm 2023; UBND xã khen thưởng 7 tập thể, 25 cá nhân tiêu biểu trong phong trào thi đua yêu nước.",
}

func benchArticle() *model.Article {
	return &model.Article{
		Title:     "Đảng bộ xã Yên Phú tổng kết công tác năm 2023",
		Unit:      &model.Unit{Level: model.Commune, Name: "Yên Phú", Parent: "huyện Yên Mỹ"},
		EventDate: model.Date(2023, 12, 22),
		Body:      benchReport,
	}
}

// TestBenchReport keeps the benchmark honest: its report yields the
// metrics a reader finds in it.
func TestBenchReport(t *testing.T) {
	a := benchArticle()
	Extract(a)
	checkInvariants(t, a)
	var got []string
	for _, m := range a.Metrics {
		got = append(got, string(m.Key)+" "+string(m.Kind)+" "+a.Body[m.Para][m.Start:m.End])
	}
	want := []string{
		"targets_met actual 17/18",
		"budget_revenue actual 21,72 tỷ đồng",
		"budget_revenue_local actual 8,1 tỷ đồng",
		"poor_household_rate actual 1,07%",
		"health_insurance_coverage actual 93,6%",
		"cultural_family_rate actual 94,5%",
		"party_cells actual 21",
		"party_members actual 612",
		"new_party_members actual 15",
		"budget_revenue target 23 tỷ đồng",
		"poor_household_rate target 0,8%",
		"health_insurance_coverage target 95%",
		"cultural_family_rate target 95%",
		"new_party_members target 12",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// BenchmarkExtract extracts the metrics of a 5 KB report; the loader's
// budget is about 20 µs per KB.
func BenchmarkExtract(b *testing.B) {
	a := benchArticle()
	n := 0
	for _, p := range a.Body {
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		a.Metrics = nil
		Extract(a)
	}
}

// BenchmarkMayHaveMetric times the paragraph filter over the benchmark

// report's paragraphs that state no metric (read through to their end).
func BenchmarkMayHaveMetric(b *testing.B) {
	var ps []string
	n := 0
	for _, p := range benchReport {
		if !mayHaveMetric(p) {
			ps = append(ps, p)
			n += len(p)
		}
	}
	if len(ps) == 0 {
		b.Fatal("every paragraph may have a metric")
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, p := range ps {
			mayHaveMetric(p)
		}
	}
}
