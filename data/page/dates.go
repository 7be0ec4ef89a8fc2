package page

import (
	"bytes"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/model"
)

// Date lines are short, so these run on a few lines of a page only, after
// a cheap check that the line holds digits.
var (
	isoDateRe = regexp.MustCompile(`(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`)
	dmyDateRe = regexp.MustCompile(`(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?[/.-]\s?(\d{4})`)
	vnDateRe  = regexp.MustCompile(`(?i)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+năm\s+(\d{4})`)
	clockRe   = regexp.MustCompile(`(?i)(\d{1,2})\s?(?::|h|giờ)\s?(\d{2})(?:\s?:\s?(\d{2})(?:\.\d+)?)?(?:\s?(AM|PM|SA|CH))?`)
	viewsRe   = regexp.MustCompile(`(?i)(?:(?:số\s+)?(?:lượt|lần)\s+(?:xem|đọc)|đã xem|view\s*count|views?|lượt truy cập bài viết)\s*:?\s*(\d[\d.,]*)|(\d[\d.,]*)\s*(?:(?:lượt|lần)\s+(?:xem|đọc)|views?)\b`)
	zoneRe    = regexp.MustCompile(`(?i)\(?(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?\)?`)
)

// dateLabels are the words a date line may carry besides the date, the time
// and the view count (folded).
var dateLabels = map[string]bool{
	"ngay": true, "dang": true, "cap": true, "nhat": true, "luc": true, "thu": true,
	"hai": true, "ba": true, "tu": true, "nam": true, "sau": true, "bay": true, "chu": true,
	"gio": true, "phut": true, "sang": true, "chieu": true, "toi": true, "gmt": true,
	"utc": true, "luot": true, "xem": true, "doc": true, "view": true, "views": true,
	"count": true, "so": true, "published": true, "posted": true, "updated": true,
	"update": true, "on": true, "at": true, "date": true, "time": true, "thoi": true,
	"gian": true, "xuat": true, "ban": true, "am": true, "pm": true, "sa": true, "ch": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu.": true,
	"fri": true, "sat": true, "sun": true, "by": true,
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// dateLine is what parseDateLine finds on a page's date line.
type dateLine struct {
	when     model.When
	views    int
	hasViews bool
	by       string // an author printed on the line: "bởi X", "Tác giả: X"
}

// parseDateLine reads a line that is a publication date line: a date in one
// of the forms pages print (2023-12-08 15:07:00.0, Ngày đăng 15/03/2023 |
// 19:52, Thứ hai, 08/01/2024 10:15, 8 tháng 1 năm 2024,
// 2024-01-08T10:15:00+07:00, ...), a time of day before or after it, and
// nothing else but labels, separators and perhaps the view counter. A line
// that holds a date among other words is not a date line.
func parseDateLine(s string) (dateLine, bool) {
	var dl dateLine
	if len(s) > 160 || !hasDigit(s) {
		return dl, false
	}
	if strings.HasPrefix(s, "..") || strings.HasPrefix(s, "…") {
		return dl, false // a letterhead's blank place name: a document date
	}
	if !mayHoldDate(s) || countWordsUpTo(s, 17) > 16 {
		return dl, false
	}
	var fbuf [192]byte
	fs := foldAppend(fbuf[:0], s)
	if tooManyOthers(s, fs) {
		return dl, false
	}
	rest := s
	y, m, d := 0, 0, 0
	hh, mm, ss, clock := 0, 0, 0, false
	if loc := findIn(isoDateRe, isoMay, rest); loc != nil {
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
	} else if loc := findIn(dmyDateRe, dmyMay, rest); loc != nil {
		d, m, y = atoi(rest[loc[2]:loc[3]]), atoi(rest[loc[6]:loc[7]]), atoi(rest[loc[8]:loc[9]])
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	} else if loc := findIn(vnDateRe, func(string) bool { return bytes.Contains(fs, []byte("thang")) }, rest); loc != nil {
		d, m, y = atoi(rest[loc[2]:loc[3]]), atoi(rest[loc[4]:loc[5]]), atoi(rest[loc[6]:loc[7]])
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	} else {
		return dl, false
	}
	if !validDate(y, m, d) {
		return dl, false
	}
	if bytes.Contains(fs, []byte("gmt")) || bytes.Contains(fs, []byte("utc")) {
		rest = zoneRe.ReplaceAllString(rest, " ")
	}
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
	if !mayNameViews(fs) {
		// viewsRe cannot match
	} else if loc := viewsRe.FindStringSubmatchIndex(rest); loc != nil {
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
		if loc := findIn(clockRe, clockMay, rest); loc != nil {
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

// findIn is re.FindStringSubmatchIndex(s) where may(s), a cheap test that
// holds wherever re matches; else nil.
func findIn(re *regexp.Regexp, may func(string) bool, s string) []int {
	if !may(s) {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

func isDateSep(c byte) bool { return c == '/' || c == '.' || c == '-' }

// isoMay holds wherever isoDateRe matches: four digits, - or /, one or two
// digits, - or /, a digit.
func isoMay(s string) bool {
	for p := 4; p < len(s); p++ {
		if (s[p] != '-' && s[p] != '/') || !isDigits(s[p-4:p]) {
			continue
		}
		q, n := p+1, 0
		for q < len(s) && isDigit(s[q]) && n < 3 {
			q++
			n++
		}
		if n >= 1 && n <= 2 && q+1 < len(s) && (s[q] == '-' || s[q] == '/') && isDigit(s[q+1]) {
			return true
		}
	}
	return false
}

// dmyMay holds wherever dmyDateRe matches: a digit, a separator, one or
// two digits, a separator, four digits, with a space allowed beside each
// separator.
func dmyMay(s string) bool {
	for p := 1; p < len(s); p++ {
		if !isDateSep(s[p]) {
			continue
		}
		b := p - 1
		if isReSpace(s[b]) {
			b--
		}
		if b < 0 || !isDigit(s[b]) {
			continue
		}
		q := p + 1
		if q < len(s) && isReSpace(s[q]) {
			q++
		}
		n := 0
		for q < len(s) && isDigit(s[q]) && n < 3 {
			q++
			n++
		}
		if n < 1 || n > 2 {
			continue
		}
		if q < len(s) && isReSpace(s[q]) {
			q++
		}
		if q >= len(s) || !isDateSep(s[q]) {
			continue
		}
		q++
		if q < len(s) && isReSpace(s[q]) {
			q++
		}
		if q+4 <= len(s) && isDigits(s[q:q+4]) {
			return true
		}
	}
	return false
}

// clockMay holds wherever clockRe matches: a digit, ":" or "h" (or a "g"
// that may open "giờ"), two digits, with a space allowed on either side.
func clockMay(s string) bool {
	for p := 0; p < len(s); p++ {
		if !isDigit(s[p]) {
			continue
		}
		q := p + 1
		if q < len(s) && isReSpace(s[q]) {
			q++
		}
		if q >= len(s) {
			continue
		}
		switch c := s[q]; c {
		case ':', 'h', 'H':
			q++
		case 'g', 'G':
			return true // "giờ": the pattern tells
		default:
			continue
		}
		if q < len(s) && isReSpace(s[q]) {
			q++
		}
		if q+2 <= len(s) && isDigit(s[q]) && isDigit(s[q+1]) {
			return true
		}
	}
	return false
}

// mayNameViews reports whether a folded line holds a word that viewsRe
// needs ("xem", "đọc", "view", "truy cập"): a cheap test before it.
func mayNameViews(f []byte) bool {
	return bytes.Contains(f, []byte("xem")) || bytes.Contains(f, []byte("doc")) ||
		bytes.Contains(f, []byte("view")) || bytes.Contains(f, []byte("truy"))
}

// consumable are words (folded) that the patterns of parseDateLine may
// take whole besides the date labels: "tháng" of "8 tháng 1 năm 2024",
// "lần đọc", "đã xem", "lượt truy cập bài viết", "16 h 30".
var consumable = map[string]bool{"thang": true, "lan": true, "da": true, "truy": true, "bai": true,
	"viet": true, "h": true, "t": true, "z": true}

// otherKeys are the pieces (folded) of the words the patterns of
// parseDateLine may take part of: a token that holds one may shrink to a
// label once they are cut out ("xemđăng" → "đăng").
var otherKeys = []string{"xem", "doc", "view", "luot", "lan", "da", "so", "truy", "gmt", "utc", "cap", "bai", "viet", "count"}

// hasOtherKey reports whether the folded word w holds one of otherKeys.
func hasOtherKey(w []byte) bool {
	for i := 0; i < len(w); i++ {
		var ks []string
		switch w[i] {
		case 'x', 'd', 'v', 'l', 's', 't', 'g', 'u', 'c', 'b':
			ks = otherKeysAt[w[i]]
		default:
			continue
		}
		for _, k := range ks {
			if len(w)-i >= len(k) && string(w[i:i+len(k)]) == k {
				return true
			}
		}
	}
	return false
}

// otherKeysAt lists otherKeys by their first byte.
var otherKeysAt = func() (t [256][]string) {
	for _, k := range otherKeys {
		t[k[0]] = append(t[k[0]], k)
	}
	return t
}()

// tooManyOthers is a cheap test before the date patterns: it reports
// whether s (folded: f) surely holds more than two words that parseDateLine
// would count as neither a label nor a number, whatever its patterns cut
// out. It counts only words without digits that no pattern can take whole
// or in part, and gives up (false) where an author's label may cut the
// line short ("bởi", "by", "tác giả", "người đăng", "người viết").
func tooManyOthers(s string, f []byte) bool {
	if bytes.Contains(f, []byte("boi")) || bytes.Contains(f, []byte("by")) ||
		(bytes.Contains(f, []byte("tac")) && bytes.Contains(f, []byte("gia"))) ||
		(bytes.Contains(f, []byte("nguoi")) && (bytes.Contains(f, []byte("dang")) || bytes.Contains(f, []byte("viet")))) {
		return false
	}
	var buf [64]byte
	n := 0
	for tok := range strings.FieldsSeq(s) {
		t := trimPunct(tok)
		if t == "" || strings.ContainsAny(t, "0123456789\u017f\u212a") {
			continue
		}
		w := foldAppend(buf[:0], t)
		if dateLabels[string(w)] || consumable[string(w)] {
			continue
		}
		if len(w) >= 2 {
			switch string(w[:2]) {
			case "am", "pm", "sa", "ch":
				continue // "16:30 SA" may cut a word after it
			}
		}
		if hasOtherKey(w) {
			continue
		}
		if n++; n > 2 {
			return true
		}
	}
	return false
}

// mayHoldDate is a cheap test before the date patterns: a digit, a
// separator and a digit, or the word "tháng".
func mayHoldDate(s string) bool {
	// digit runs and the separators between them: d{1,2} sep d{1,2} sep
	// d{4}, or d{4} sep d{1,2} sep d{1,2}
	var runs [3]int
	n := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			n = 0
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if n == 3 {
			runs[0], runs[1], n = runs[1], runs[2], 2
		}
		runs[n] = j - i
		n++
		if n == 3 && ((runs[0] <= 2 && runs[1] <= 2 && runs[2] == 4) || (runs[0] == 4 && runs[1] <= 2 && runs[2] <= 2)) {
			return true
		}
		// a separator (with spaces around it) must follow to continue the run
		k := j
		for k < len(s) && s[k] == ' ' && k-j < 2 {
			k++
		}
		if k < len(s) && (s[k] == '/' || s[k] == '-' || s[k] == '.') {
			k++
			for k < len(s) && s[k] == ' ' && k-j < 4 {
				k++
			}
			if k < len(s) && isDigit(s[k]) {
				i = k
				continue
			}
		}
		n = 0
		i = j
	}
	return strings.Contains(s, "tháng") || strings.Contains(s, "THÁNG") || strings.Contains(s, "Tháng")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isGroupedNumber reports whether s is a number with thousands grouped by
// dots or commas ("1.314").
func isGroupedNumber(s string) bool {
	if s == "" || !isDigit(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && s[i] != '.' && s[i] != ',' {
			return false
		}
	}
	return true
}

// parseCount reads a counter ("678", "1.314", "1,314").
func parseCount(s string) (int, bool) {
	// the digits without the dots and commas: at least one, at most ten
	n, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' || c == ',':
		case isDigit(c):
			n = n*10 + int(c-'0')
			digits++
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 10 {
		return 0, false
	}
	return n, true
}

// parseViewsLine reads a line that is a view counter ("Lượt xem: 678",
// "View count: 55", "39 lượt xem", "Số lượt đọc: 513").
func parseViewsLine(s string) (int, bool) {
	if len(s) > 120 || !hasDigit(s) {
		return 0, false
	}
	if !strings.Contains(s, "xem") && !strings.Contains(s, "Xem") && !strings.Contains(s, "XEM") &&
		!strings.Contains(s, "đọc") && !strings.Contains(s, "ĐỌC") && !strings.Contains(s, "iew") && !strings.Contains(s, "IEW") {
		return 0, false
	}
	if !mayMatchViews(s) {
		return 0, false
	}
	loc := viewsRe.FindStringSubmatchIndex(s)
	if loc == nil {
		return 0, false
	}
	num := ""
	if loc[2] >= 0 {
		num = s[loc[2]:loc[3]]
	} else {
		num = s[loc[4]:loc[5]]
	}
	return parseCount(num)
}

// The words that viewsRe puts before or after the number.
var (
	fwXem   = newFoldWord("xem")
	fwDoc   = newFoldWord("đọc")
	fwCount = newFoldWord("count")
	fwView  = newFoldWord("view")
	fwViet  = newFoldWord("viết")
	fwLuot  = newFoldWord("lượt")
	fwLan   = newFoldWord("lần")
)

// isReSpace is \s of the regexp package.
func isReSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// mayMatchViews is a cheap test before viewsRe: a digit must follow one
// of its words (xem, đọc, count, view, views, viết), with only spaces and
// a colon between, or a number be followed by one (lượt, lần, view).
func mayMatchViews(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		// a word, spaces, a colon perhaps, spaces, the digit
		j := i
		for j > 0 && isReSpace(s[j-1]) {
			j--
		}
		if j > 0 && s[j-1] == ':' {
			j--
			for j > 0 && isReSpace(s[j-1]) {
				j--
			}
		}
		b := s[:j]
		if strings.HasSuffix(b, "s") || strings.HasSuffix(b, "S") {
			b = b[:len(b)-1]
		} else if strings.HasSuffix(b, "ſ") {
			b = b[:len(b)-len("ſ")]
		}
		for _, w := range [...]*foldWord{&fwXem, &fwDoc, &fwCount, &fwView, &fwViet} {
			if n := len(w.lower); len(s[:j]) >= n && w.is(s[j-n:j]) || len(b) >= n && w.is(b[len(b)-n:]) {
				return true
			}
		}
		// the number, spaces, a word
		k := i
		for k < len(s) && (isDigit(s[k]) || s[k] == '.' || s[k] == ',') {
			k++
		}
		for k < len(s) && isReSpace(s[k]) {
			k++
		}
		if fwLuot.prefixOf(s[k:]) || fwLan.prefixOf(s[k:]) || fwView.prefixOf(s[k:]) {
			return true
		}
		i = k - 1
	}
	return false
}

// eventPhrase is a day named in running text as the day something
// happened: "Chiều 8/1", "Ngày 7/10", "Chiều ngày 08/12/2023", "sáng 19-5",
// "Chiều nay (8/2)", "Chiều 31.7", "Trong 2 ngày 24-25/7/2025",
// "trong 02 ngày 06 và 07-5". Y is 0 when the text gives no year.
type eventPhrase struct {
	d, m, y    int
	start, end int // byte offsets in the paragraph
}

// findEventPhrase finds the first event phrase of p that stands at the head
// of a clause (the start of the paragraph or after , ; : ( . –) and is
// followed by a comma or a capitalised word: "tính đến ngày 08/12/2023" and a
// letterhead's "…, ngày 20 tháng 6 năm 2018" at a line's end are not the
// day of the event.
func findEventPhrase(p string) (eventPhrase, bool) { return findEventPhraseFrom(p, 0) }

// findEventPhraseFrom is findEventPhrase from byte offset from on.
func findEventPhraseFrom(p string, from int) (eventPhrase, bool) {
	if !hasDayMonth(p[from:]) {
		return eventPhrase{}, false
	}
	// a day follows its time word: none opens after the last digit
	last := len(p) - 1
	for last >= from && !isDigit(p[last]) {
		last--
	}
	// the words run up to a space or a comma; spaces, commas and brackets
	// before a word are passed over
	first := from
	for first < len(p) && isWordGap(p[first]) {
		first++
	}
	i := first
	if i < len(p) && (!timeStart[p[i]] || i+1 >= len(p) || !timeSecond(p[i], p[i+1])) {
		i = nextTimeStart(p, i+1, first)
	}
	for ; i < last; i = nextTimeStart(p, i+1, first) {
		j := nextSep(p, i, ' ', ',')
		if n := j - i; n == 4 || n == 5 || n == 7 {
			if w := timeWord(p[i:j]); w != "" {
				if ep, ok := eventAt(p, i, j, w); ok {
					return ep, true
				}
			}
		}
	}
	return eventPhrase{}, false
}

// timeSecond reports whether a word that starts with the bytes c, d may be
// one timeWord knows: "hôm", "sáng", "tối", "trưa", "trong", "đêm",
// "ngày", "chiều" in either case.
func timeSecond(c, d byte) bool {
	switch c {
	case 'h', 'H', 's', 'S':
		return d == 0xc3 // ô, Ô, á, Á
	case 't', 'T':
		return d == 0xe1 || d == 'r' || d == 'R' // ố, Ố
	case 0xc4:
		return d == 0x91 || d == 0x90 // đ, Đ
	case 'n', 'N':
		return d == 'g' || d == 'G'
	case 'c', 'C':
		return d == 'h' || d == 'H'
	}
	return false
}

// isWordGap reports whether findEventPhraseFrom passes over c before a
// word: a space, a comma or an opening bracket.
func isWordGap(c byte) bool { return c == ' ' || c == ',' || c == '(' }

// nextTimeStart is the first k >= i where a word of p whose first three
// bytes timeCand takes starts, the words being as findEventPhraseFrom
// reads them from first (a word's first byte): after a gap of spaces,
// commas and brackets that holds a space or a comma (a bracket alone is
// part of the word before it). It tests eight bytes at a time; len(p)
// when none.
func nextTimeStart(p string, i, first int) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	gapAt := func(x uint64) uint64 {
		return exactZeroBytes(x^(lo*' ')) | exactZeroBytes(x^(lo*',')) | exactZeroBytes(x^(lo*'('))
	}
	// the gap before k must hold a space or a comma, or reach first
	gapOK := func(k int) bool {
		for g := k - 1; g >= first; g-- {
			switch p[g] {
			case ' ', ',':
				return true
			case '(':
				continue
			}
			return false
		}
		return true
	}
	if i <= 0 || i >= len(p) {
		return len(p)
	}
	carry := uint64(0)
	if isWordGap(p[i-1]) {
		carry = 0x80
	}
	k := i
	for ; k+10 <= len(p); k += 8 {
		// the two bytes after each word start are in p
		g := gapAt(load8(p, k))
		for m := ^g & (g<<8 | carry) & hi; m != 0; m &= m - 1 {
			q := k + bits.TrailingZeros64(m)/8
			if timeRuleC[p[q]]&timeRuleD[p[q+1]]&timeRuleE[p[q+2]] != 0 && gapOK(q) {
				return q
			}
		}
		carry = g >> 56
	}
	for ; k < len(p); k++ {
		if !isWordGap(p[k]) && isWordGap(p[k-1]) && timeCand(p, k) && gapOK(k) {
			return k
		}
	}
	return len(p)
}

// timeCand reports whether the word that starts at p[k] may be one
// timeWord knows, by its first three bytes (a space past the end of p):
// each rule of timeRules is a bit, and the three bytes must share one.
func timeCand(p string, k int) bool {
	var d, e byte = ' ', ' '
	if k+1 < len(p) {
		d = p[k+1]
	}
	if k+2 < len(p) {
		e = p[k+2]
	}
	return timeRuleC[p[k]]&timeRuleD[d]&timeRuleE[e] != 0
}

// timeStart are the first bytes of the words timeWord knows.
var timeStart = func() (t [256]bool) {
	for _, c := range []byte("sStTcCnNhH\xc4") {
		t[c] = true
	}
	return t
}()

// timeRules are the first three bytes of the words timeWord knows, in
// any case: "hôm", "sáng", "tối", "trưa" and "trong", "đêm", "ngày",
// "chiều". timeRuleC, timeRuleD and timeRuleE hold them as tables: each
// rule is a bit, set for the bytes it takes in that place.
var timeRules = []struct{ c, d, e string }{
	{"hH", "\xc3", "\xb4\x94"},   // hôm: ô, Ô
	{"sS", "\xc3", "\xa1\x81"},   // sáng: á, Á
	{"tT", "\xe1", "\xbb"},       // tối: ố, Ố
	{"tT", "rR", "\xc6oO"},       // trưa, trong: ư, Ư
	{"\xc4", "\x91\x90", "\xc3"}, // đêm: đ, Đ, ê, Ê
	{"nN", "gG", "\xc3"},         // ngày: à, À
	{"cC", "hH", "iI"},           // chiều
}

var timeRuleC, timeRuleD, timeRuleE = func() (c, d, e [256]uint8) {
	for n, r := range timeRules {
		for _, b := range []byte(r.c) {
			c[b] |= 1 << n
		}
		for _, b := range []byte(r.d) {
			d[b] |= 1 << n
		}
		for _, b := range []byte(r.e) {
			e[b] |= 1 << n
		}
	}
	return c, d, e
}()

// containsFold reports whether s contains w (lower case) in lower case or
// with a capital.
func containsFold(s, w string) bool {
	if strings.Contains(s, w) {
		return true
	}
	r := firstRune(w)
	return strings.Contains(s, string(unicode.ToUpper(r))+w[len(string(r)):])
}

// hasDayMonth is a cheap test before findEventPhrase: one or two digits,
// a separator and one or two digits ("8/1", "19-5", "31.7", "22 /7"), or a
// number before "tháng".
func hasDayMonth(p string) bool {
	for i := nextDigit(p, 0); i < len(p); i = nextDigit(p, i+1) {
		if i > 0 && isDigit(p[i-1]) {
			continue
		}
		j := i
		for j < len(p) && isDigit(p[j]) {
			j++
		}
		if j-i > 2 {
			i = j
			continue
		}
		k := j
		if k < len(p) && p[k] == ' ' {
			k++
		}
		if k < len(p) && (p[k] == '/' || p[k] == '-' || p[k] == '.') {
			k++
			if k < len(p) && p[k] == ' ' {
				k++
			}
			m := k
			for m < len(p) && isDigit(p[m]) {
				m++
			}
			if m-k >= 1 && m-k <= 2 {
				return true
			}
		} else if strings.HasPrefix(p[k:], "tháng") || strings.HasPrefix(p[k:], "và") {
			return true
		}
		i = j
	}
	return false
}

// The words that may open an event phrase, for timeWord.
var (
	fwHom   = newFoldWord("hôm")
	fwToi   = newFoldWord("tối")
	fwTrua  = newFoldWord("trưa")
	fwTrong = newFoldWord("trong")
	fwDem   = newFoldWord("đêm")
	fwNgay  = newFoldWord("ngày")
	fwChieu = newFoldWord("chiều")
)

// timeWord returns the folded form of w when w is a word that may open an
// event phrase, else "".
func timeWord(w string) string {
	// the first byte tells which word it may be: EqualFold matches an
	// ASCII first letter only in either case
	c := w[0]
	if c < utf8.RuneSelf {
		c |= 0x20
	}
	switch len(w) {
	case 4:
		if c == 'h' && fwHom.is(w) {
			return "hom"
		}
	case 5:
		switch c {
		case 's':
			if strings.EqualFold(w, "sáng") {
				return "sang"
			}
		case 't':
			switch {
			case fwToi.is(w):
				return "toi"
			case fwTrua.is(w):
				return "trua"
			case fwTrong.is(w):
				return "trong"
			}
		case 0xc4:
			if fwDem.is(w) {
				return "dem"
			}
		case 'n':
			if fwNgay.is(w) {
				return "ngay"
			}
		}
	case 7:
		if c == 'c' && fwChieu.is(w) {
			return "chieu"
		}
	}
	return ""
}

func clauseHead(p string, i int) bool {
	k := i
	for k > 0 && (p[k-1] == ' ' || p[k-1] == '(') {
		k--
	}
	if k == 0 {
		return true
	}
	if v := len("vào"); k >= v && strings.EqualFold(p[k-v:k], "vào") && (k == v || p[k-v-1] == ' ') {
		return clauseHead(p, k-v)
	}
	switch p[k-1] {
	case ',', ';', ':', '.', '-', ')':
		return true
	}
	return strings.HasSuffix(p[:k], "–") || strings.HasSuffix(p[:k], "…")
}

// afterCredit reports whether the capitalised word at p[i:] follows a
// run-in photo credit ("… Ảnh: Lê An/TTXVN Sáng 8/1, …"): the credit ends
// the caption, so the word opens a sentence.
func afterCredit(p string, i int) bool {
	if i == 0 || p[i] < 'A' || p[i] > 'Z' && p[i] != 0xc4 {
		return false
	}
	if p[i] == 0xc4 && (i+1 >= len(p) || p[i+1] != 0x90) { // Đ
		return false
	}
	pre := p[max(0, i-60):i]
	k := strings.LastIndex(pre, "Ảnh:")
	if k < 0 {
		k = strings.LastIndex(pre, "ẢNH:")
	}
	if k < 0 {
		return false
	}
	// the credit is a name: no sentence ends between it and the word
	return !strings.ContainsAny(pre[k:], ".;!?")
}

// word reads the word at p[i:], skipping spaces first; it returns the
// folded word and the offset after it.
func nextWord(p string, i int) (string, int) {
	for i < len(p) && p[i] == ' ' {
		i++
	}
	j := i
	for j < len(p) && p[j] != ' ' && p[j] != ',' && p[j] != '(' {
		j++
	}
	if j-i > 12 {
		return "", j // no word an event phrase needs is this long
	}
	return fold(p[i:j]), j
}

func eventAt(p string, i, j int, w string) (eventPhrase, bool) {
	k := j
	twoDay := false
	switch w {
	case "sang", "chieu", "toi", "trua", "dem":
		if nw, nj := nextWord(p, k); nw == "nay" || nw == "qua" {
			k = nj
		}
		// "Sáng thứ Hai (8/1)", "Chiều chủ nhật 7/1"
		if nw, nj := nextWord(p, k); nw == "thu" || nw == "chu" {
			if nw2, nj2 := nextWord(p, nj); nw2 != "" && nw2 != "ngay" {
				k = nj2
			}
		}
		if nw, nj := nextWord(p, k); nw == "ngay" {
			k = nj
		}
	case "ngay":
	case "hom":
		nw, nj := nextWord(p, k)
		if nw != "nay" && nw != "qua" {
			return eventPhrase{}, false
		}
		k = nj
	case "trong":
		nw, nj := nextWord(p, k)
		if nw != "2" && nw != "02" && nw != "hai" && nw != "3" && nw != "03" && nw != "ba" {
			return eventPhrase{}, false
		}
		if nw2, nj2 := nextWord(p, nj); nw2 != "ngay" {
			return eventPhrase{}, false
		} else {
			k = nj2
		}
		twoDay = true
	default:
		return eventPhrase{}, false
	}
	if !twoDay && !clauseHead(p, i) && !afterCredit(p, i) {
		return eventPhrase{}, false
	}
	for k < len(p) && (p[k] == ' ' || p[k] == '(') {
		k++
	}
	ep, end, ok := parseDayMonth(p, k)
	if !ok {
		return eventPhrase{}, false
	}
	ep.start, ep.end = i, end
	if twoDay {
		return ep, true
	}
	e := end
	for e < len(p) && (p[e] == ' ' || p[e] == ')') {
		e++
	}
	if e < len(p) && (p[e] == ',' || isUpperStart(p[e:])) {
		return ep, true
	}
	// "Sáng 8/1 vừa qua, ...", "Ngày 8/1 tại hội trường ..."
	switch nw, _ := nextWord(p, e); nw {
	case "vua", "qua", "tai", "da", "o":
		return ep, true
	}
	return eventPhrase{}, false
}

// num reads 1 to 4 digits at p[k:].
func num(p string, k int) (int, int, int) {
	j := k
	for j < len(p) && j-k < 4 && isDigit(p[j]) {
		j++
	}
	if j == k || (j < len(p) && isDigit(p[j])) {
		return 0, 0, k
	}
	n, _ := strconv.Atoi(p[k:j])
	return n, j - k, j
}

// sep reads a date separator (/ - . with optional spaces around it).
func sep(p string, k int) (byte, int) {
	j := k
	for j < len(p) && p[j] == ' ' {
		j++
	}
	if j < len(p) && (p[j] == '/' || p[j] == '-' || p[j] == '.') {
		c := p[j]
		j++
		for j < len(p) && p[j] == ' ' && j-k < 3 {
			j++
		}
		if j < len(p) && isDigit(p[j]) {
			return c, j
		}
	}
	return 0, k
}

// parseDayMonth reads "8/1", "08/12/2023", "19-5", "31.7", "22 /7",
// "24-25/7/2025", "06 và 07-5", "20 tháng 6 năm 2018" at p[k:].
func parseDayMonth(p string, k int) (eventPhrase, int, bool) {
	d, dl, j := num(p, k)
	if dl == 0 || dl > 2 {
		return eventPhrase{}, k, false
	}
	// "d tháng m [năm y]"
	if w, j2 := nextWord(p, j); w == "thang" {
		m, ml, j3 := num(p, skipSpaces(p, j2))
		if ml == 0 || ml > 2 {
			return eventPhrase{}, k, false
		}
		y := 0
		if w2, j4 := nextWord(p, j3); w2 == "nam" {
			if yy, yl, j5 := num(p, skipSpaces(p, j4)); yl == 4 {
				y, j3 = yy, j5
			}
		}
		return finishDM(d, m, y, j3)
	}
	// "06 và 07-5": a second day
	if w, j2 := nextWord(p, j); w == "va" {
		if d2, l2, j3 := num(p, skipSpaces(p, j2)); l2 > 0 && l2 <= 2 && d2 > d {
			if c, j4 := sep(p, j3); c != 0 {
				m, ml, j5 := num(p, j4)
				if ml > 0 && ml <= 2 {
					y, j6 := optYear(p, j5)
					return finishDM(d, m, y, j6)
				}
			}
		}
		return eventPhrase{}, k, false
	}
	c1, j2 := sep(p, j)
	if c1 == 0 {
		return eventPhrase{}, k, false
	}
	n2, l2, j3 := num(p, j2)
	if l2 == 0 || l2 > 2 {
		return eventPhrase{}, k, false
	}
	if c2, j4 := sep(p, j3); c2 != 0 {
		n3, l3, j5 := num(p, j4)
		switch {
		case l3 == 4:
			return finishDM(d, n2, n3, j5)
		case l3 > 0 && l3 <= 2 && c1 == '-' && n2 > d && n2-d <= 3:
			// "24-25/7[/2025]": two days
			y, j6 := optYear(p, j5)
			return finishDM(d, n3, y, j6)
		}
	}
	if c1 == '.' && j3 < len(p) && isDigit(p[j3]) {
		return eventPhrase{}, k, false
	}
	return finishDM(d, n2, 0, j3)
}

func skipSpaces(p string, k int) int {
	for k < len(p) && p[k] == ' ' {
		k++
	}
	return k
}

func optYear(p string, k int) (int, int) {
	if c, j := sep(p, k); c != 0 {
		if y, l, j2 := num(p, j); l == 4 {
			return y, j2
		}
	}
	return 0, k
}

func finishDM(d, m, y, end int) (eventPhrase, int, bool) {
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return eventPhrase{}, end, false
	}
	if y != 0 && !validDate(y, m, d) {
		return eventPhrase{}, end, false
	}
	return eventPhrase{d: d, m: m, y: y}, end, true
}

// maxYear is the latest four-digit year (1900 to 2100) that s holds,
// full dates included; 0 when none.
func maxYear(s string) int {
	best := 0
	for i := nextDigit(s, 0); i+4 <= len(s); i = nextDigit(s, i+1) {
		if i > 0 && isDigit(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 {
			if y := atoi(s[i:j]); y >= 1900 && y <= 2100 && y > best {
				best = y
			}
		}
		i = j
	}
	return best
}

// yearMention is a four-digit year in running text.
type yearMention struct {
	year    int
	ranged  bool // part of a range "2020-2025"
	start   bool // the first year of a range
	term    bool // a term's or a plan period's range: "nhiệm kỳ 2020-2025", "giai đoạn 2021-2025"
	target  bool // a goal's horizon: "đến năm 2030", "tầm nhìn 2045"
	full    bool // the year of a full date "08/12/2023"
	current bool // a period of the year the text reports on: "6 tháng đầu năm 2024"
	past    bool // a year the text counts as ended: "đến hết năm 2023"
}

// yearSkipped are the words (lower case) before a year that make it no
// year of the report: a birth year and the base of a comparison.
var yearSkipped = []string{"sinh năm ", "sinh ", "so với năm ", "so với ", "lần năm ", "hơn năm ", "cùng kỳ năm "}

// yearCurrent are the words (lower case) before a year that name a part of
// it as the period reported on.
var yearCurrent = []string{"tháng đầu năm ", "tháng cuối năm ", "tháng năm ", "quý i năm ", "quý ii năm ", "quý iii năm ", "quý iv năm "}

// yearTerm are the words (lower case) before a range that make it a term or
// a plan period.
var yearTerm = []string{"nhiệm kỳ ", "nhiệm kì ", "giai đoạn ", "khóa ", "khoá "}

func hasAnySuffix(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// fullDateBefore reports whether s[:k] ends with a day and a month, "8/12"
// or "3-2", whose year follows s[k], the separator before it.
func fullDateBefore(s string, k int) bool {
	n := 0
	for k > 0 && isDigit(s[k-1]) && n < 3 {
		k--
		n++
	}
	if n == 0 || n > 2 || k == 0 || !isDateSep(s[k-1]) {
		return false
	}
	k--
	n = 0
	for k > 0 && isDigit(s[k-1]) && n < 3 {
		k--
		n++
	}
	return n >= 1 && n <= 2 && (k == 0 || !isDigit(s[k-1]))
}

// rangeFollows reports whether a dash and a digit follow s[:j]: the date
// that ends there opens a range "20/5/1947 - 20/5/2017".
func rangeFollows(s string, j int) bool {
	for j < len(s) && s[j] == ' ' {
		j++
	}
	switch {
	case strings.HasPrefix(s[j:], "-"):
		j++
	case strings.HasPrefix(s[j:], "–"):
		j += len("–")
	default:
		return false
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	return j < len(s) && isDigit(s[j])
}

// anniversaries are the national days whose anniversaries reports count
// ("Kỷ niệm 127 năm Ngày sinh của Bác"), folded, with their years.
var anniversaries = []struct {
	what string
	year int
}{
	{"ngay sinh cua bac", 1890}, {"ngay sinh bac", 1890}, {"ngay sinh chu tich ho chi minh", 1890},
	{"ngay sinh cua chu tich ho chi minh", 1890}, {"ngay thanh lap dang cong san viet nam", 1930},
	{"ngay thanh lap dang", 1930}, {"cach mang thang tam", 1945}, {"quoc khanh", 1945},
	{"ngay thanh lap quan doi nhan dan viet nam", 1944},
}

// anniversaryYear is the year of an anniversary of a national day that s
// names, "kỷ niệm 127 năm Ngày sinh của Bác" → 2017; 0 when none.
func anniversaryYear(s string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], "niệm ")
		if i < 0 {
			return 0
		}
		i += off
		off = i + len("niệm ")
		if i < len("kỷ ") || !strings.EqualFold(s[i-len("kỷ "):i], "kỷ ") {
			continue
		}
		n, w, k := num(s, off)
		if w == 0 || n <= 0 || n > 200 || !strings.HasPrefix(s[k:], " năm ") {
			continue
		}
		rest := fold(firstN(s[k+len(" năm "):], 80))
		rest = strings.TrimPrefix(rest, "ngay le ")
		for _, a := range anniversaries {
			if strings.HasPrefix(rest, a.what) {
				return a.year + n
			}
		}
	}
}

// yearsIn lists the years that s mentions, leaving out birth years and the
// bases of comparisons; a school year "năm học 2016-2017" is its end year
// and a bracketed range "(1947-2017)", an anniversary, its end year.
func yearsIn(s string) []yearMention {
	var out []yearMention
	if y := anniversaryYear(s); y != 0 {
		out = append(out, yearMention{year: y})
	}
	// from digit to digit, eight bytes at a time
	for i := nextDigit(s, 0); i+4 <= len(s); i = nextDigit(s, i+1) {
		if i == 0 || !isDigit(s[i-1]) {
			out, i = yearAt(s, i, out) // i is now past the number: no digit
		}
	}
	return out
}

// yearAt reads the number that starts at s[i] (a digit with none before
// it) and appends the years it mentions to out; it returns out and where
// its reading ended.
func yearAt(s string, i int, out []yearMention) ([]yearMention, int) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j-i != 4 {
		return out, j
	}
	y := atoi(s[i:j])
	if y < 1945 || y > 2100 {
		return out, j
	}
	if i > 0 && (s[i-1] == '/' || s[i-1] == '.') {
		if fullDateBefore(s, i-1) && !rangeFollows(s, j) {
			out = append(out, yearMention{year: y, full: true}) // "08/12/2023"
		}
		return out, j // else a number "35/2023/UBTVQH15" or an anniversary's first day
	}
	if i > 1 && s[i-1] == '-' && isDigit(s[i-2]) && !(i >= 5 && isDigits(s[i-5:i-1])) {
		if fullDateBefore(s, i-1) {
			out = append(out, yearMention{year: y, full: true}) // "3-2-2026"
		}
		return out, j
	}
	pre := strings.ToLower(s[max(0, i-24):i])
	if hasAnySuffix(pre, yearSkipped) {
		return out, j
	}
	ym := yearMention{year: y}
	// a range "2020-2025", "2020 - 2025", "2020–2025"
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k < len(s) && (s[k] == '-' || strings.HasPrefix(s[k:], "–")) {
		if s[k] == '-' {
			k++
		} else {
			k += len("–")
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k+4 <= len(s) && isDigits(s[k:k+4]) && (k+4 == len(s) || !isDigit(s[k+4])) {
			end := atoi(s[k : k+4])
			switch {
			case strings.HasSuffix(pre, "năm học "), i > 0 && s[i-1] == '(' && k+4 < len(s) && s[k+4] == ')':
				out = append(out, yearMention{year: end})
			default:
				term := hasAnySuffix(pre, yearTerm)
				out = append(out, yearMention{year: y, ranged: true, start: true, term: term},
					yearMention{year: end, ranged: true, term: term})
			}
			return out, k + 4
		}
	}
	if strings.HasSuffix(pre, "đến năm ") || strings.HasSuffix(pre, "đến ") || strings.HasSuffix(pre, "tầm nhìn ") {
		ym.target = true
	}
	ym.current = hasAnySuffix(pre, yearCurrent)
	ym.past = strings.HasSuffix(pre, "hết năm ")
	out = append(out, ym)
	return out, j
}

// inferYear gives a day and month without a year the year the page
// implies: the publication year (one less when the day falls after the
// publication day), else the years of the sentence that names the day (the
// period it reports on; in January and February a review of last year is
// held: the later year; a congress opens its term), else the latest period
// the whole text reports on, else the year it talks about most.
func inferYear(m, d int, sentence string, all []string, pub model.When) int {
	if !pub.IsZero() {
		y := pub.T.Year()
		if m > int(pub.T.Month()) || (m == int(pub.T.Month()) && d > pub.T.Day()) {
			y--
		}
		return y
	}
	lo, hi, rangeLo, cur := 0, 0, 0, 0
	for _, ym := range yearsIn(sentence) {
		switch {
		case ym.target:
		case ym.ranged:
			if ym.start && (rangeLo == 0 || ym.year < rangeLo) && (!ym.term || containsFold(sentence, "đại hội")) {
				rangeLo = ym.year
			}
		default:
			if lo == 0 || ym.year < lo {
				lo = ym.year
			}
			if ym.year > hi {
				hi = ym.year
			}
			if ym.current && ym.year > cur {
				cur = ym.year
			}
		}
	}
	if cur != 0 {
		return cur
	}
	if lo != 0 {
		if m <= 2 {
			// "Chiều 5/1, ... tổng kết công tác năm 2023": last year's review
			if lo == hi && containsFold(sentence, "tổng kết") {
				return hi + 1
			}
			return hi
		}
		return lo
	}
	if rangeLo != 0 {
		return rangeLo
	}
	count := map[int]int{}
	standalone := map[int]bool{}
	past := 0
	for _, s := range all {
		for _, ym := range yearsIn(s) {
			switch {
			case ym.target, ym.term:
			case ym.ranged:
				count[ym.year]++
			default:
				if ym.current && ym.year > cur {
					cur = ym.year
				}
				if ym.past && ym.year > past {
					past = ym.year
				}
				count[ym.year] += 2
				standalone[ym.year] = true
			}
		}
	}
	if cur != 0 {
		return cur
	}
	best, bc := 0, 0
	for y, c := range count {
		if c > bc || (c == bc && (best == 0 || y < best)) {
			best, bc = y, c
		}
	}
	if best != 0 && m <= 2 && standalone[best+1] {
		best++
	}
	if past != 0 && past >= best && m < 12 {
		best = past + 1 // "đến hết năm 2023 ...": a report of a later year
	}
	return best
}

// eventWords (folded) name a meeting or event taking place; a day named after
// one of them in the lead is the event's day wherever it stands: "đã diễn ra
// phiên bế mạc chiều 28/6", "hội nghị trực tuyến ngày 3/7".
var eventWords = []string{"dien ra", "to chuc", "khai mac", "be mac", "hoi nghi", "dai hoi", "ky hop", "cuoc hop", "lam viec", "tien hanh", "cu hanh"}

// notEventBefore (folded) are the words that, just before a day, make it a
// deadline or a bound, not the event's day: "tính đến ngày 30/6".
var notEventBefore = map[string]bool{"den": true, "tu": true, "truoc": true, "sau": true, "toi": true, "han": true, "cuoi": true, "dau": true}

// dayWord reports whether a folded time word may name the day alone:
// "sáng", "chiều", "tối", "trưa", "ngày".
func dayWord(tw string) bool {
	return tw == "sang" || tw == "chieu" || tw == "toi" || tw == "trua" || tw == "ngay"
}

// dayAhead reports whether the day that ends at p[end:] is one to come:
// "ngày 16/3 tới", "ngày 8/8 tới đây".
func dayAhead(p string, end int) bool {
	nw, _ := nextWord(p, end)
	return nw == "toi" || nw == "sap"
}

// findVerbEventPhrase finds in a lead paragraph the first day without a
// year (sáng, chiều, tối, trưa or ngày D/M) that follows, in the same
// sentence, a word naming an event (eventWords); a day to come ("sẽ",
// "tới") is none.
//
// The words run between spaces, commas and opening brackets. A day opens
// with one or two digits after a space or a bracket, so the search goes
// from digit to digit and reads back to the time word before it ("Chiều
// 8/1", or "sáng ngày 8/1"), instead of reading every word of the lead.
func findVerbEventPhrase(p string) (eventPhrase, bool) {
	for q := nextDigit(p, 0); q < len(p); q = nextDigit(p, q+1) {
		if q == 0 || (p[q-1] != ' ' && p[q-1] != '(') {
			continue
		}
		// the word just before the day, over spaces and brackets
		e1 := q
		for e1 > 0 && (p[e1-1] == ' ' || p[e1-1] == '(') {
			e1--
		}
		s1 := wordStartBefore(p, e1)
		if s1 == e1 {
			continue
		}
		// "sáng ngày 8/1": the time word before "ngày", over spaces only,
		// comes first
		var wb [24]byte
		if e1-s1 <= 12 && foldInto(wb[:], p[s1:e1]) == "ngay" {
			e0 := s1
			for e0 > 0 && p[e0-1] == ' ' {
				e0--
			}
			if e0 < s1 {
				if s0 := wordStartBefore(p, e0); s0 < e0 {
					if tw := verbDayWord(p[s0:e0]); tw != "" && tw != "ngay" {
						if ep, ok, stop := verbEventAt(p, s0, q); ok || stop {
							return ep, ok
						}
					}
				}
			}
		}
		if verbDayWord(p[s1:e1]) != "" {
			if ep, ok, stop := verbEventAt(p, s1, q); ok || stop {
				return ep, ok
			}
		}
	}
	return eventPhrase{}, false
}

// verbDayWord is the folded time word w names when it may name the day
// alone (dayWord), or "".
func verbDayWord(w string) string {
	if n := len(w); n != 4 && n != 5 && n != 7 {
		return "" // the time words are four, five or seven bytes long
	}
	if tw := timeWord(w); dayWord(tw) {
		return tw
	}
	return ""
}

// isVerbGap reports whether findVerbEventPhrase's words end at c.
func isVerbGap(c byte) bool { return c == ' ' || c == ',' || c == '(' }

// wordStartBefore is where the word of p that ends at end starts.
func wordStartBefore(p string, end int) int {
	s := end
	for s > 0 && !isVerbGap(p[s-1]) {
		s--
	}
	return s
}

// verbEventAt reads the day at p[k:] after the time word at p[i:]: ok when
// it is the event's day; stop when the sentence says it is to come ("sẽ"),
// which ends the search.
func verbEventAt(p string, i, k int) (ep eventPhrase, ok, stop bool) {
	ep, end, ok := parseDayMonth(p, k)
	if !ok || ep.y != 0 || dayAhead(p, end) {
		return eventPhrase{}, false, false
	}
	// the word before the time word, and the sentence it stands in
	pe := i
	for pe > 0 && isVerbGap(p[pe-1]) {
		pe--
	}
	var wb [32]byte
	if notEventBefore[foldInto(wb[:], p[wordStartBefore(p, pe):pe])] {
		return eventPhrase{}, false, false
	}
	sentStart := 0
	for x := pe - 1; x >= 0; x-- {
		if c := p[x]; (c == '.' || c == '!' || c == '?' || c == ';') && (x+1 == len(p) || isVerbGap(p[x+1])) {
			sentStart = x + 1
			break
		}
	}
	var sb [256]byte
	sen := foldInto(sb[:], p[sentStart:i])
	if strings.HasPrefix(sen, "se ") || strings.Contains(sen, " se ") {
		return eventPhrase{}, false, true // "sẽ diễn ra vào ngày 25-5": to come
	}
	for _, ew := range eventWords {
		if strings.Contains(sen, ew) {
			ep.start, ep.end = i, end
			return ep, true, false
		}
	}
	return eventPhrase{}, false, false
}
