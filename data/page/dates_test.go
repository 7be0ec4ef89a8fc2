package page

import (
	"testing"

	"github.com/baocao/baocao/model"
)

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		line  string
		want  string // "" when the line is not a date line
		views int    // -1 when none
	}{
		{"2023-12-08 15:07:00.0", "2023-12-08T15:07:00", -1},
		{"Ngày đăng 15/03/2023 | 19:52  | View count: 55", "2023-03-15T19:52:00", 55},
		{"Ngày đăng 12/01/2024 | 09:30  | Lượt xem: 678", "2024-01-12T09:30:00", 678},
		{"11/10/2021 14:48 39 lượt xem", "2021-10-11T14:48:00", 39},
		{"Thứ hai, 08/01/2024 10:15", "2024-01-08T10:15:00", -1},
		{"08-01-2024", "2024-01-08", -1},
		{"8 tháng 1 năm 2024", "2024-01-08", -1},
		{"Cập nhật: 14 tháng 7 năm 2023", "2023-07-14", -1},
		{"2024-01-08T10:15:00+07:00", "2024-01-08T10:15:00", -1},
		{"10:15 08-01-2024", "2024-01-08T10:15:00", -1},
		{"14/07/2020 - 09:21", "2020-07-14T09:21:00", -1},
		{"20/12/2023 15:53    26", "2023-12-20T15:53:00", 26},
		{"06/01/2022", "2022-01-06", -1},
		{"Posted on 2023-12-20 14:05 | View count: 1.204", "2023-12-20T14:05:00", 1204},
		{"Thứ Sáu, 15.03.2024, 7:05 (GMT+7)", "2024-03-15T07:05:00", -1},
		{"08/01/2024 03:15 PM", "2024-01-08T15:15:00", -1},
		{"Ngày 08/01/2024 lúc 15h20", "2024-01-08T15:20:00", -1},
		{"Cập nhật lúc 09:52 ngày 11/01/2024", "2024-01-11T09:52:00", -1},
		{"Đăng ngày 12/01/2024 bởi Quản trị viên", "2024-01-12", -1},
		{"12/01/2024 08:15 - Tác giả: Nguyễn An", "2024-01-12T08:15:00", -1},
		{"Số lần xem: 12 | 11/01/2024", "2024-01-11", 12},
		// not date lines
		{".........., ngày 20 tháng 6 năm 2018", "", -1},
		{"Ngày 7/10, Đảng ủy phường Trần Phú đã tổ chức hội nghị BCH lần thứ 14", "", -1},
		{"31/02/2024", "", -1},
		{"Nghị quyết số 35/2023/UBTVQH15", "", -1},
		{"Trực tuyến: 236", "", -1},
	}
	for _, tt := range tests {
		dl, ok := parseDateLine(tt.line)
		if !ok {
			if tt.want != "" {
				t.Errorf("parseDateLine(%q) found no date, want %s", tt.line, tt.want)
			}
			continue
		}
		if got := dl.when.String(); got != tt.want {
			t.Errorf("parseDateLine(%q) = %q, want %q", tt.line, got, tt.want)
		}
		v := -1
		if dl.hasViews {
			v = dl.views
		}
		if v != tt.views {
			t.Errorf("parseDateLine(%q) views %d, want %d", tt.line, v, tt.views)
		}
	}
}

func TestFindEventPhrase(t *testing.T) {
	tests := []struct {
		para    string
		d, m, y int // d == 0: none
	}{
		{"Chiều 8/1, Đảng ủy phường Tây Sơn tổ chức hội nghị.", 8, 1, 0},
		{"Ngày 7/10, Đảng ủy phường Trần Phú đã tổ chức hội nghị.", 7, 10, 0},
		{"Chiều ngày 08/12/2023, Đảng uỷ phường tổ chức hội nghị.", 8, 12, 2023},
		{"Kỷ niệm 127 năm Ngày sinh của Bác, sáng 19-5, Huyện ủy Phúc Thọ tổ chức tọa đàm.", 19, 5, 0},
		{"Chiều nay (8/2), BTV Thị ủy Kỳ Anh tổ chức hội nghị.", 8, 2, 0},
		{"Chiều 31.7, bước sang ngày làm việc thứ hai, Đại hội đã bế mạc.", 31, 7, 0},
		{"Ngày 22 /7, Đại hội đại biểu Đảng bộ xã đã được tổ chức.", 22, 7, 0},
		{"Trong 2 ngày 24-25/7/2025, Đại hội đại biểu Đảng bộ xã đã diễn ra.", 24, 7, 2025},
		{"Đảng bộ thị trấn đã tiến hành Đại hội trong 02 ngày 06 và 07-5.", 6, 5, 0},
		{"Sáng ngày 27/01/2021 Đảng ủy phường Dĩ An đã họp mặt.", 27, 1, 2021},
		{"Nhằm kỷ niệm truyền thống, sáng ngày 20/10/2023, Đảng ủy phường đã tổ chức buổi Họp mặt.", 20, 10, 2023},
		{"Sáng 8 tháng 1 năm 2024, hội nghị khai mạc.", 8, 1, 2024},
		{"Sáng thứ Hai (8/1), Đảng ủy xã tổ chức hội nghị.", 8, 1, 0},
		{"Vào sáng 8/1, Đảng ủy xã tổ chức hội nghị.", 8, 1, 0},
		{"Sáng 8/1 vừa qua, Đảng ủy xã tổ chức hội nghị.", 8, 1, 0},
		// not the day of an event
		{"Đảng bộ phường có 312 đảng viên tính đến ngày 08/12/2023, có 308 đảng viên chính thức.", 0, 0, 0},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM .........., ngày 20 tháng 6 năm 2018", 0, 0, 0},
		{"Phường Tam Thắng trao Huy hiệu Đảng đợt 2-9 cho đảng viên", 0, 0, 0},
		{"Ngày 35/7, hội nghị.", 0, 0, 0},
	}
	for _, tt := range tests {
		ep, ok := findEventPhrase(tt.para)
		if tt.d == 0 {
			if ok {
				t.Errorf("findEventPhrase(%q) = %d/%d/%d, want none", tt.para, ep.d, ep.m, ep.y)
			}
			continue
		}
		if !ok || ep.d != tt.d || ep.m != tt.m || ep.y != tt.y {
			t.Errorf("findEventPhrase(%q) = %d/%d/%d %v, want %d/%d/%d", tt.para, ep.d, ep.m, ep.y, ok, tt.d, tt.m, tt.y)
		}
	}
}

func TestFindVerbEventPhrase(t *testing.T) {
	tests := []struct {
		para string
		d, m int // 0: none
	}{
		{"Kỳ họp thứ ba của HĐND xã đã diễn ra phiên bế mạc chiều 14/8.", 14, 8},
		{"Đại hội Hội Nông dân phường lần thứ nhất đã diễn ra ngày 5-9 với 90 hội viên.", 5, 9},
		{"Tại hội nghị trực tuyến của tỉnh ngày 2/3, ông Trần Văn An cho biết kết quả.", 2, 3},
		{"Xã đã tổ chức tổng kết, tính đến ngày 30/6 thu ngân sách đạt kế hoạch.", 0, 0},
		{"Năng suất lúa ngày 12/5 được đánh giá cao.", 0, 0},
		{"Giải đấu sẽ được tổ chức vào ngày 20/8 tại sân vận động tỉnh.", 0, 0},
		{"Lễ hội diễn ra ngày 2/9 tới tại quảng trường thành phố.", 0, 0},
		{"Hội nghị xúc tiến đầu tư diễn ra ngày 4/4/2015 đã thu hút nhiều doanh nghiệp.", 0, 0},
		{"Huyện đã làm việc nhiều buổi. Ngân sách đến ngày 3/4 đạt 50%.", 0, 0},
	}
	for _, tt := range tests {
		ep, ok := findVerbEventPhrase(tt.para)
		if tt.d == 0 {
			if ok {
				t.Errorf("findVerbEventPhrase(%q) = %d/%d, want none", tt.para, ep.d, ep.m)
			}
			continue
		}
		if !ok || ep.d != tt.d || ep.m != tt.m {
			t.Errorf("findVerbEventPhrase(%q) = %d/%d %v, want %d/%d", tt.para, ep.d, ep.m, ok, tt.d, tt.m)
		}
	}
}

func TestEventAfterPhotoCredit(t *testing.T) {
	tests := []struct {
		para string
		d, m int
	}{
		{"Các đại biểu dự lễ khánh thành. Ảnh: Minh Hà/TTXVN Sáng 11/4, UBND xã khánh thành cầu mới.", 11, 4},
		{"Toàn cảnh buổi lễ. Ảnh: Quốc Bảo Chiều 2/9,lãnh đạo huyện dự lễ.", 2, 9},
		{"Một góc vườn cây. Ảnh minh họa của Trần Nam chụp Ngày 3/3 năm ngoái.", 0, 0},
	}
	for _, tt := range tests {
		ep, ok := findEventPhrase(tt.para)
		if tt.d == 0 {
			if ok {
				t.Errorf("findEventPhrase(%q) = %d/%d, want none", tt.para, ep.d, ep.m)
			}
			continue
		}
		if !ok || ep.d != tt.d || ep.m != tt.m {
			t.Errorf("findEventPhrase(%q) = %d/%d %v, want %d/%d", tt.para, ep.d, ep.m, ok, tt.d, tt.m)
		}
	}
}

func TestInferYear(t *testing.T) {
	tests := []struct {
		name     string
		m, d     int
		sentence string
		all      []string
		pub      model.When
		want     int
	}{
		{"from publication", 3, 15, "Chiều ngày 15/3, Đảng ủy phường tổ chức sơ kết.", nil, model.DateTime(2023, 3, 15, 19, 52, 0), 2023},
		{"day after publication: the year before", 12, 30, "Ngày 30/12, hội nghị.", nil, model.Date(2024, 1, 5), 2023},
		{"January review of last year", 1, 8, "Chiều 8/1, Đảng ủy tổ chức Hội nghị Tổng kết năm 2023 và phát động thi đua năm 2024.", nil, model.When{}, 2024},
		{"January review of last year, one year named", 1, 5, "Chiều 5/1, Đảng ủy xã tổng kết công tác năm 2023.", nil, model.When{}, 2024},
		{"January plan", 1, 15, "Sáng 15/1, hội nghị triển khai nhiệm vụ năm 2024.", nil, model.When{}, 2024},
		{"December review", 12, 12, "Sáng 12/12, hội nghị đánh giá năm 2023, triển khai nhiệm vụ năm 2024.", nil, model.When{}, 2023},
		{"congress of a term", 7, 22, "Ngày 22/7, Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030 đã được tổ chức.", nil, model.When{}, 2025},
		{"from the text's years", 7, 7, "Ngày 7/7, Công đoàn tổ chức đại hội.", []string{"nhiệm kỳ 2017-2022", "nhiệm kỳ 2012-2017", "năm 2017 đạt"}, model.When{}, 2017},
		{"targets do not count", 9, 23, "Sáng 23/9, hội nghị học tập nghị quyết.", []string{"Mục tiêu đến năm 2030", "đến năm 2030, tầm nhìn 2045", "năm 2025 đạt"}, model.When{}, 2025},
		{"a session of a term is not its first year", 7, 4, "Sáng 4/7, kỳ họp thứ năm HĐND huyện khóa XIX, nhiệm kỳ 2021 - 2026 khai mạc.", []string{"kết quả 6 tháng đầu năm 2023", "năm 2022"}, model.When{}, 2023},
		{"a birth year does not count", 3, 12, "Chiều 12/3, lãnh đạo xã thăm cụ Lê Văn Ba (sinh năm 1950).", []string{"năm 2024 xã có nhiều đổi mới", "năm 2024"}, model.When{}, 2024},
		{"a comparison's base does not count", 4, 20, "Ngày 20/4, thị xã cho biết năm 2019 thu ngân sách gấp 3 lần năm 1999.", nil, model.When{}, 2019},
		{"a school year is its end year", 5, 25, "Sáng 25/5, trường tổng kết năm học 2022-2023.", nil, model.When{}, 2023},
		{"the half-year reported on", 7, 10, "Chiều 10/7, xã đánh giá kết quả năm 2022 và 6 tháng đầu năm 2023.", nil, model.When{}, 2023},
		{"an anniversary's full dates", 8, 18, "Tối 18/8, lễ kỷ niệm 60 năm thành lập huyện (19/8/1964 - 19/8/2024).", []string{"năm 1964"}, model.When{}, 2024},
		{"a full date in the text counts", 6, 6, "Sáng 6/6, hội nghị chuyên đề.", []string{"ngày 15/5/2021 đã bầu cử", "so với năm 2019 tăng"}, model.When{}, 2021},
		{"the latest period the text reports on", 9, 9, "Sáng 9/9, đoàn công tác làm việc với huyện.", []string{"năm 2021 huyện đạt", "năm 2021 thu", "9 tháng đầu năm 2022"}, model.When{}, 2022},
		{"a resolution number is no date", 6, 6, "Sáng 6/6, triển khai Nghị quyết 35/2019/NQ-HĐND.", []string{"năm 2022"}, model.When{}, 2022},
		{"a year counted as ended", 6, 20, "Sáng 20/6, tỉnh làm việc với các sở.", []string{"Đến hết năm 2022, toàn tỉnh có 30 cụm công nghiệp", "cuối năm 2022 có 500 doanh nghiệp"}, model.When{}, 2023},
		{"a tie goes to the earlier year", 10, 2, "Sáng 2/10, hội nghị.", []string{"năm 2020 đạt", "năm 2021 đạt"}, model.When{}, 2020},
		{"no year anywhere", 5, 19, "sáng 19-5, Huyện ủy tổ chức tọa đàm.", []string{"Kỷ niệm ngày truyền thống của ngành"}, model.When{}, 0},
		{"a national day's anniversary", 5, 18, "Chào mừng kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh, sáng 18/5, huyện tổ chức hội thi.", nil, model.When{}, 2020},
		{"an anniversary in the text", 2, 2, "Sáng 2/2, xã tổ chức mít tinh.", []string{"Kỷ niệm 88 năm Ngày thành lập Đảng Cộng sản Việt Nam"}, model.When{}, 2018},
		{"a count of years is no anniversary", 6, 6, "Sáng 6/6, hội nghị.", []string{"kỷ niệm 20 năm xây dựng đường làng"}, model.When{}, 0},
	}
	for _, tt := range tests {
		if got := inferYear(tt.m, tt.d, tt.sentence, tt.all, tt.pub); got != tt.want {
			t.Errorf("%s: inferYear = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestParseDates(t *testing.T) {
	tests := []struct {
		name, text      string
		published, evnt string
	}{
		{"date line under the headline", "Phường X tổng kết năm 2023\n2023-12-08 15:07:00.0\nChiều ngày 08/12/2023, Đảng uỷ phường X tổ chức Hội nghị tổng kết năm 2023 và nhiều nội dung khác.", "2023-12-08T15:07:00", "2023-12-08"},
		{"a date in running text is not the publication date", "Đảng bộ xã Y sơ kết công tác\n\nNgày 7/10, Đảng ủy xã Y tổ chức hội nghị sơ kết 9 tháng năm 2022, đến ngày 30/9/2022 thu ngân sách đạt kế hoạch.", "", "2022-10-07"},
		{"date at the bottom", "Xã Z họp tổng kết năm học\n\nChiều 2/6, UBND xã Z tổ chức hội nghị tổng kết năm học 2021-2022 với nhiều kết quả tốt đẹp.\n\nNgày đăng: 05/06/2022\nLượt xem: 87", "2022-06-05", "2022-06-02"},
		{"the article's date, not the header's", "Thứ Hai, 23/11/2026\nTrang chủ\nTin tức\n\nĐảng ủy xã B tổng kết năm\n09/01/2024 | Tác giả: Nguyễn An\n\nSáng 8/1, Đảng ủy xã B tổ chức hội nghị tổng kết công tác năm 2023 với nhiều nội dung.", "2024-01-09", "2024-01-08"},
		{"a long menu above", "Trang chủ\nGiới thiệu\nLịch sử\nTổ chức bộ máy\nTin tức\nSự kiện\nVăn bản\nThủ tục\nHỏi đáp\nLiên hệ\nBản đồ\nThư viện ảnh\nVideo\nTuyên truyền\n\nĐảng ủy xã C tổng kết năm 2023\n10/01/2024 07:30\n\nSáng 9/1, Đảng ủy xã C tổ chức hội nghị tổng kết công tác năm 2023 với nhiều nội dung quan trọng.", "2024-01-10T07:30:00", "2024-01-09"},
		{"a historic day is not the event", "Đảng ủy phường D kỷ niệm ngày thành lập Đảng\n\nNgày 3/2/1930, Đảng Cộng sản Việt Nam ra đời, mở ra trang sử mới của dân tộc.\n\nSáng ngày 2/2/2024, Đảng ủy phường D tổ chức lễ kỷ niệm 94 năm Ngày thành lập Đảng với nhiều hoạt động.", "", "2024-02-02"},
		{"a footer is chrome", "Đảng ủy phường E họp\n\nChiều 5/3, Đảng ủy phường E họp định kỳ tháng 3 năm 2024 với nhiều nội dung quan trọng.\n\nĐịa chỉ: Số 12 đường Trần Phú, phường E, thành phố F\nĐiện thoại: 0203 3812 345\nGhi rõ nguồn khi phát hành lại thông tin từ website này", "", "2024-03-05"},
		{"date line under the sapo", "Đảng ủy xã G tổng kết năm 2023\n\nNăm 2023, Đảng bộ xã G đã hoàn thành toàn diện các chỉ tiêu nghị quyết đề ra với nhiều kết quả nổi bật.\n\n09/01/2024 10:20\n\nSáng 8/1, Đảng ủy xã G tổ chức hội nghị tổng kết công tác năm 2023.", "2024-01-09T10:20:00", "2024-01-08"},
		{"no date", "Đảng ủy phường A họp\n\nĐảng ủy phường A đã họp bàn nhiều nội dung quan trọng của công tác xây dựng Đảng trong năm.", "", ""},
	}
	for _, tt := range tests {
		a := parse(tt.text)
		if got := a.Published.String(); got != tt.published {
			t.Errorf("%s: published %q, want %q", tt.name, got, tt.published)
		}
		if got := a.EventDate.String(); got != tt.evnt {
			t.Errorf("%s: event %q, want %q", tt.name, got, tt.evnt)
		}
	}
}
