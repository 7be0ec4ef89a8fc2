package page

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func unitStrings(s string) []string {
	var out []string
	for _, o := range scanUnits(s) {
		x := o.unit.String()
		if o.personal {
			x += " (person?)"
		}
		if o.parent != nil {
			x += " < " + o.parent.unit.String()
		}
		if o.bare != "" {
			x += " < " + o.bare + "?"
		}
		out = append(out, x)
	}
	return out
}

func TestScanUnits(t *testing.T) {
	tests := []struct {
		text string
		want string // occurrences joined by "; "
	}{
		{"Đảng bộ phường Hoàng Văn Thụ: Hoàn thành xuất sắc", "phường Hoàng Văn Thụ"},
		{"Hội nghị BCH Phường Trần Phú lần thứ 14", "phường Trần Phú"},
		{"Đảng ủy xã Tân Hồng đã tổ chức hội nghị", "xã Tân Hồng"},
		{"Đảng bộ thị trấn Hữu Lũng họp định kỳ", "thị trấn Hữu Lũng"},
		{"Thị xã Tân Châu tổ chức hội nghị", "thị xã Tân Châu"},
		{"UBND huyện Ứng Hòa có 12 xã đạt chuẩn", "huyện Ứng Hòa"},
		{"HĐND quận Long Biên họp kỳ thứ 9", "quận Long Biên"},
		{"về đích tại tỉnh Hà Tĩnh.", "tỉnh Hà Tĩnh"},
		{"tham dự Đại hội Đảng bộ thành phố Hà Nội.", "thành phố Hà Nội"},
		{"công tác tuyển quân tiếp tục được TP Hà Nội thực hiện", "thành phố Hà Nội"},
		{"Phó Chủ tịch UBND TP. Thái Nguyên dự", "thành phố Thái Nguyên"},
		{"xã Hòa Thành (TP.Cà Mau) được", "xã Hòa Thành < thành phố Cà Mau; thành phố Cà Mau"},
		{"phường Tân Mỹ (TPHCM) đã tổ chức", "phường Tân Mỹ < thành phố Hồ Chí Minh; thành phố Hồ Chí Minh"},
		{"là một xã điển hình của TX Từ Sơn (Bắc Ninh)", "thị xã Từ Sơn < Bắc Ninh?"},
		// committee forms
		{"Chiều 10/01/2024, Quận ủy Hai Bà Trưng tổ chức hội nghị", "quận Hai Bà Trưng"},
		{"sáng 19-5, Huyện ủy Phúc Thọ tổ chức tọa đàm", "huyện Phúc Thọ"},
		{"BTV Thị ủy Kỳ Anh tổ chức hội nghị", "thị xã Kỳ Anh"},
		{"Thành ủy Thái Nguyên quán triệt nghị quyết", "thành phố Thái Nguyên"},
		{"Tỉnh ủy Bắc Ninh tổ chức hội nghị", "tỉnh Bắc Ninh"},
		{"Tỉnh uỷ Bắc Ninh tổ chức hội nghị", "tỉnh Bắc Ninh"},
		// capitals
		{"KỲ HỌP THỨ 16 HỘI ĐỒNG NHÂN DÂN XÃ HƯỚNG ĐẠO KHÓA XII", "xã Hướng Đạo"},
		{"ĐẢNG BỘ PHƯỜNG CHÁNH LỘ TỔNG KẾT NĂM 2023", "phường Chánh Lộ"},
		{"TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2023", ""},
		// where the name stops
		{"Đảng ủy phường Quang Trung tổ chức sơ kết", "phường Quang Trung"},
		{"Đại hội đại biểu Đảng bộ xã Đại Đồng lần thứ I", "xã Đại Đồng"},
		{"xã Lê Hồng, huyện Thanh Miện, tỉnh Hải Dương tích cực", "xã Lê Hồng < huyện Thanh Miện; huyện Thanh Miện < tỉnh Hải Dương; tỉnh Hải Dương"},
		{"Xã Ngũ Hiệp, Thanh Trì, Hà Nội: HĐND xã họp", "xã Ngũ Hiệp < Thanh Trì?"},
		{"thị trấn Phố Châu (Hương Sơn) không chỉ", "thị trấn Phố Châu < Hương Sơn?"},
		{"Đảng ủy phường Mỹ Đình 1, quận Nam Từ Liêm", "phường Mỹ Đình 1 < quận Nam Từ Liêm; quận Nam Từ Liêm"},
		{"phường 5 đạt danh hiệu", "phường 5"},
		{"xã 3 năm liền đạt chuẩn", ""},
		{"Đảng bộ phường lần thứ IV", ""},
		{"Đảng ủy, UBND Phường tập trung lãnh đạo", ""},
		{"UBND thành phố giao", ""},
		{"an sinh xã hội được bảo đảm", ""},
		{"các quận, huyện, thị xã thành phố Hà Nội thu ngân sách", "thành phố Hà Nội"},
		// person-name traps
		{"Phó Bí thư Quận ủy, Chủ tịch UBND quận Nguyễn Quang Trung", "quận Nguyễn Quang Trung (person?)"},
		{"Bí thư Quận ủy Nguyễn Văn Nam yêu cầu", "quận Nguyễn Văn Nam (person?)"},
		{"Phó Bí thư Thường trực Đảng ủy phường Lê Thị Phương Anh", "phường Lê Thị Phương Anh (person?)"},
		{"Chủ tịch UBND huyện Long Điền Lâm Văn Hồng cho biết", "huyện Long Điền"},
		{"HUV - Bí thư Đảng bộ xã Hướng Đạo Nguyễn Thế Anh", "xã Hướng Đạo"},
		{"Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải", "thành phố Hà Nội"},
		{"Chủ tịch UBND xã Đoàn Tùng nhận xét", "xã Đoàn Tùng"},
		{"đồng chí Trần Phú phát biểu", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(unitStrings(tt.text), "; "); got != tt.want {
			t.Errorf("scanUnits(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestUnitOfPage(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "level name < parent", "" for none
	}{
		{"headline names it", "Đảng bộ phường Hoàng Văn Thụ: Hoàn thành xuất sắc nhiệm vụ\n2023-12-08 15:07:00.0\nChiều ngày 08/12/2023, Đảng uỷ phường Hoàng Văn Thụ tổ chức hội nghị tổng kết năm 2023.\nTrung tâm Văn hoá và Truyền thông thành phố Thái Nguyên",
			"phường Hoàng Văn Thụ < thành phố Thái Nguyên"},
		{"lead names it", "Chiều 8/1, Đảng ủy phường Tây Sơn tổ chức Hội nghị Tổng kết công tác xây dựng Đảng năm 2023.\nDự hội nghị có đồng chí Vũ Đình Chiến, Phó Chủ tịch UBND thành phố.",
			"phường Tây Sơn"},
		{"bare name in the headline", "Quang Trung sơ kết giữa nhiệm kỳ\nNgày đăng 15/03/2023 | 19:52\n\nChiều ngày 15/3, Đảng ủy phường Quang Trung tổ chức sơ kết công tác giữa nhiệm kỳ Đại hội Đảng bộ phường lần thứ XIV.",
			"phường Quang Trung"},
		{"parent named elsewhere", "Đảng bộ, chính quyền và Nhân dân quận Hai Bà Trưng quyết tâm thực hiện thắng lợi nhiệm vụ\nNgày đăng 12/01/2024 | 09:30\n\nChiều ngày 10/01/2024, Quận ủy Hai Bà Trưng tổ chức hội nghị tổng kết.\n\nLà một trong các quận, huyện, thị xã thành phố Hà Nội thu ngân sách nhà nước cao nhất, quận đạt nhiều kết quả.",
			"quận Hai Bà Trưng < thành phố Hà Nội"},
		{"a commune after the district's colon", "Huyện Gia Lâm: Xã Đa Tốn tổng kết công tác năm 2023\n\nNgày 3/1, Đảng ủy xã Đa Tốn, huyện Gia Lâm tổ chức hội nghị tổng kết công tác năm 2023 với nhiều kết quả.",
			"xã Đa Tốn < huyện Gia Lâm"},
		{"province before the colon", "Hà Tĩnh: Huyện Đức Thọ phấn đấu dẫn đầu về đích nông thôn mới\nNăm 2016, huyện Đức Thọ đạt nhiều kết quả trong xây dựng nông thôn mới của tỉnh nhà và tiếp tục phấn đấu.",
			"huyện Đức Thọ < tỉnh Hà Tĩnh"},
		{"commune with its district in brackets", "Xuân về trên vùng tái định cư\nThêm một lần nữa người dân Hương Điền (Vũ Quang) được đón tết trên vùng tái định cư mới của huyện.\nÔng Đặng Khánh Trình - Chủ tịch UBND xã Hương Điền cho biết nhiều điều.",
			"xã Hương Điền < huyện Vũ Quang"},
		{"appositive", "Đoàn Tùng, Hải Dương: Những điểm nhấn trong phong trào giáo dục\nĐoàn Tùng là một xã nằm gần trung tâm huyện Thanh Miện, tỉnh Hải Dương với nhiều thành tích nổi bật.",
			"xã Đoàn Tùng < huyện Thanh Miện"},
		{"a bare name takes the lead's level", "Lãnh đạo Đảng thăm và làm việc tại Hà Giang\n\nTrong 2 ngày 3-4/5, đoàn công tác của Trung ương đã đến thăm và làm việc tại tỉnh Hà Giang. Đoàn thăm một trường học ở thành phố Hà Giang.",
			"tỉnh Hà Giang"},
		{"the place of the event is not the actor", "Bộ trưởng: Yên Bái cần phát huy thế mạnh rừng\n\nSáng 2/6, tại thành phố Yên Bái, Tỉnh ủy, UBND tỉnh Yên Bái đã tổ chức hội nghị xúc tiến đầu tư vào lĩnh vực lâm nghiệp.",
			"tỉnh Yên Bái"},
		{"a landmark in the headline", "Kỷ niệm 60 năm Bác Hồ thăm ATK Sơn Dương\n\nDịp kỷ niệm là dịp ôn lại truyền thống của Đảng bộ và nhân dân tỉnh Tuyên Quang anh hùng.\nHuyện Sơn Dương tổ chức nhiều hoạt động.",
			"tỉnh Tuyên Quang"},
		{"a city named by TP", "Giao chỉ tiêu cho các quận, sở ngành Đà Nẵng năm nay\n\nNgày 3/2, tại cuộc họp với lãnh đạo các sở, ngành TP, Chủ tịch UBND TP đã giao nhiều nhiệm vụ cụ thể cho từng đơn vị.",
			"thành phố Đà Nẵng"},
		{"a school's party cell is no unit", "Chiều ngày 14/12/2022, Chi bộ trường TH Nguyễn Thị Minh Khai đã tổ chức Lễ kết nạp đảng cho ba quần chúng. Phát biểu tại buổi lễ, đồng chí Nguyễn Văn Nhật - Bí thư Đảng uỷ phường An Biên mong các đồng chí phát huy năng lực.",
			""},
		{"never named", "Sáng ngày 19/11/2024, Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 42 do Ban Thường vụ Huyện uỷ tổ chức đã xem xét hai dự thảo.",
			""},
		{"capitals take the text's spelling", "KỲ HỌP THỨ 16 HỘI ĐỒNG NHÂN DÂN XÃ HƯỚNG ĐẠO KHÓA XII\n\n30/06/2020\n\nSáng ngày 25/6/2020, kỳ họp thứ 16 của HĐND xã Hướng Đạo đã khai mạc. Dự có Trưởng ban Pháp chế HĐND huyện Tam Dương Lê Hoàng.",
			"xã Hướng Đạo < huyện Tam Dương"},
	}
	for _, tt := range tests {
		a := parse(tt.text)
		got := ""
		if a.Unit != nil {
			got = a.Unit.String()
			if a.Unit.Parent != "" {
				got += " < " + a.Unit.Parent
			}
		}
		if got != tt.want {
			t.Errorf("%s: unit %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMentions(t *testing.T) {
	a := parse("Đảng ủy xã Lê Hồng tổng kết năm 2016\n\nNăm 2016, Đảng bộ và nhân dân xã Lê Hồng, huyện Thanh Miện, tỉnh Hải Dương đạt nhiều kết quả. Huyện ủy Thanh Miện biểu dương xã. Chủ tịch UBND huyện Phạm Văn Hùng dự.")
	var got []string
	for _, m := range a.Mentions {
		s := m.String()
		if m.Parent != "" {
			s += " < " + m.Parent
		}
		got = append(got, s)
	}
	if want := "huyện Thanh Miện < tỉnh Hải Dương; tỉnh Hải Dương"; strings.Join(got, "; ") != want {
		t.Errorf("mentions %q, want %q", strings.Join(got, "; "), want)
	}
}

func TestGazetteer(t *testing.T) {
	g := loadGazetteer()
	if len(g.provinces) != 63 || len(g.districts) < 690 || len(g.wards) < 5000 {
		t.Fatalf("gazetteer: %d provinces, %d districts, %d commune names", len(g.provinces), len(g.districts), len(g.wards))
	}
	found := false
	for _, e := range g.enclosing("phường", fold("Hoàng Văn Thụ")) {
		found = found || (e.level == "thành phố" && e.name == "Thái Nguyên")
	}
	if !found {
		t.Error("phường Hoàng Văn Thụ: no enclosing thành phố Thái Nguyên")
	}
	if p, ok := g.province(fold("Hà Nội")); !ok || p.level != "thành phố" {
		t.Errorf("Hà Nội: %+v %v", p, ok)
	}
	// the last commune of the list is there too
	if len(g.wards[fold("Đất Mũi")]) == 0 {
		t.Error("xã Đất Mũi missing")
	}
}

// TestFoldWord: the level and time words compare as strings.EqualFold does.
func TestFoldWord(t *testing.T) {
	words := []string{"xã", "thị", "tphcm", "thành", "quận", "tỉnh", "tp.hcm", "huyện", "phường", "ủy", "uỷ", "trấn", "phố",
		"hôm", "tối", "trưa", "trong", "đêm", "ngày", "chiều"}
	tries := []string{"", "x", "XÃ", "xÃ", "Xã", "xa", "xã ", "THỊ", "tHỊ", "thi", "ThỊ", "TPHCM", "TpHcm", "THÀNH", "ThÀnh", "thanh",
		"QUẬN", "quân", "TỈNH", "tinh", "TP.HCM", "tp,hcm", "HUYỆN", "huyên", "PHƯỜNG", "phuờng", "PHƯờNG", "ỦY", "Uỷ", "UỶ", "TRẤN",
		"PHỐ", "phô", "HÔM", "hôM", "TỐI", "TRƯA", "TRONG", "tronG", "ĐÊM", "Đêm", "đÊm", "NGÀY", "ngay", "CHIỀU", "chiêu",
		"x\xc3", "\xff\xfe", "ngà\xffy"}
	for _, w := range words {
		fw := newFoldWord(w)
		for _, s := range append(tries, w, strings.ToUpper(w)) {
			if got, want := fw.is(s), strings.EqualFold(s, w); got != want {
				t.Errorf("%q is %q: %v, EqualFold %v", s, w, got, want)
			}
			if got, want := fw.prefixOf(s+" Y"), hasPrefixFold(s+" Y", w); got != want {
				t.Errorf("%q begins with %q: %v, hasPrefixFold %v", s, w, got, want)
			}
		}
	}
}

// TestVNLetter: the letters told by their bytes are unicode's.
func TestVNLetter(t *testing.T) {
	for r := rune(0x80); r < 0x2000; r++ {
		s := string(r)
		if k, letter := vnLetter(s + "a"); k > 0 && (k != len(s) || letter != unicode.IsLetter(r)) {
			t.Errorf("vnLetter(%U) = %d %v", r, k, letter)
		}
		if k, letter := vnLetterLast("a" + s); k > 0 && (k != len(s) || letter != unicode.IsLetter(r)) {
			t.Errorf("vnLetterLast(%U) = %d %v", r, k, letter)
		}
		if alnumAt(s, true) != (unicode.IsLetter(r) || unicode.IsDigit(r)) || alnumAt(s, false) != alnumAt(s, true) {
			t.Errorf("alnumAt(%U)", r)
		}
	}
	for _, s := range []string{"\xc3", "\xe1\xbb", "\xe1\xbb\x41", "a\xbb", "\xc3\xc3", "\xbb\xbb"} {
		if k, _ := vnLetter(s); k > len(s) {
			t.Errorf("vnLetter(%q) = %d", s, k)
		}
		f, _ := utf8.DecodeRuneInString(s)
		l, _ := utf8.DecodeLastRuneInString(s)
		if alnumAt(s, true) != (unicode.IsLetter(f) || unicode.IsDigit(f)) || alnumAt(s, false) != (unicode.IsLetter(l) || unicode.IsDigit(l)) {
			t.Errorf("alnumAt(%q)", s)
		}
	}
}

func TestCollapseSpaces(t *testing.T) {
	ref := func(s string) string {
		return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
	}
	for _, s := range []string{"", "a", " a ", "a  b", "a \tb", "a\t b", "a\tb", "a \t \t  b c  d\t", "a b c", "  a   b  ", "a \t", "x\t\t\ty", "Hà  Nội\u00a0 x"} {
		want := ref(strings.TrimSpace(s))
		if strings.TrimSpace(s) != s && strings.ContainsRune(s, '\u00a0') {
			continue
		}
		if got := collapseSpaces(s); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNextDigit(t *testing.T) {
	ref := func(s string, i int) int {
		for ; i < len(s); i++ {
			if isDigit(s[i]) {
				return i
			}
		}
		return len(s)
	}
	var b []byte
	for n := 0; n < 40; n++ {
		b = append(b, "a/9:0\xff\xb0\xb9\x2f\x3a "[n%11])
	}
	for _, s := range []string{"", "1", "abcdefghijklmnop7", "Hà Nội ngày 12/3", "\xb0\xb1\xb9\xb0\xb1\xb9\xb0\xb1\xb9\xb0", "////////::::::::0", string(b), "abcdefgh9"} {
		for i := 0; i <= len(s); i++ {
			if got, want := nextDigit(s, i), ref(s, i); got != want {
				t.Errorf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func TestNextSep(t *testing.T) {
	ref := func(s string, i int, a, b byte) int {
		for ; i < len(s); i++ {
			if s[i] == a || s[i] == b {
				return i
			}
		}
		return len(s)
	}
	for _, s := range []string{"", " ", "abcdefgh", "abcdefgh ijk", "Hà Nội, ngày 12 tháng 3", "\x00\x01 \x21\x1f,,\xa0\x20\x2c", "aaaaaaaaaaaaaaaaaaaaa,", "\t\t\t\t\t\t\t\t\t "} {
		for i := 0; i <= len(s); i++ {
			for _, ab := range [][2]byte{{' ', ' '}, {' ', ','}, {' ', '\t'}} {
				if got, want := nextSep(s, i, ab[0], ab[1]), ref(s, i, ab[0], ab[1]); got != want {
					t.Errorf("nextSep(%q, %d, %q) = %d, want %d", s, i, ab, got, want)
				}
			}
		}
	}
}

// checkLevelPrefilter: the first bytes nextLevelStart and scanUnitsBuf test before
// levelWord never pass over a word that levelWord knows.
func checkLevelPrefilter(t *testing.T, w string) {
	if w == "" || levelWord(w) == lwNone {
		return
	}
	if !levelStart[w[0]] || (len(w) >= 2 && !levelPrefix(w)) || !levelBytes(w+" ", 0) || !levelCand(w+" ", 0) || !levelCand(w, 0) {
		t.Errorf("levelWord(%q) = %d, but the first bytes pass over it", w, levelWord(w))
	}
}

func FuzzLevelPrefilter(f *testing.F) {
	for _, w := range []string{"xã", "XÃ", "thị", "THỊ", "tphcm", "TPHCM", "thành", "THÀNH", "quận", "QUẬN", "tỉnh", "TỈNH", "tp.hcm",
		"huyện", "HUYỆN", "phường", "PHƯỜNG", "TP", "Tp", "TX", "TP.Cà", "(xã", "\"Phường", "“Huyện", "xã,", "quận:"} {
		f.Add(w)
	}
	f.Fuzz(checkLevelPrefilter)
}

func TestLevelPrefilter(t *testing.T) {
	for _, w := range []string{"xã", "XÃ", "xÃ", "thị", "ThỊ", "tphcm", "tPhCm", "thành", "tHÀNH", "quận", "qUẬN", "tỉnh", "TỈNH", "tp.hcm",
		"TP.HCM", "huyện", "hUYỆN", "phường", "pHƯỜNG", "TP", "Tp", "TX", "TP.Cà", "(xã", "\"Phường", "“Huyện", "xã,", "quận:", "TX.", "Tp."} {
		if levelWord(w) == lwNone {
			t.Errorf("levelWord(%q) knows no level", w)
		}
		checkLevelPrefilter(t, w)
	}
}

func TestNextLevelStart(t *testing.T) {
	ref := func(s string, i int) int {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		for k := i; k < len(s); k++ {
			if s[k] != ' ' && (k == i || s[k-1] == ' ') && levelCandRef(s, k) {
				return k
			}
		}
		return len(s)
	}
	words := []string{"xã", "Hà", "  ", " ", "(tỉnh", "a", "phường", "ưu", "\xa0", "tp", "ngày", "\t", "Qu", "\"H", "bbbbbbbbbbb", "x", "huyện", "thị", "TX", "quận"}
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := 0; k < n%23; k++ {
			b.WriteString(words[(n*7+k*k*3+k)%len(words)])
			if (n+k)%3 != 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			if got, want := nextLevelStart(s, i), ref(s, i); got != want {
				t.Fatalf("nextLevelStart(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func TestHasCityAbbrev(t *testing.T) {
	for s, want := range map[string]bool{
		"lãnh đạo các sở, ngành TP, đã họp": true,
		"Chủ tịch UBND TP Trần Văn Nam":     true,
		"TP. cũng đã giao":                  true,
		"tại TP.Huế":                        false,
		"TPHCM và các tỉnh":                 false,
	} {
		if got := hasCityAbbrev(s); got != want {
			t.Errorf("hasCityAbbrev(%q) = %v, want %v", s, got, want)
		}
	}
}

// levelStart and levelBytes are the three bytes nextLevelStart took
// before levelRules, the oracle of the first three of levelRules.
// levelStart are the bytes a word that may open a level starts with.
var levelStart = func() (t [256]bool) {
	for _, c := range []byte("pPxXqQhHtT(\"\xe2") {
		t[c] = true
	}
	return t
}()

// levelBytes is levelPrefix without the lengths, for a word that starts
// at s[i] and whose end is not known yet: the bytes it asks for are no
// spaces, so where s has them the word has them.
func levelBytes(s string, i int) bool {
	var d, e byte = ' ', ' ' // past the end: as a space, which none asks for
	if i+2 < len(s) {
		d, e = s[i+1], s[i+2]
	} else if i+1 < len(s) {
		d = s[i+1]
	}
	switch s[i] {
	case 'p', 'P':
		return (d == 'h' || d == 'H') && e == 0xc6
	case 'x', 'X':
		return d == 0xc3
	case 'q', 'Q':
		return (d == 'u' || d == 'U') && e == 0xe1
	case 'h', 'H':
		return (d == 'u' || d == 'U') && (e == 'y' || e == 'Y')
	case 't', 'T':
		switch d {
		case 'h', 'H':
			return e == 0xe1 || e == 0xc3
		case 0xe1:
			return e == 0xbb
		}
		return d == 'p' || d == 'P' || d == 'X'
	}
	return true
}

// levelFourthRef is what levelRules ask of the fourth byte f, and of
// the third of "xã", past levelStart and levelBytes.
func levelFourthRef(c, d, e, f byte) bool {
	switch c {
	case 'p', 'P':
		return f == 0xb0 || f == 0xaf
	case 'x', 'X':
		return e == 0xa3 || e == 0x83
	case 'q', 'Q':
		return f == 0xba
	case 'h', 'H':
		return f == 0xe1
	case 't', 'T':
		switch {
		case (d == 'h' || d == 'H') && e == 0xe1:
			return f == 0xbb
		case d == 'h' || d == 'H':
			return f == 0xa0 || f == 0x80
		case d == 0xe1:
			return f == 0x89 || f == 0x88
		}
	}
	return true
}

// levelCandRef is levelCand as levelStart, levelBytes and levelFourthRef.
func levelCandRef(s string, i int) bool {
	var d, e, f byte = ' ', ' ', ' '
	if i+1 < len(s) {
		d = s[i+1]
	}
	if i+2 < len(s) {
		e = s[i+2]
	}
	if i+3 < len(s) {
		f = s[i+3]
	}
	return levelStart[s[i]] && levelBytes(s, i) && levelFourthRef(s[i], d, e, f)
}

// TestLevelRules: levelRules take every four bytes that levelStart,
// levelBytes and levelFourthRef take, and no others.
func TestLevelRules(t *testing.T) {
	s := []byte{0, 0, 0}
	for c := 0; c < 256; c++ {
		for d := 0; d < 256; d++ {
			for e := 0; e < 256; e++ {
				s[0], s[1], s[2] = byte(c), byte(d), byte(e)
				want3 := levelStart[c] && levelBytes(string(s), 0)
				if got := levelRuleC[c]&levelRuleD[d]&levelRuleE[e] != 0; got && !want3 {
					t.Fatalf("levelRules(%q) take what levelBytes does not", s)
				}
				for f := 0; f < 256; f++ {
					want := want3 && levelFourthRef(byte(c), byte(d), byte(e), byte(f))
					if got := levelRuleC[c]&levelRuleD[d]&levelRuleE[e]&levelRuleF[f] != 0; got != want {
						t.Fatalf("levelRules(%q, %#x) = %v, want %v", s, f, got, want)
					}
					if !want3 {
						break // the rest of f are no different
					}
				}
			}
		}
	}
}

// FuzzNextLevelStart holds nextLevelStart to a scan of every word start.
func FuzzNextLevelStart(f *testing.F) {
	for _, s := range []string{"Ủy ban nhân dân xã Tân Phú", "ở thành phố Hồ Chí Minh và huyện Củ Chi", "tại TP.HCM", "the (tỉnh) \"Phường 5\" “Huyện ủy” tp TX"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		want := i
		for want < len(s) && s[want] == ' ' {
			want++
		}
		for k := want; k < len(s); k++ {
			if s[k] != ' ' && (k == want || s[k-1] == ' ') && levelCandRef(s, k) {
				want = k
				goto found
			}
		}
		want = len(s)
	found:
		if got := nextLevelStart(s, i); got != want {
			t.Fatalf("nextLevelStart(%q, %d) = %d, want %d", s, i, got, want)
		}
	})
}

// TestScratchComesBackClear: scanUnitsBuf hands its scratch back as long
// as the most tokens it wrote, so that putToks, clearing that length,
// leaves no text in the whole of it.
func TestScratchComesBackClear(t *testing.T) {
	text := "Đảng ủy phường Tây Sơn, thành phố Pleiku, tỉnh Gia Lai cùng UBND xã Ia Kênh và huyện Chư Păh tổ chức hội nghị. " +
		"Xã An Phú."
	scratch := new([]tok)
	if occs := scanUnitsBuf(text, scratch, nil); len(occs) < 3 {
		t.Fatalf("found %d units, want at least 3", len(occs))
	}
	putToks(scratch)
	for i, tk := range (*scratch)[:cap(*scratch)] {
		if tk != (tok{}) {
			t.Fatalf("token %d of the scratch still holds %q", i, tk.raw)
		}
	}
}
