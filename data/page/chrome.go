package page

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a line of the page is, judged from the line alone.
type kind uint8

const (
	kBlank   kind = iota
	kText         // anything else: headline, paragraph, caption, menu item, name
	kJunk         // no letter or digit: ".", ";", "|", "***"
	kNav          // navigation, link, share and widget labels: "Tin khác", "Skip to Content"
	kCounter      // a site's visitor counter: "Trực tuyến: 236", "Hôm nay: 1314"
	kDate         // the date line: "Ngày đăng 15/03/2023 | 19:52 | View count: 55"
	kViews        // the page's view counter alone: "Lượt xem: 678"
	kURL          // a link line: "Xem chi tiết tại đây: https://...", "(http://...)"
	kLabel        // a byline's role label: "Thực hiện:", "Tin, ảnh: MINH HIỂN"
)

// line is one line of the page.
type line struct {
	text  string // trimmed
	kind  kind
	words int
	date  *dateLine // kDate
	views int       // kViews (and kDate when hasViews)
	url   string    // kURL
	name  string    // kLabel: what follows the label ("MINH HIỂN"), if anything
}

// isChrome reports whether the line's kind alone makes it page chrome.
func (l *line) isChrome() bool {
	switch l.kind {
	case kJunk, kNav, kCounter, kDate, kViews, kURL, kLabel:
		return true
	}
	return false
}

// navPrefixes begin the labels of links, menus, buttons and widgets
// (folded). They make a line chrome only when the line is short.
var navPrefixes = []string{
	"skip to", "bo qua", "tin khac", "cac tin khac", "tin lien quan", "cac tin lien quan",
	"bai viet lien quan", "bai lien quan", "tin cung chuyen muc", "tin cung loai", "xem them",
	"doc them", "xem tiep", "doc tiep", "xem chi tiet", "viet binh luan", "binh luan",
	"gui binh luan", "y kien ban doc", "chia se", "share", "tweet", "in bai", "ban in",
	"in trang", "gui email", "gui bai", "email", "print", "ve trang truoc", "ve dau trang",
	"quay lai", "tro ve", "trang chu", "home", "xem voi co chu", "co chu", "tai ve",
	"tai ban day du", "thoi tiet", "ty gia", "gia vang", "lien he", "dang nhap", "dang ky",
	"tim kiem", "facebook", "zalo", "tu khoa", "tags", "rss", "lien ket website",
	"thong ke truy cap", "luot truy cap", "dang truy cap", "dang online", "tong luot truy cap",
	"ban quyen", "copyright", "top", "menu", "like", "follow", "ban dang xem",
	"bai viet the hien quan diem", "nguon:", "nguon tin", "go to top", "len dau trang",
	"cong thong tin", "trang thong tin dien tu", "trang tin dien tu", "theo ",
	"y kien cua ban", "gui y kien", "ma xac nhan", "nhap ma", "binh chon", "tin da dua",
	"cac tin da dua", "tin cu hon", "cac tin cu hon", "tin moi hon", "xem tat ca", "cac bai viet khac",
	"bai viet cung chuyen muc", "tin bai lien quan", "trang truoc", "trang sau",
}

// longNavPrefixes make a line chrome at any length up to 30 words.
var longNavPrefixes = []string{"tu khoa", "tags", "tag:", "chu de:", "bai viet the hien quan diem",
	"dia chi:", "dien thoai:", "fax:", "email:", "e-mail:", "chiu trach nhiem", "giay phep", "ghi ro nguon",
	"truong ban bien tap", "co quan chu quan", "don vi quan ly", "ban quyen", "copyright", "©"}

// navByFirst and longNavByFirst list navPrefixes and longNavPrefixes by
// their first byte.
var navByFirst, longNavByFirst = byFirstByte(navPrefixes), byFirstByte(longNavPrefixes)

func byFirstByte(ps []string) (t [256][]string) {
	for _, p := range ps {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}

// firstByte is s[0], or 0 for "" (no prefix starts with it).
func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// counterWords name a site's visitor counters (folded).
var counterWords = []string{
	"truc tuyen", "hom nay", "hom qua", "tuan nay", "tuan truoc", "thang nay", "thang truoc",
	"nam nay", "tat ca", "tong", "truy cap", "online", "dang xem", "khach", "thanh vien",
}

// bylineLabels are the role labels printed before a byline (folded, without
// the colon).
var bylineLabels = map[string]bool{
	"tin, anh": true, "tin va anh": true, "tin - anh": true, "tin/anh": true, "tin": true,
	"bai, anh": true, "bai va anh": true, "bai": true, "thuc hien": true, "tac gia": true,
	"nguoi viet": true, "phong vien": true, "pv": true, "ctv": true, "cong tac vien": true,
	"nhom pv": true, "nhom phong vien": true, "bai va anh:": true, "anh": true, "video": true,
	"tin, anh, video": true, "author": true, "by": true,
}

// classify judges one trimmed line.
func classify(s string) line {
	var fb foldBuf
	return classifyBuf(s, &fb)
}

// classifyBuf is classify with a buffer for folding.
func classifyBuf(s string, fb *foldBuf) line {
	l := line{text: s}
	if s == "" {
		l.kind = kBlank
		return l
	}
	if !hasLetterOrDigit(s) {
		l.kind = kJunk
		return l
	}
	l.words = countWordsUpTo(s, 61)
	l.kind = kText
	if l.words > 40 {
		return l
	}
	if strings.HasPrefix(s, "»") || (s[0] == '[' && s[len(s)-1] == ']' && strings.IndexByte(s[1:], '[') < 0) {
		l.kind = kNav // a related article's link: "» Headline", "[Headline]"
		return l
	}
	if l.words <= 10 && (strings.HasPrefix(s, "Hôm nay") || strings.HasPrefix(s, "hôm nay") || strings.HasPrefix(s, "HÔM NAY")) && strings.IndexByte(s, '/') > 0 {
		l.kind = kNav // a header's "today is": "Hôm nay, thứ Hai 23/11/2026"
		return l
	}
	if dl, ok := parseDateLine(s); ok {
		d := dl // only a date line's goes to the heap
		l.kind, l.date = kDate, &d
		if nameLike(dl.by) {
			l.name = dl.by
		}
		return l
	}
	if l.words <= 12 {
		if v, ok := parseViewsLine(s); ok {
			l.kind, l.views = kViews, v
			return l
		}
	}
	if l.words <= 15 {
		if u := findURL(s); u != "" {
			l.kind, l.url = kURL, u
			return l
		}
	}
	f := fb.fold(firstN(s, 64))
	if l.words <= 30 && (strings.Contains(s, "tại đây") || strings.Contains(s, "Tại đây") || strings.Contains(s, "TẠI ĐÂY") || strings.HasPrefix(f, "ban dang xem") || strings.HasPrefix(f, "tai ban day du")) {
		l.kind = kNav
		return l
	}
	if l.words <= 30 {
		for _, p := range longNavByFirst[firstByte(f)] {
			if strings.HasPrefix(f, p) {
				l.kind = kNav
				return l
			}
		}
	}
	if l.words <= 16 && strings.Contains(s, " | ") {
		if dl, name, ok := pipedDateLine(s); ok {
			l.kind, l.date, l.name = kDate, &dl, name
			return l
		}
	}
	if l.words <= 8 {
		if isCounter(f) {
			l.kind = kCounter
			return l
		}
		for _, p := range navByFirst[firstByte(f)] {
			if strings.HasPrefix(f, p) && (len(f) == len(p) || !isWordByte(f[len(p)]) || !isWordByte(p[len(p)-1])) {
				l.kind = kNav
				return l
			}
		}
		if isButtonRow(s) || isPager(s) || strings.Contains(s, "°") {
			l.kind = kNav // font-size buttons, page numbers, the weather
			return l
		}
	}
	if l.words <= 10 {
		if lab, name, ok := splitLabel(s); ok && (bylineLabels[lab] || roleLabel(lab)) {
			l.kind, l.name = kLabel, name
			return l
		}
	}
	return l
}

func isWordByte(b byte) bool {
	return b >= utf8.RuneSelf || ('a' <= b && b <= 'z') || isDigit(b)
}

// pipedDateLine reads a date line whose parts are set off by "|": the
// date, and a labelled byline or other labels ("09/01/2024 | Tác giả:
// Nguyễn An"). It returns the byline's name, if any.
func pipedDateLine(s string) (dateLine, string, bool) {
	var dl dateLine
	found, name := false, ""
	for _, part := range strings.Split(s, "|") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if d, ok := parseDateLine(part); ok && !found {
			dl, found = d, true
			continue
		}
		if v, ok := parseViewsLine(part); ok {
			dl.views, dl.hasViews = v, true
			continue
		}
		if lab, n, ok := splitLabel(part); ok && bylineLabels[lab] && nameLike(n) {
			name = n
			continue
		}
		return dl, "", false
	}
	return dl, name, found
}

// isButtonRow reports whether a line is a row of one-letter buttons: "A A",
// "A- A A+".
func isButtonRow(s string) bool {
	for t := range strings.FieldsSeq(s) {
		if t = strings.TrimRight(t, "+-"); t != "A" && t != "a" {
			return false
		}
	}
	return true
}

// isPager reports whether a line is a row of page numbers and arrows:
// "1 2 3 … Tiếp »", "« 1 2 3 »".
func isPager(s string) bool {
	digits, marks := 0, 0
	var buf [32]byte
	for t := range strings.FieldsSeq(s) {
		switch {
		case isDigits(t) && len(t) <= 3:
			digits++
		case t == "»" || t == "«" || t == "›" || t == "‹" || t == "…" || t == "..." || t == ">" || t == "<" || t == "|":
			marks++
		default:
			f := foldInto(buf[:], t)
			if f != "tiep" && f != "truoc" && f != "sau" && f != "dau" && f != "cuoi" {
				return false
			}
			marks++
		}
	}
	return digits >= 2 && marks >= 1
}

// isCounter reports whether a folded line is "label: number" with a
// counter's label.
func isCounter(f string) bool {
	i := strings.LastIndexByte(f, ':')
	if i <= 0 {
		return false
	}
	n := strings.TrimSpace(f[i+1:])
	if !isGroupedNumber(n) {
		return false
	}
	lab := strings.TrimSpace(f[:i])
	for _, w := range counterWords {
		if strings.Contains(lab, w) {
			return true
		}
	}
	return false
}

// roleLabel reports whether a folded label names the roles of a byline's
// author in any spelling: "bai,anh", "tin-anh", "tin, anh", "bai va anh".
func roleLabel(lab string) bool {
	story := false
	n := 0
	for _, t := range strings.FieldsFunc(lab, func(r rune) bool { return r == ',' || r == '-' || r == '/' || r == ' ' || r == '&' }) {
		switch t {
		case "bai", "tin":
			story = true
		case "anh", "video", "va":
		default:
			return false
		}
		n++
	}
	return story && n <= 5
}

// splitLabel splits "Tin, ảnh: MINH HIỂN" into the folded label "tin, anh"
// and the name "MINH HIỂN".
func splitLabel(s string) (string, string, bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 30 {
		return "", "", false
	}
	name := s[i+1:]
	if j := strings.Index(name, " | "); j >= 0 {
		name = name[:j] // "Người viết: Nguyễn An | Biên tập: Trần Bình"
	}
	return strings.TrimSpace(fold(s[:i])), strings.TrimSpace(name), true
}

// findURL returns the first web address in s, without enclosing
// brackets or trailing punctuation.
func findURL(s string) string {
	i := strings.Index(s, "http://")
	if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		i = strings.Index(s, "www.")
	}
	if i < 0 {
		return ""
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != ')' && s[j] != '"' && s[j] != '>' {
		j++
	}
	u := strings.TrimRight(s[i:j], ".,;")
	if len(u) < 8 {
		return ""
	}
	return u
}

// isBreadcrumb reports whether a short line is a menu trail or section
// label: "Thời sự - Chính trị", "Trang chủ > Tin tức".
func isBreadcrumb(s string, words int) bool {
	if words > 7 || endsSentence(s) {
		return false
	}
	for _, sp := range []string{" - ", " – ", " > ", " » ", " | ", " / "} {
		if strings.Contains(s, sp) {
			parts := strings.Split(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, " – ", " - "), " > ", " - "), " » ", " - "), " | ", " - "), " / ", " - "), " - ")
			for _, p := range parts {
				if countWordsUpTo(p, 4) > 3 || !isUpperStart(strings.TrimSpace(p)) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// sectionWords open the names of a site's sections (folded).
var sectionWords = []string{"hoat dong", "tin tuc", "thoi su", "chuyen muc", "su kien", "tin noi bat",
	"tin trong", "tin dia phuong", "xay dung dang", "chinh tri", "kinh te", "van hoa", "xa hoi",
	"quoc phong", "an ninh", "tin hoat dong", "tin tong hop", "thong bao", "chuyen de", "tieu diem"}

// isSectionLabel reports whether a short line names a section of the site:
// "Hoạt động của xã phường", "Tin tức - Sự kiện", "Xây dựng Đảng".
func isSectionLabel(s string, words int) bool {
	if words > 6 || endsSentence(s) || hasDigit(s) {
		return false
	}
	var buf [64]byte
	f := foldInto(buf[:], firstN(s, 40))
	for _, w := range sectionWords {
		if strings.HasPrefix(f, w) {
			return len(scanUnits(s)) == 0 // "Kinh tế phường X tăng trưởng khá" is a headline
		}
	}
	return false
}

// nameMaxLen is the most bytes nameLike takes for a name.
const nameMaxLen = 90

// nameLike reports whether a short line reads as a person's name or a
// group of names, as bylines print them: "Hoàng Bình", "HOÀNG PHƯƠNG",
// "Minh Huyền - Bá Lộc", "Ngọc Ánh, Piên", "Minh Thà/KD&PL", "L.B",
// "CTV Rơ Lan Viện (Huyện Chư Prông)".
func nameLike(s string) bool {
	if s == "" || len(s) > nameMaxLen || endsWithColon(s) || !isUpperStart(strings.TrimLeft(s, "(")) {
		return false
	}
	words, paren := 0, 0
	for _, t := range strings.Fields(s) {
		if strings.HasPrefix(t, "(") {
			paren++
		}
		inParen := paren > 0
		if strings.HasSuffix(t, ")") {
			paren--
		}
		core := trimPunct(t)
		switch {
		case core == "":
			continue
		case inParen:
			continue
		case core == "và" || core == "and":
			continue
		}
		if hasDigit(core) {
			return false
		}
		if !unicode.IsUpper(firstRune(core)) {
			return false
		}
		words++
	}
	return words >= 1 && words <= 7
}

func endsWithColon(s string) bool { return lastRune(s) == ':' }

// orgPrefixes begin the names of offices that sign reports (folded).
var orgPrefixes = []string{
	"trung tam", "ban ", "phong ", "van phong", "dai ", "bao ", "cong thong tin", "ubnd",
	"uy ban", "dang uy", "hoi dong", "so ", "cong an", "ban bien tap", "tap chi",
}

// orgLike reports whether a line reads as an issuing office: "Trung tâm
// Văn hoá và Truyền thông thành phố Thái Nguyên".
func orgLike(s string, words int) bool {
	if words < 2 || words > 16 || endsWithStop(s) || endsWithColon(s) || !isUpperStart(s) {
		return false
	}
	var buf [128]byte
	f := foldInto(buf[:], s)
	for _, p := range orgPrefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// isLeadStart reports whether a paragraph opens with the day of the event
// ("Chiều 8/1, ...", "Sáng ngày 04/01/2024 ...").
func isLeadStart(s string) bool {
	ep, ok := findEventPhrase(firstN(s, 80))
	return ok && ep.start == 0
}

// firstN is at most the first n bytes of s, cut at a rune boundary.
func firstN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
