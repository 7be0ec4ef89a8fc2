package page

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/model"
)

// The date line checks run before the patterns must not change what
// parseDateLine finds: parseDateLineRef is parseDateLine as it was before
// them, patterns only.

func parseDateLineRef(s string) (dateLine, bool) {
	var dl dateLine
	if len(s) > 160 || !strings.ContainsAny(s, "0123456789") {
		return dl, false
	}
	if strings.HasPrefix(s, "..") || strings.HasPrefix(s, "…") {
		return dl, false // a letterhead's blank place name: a document date
	}
	if !mayHoldDate(s) || countWordsUpTo(s, 17) > 16 {
		return dl, false
	}
	rest := s
	y, m, d := 0, 0, 0
	hh, mm, ss, clock := 0, 0, 0, false
	if loc := isoDateRe.FindStringSubmatchIndex(rest); loc != nil {
		g := func(i int) string {
			if loc[2*i] < 0 {
				return ""
			}
			return rest[loc[2*i]:loc[2*i+1]]
		}
		y, m, d = atoi(g(1)), atoi(g(2)), atoi(g(3))
		if g(4) != "" {
			hh, mm, ss, clock = atoi(g(4)), atoi(g(5)), atoi(g(6)), true
		}
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	} else if loc := dmyDateRe.FindStringSubmatchIndex(rest); loc != nil {
		d, m, y = atoi(rest[loc[2]:loc[3]]), atoi(rest[loc[6]:loc[7]]), atoi(rest[loc[8]:loc[9]])
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	} else if loc := vnDateRe.FindStringSubmatchIndex(rest); loc != nil {
		d, m, y = atoi(rest[loc[2]:loc[3]]), atoi(rest[loc[4]:loc[5]]), atoi(rest[loc[6]:loc[7]])
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	} else {
		return dl, false
	}
	if !validDate(y, m, d) {
		return dl, false
	}
	rest = zoneRe.ReplaceAllString(rest, " ")
	// an author on the date line: "Đăng ngày 12/01/2024 bởi X", "... Tác giả: X"
	if low := strings.ToLower(rest); len(low) == len(rest) {
		for _, w := range []string{" bởi ", " by ", "tác giả", "người đăng", "người viết"} {
			if k := strings.Index(low, w); k >= 0 {
				by := strings.TrimLeft(rest[k+len(w):], " :")
				if j := strings.Index(by, "|"); j >= 0 {
					by = by[:j]
				}
				dl.by = strings.TrimSpace(by)
				rest = rest[:k]
				break
			}
		}
	}
	if loc := viewsRe.FindStringSubmatchIndex(rest); loc != nil {
		num := ""
		if loc[2] >= 0 {
			num = rest[loc[2]:loc[3]]
		} else {
			num = rest[loc[4]:loc[5]]
		}
		if v, ok := parseCount(num); ok {
			dl.views, dl.hasViews = v, true
		}
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	}
	if !clock {
		if loc := clockRe.FindStringSubmatchIndex(rest); loc != nil {
			hh, mm = atoi(rest[loc[2]:loc[3]]), atoi(rest[loc[4]:loc[5]])
			if loc[6] >= 0 {
				ss = atoi(rest[loc[6]:loc[7]])
			}
			if loc[8] >= 0 {
				switch strings.ToUpper(rest[loc[8]:loc[9]]) {
				case "PM", "CH":
					if hh < 12 {
						hh += 12
					}
				case "AM", "SA":
					if hh == 12 {
						hh = 0
					}
				}
			}
			if hh < 24 && mm < 60 && ss < 60 {
				clock = true
				rest = rest[:loc[0]] + " " + rest[loc[1]:]
			}
		}
	}
	// What is left must be labels and separators, and perhaps one bare
	// number after the date: a view counter printed without its label.
	other := 0
	var buf []byte
	for _, tok := range strings.Fields(rest) {
		t := trimPunct(tok)
		if t == "" {
			continue
		}
		if isDigits(t) || isGroupedNumber(t) {
			if v, ok := parseCount(t); ok && !dl.hasViews {
				dl.views, dl.hasViews = v, true
				continue
			}
			other++
			continue
		}
		buf = foldAppend(buf[:0], t)
		if !dateLabels[string(buf)] {
			other++
		}
	}
	if other > 2 {
		return dl, false
	}
	if clock {
		dl.when = model.DateTime(y, m, d, hh, mm, ss)
	} else {
		dl.when = model.Date(y, m, d)
	}
	return dl, true
}

// dateLineSamples are lines that are date lines or nearly: the lines of the
// test pages and variants that put labels, authors and counters around
// dates.
func dateLineSamples() []string {
	out := []string{
		"Ngày đăng 15/03/2023 | 19:52 | View count: 55", "2023-12-08 15:07:00.0",
		"Cập nhật lúc 16:21 ngày 17 tháng 2 năm 2025", "Thứ hai, 08/01/2024 10:15 (GMT+7)",
		"12/01/2024 08:15 - Tác giả: Nguyễn An", "Đăng ngày 12/01/2024 bởi Trần Bình",
		"09/01/2024 | Lượt xem: 1.204", "16:30 SA 08/01/2024", "08/01/2024 16 h 30 xemđăng",
		"Xã Hải Bối tổ chức hội nghị tổng kết công tác dân vận (10/07/2020)",
		"Posted on 2024-01-08T10:15:00+07:00 by Admin", "08/01/2024 lần đọc: 5 bài viết",
		"08/01/2024 UTC +7 xem thêm tin", "08/01/2024 ngàyview: 5", "08/01/2024 SAngày đăng giờ",
		"08.01.2024 - 10:15 AM - 123 lượt xem", "8 tháng 1 năm 2024 đã xem 12 lần",
		"Ngày 20 tháng 6 năm 2018 Ủy ban nhân dân xã", "8 GIỜ 05 ngày 12 / 3 / 2024", "12 . 3 . 2024 - 8 H 05", "2024/3/12T08:05:06Z", "tác12/01/2024giả X Y Z",
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

func TestParseDateLineAsBefore(t *testing.T) {
	for _, s := range dateLineSamples() {
		checkDateLineAsBefore(t, s)
		for _, extra := range []string{" Hà Nội", " tổ chức hội nghị", " bởi Hoa", " | Tác giả: Lan", " (GMT+7)"} {
			checkDateLineAsBefore(t, s+extra)
			checkDateLineAsBefore(t, extra[1:]+" "+s)
		}
	}
}

func checkDateLineAsBefore(t *testing.T, s string) {
	t.Helper()
	got, gok := parseDateLine(s)
	want, wok := parseDateLineRef(s)
	if gok != wok || (gok && got != want) { // what a line that is none holds is not used
		t.Errorf("parseDateLine(%q) = %+v %v, before %+v %v", s, got, gok, want, wok)
	}
}

func FuzzParseDateLine(f *testing.F) {
	for _, s := range dateLineSamples() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDateLineAsBefore(t, s)
	})
}

// TestViewsCheck: wherever viewsRe matches, mayMatchViews lets it try.
func TestViewsCheck(t *testing.T) {
	for _, s := range append(dateLineSamples(), "Lượt xem: 678", "View count: 55", "39 lượt xem", "Số lượt đọc: 513", "viewſ 5",
		"VIEWS:12", "Lần đọc 4", "5.000 LẦN ĐỌC", "12 views", "đã xem  :  7", "lượt truy cập bài viết: 9", "Xem chi tiết tại đây: https://a.vn/b-12.html") {
		checkViews(t, s)
	}
}

func checkViews(t *testing.T, s string) {
	t.Helper()
	if viewsRe.MatchString(s) && !mayMatchViews(s) {
		t.Errorf("viewsRe matches %q, mayMatchViews says it cannot", s)
	}
	if isoDateRe.MatchString(s) && !isoMay(s) {
		t.Errorf("isoDateRe matches %q, isoMay says it cannot", s)
	}
	if dmyDateRe.MatchString(s) && !dmyMay(s) {
		t.Errorf("dmyDateRe matches %q, dmyMay says it cannot", s)
	}
	if clockRe.MatchString(s) && !clockMay(s) {
		t.Errorf("clockRe matches %q, clockMay says it cannot", s)
	}
}

func FuzzViewsCheck(f *testing.F) {
	for _, s := range dateLineSamples() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkViews(t, s) })
}

// findEventPhraseFromRef is findEventPhraseFrom word by word, as it was
// before it looked for time words eight bytes at a time.
func findEventPhraseFromRef(p string, from int) (eventPhrase, bool) {
	if !hasDayMonth(p[from:]) {
		return eventPhrase{}, false
	}
	for i := from; i < len(p); {
		if p[i] == ' ' || p[i] == '(' {
			i++
			continue
		}
		j := i
		for j < len(p) && p[j] != ' ' && p[j] != ',' {
			j++
		}
		if j == i {
			i++
			continue
		}
		if w := timeWord(p[i:j]); w != "" {
			if ep, ok := eventAt(p, i, j, w); ok {
				return ep, true
			}
		}
		i = j + 1
	}
	return eventPhrase{}, false
}

func checkEventPhrase(t *testing.T, p string) {
	t.Helper()
	for from := 0; from <= len(p); from += 1 + from/3 {
		got, gok := findEventPhraseFrom(p, from)
		want, wok := findEventPhraseFromRef(p, from)
		if gok != wok || (gok && got != want) {
			t.Fatalf("findEventPhraseFrom(%q, %d) = %+v %v, before %+v %v", p, from, got, gok, want, wok)
		}
	}
}

func TestEventPhraseAsBefore(t *testing.T) {
	for _, s := range append(dateLineSamples(), "Chiều 8/1, Đảng ủy", "x (Sáng 8/1, y", "x((Sáng 8/1, y", "a,Chiều nay (8/2) Hội", "( (  ,Ngày 7/10 tại",
		"trong 2 ngày 24-25/7/2025, X", "abc Sáng thứ Hai (8/1) Y", "Tối,,, 5/6 Z", "((((Trưa 3-4 vừa qua", "hôm nay 12.5, A") {
		checkEventPhrase(t, s)
		checkEventPhrase(t, "Nội dung "+s)
	}
}

func FuzzEventPhrase(f *testing.F) {
	for _, s := range dateLineSamples() {
		f.Add(s)
	}
	f.Add("x (Sáng 8/1, y")
	f.Fuzz(checkEventPhrase)
}

func TestTimeSecond(t *testing.T) {
	for _, w := range []string{"hôm", "sáng", "tối", "trưa", "trong", "đêm", "ngày", "chiều"} {
		r, n := utf8.DecodeRuneInString(w)
		for _, v := range []string{w, strings.ToUpper(w), string(unicode.ToUpper(r)) + w[n:]} {
			if timeWord(v) == "" || !timeStart[v[0]] || !timeSecond(v[0], v[1]) {
				t.Errorf("%q: timeWord %q, first bytes pass over it", v, timeWord(v))
			}
		}
	}
}

// findVerbEventPhraseRef is findVerbEventPhrase word by word, as it was
// before it went from digit to digit.
func findVerbEventPhraseRef(p string) (eventPhrase, bool) {
	sentStart := 0
	prev := ""
	for i := 0; i < len(p); {
		for i < len(p) && (p[i] == ' ' || p[i] == ',' || p[i] == '(') {
			i++
		}
		j := i
		for j < len(p) && p[j] != ' ' && p[j] != ',' && p[j] != '(' {
			j++
		}
		if j == i {
			break
		}
		w := p[i:j]
		if n := j - i; (n == 4 || n == 5 || n == 7) && dayWord(timeWord(w)) {
			tw := timeWord(w)
			k := j
			if tw != "ngay" {
				if nw, nj := nextWord(p, k); nw == "ngay" {
					k = nj
				}
			}
			for k < len(p) && (p[k] == ' ' || p[k] == '(') {
				k++
			}
			if ep, end, ok := parseDayMonth(p, k); ok && ep.y == 0 && !notEventBefore[fold(prev)] && !dayAhead(p, end) {
				sen := fold(p[sentStart:i])
				if strings.Contains(" "+sen, " se ") {
					return eventPhrase{}, false
				}
				for _, ew := range eventWords {
					if strings.Contains(sen, ew) {
						ep.start, ep.end = i, end
						return ep, true
					}
				}
			}
		}
		prev = w
		if c := w[len(w)-1]; c == '.' || c == '!' || c == '?' || c == ';' {
			sentStart = j
		}
		i = j
	}
	return eventPhrase{}, false
}

func checkVerbEventPhrase(t *testing.T, p string) {
	t.Helper()
	got, gok := findVerbEventPhrase(p)
	want, wok := findVerbEventPhraseRef(p)
	if gok != wok || (gok && got != want) {
		t.Fatalf("findVerbEventPhrase(%q) = %+v %v, before %+v %v", p, got, gok, want, wok)
	}
}

func verbEventSamples() []string {
	return []string{
		"Chiều 8/1, Đảng ủy phường tổ chức hội nghị",
		"Đảng ủy phường tổ chức hội nghị tổng kết vào chiều 8/1",
		"Hội nghị diễn ra sáng ngày 28/6 tại hội trường",
		"Hội nghị diễn ra sáng  ngày (28/6) tại hội trường",
		"Kỳ họp sẽ diễn ra vào ngày 25-5 tới",
		"Đại hội diễn ra. Tính đến ngày 30/6, sáng 3/7 khai mạc",
		"Đại hội diễn ra, tính đến ngày 30/6; sáng 3/7 khai mạc",
		"Hội nghị làm việc ngày 16/3 tới đây",
		"Hội nghị tiến hành sáng ngày ngày 4/5",
		"Hội nghị tiến hành sáng,ngày 4/5 và tối (5/5)",
		"cử hành trưa 06 và 07-5 ở xã",
		"Buổi làm việc sáng Ngày 20 tháng 6 năm 2018 và chiều ngày 21 tháng 6",
		"Hội nghị khai mạc sáng ngáy 8/1",
		"Hội nghị khai mạc SÁNG NGÀY 8/1, tối(9/1)",
		"hội nghị(sáng 8/1)",
		"hội nghị.sáng 8/1",
		"Cuộc họp! Trước sáng 8/1 kỳ họp; trưa 9/1",
	}
}

func TestVerbEventPhraseAsBefore(t *testing.T) {
	for _, s := range append(verbEventSamples(), dateLineSamples()...) {
		checkVerbEventPhrase(t, s)
		checkVerbEventPhrase(t, "Hội nghị "+s)
	}
}

func FuzzVerbEventPhrase(f *testing.F) {
	for _, s := range verbEventSamples() {
		f.Add(s)
	}
	f.Fuzz(checkVerbEventPhrase)
}

// nextTimeStartRef is nextTimeStart read byte by byte, with timeStart,
// timeSecond and timeThirdRef: the oracle of FuzzNextTimeStart.
func nextTimeStartRef(p string, i, first int) int {
	if i <= 0 || i >= len(p) {
		return len(p)
	}
	for k := i; k < len(p); k++ {
		if isWordGap(p[k]) || !isWordGap(p[k-1]) || !timeStart[p[k]] || k+2 >= len(p) || !timeSecond(p[k], p[k+1]) || !timeThirdRef(p[k], p[k+1], p[k+2]) {
			continue
		}
		for g := k - 1; ; g-- {
			if g < first || p[g] == ' ' || p[g] == ',' {
				return k
			}
			if p[g] != '(' {
				break
			}
		}
	}
	return len(p)
}

func FuzzNextTimeStart(f *testing.F) {
	for _, s := range []string{"Chiều 8/1, tại xã", "trong (ngày 5/7) (sáng) hôm,Tối đêm", "ĐÊM trưa Trong chiều NGÀY", "a(ngày 1/2"} {
		f.Add(s, 1, 0)
	}
	f.Fuzz(func(t *testing.T, p string, i, first int) {
		if first < 0 || first > i || i > len(p) {
			return
		}
		if got, want := nextTimeStart(p, i, first), nextTimeStartRef(p, i, first); got != want {
			t.Fatalf("nextTimeStart(%q, %d, %d) = %d, want %d", p, i, first, got, want)
		}
	})
}

// timeThirdRef is what timeRules ask of a word's third byte e, past
// timeStart and timeSecond.
func timeThirdRef(c, d, e byte) bool {
	switch c {
	case 'h', 'H':
		return e == 0xb4 || e == 0x94
	case 's', 'S':
		return e == 0xa1 || e == 0x81
	case 't', 'T':
		if d == 0xe1 {
			return e == 0xbb
		}
		return e == 0xc6 || e == 'o' || e == 'O'
	case 0xc4, 'n', 'N':
		return e == 0xc3
	case 'c', 'C':
		return e == 'i' || e == 'I'
	}
	return false
}

// TestTimeRules: timeRules take every three bytes that timeStart,
// timeSecond and timeThirdRef take, and no others.
func TestTimeRules(t *testing.T) {
	for c := 0; c < 256; c++ {
		for d := 0; d < 256; d++ {
			for e := 0; e < 256; e++ {
				want := timeStart[c] && timeSecond(byte(c), byte(d)) && timeThirdRef(byte(c), byte(d), byte(e))
				if got := timeRuleC[c]&timeRuleD[d]&timeRuleE[e] != 0; got != want {
					t.Fatalf("timeRules(%#x, %#x, %#x) = %v, want %v", c, d, e, got, want)
				}
			}
		}
	}
}

// checkTimePrefilter: timeCand takes every word that timeWord knows.
func checkTimePrefilter(t *testing.T, w string) {
	if w == "" || timeWord(w) == "" {
		return
	}
	if !timeCand(w, 0) || !timeCand(w+" ", 0) {
		t.Errorf("timeWord(%q) = %q, but timeCand passes over it", w, timeWord(w))
	}
}

func FuzzTimePrefilter(f *testing.F) {
	for _, w := range []string{"hôm", "HÔM", "sáng", "SÁNG", "tối", "TỐI", "trưa", "TRƯA", "trong", "TRONG", "đêm", "ĐÊM", "ngày", "NGÀY", "chiều", "CHIỀU"} {
		f.Add(w)
	}
	f.Fuzz(checkTimePrefilter)
}

func TestTimePrefilter(t *testing.T) {
	for _, w := range []string{"hôm", "HÔM", "hÔm", "sáng", "SÁNG", "sÁng", "tối", "TỐI", "Tối", "trưa", "TRƯA", "tRưa", "trong", "TRONG", "trOng",
		"đêm", "ĐÊM", "Đêm", "đÊm", "ngày", "NGÀY", "nGày", "chiều", "CHIỀU", "cHiều", "ChIều"} {
		if timeWord(w) == "" {
			t.Errorf("timeWord(%q) knows no time word", w)
		}
		checkTimePrefilter(t, w)
	}
}

// yearsInRef is yearsIn as it was, reading byte by byte to each digit:
// the oracle of FuzzYearsIn for the scan (what a number says is yearAt's,
// shared).
func yearsInRef(s string) []yearMention {
	var out []yearMention
	if y := anniversaryYear(s); y != 0 {
		out = append(out, yearMention{year: y})
	}
	for i := 0; i+4 <= len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		out, i = yearAt(s, i, out)
	}
	return out
}

func FuzzYearsIn(f *testing.F) {
	for _, s := range []string{"năm 2023, kế hoạch 2021-2025 và 2020 – 2025", "ngày 08/12/2023 và 3-2-2026", "35/2023/UBTVQH15 (2019-2020) năm học 2022-2023",
		"kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ", "đến hết năm 2024", "12345 2024a 1999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := yearsIn(s), yearsInRef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("yearsIn(%q) = %v, want %v", s, got, want)
		}
	})
}
