package page

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		line string
		want kind
	}{
		{"Trực tuyến: 236", kCounter},
		{"Hôm nay: 1314", kCounter},
		{"Hôm nay, thứ Hai 23/11/2026", kNav},
		{"Tổng lượt truy cập: 1.204.553", kCounter},
		{"Lượt truy cập", kNav},
		{"Tin khác", kNav},
		{"Các tin khác", kNav},
		{"Xem thêm tin tức", kNav},
		{"Viết bình luận", kNav},
		{"Skip to main content", kNav},
		{"Skip to Content", kNav},
		{"Xem với cỡ chữ", kNav},
		{"A A", kNav},
		{"Về trang trước Về đầu trang", kNav},
		{"Tải bản đầy đủ (.doc) (24 trang)", kNav},
		{"Bạn đang xem bản rút gọn của tài liệu. Xem và tải ngay bản đầy đủ của tài liệu tại đây (211.76 KB, 24 trang )", kNav},
		{"thời tiết các vùng", kNav},
		{"Lượt xem: 678", kViews},
		{"Số lượt đọc: 513 Về trang trước Về đầu trang", kViews},
		{"View count: 55", kViews},
		{"Ngày đăng 15/03/2023 | 19:52  | View count: 55", kDate},
		{"Xem chi tiết tại đây: https://daithainguyen.vn/truyen-hinh/abc_19039.html", kURL},
		{"(http://www.nguoidaibieu.com.vn)", kURL},
		{"Thực hiện:", kLabel},
		{"Tin, ảnh: MINH HIỂN", kLabel},
		{"Các tin đã đưa", kNav},
		{"1 2 3 … Tiếp »", kNav},
		{"Hà Nội 25°C", kNav},
		{";", kJunk},
		{".", kJunk},
		// not chrome by themselves
		{"Hoàng Bình", kText},
		{"Hà Nội", kText},
		{"Các tập thể được khen thưởng", kText},
		{"Hôm nay, Đảng ủy phường tổ chức hội nghị tổng kết năm.", kText},
		{"1", kText},
		{"1 2", kText},
		{"- Tỷ lệ hộ nghèo: 1,8%.", kText},
	}
	for _, tt := range tests {
		if got := classify(tt.line).kind; got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestNameLike(t *testing.T) {
	yes := []string{"Hoàng Bình", "HOÀNG PHƯƠNG", "Minh Huyền  - Bá Lộc", "Ngọc Ánh, Piên", "Minh Thà/KD&PL", "L.B", "CTV Rơ Lan Viện (Huyện Chư Prông)", "Hoa Thu - Thư Kỳ"}
	no := []string{"Các tập thể được khen thưởng", "Phường phấn đấu giữ vững 10", "Thực hiện:", "tế, cơ cấu c", "Quang cảnh hội nghị."}
	for _, s := range yes {
		if !nameLike(s) {
			t.Errorf("nameLike(%q) = false", s)
		}
	}
	for _, s := range no {
		if nameLike(s) {
			t.Errorf("nameLike(%q) = true", s)
		}
	}
}

func TestBylineAndChrome(t *testing.T) {
	body := "Chiều 8/1, Đảng ủy phường Tây Sơn tổ chức Hội nghị Tổng kết công tác xây dựng Đảng năm 2023 và phát động phong trào thi đua năm 2024."
	tests := []struct {
		name, text, byline, url string
		excluded                []string
	}{
		{"name and counters", body + "\nHoàng Bình\nTrực tuyến: 236\nHôm nay: 1314", "Hoàng Bình", "", []string{"Trực tuyến", "Hôm nay", "Hoàng Bình"}},
		{"capitals", body + "\n\nHOÀNG PHƯƠNG", "HOÀNG PHƯƠNG", "", []string{"HOÀNG PHƯƠNG"}},
		{"name then Tin khác", body + "\n\nHà Vân\n\nTin khác", "Hà Vân", "", []string{"Hà Vân", "Tin khác"}},
		{"label on its own line", body + "\n\nThực hiện: \n\nLê Thương\n\nViết bình luận\n\nXem thêm tin tức", "Lê Thương", "", []string{"Thực hiện", "Lê Thương", "Viết bình luận", "Xem thêm"}},
		{"label and name", body + "\n\nTin, ảnh: MINH HIỂN", "MINH HIỂN", "", []string{"MINH HIỂN"}},
		{"office and link", body + "\nXem chi tiết tại đây: https://daithainguyen.vn/a_19039.html\nTrung tâm Văn hoá và Truyền thông thành phố Thái Nguyên", "Trung tâm Văn hoá và Truyền thông thành phố Thái Nguyên", "https://daithainguyen.vn/a_19039.html", []string{"Xem chi tiết", "Trung tâm Văn hoá"}},
		{"name then source in brackets", body + "\n\nDương Tình Thương\n\n(http://www.nguoidaibieu.com.vn)", "Dương Tình Thương", "http://www.nguoidaibieu.com.vn", []string{"nguoidaibieu"}},
		{"run in after the last full stop", "Đảng ủy xã Tứ Cường, Hải Dương: Hoàn thành tốt nhiệm vụ chính trị\nTheo báo cáo công tác Đảng của xã Tứ Cường, trong năm 2016, Đảng ủy đã lãnh đạo thực hiện tốt các nhiệm vụ kinh tế - xã hội cũng như công tác xây dựng Đảng mà cấp trên giao phó, phấn đấu hoàn thành các tiêu chí còn lại và cuộc bầu cử trưởng thôn... Minh Thà/KD&PL ", "Minh Thà/KD&PL", "", []string{"Minh Thà"}},
		{"run in with a disclaimer", "Vợ Phó Bí thư xã được ký gửi vào hộ cận nghèo\nVợ Phó Bí thư xã Hòa Thành được ký gửi vào hộ khẩu của hộ cận nghèo để nhận hỗ trợ an sinh xã hội nhưng lãnh đạo xã khẳng định không biết việc này, một sự ngẫu nhiên đáng suy nghĩ. Bảo Trang * Bài viết thể hiện quan điểm riêng của tác giả ", "Bảo Trang", "", []string{"Bảo Trang", "Bài viết thể hiện quan điểm"}},
		{"author in the date line", "Đảng ủy xã B tổng kết năm\n09/01/2024 | Tác giả: Nguyễn An\n\n" + body, "Nguyễn An", "", []string{"Nguyễn An", "09/01/2024"}},
		{"tags and source", body + "\n\nHà Vân\n\nTừ khóa: Đảng ủy, tổng kết, năm 2023, phường Tây Sơn, thi đua, hội nghị, xây dựng Đảng\nTheo Báo Hà Nội mới", "Hà Vân", "", []string{"Từ khóa", "Theo Báo"}},
		{"the foot's menu under the byline", body + "\n\nHà Vân\nGiới thiệu\nVăn bản\nLiên hệ", "Hà Vân", "", []string{"Hà Vân", "Giới thiệu", "Liên hệ"}},
		{"a name and an office", body + "\n\nNguyễn Văn An - Trung tâm Văn hóa huyện Gia Lâm", "Nguyễn Văn An - Trung tâm Văn hóa huyện Gia Lâm", "", []string{"Nguyễn Văn An"}},
		{"run in with an initial", "Cá chim trắng không gây hại\nTại cuộc họp chiều 10/2, Tổng cục Môi trường và đại diện Bộ Nông nghiệp đã thống nhất rằng loài cá chim trắng không gây hại cho môi trường tự nhiên của địa phương. N. Huyền ", "N. Huyền", "", []string{"Huyền"}},
		{"a photo credit run in is no byline", "Cá chim trắng không gây hại\nTại cuộc họp chiều 10/2, Tổng cục Môi trường và đại diện Bộ Nông nghiệp đã thống nhất rằng loài cá chim trắng không gây hại cho môi trường tự nhiên của địa phương. Ảnh: Hải Hà", "", "", nil},
		{"author on the date line", "Đảng ủy xã B tổng kết năm\n12/01/2024 08:15 - Tác giả: Nguyễn An\n\n" + body, "Nguyễn An", "", []string{"Nguyễn An"}},
		{"a name under the headline", "Đảng ủy xã B tổng kết năm\nThu Hà\n09/01/2024\n\n" + body, "Thu Hà", "", []string{"Thu Hà"}},
		{"author and editor", body + "\n\nNgười viết: Nguyễn An | Biên tập: Trần Bình", "Nguyễn An", "", []string{"Nguyễn An", "Biên tập"}},
		{"no byline after a cut-off paragraph", body + "\n\nPhường phấn đấu giữ vững 10", "", "", nil},
		{"a closing sentence is no byline", body + " Hội nghị thành công tốt đẹp.", "", "", nil},
	}
	for _, tt := range tests {
		a := parse(tt.text)
		if a.Byline != tt.byline {
			t.Errorf("%s: byline %q, want %q", tt.name, a.Byline, tt.byline)
		}
		if a.SourceURL != tt.url {
			t.Errorf("%s: source %q, want %q", tt.name, a.SourceURL, tt.url)
		}
		joined := strings.Join(a.Body, "\n")
		for _, x := range tt.excluded {
			if strings.Contains(joined, x) {
				t.Errorf("%s: body keeps %q: %q", tt.name, x, a.Body)
			}
		}
	}
}

func TestSiteLinkIsNoSource(t *testing.T) {
	a := parse("www.thainguyen.gov.vn\nTrang chủ\n\nĐảng ủy phường A tổng kết năm 2023\n\nChiều 8/1, Đảng ủy phường A tổ chức Hội nghị Tổng kết công tác xây dựng Đảng năm 2023.")
	if a.SourceURL != "" {
		t.Errorf("source %q: the site's own link above the headline", a.SourceURL)
	}
}

func TestMenusAboveTheHeadline(t *testing.T) {
	text := "thời tiết các vùng\n\nHà Nội\nĐà Nẵng\nTP Hồ Chí Minh\n\nHoạt động từ các đơn vị\n\nQuang Trung sơ kết giữa nhiệm kỳ Đại hội Đảng bộ phường lần thứ XIV nhiệm kỳ 2020 - 2025\nNgày đăng 15/03/2023 | 19:52  | View count: 55\n\nChiều ngày 15/3, Đảng ủy phường Quang Trung tổ chức sơ kết công tác giữa nhiệm kỳ Đại hội Đảng bộ phường lần thứ XIV nhiệm kỳ 2020-2025."
	a := parse(text)
	if a.Title != "Quang Trung sơ kết giữa nhiệm kỳ Đại hội Đảng bộ phường lần thứ XIV nhiệm kỳ 2020 - 2025" || a.TitleDerived {
		t.Errorf("title %q (derived %v)", a.Title, a.TitleDerived)
	}
	if !a.HasViews || a.Views != 55 {
		t.Errorf("views %d %v, want 55", a.Views, a.HasViews)
	}
	if len(a.Body) != 1 || !strings.HasPrefix(a.Body[0], "Chiều ngày 15/3") {
		t.Errorf("body %q", a.Body)
	}
	for _, c := range []string{"thời tiết các vùng", "Đà Nẵng", "Hoạt động từ các đơn vị"} {
		found := false
		for _, x := range a.Chrome {
			found = found || x == c
		}
		if !found {
			t.Errorf("chrome %q lacks %q", a.Chrome, c)
		}
	}
}

func TestRelatedBoxInsideTheArticle(t *testing.T) {
	p := "Năm 2023, Đảng bộ phường có 312 đảng viên, kết nạp 7 đảng viên mới, vượt kế hoạch chỉ tiêu được giao và hoàn thành tốt nhiệm vụ."
	a := parse("Đảng ủy phường A tổng kết năm 2023\n\n" + p + "\n\nTin liên quan\nPhường A ra quân dọn vệ sinh\n\n" + p + "\n\nTin khác\nPhường A tổ chức hội nghị cử tri")
	if len(a.Body) != 2 || a.Body[1] != p || len(a.Captions) != 0 {
		t.Errorf("body %q: the article goes on after the box", a.Body)
	}
	if last := a.Chrome[len(a.Chrome)-1]; last != "Phường A tổ chức hội nghị cử tri" {
		t.Errorf("chrome ends %q", last)
	}
}

func TestMenuRunAboveTheHeadline(t *testing.T) {
	a := parse("Tin tức sự kiện nổi bật\nVăn bản chỉ đạo điều hành\nThủ tục hành chính công\nLiên hệ\n\nĐảng ủy phường Tây Sơn tổng kết công tác năm 2023\n\nChiều 8/1, Đảng ủy phường Tây Sơn tổ chức Hội nghị Tổng kết công tác xây dựng Đảng năm 2023.")
	if a.Title != "Đảng ủy phường Tây Sơn tổng kết công tác năm 2023" {
		t.Errorf("title %q", a.Title)
	}
}

func TestSectionLabelIsNoHeadline(t *testing.T) {
	a := parse("Hoạt động của Đảng ủy xã\nSáng 20/3, Đảng ủy xã Lộc Thắng tổ chức hội nghị chuyên đề về công tác xây dựng Đảng năm 2023.")
	if !a.TitleDerived || !strings.Contains(a.Title, "Lộc Thắng") {
		t.Errorf("title %q (derived %v)", a.Title, a.TitleDerived)
	}
	for _, b := range a.Body {
		if strings.Contains(b, "Hoạt động của") {
			t.Errorf("body keeps the section label: %q", a.Body)
		}
	}
}

func TestShortHeadlineWithSectionWord(t *testing.T) {
	a := parse("Kinh tế phường Tân Định khởi sắc\nSáng 20/3, Đảng ủy phường Tân Định tổ chức hội nghị sơ kết quý I năm 2023.")
	if a.TitleDerived || a.Title != "Kinh tế phường Tân Định khởi sắc" {
		t.Errorf("title %q (derived %v)", a.Title, a.TitleDerived)
	}
}

func TestTitles(t *testing.T) {
	tests := []struct {
		name, text, title string
		derived           bool
	}{
		{"printed", "Phường Thạc Gián quyết tâm giảm hết hộ nghèo\n\n.\n\nNgày 28-4, Đại hội đại biểu Đảng bộ phường Thạc Gián lần thứ XV, nhiệm kỳ 2020-2025 đã được tiến hành.", "Phường Thạc Gián quyết tâm giảm hết hộ nghèo", false},
		{"skip link above", "Skip to main content\n\nBan Chấp hành Đảng bộ thị trấn Hữu Lũng họp định kỳ tháng 8/2022\n\nChiều ngày 6/8, Đảng bộ thị trấn Hữu Lũng đã tiến hành Hội nghị Ban Chấp hành định kỳ tháng 8 năm 2022.", "Ban Chấp hành Đảng bộ thị trấn Hữu Lũng họp định kỳ tháng 8/2022", false},
		{"section label below", "Đảng ủy phường Dĩ An tổ chức họp mặt mừng 91 năm thành lập Đảng\n\nThời sự - Chính trị\n\nSáng ngày 27/01/2021 Đảng ủy phường Dĩ An đã họp mặt chào mừng 91 năm ngày thành lập Đảng Cộng Sản Việt Nam.", "Đảng ủy phường Dĩ An tổ chức họp mặt mừng 91 năm thành lập Đảng", false},
		{"headline with a full stop over a dated lead", "Phường Phổ Thạnh kỷ niệm 95 năm ngày thành lập Đảng Cộng sản Việt Nam, họp giao ban đầu năm 2025.\nNgày 03/02/2025, Phường Phổ Thạnh tổ chức lễ kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam, kết hợp họp giao ban đầu năm.", "Phường Phổ Thạnh kỷ niệm 95 năm ngày thành lập Đảng Cộng sản Việt Nam, họp giao ban đầu năm 2025.", false},
		{"a question", "Điều gì giúp Thanh Hà sớm vượt chỉ tiêu phát triển đảng viên?\n\nNhiệm kỳ 2020 - 2025, Nghị quyết Đại hội Đảng bộ huyện Thanh Hà đề ra mục tiêu hằng năm kết nạp từ 90 - 100 đảng viên.", "Điều gì giúp Thanh Hà sớm vượt chỉ tiêu phát triển đảng viên?", false},
		{"headline over a sapo", "Lê Hồng, Hải Dương: Chú trọng công tác xây dựng Đảng\nNăm 2016 là năm đầu Đảng bộ và nhân dân xã Lê Hồng, huyện Thanh Miện, tỉnh Hải Dương tích cực triển khai thực hiện nghị quyết Đại hội Đảng toàn quốc lần thứ XII năm thứ 2\nXã đã thực hiện nghị quyết đại hội Đảng các cấp, nghị quyết đại hội Đảng bộ xã lần thứ 30.", "Lê Hồng, Hải Dương: Chú trọng công tác xây dựng Đảng", false},
		{"derived from a dated lead", "Chiều 8/1, Đảng ủy phường Tây Sơn tổ chức Hội nghị Tổng kết công tác xây dựng Đảng, Chính quyền năm 2023 và phát động phong trào thi đua năm 2024.\nDự hội nghị có đồng chí Vũ Đình Chiến, Phó Chủ tịch Thường trực UBND thành phố.", "Đảng ủy phường Tây Sơn tổ chức Hội nghị Tổng kết công tác xây dựng Đảng, Chính quyền năm 2023 và phát động phong trào thi đua năm 2024", true},
		{"derived and cut at a clause", "Nhằm kỷ niệm truyền thống các ngành xây dựng Đảng, đồng thời biểu dương những gương điển hình Dân vận khéo năm 2023, sáng ngày 20/10/2023, Đảng ủy phường đã tổ chức buổi Họp mặt.", "Nhằm kỷ niệm truyền thống các ngành xây dựng Đảng, đồng thời biểu dương những gương điển hình Dân vận khéo năm 2023", true},
		{"a hard-wrapped lead is no headline", "Chiều ngày 12/6, Đảng ủy xã Tân Hồng đã tổ chức hội nghị\nmở rộng của Ban Chấp hành Đảng bộ tại phòng họp UBND xã nhằm\nđánh giá nhiệm vụ tháng 5 năm 2023.\nTại hội nghị, các văn bản chỉ đạo của cấp trên đã được quán triệt.", "Đảng ủy xã Tân Hồng đã tổ chức hội nghị mở rộng của Ban Chấp hành Đảng bộ tại phòng họp UBND xã nhằm đánh giá nhiệm vụ tháng 5 năm 2023", true},
		{"a long lead keeps the unit's name", "Với tinh thần đoàn kết, đổi mới, sáng tạo và quyết tâm cao, trong nhiều năm qua cán bộ, đảng viên và nhân dân trên địa bàn đã nỗ lực phấn đấu thực hiện thắng lợi các nhiệm vụ, đưa phường Tân Định phát triển toàn diện và bền vững hơn nữa.", "Với tinh thần đoàn kết, đổi mới, sáng tạo và quyết tâm cao, trong nhiều năm qua cán bộ, đảng viên và nhân dân trên địa bàn đã nỗ lực phấn đấu thực hiện thắng lợi các nhiệm vụ, đưa phường Tân Định", true},
		{"a long sapo is no headline", "Năm 2026, phường Chánh Phú Hòa (TPHCM) đặt mục tiêu giải quyết đúng hạn trên 98% hồ sơ hành chính, đồng thời tập trung mọi nguồn lực cho công tác chăm lo an sinh xã hội, qua đó cải thiện đời sống vật chất, tinh thần của người dân\n\nSáng 30-1, Đảng ủy phường Chánh Phú Hòa đã họp mặt kỷ niệm 96 năm Ngày thành lập Đảng.", "Năm 2026, phường Chánh Phú Hòa (TPHCM) đặt mục tiêu giải quyết đúng hạn trên 98% hồ sơ hành chính", true},
	}
	for _, tt := range tests {
		a := parse(tt.text)
		if a.Title != tt.title || a.TitleDerived != tt.derived {
			t.Errorf("%s: title %q (derived %v), want %q (%v)", tt.name, a.Title, a.TitleDerived, tt.title, tt.derived)
		}
	}
}

func TestCaptions(t *testing.T) {
	p1 := "Năm 2023 là năm bản lề thực hiện Nghị quyết Đại hội Đảng các cấp, Nghị quyết Đại hội Đảng bộ phường lần thứ IV, nhiệm kỳ 2020-2025, phường đã đạt được kết quả quan trọng."
	p2 := "Tại hội nghị, các đại biểu đã cùng nhau trao đổi, thảo luận nhằm khắc phục những tồn tại, hạn chế cũng như đề xuất các giải pháp nhằm thực hiện thắng lợi mục tiêu đề ra."
	tests := []struct {
		name, text string
		captions   []string
	}{
		{"scene", p1 + "\nQuanh cảnh hội nghị.\n" + p2, []string{"Quanh cảnh hội nghị."}},
		{"people at the event", p1 + "\nĐồng chí Vũ Đình Chiến, Phó Chủ tịch Thường trực UBND thành phố phát biểu.\n" + p2, []string{"Đồng chí Vũ Đình Chiến, Phó Chủ tịch Thường trực UBND thành phố phát biểu."}},
		{"hard-wrapped", p1 + "\n\nBí thư Quận ủy Nguyễn Văn Nam thừa ủy quyền của Ban Dân vận Trung ương\ntrao Kỷ niệm chương “Vì sự nghiệp Dân vận” tặng Phó Bí thư Quận ủy,\nChủ tịch UBND quận Nguyễn Quang Trung\n\n" + p2,
			[]string{"Bí thư Quận ủy Nguyễn Văn Nam thừa ủy quyền của Ban Dân vận Trung ương trao Kỷ niệm chương “Vì sự nghiệp Dân vận” tặng Phó Bí thư Quận ủy, Chủ tịch UBND quận Nguyễn Quang Trung"}},
		{"a label between paragraphs", p1 + "\n\nCác tập thể được khen thưởng \n\n" + p2, []string{"Các tập thể được khen thưởng"}},
		{"photo credit", p1 + "\n\nToàn cảnh đại hội Đảng bộ thị trấn Tân Hòa. Ảnh: Quốc Toàn\n\n" + p2, []string{"Toàn cảnh đại hội Đảng bộ thị trấn Tân Hòa. Ảnh: Quốc Toàn"}},
		{"a sentence of the article is no caption", p1 + "\n" + p2, nil},
	}
	for _, tt := range tests {
		a := parse(tt.text)
		if strings.Join(a.Captions, "|") != strings.Join(tt.captions, "|") {
			t.Errorf("%s: captions %q, want %q", tt.name, a.Captions, tt.captions)
		}
		for _, c := range tt.captions {
			for _, b := range a.Body {
				if strings.Contains(b, c) {
					t.Errorf("%s: body keeps caption %q", tt.name, c)
				}
			}
		}
	}
}

func TestRoleLabel(t *testing.T) {
	for lab, want := range map[string]bool{
		"bai,anh": true, "tin-anh": true, "tin, anh": true, "bai va anh": true, "tin/anh/video": true,
		"anh": false, "nguon": false, "ghi chu": false, "bai viet": false,
	} {
		if got := roleLabel(lab); got != want {
			t.Errorf("roleLabel(%q) = %v, want %v", lab, got, want)
		}
	}
}

func TestRunInByline(t *testing.T) {
	tests := []struct{ tail, want string }{
		{"Bài,ảnh: Lê Thu Hà (TTXVN)", "Lê Thu Hà (TTXVN)"},
		{"Tin-ảnh: K.Linh", "K.Linh"},
		{"Tin, ảnh: Quang Minh", "Quang Minh"},
		{"Hà Phương/VOV Hà Phương/VOV", "Hà Phương/VOV"},
		{"Theo Báo Lao động", "Báo Lao động"},
		{"Mai Anh - Đức Tâm - Hồng Nhung (TTXVN)", "Mai Anh - Đức Tâm - Hồng Nhung (TTXVN)"},
		{"Ảnh: Trọng Hiếu", ""},
		{"Theo TTXVN Theo TTXVN", "TTXVN"},
		{"Lan Lan", "Lan Lan"},
		{"Mai Lan - Ảnh: Reuters", "Mai Lan"},
		{"Quốc Anh Ảnh, Video: Hồng Nhung", "Quốc Anh"},
		{"K.Anh K.Anh", "K.Anh"},
		{"Video Trận đấu giữa A - B (vòng 5): Toàn cảnh", ""},
		{"Theo kế hoạch, xã sẽ làm đường.", ""},
		{"Nhiều hộ dân phấn khởi", ""},
	}
	for _, tt := range tests {
		if got := runInByline(tt.tail); got != tt.want {
			t.Errorf("runInByline(%q) = %q, want %q", tt.tail, got, tt.want)
		}
	}
}

func TestTrailingName(t *testing.T) {
	tests := []struct{ link, want string }{
		{"» Phường Đông Hải đẩy mạnh chuyển đổi số Thanh Tâm", "Thanh Tâm"},
		{"» Huyện tăng cường phòng chống dịch bệnh", ""},
		{"» Lễ hội Đền Hùng", ""},
		{"» Nhiều hoạt động văn hóa đặc sắc diễn ra tại Phú Thọ", ""},
	}
	for _, tt := range tests {
		if got := trailingName(tt.link); got != tt.want {
			t.Errorf("trailingName(%q) = %q, want %q", tt.link, got, tt.want)
		}
	}
}

func TestRelatedLinkLines(t *testing.T) {
	for _, s := range []string{"» Xã Tân Lập ra quân làm đường giao thông nông thôn", "[Huyện Đồng Hỷ tổng kết công tác năm]"} {
		if l := classify(s); l.kind != kNav {
			t.Errorf("classify(%q) = %v, want a link", s, l.kind)
		}
	}
	if l := classify("[1] Số liệu của Cục Thống kê, xem thêm [2]"); l.kind == kNav {
		t.Errorf("a line that merely holds brackets is not a link")
	}
}

func TestRunInChrome(t *testing.T) {
	lead := "Sáng 12/4, UBND huyện Đại Từ tổ chức hội nghị sơ kết công tác quý I với sự tham dự của lãnh đạo các xã, thị trấn trên địa bàn huyện."
	body := " Hội nghị đánh giá nhiều chỉ tiêu đạt khá so với kế hoạch đề ra. [Đại Từ khánh thành nhà văn hóa xóm mới] Các đại biểu đã thảo luận về những giải pháp trong thời gian tới, nhất là công tác thu ngân sách và giải phóng mặt bằng... Trần Hoa - Lê Cường (TTXVN)"
	a := parse("Đại Từ sơ kết quý I\n\n" + lead + body)
	if a.Byline != "Trần Hoa - Lê Cường (TTXVN)" {
		t.Errorf("byline %q", a.Byline)
	}
	for _, b := range a.Body {
		if strings.Contains(b, "[") || strings.Contains(b, "Trần Hoa") {
			t.Errorf("body keeps chrome: %q", b)
		}
	}
}

func TestRunInCaption(t *testing.T) {
	rest := "Ngày 14/3, UBND huyện Văn Lâm tổ chức hội nghị triển khai kế hoạch xây dựng nông thôn mới kiểu mẫu với nhiều nội dung."
	tests := []struct {
		name, para, caption string
	}{
		{"agency credit", "Nông dân xã Lạc Hồng thu hoạch lúa vụ xuân. Ảnh: Minh Đức/TTXVN " + rest, "Nông dân xã Lạc Hồng thu hoạch lúa vụ xuân. Ảnh: Minh Đức/TTXVN"},
		{"bracketed credit", "Quang cảnh buổi lễ. (Ảnh: Hải Yến/VNA) " + rest, "Quang cảnh buổi lễ. (Ảnh: Hải Yến/VNA)"},
		{"a name before the day", "Lãnh đạo huyện trao quà cho hộ nghèo Ảnh: Thu Trang " + rest, "Lãnh đạo huyện trao quà cho hộ nghèo Ảnh: Thu Trang"},
		{"text of the article before the credit", "Huyện có 20 xã. Năm nay huyện đạt nhiều kết quả. Ảnh: Minh Đức/TTXVN " + rest, ""},
		{"a credit with nothing after", "Nông dân xã Lạc Hồng thu hoạch lúa vụ xuân. Ảnh: Minh Đức/TTXVN", ""},
		{"a credit not followed by the day", "Nông dân xã Lạc Hồng thu hoạch lúa vụ xuân. Ảnh: Minh Đức ghi lại nhiều khoảnh khắc đẹp trong ngày hội của bà con nông dân.", ""},
	}
	for _, tt := range tests {
		c, r, ok := runInCaption(tt.para)
		if tt.caption == "" {
			if ok {
				t.Errorf("%s: caption %q, want none", tt.name, c)
			}
			continue
		}
		if !ok || c != tt.caption || r != rest {
			t.Errorf("%s: caption %q rest %q %v, want %q", tt.name, c, r, ok, tt.caption)
		}
	}
}

// TestOnceIfTwice: bylines printed twice, and what is not one.
func TestOnceIfTwice(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"An Bình/VOV An Bình/VOV", "An Bình/VOV"},
		{"  An  Bình/VOV\u00a0An Bình/VOV ", "An Bình/VOV"},
		{"Linh Linh", "Linh Linh"},
		{"T.H T.H", "T.H"},
		{"Minh Thà/KD&PL", "Minh Thà/KD&PL"},
		{"A B C A B D", "A B C A B D"},
		{"", ""},
		{strings.Repeat("Mai Lan/TTXVN ", 40), strings.TrimSpace(strings.Repeat("Mai Lan/TTXVN ", 20))},
		{"An\tBình  An Bình", "An Bình"},
		{"An Bình An  Bình", "An Bình"},
		{"An Bình\u00a0An Binh", "An Bình\u00a0An Binh"},
	} {
		if got := onceIfTwice(tc.in); got != tc.want {
			t.Errorf("onceIfTwice(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// onceIfTwiceFields is onceIfTwice with strings.Fields and strings.Join:
// the oracle for reading the words in place.
func onceIfTwiceFields(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 || len(ws)%2 != 0 {
		return name
	}
	h := len(ws) / 2
	first := strings.Join(ws[:h], " ")
	if first != strings.Join(ws[h:], " ") || (h == 1 && !strings.ContainsAny(first, "/.")) {
		return name
	}
	return first
}

// FuzzOnceIfTwice: finding the words in place halves a name exactly where
// strings.Fields and strings.Join do.
func FuzzOnceIfTwice(f *testing.F) {
	f.Add("An Bình/VOV An Bình/VOV")
	f.Add("a.\u2003a.\u0085x x")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := onceIfTwice(s), onceIfTwiceFields(s); got != want {
			t.Fatalf("onceIfTwice(%q) = %q, by strings.Fields %q", s, got, want)
		}
	})
}
