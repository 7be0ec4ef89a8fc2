package page

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/baocao/baocao/model"
)

// tok is one space-separated token of a text, with its core (the token
// without leading and trailing punctuation) and what trails the core.
type tok struct {
	raw, core, lower string
	pre, post        string
	end              int // byte offset after the token in the text tokenized
}

// lw is the token's core in lower case when it is a word of vocab, else
// the core itself; computed once, when first asked for.
func (t *tok) lw() string {
	if t.lower == "" && t.core != "" {
		t.lower = lowerWord(t.core)
	}
	return t.lower
}

func tokenize(s string) []tok { return tokenizeInto(make([]tok, 0, 16), s) }

// tokenizeInto appends the tokens of s to out.
func tokenizeInto(out []tok, s string) []tok {
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if j == i {
			break
		}
		f := s[i:j]
		i = j
		a, b := trimPunctIdx(f)
		core := f[a:b]
		t := tok{raw: f, core: core, end: j}
		if core != "" {
			t.pre, t.post = f[:a], f[b:]
		} else {
			t.post = f
		}
		out = append(out, t)
	}
	return out
}

// occ is one place where a text names an administrative unit.
type occ struct {
	unit     model.Unit
	key      model.UnitKey // unit.Key(), computed once
	caps     bool          // written in capitals ("XÃ HƯỚNG ĐẠO")
	capsTail string        // the capitals after the name, where a stop word may have cut it short
	personal bool          // looks like a person's title: "Chủ tịch UBND quận Nguyễn Quang Trung"
	surnamed bool          // the name opens with a family name and has three words or more
	parent   *occ          // the enclosing unit written beside it: "xã X, huyện Y", "(TP.Cà Mau)"
	bare     string        // an enclosing unit's bare name beside it: "xã X, Thanh Trì, Hà Nội", "(Vũ Quang)"
}

// hasPrefixFold reports whether s begins with w, ignoring case.
func hasPrefixFold(s, w string) bool {
	return len(s) >= len(w) && strings.EqualFold(s[:len(w)], w)
}

// vocab maps the words the unit scanner compares (level words, stop
// words, role words, surnames, ...) in lower case, Title case and capitals
// to their lower case, so that tokenizing needs no case conversion.
var vocab = func() map[string]string {
	m := map[string]string{}
	add := func(w string) {
		m[w] = w
		m[strings.ToUpper(w)] = w
		if r := firstRune(w); r != 0 {
			m[string(unicode.ToUpper(r))+w[len(string(r)):]] = w
		}
	}
	for _, w := range []string{"phường", "xã", "quận", "huyện", "tỉnh", "thị", "thành", "trấn", "phố",
		"ủy", "uỷ", "hội", "tp", "tx", "tphcm", "tp.hcm", "là", "một"} {
		add(w)
	}
	for _, set := range []map[string]bool{stopWords, capsStopWords, surnames, roleWords, countNouns} {
		for w := range set {
			add(w)
		}
	}
	return m
}()

// lowerWord is w in lower case when w is a word of vocab, else w itself.
func lowerWord(w string) string {
	if l, ok := vocab[w]; ok {
		return l
	}
	return w
}

// levelAt recognises a level word or a committee form at toks[i]: it
// returns the level, how many tokens it takes, and a name glued to it
// ("TP.Cà Mau" → "Cà").
func levelAt(toks []tok, i int) (lv model.Level, n int, inline string) {
	t := toks[i]
	next := func() string {
		if i+1 < len(toks) && toks[i].post == "" && toks[i+1].pre == "" {
			return toks[i+1].lw()
		}
		return ""
	}
	isUy := func(s string) bool { return s == "ủy" || s == "uỷ" }
	switch t.lw() {
	case "phường":
		return model.Ward, 1, ""
	case "xã":
		if nx := next(); nx == "hội" {
			return "", 0, ""
		}
		return model.Commune, 1, ""
	case "quận", "huyện", "tỉnh":
		lv := model.UrbanDist
		switch t.lw() {
		case "huyện":
			lv = model.RuralDist
		case "tỉnh":
			lv = model.Province
		}
		if isUy(next()) {
			return lv, 2, ""
		}
		return lv, 1, ""
	case "thị":
		switch nx := next(); {
		case nx == "trấn":
			return model.Townlet, 2, ""
		case nx == "xã" || isUy(nx):
			return model.Town, 2, ""
		}
	case "thành":
		switch nx := next(); {
		case nx == "phố":
			return model.City, 2, ""
		case isUy(nx):
			return model.City, 2, ""
		}
	case "tp", "tx":
		if t.core == "TP" || t.core == "Tp" {
			return model.City, 1, ""
		}
		if t.core == "TX" {
			return model.Town, 1, ""
		}
	case "tphcm", "tp.hcm":
		return model.City, 1, "HCM"
	}
	if strings.HasPrefix(t.core, "TP.") || strings.HasPrefix(t.core, "Tp.") {
		if rest := t.core[3:]; isUpperStart(rest) {
			return model.City, 1, rest
		}
	}
	return "", 0, ""
}

// stopWords end a unit's name even when capitalised (lower case).
var stopWords = map[string]bool{
	"lần": true, "khóa": true, "khoá": true, "nhiệm": true, "năm": true, "đảng": true,
	"tổ": true, "tổng": true, "ubnd": true, "hđnd": true, "mttq": true, "ubmttq": true,
}

// capsStopWords end a name written in capitals: "XÃ HƯỚNG ĐẠO KHÓA XII".
var capsStopWords = map[string]bool{
	"lần": true, "khóa": true, "khoá": true, "nhiệm": true, "kỳ": true, "năm": true, "tổ": true,
	"tổng": true, "triển": true, "sơ": true, "họp": true, "thực": true, "chào": true,
	"quyết": true, "thông": true, "đạt": true, "hoàn": true, "phát": true, "trao": true,
	"tiếp": true, "giai": true, "đoạn": true, "với": true, "và": true, "của": true, "tại": true,
	"về": true, "đã": true, "được": true, "hội": true, "nghị": true, "đảng": true, "bộ": true,
	"ủy": true, "uỷ": true, "ban": true, "chấp": true, "hành": true, "kết": true, "kinh": true,
	"tế": true, "công": true, "tác": true, "thi": true, "đua": true, "lãnh": true, "đạo": false,
	"nhân": true, "dân": true, "tình": true, "hình": true, "nhiệm vụ": true, "vụ": true,
	"đại": false, "biểu": true, "kỷ": true, "niệm": true, "báo": true, "cáo": true,
}

// surnames are the commonest Vietnamese family names (lower case).
var surnames = map[string]bool{
	"nguyễn": true, "trần": true, "lê": true, "phạm": true, "hoàng": true, "huỳnh": true,
	"phan": true, "vũ": true, "võ": true, "đặng": true, "bùi": true, "đỗ": true, "hồ": true,
	"ngô": true, "dương": true, "lý": true, "đinh": true, "đoàn": true, "trương": true,
	"lâm": true, "mai": true, "cao": true, "tạ": true, "lương": true, "tô": true, "trịnh": true,
	"thái": true, "lưu": true, "vương": true, "quách": true, "kiều": true, "tăng": true,
	"triệu": true, "hà": true, "đào": true, "từ": true, "chu": true, "la": true, "thân": true,
	"doãn": true, "khổng": true, "mạc": true, "nghiêm": true, "phùng": true, "tống": true,
	"diệp": true, "lại": true, "văn": false, "hứa": true, "ninh": false, "giáp": true,
}

// roleWords, shortly before a level word, make what follows it likely a
// person's name: "Chủ tịch UBND quận Nguyễn Quang Trung".
var roleWords = map[string]bool{
	"thư": true, "tịch": true, "phó": true, "trưởng": true, "viên": true, "đốc": true,
	"chánh": true, "pct": true, "pbt": true, "chí": true, "ông": true, "bà": true,
	"huv": true, "tuv": true, "nhiệm": true,
}

// Level words and the words after them, for levelWord and levelWordNext.
var (
	fwXa     = newFoldWord("xã")
	fwThi    = newFoldWord("thị")
	fwTphcm  = newFoldWord("tphcm")
	fwThanh  = newFoldWord("thành")
	fwQuan   = newFoldWord("quận")
	fwTinh   = newFoldWord("tỉnh")
	fwTpHcm  = newFoldWord("tp.hcm")
	fwHuyen  = newFoldWord("huyện")
	fwPhuong = newFoldWord("phường")
	fwUy     = newFoldWord("ủy")
	fwUy2    = newFoldWord("uỷ")
	fwTran   = newFoldWord("trấn")
	fwPho    = newFoldWord("phố")
)

// What a word that may open a level needs of the word after it.
const (
	lwNone    = iota
	lwAlways  // "TP.Cà", "TPHCM", "TP.HCM"
	lwNamed   // a name: a capital or a number ("xã Tân", "phường 5")
	lwNamedUy // a name or "ủy" ("quận Ba", "Huyện ủy")
	lwThi     // "trấn", "xã" or "ủy"
	lwThanh   // "phố" or "ủy"
)

// levelWord is the first half of mayOpenLevel: whether the word w may open
// a level, and what it then needs of the next word. Most words are told by
// their first byte and length.
func levelWord(w string) int {
	if w == "" {
		return lwNone
	}
	if c := w[0]; c == '(' || c == '"' || c == 0xe2 {
		w = strings.TrimLeft(w, "(\"“")
		if w == "" {
			return lwNone
		}
	}
	switch w[0] {
	case 'p', 'P', 'x', 'X', 'q', 'Q', 'h', 'H', 't', 'T':
	default:
		return lwNone
	}
	if len(w) > 3 && (w[:3] == "TP." || w[:3] == "Tp.") {
		return lwAlways
	}
	for len(w) > 0 && w[len(w)-1] < utf8.RuneSelf && !isWordByte(w[len(w)-1]) && !('A' <= w[len(w)-1] && w[len(w)-1] <= 'Z') {
		w = w[:len(w)-1]
	}
	switch len(w) {
	case 2:
		if w == "TP" || w == "Tp" || w == "TX" {
			return lwNamed
		}
	case len("xã"):
		if fwXa.is(w) {
			return lwNamed
		}
	case len("thị"):
		if fwThi.is(w) {
			return lwThi
		}
		if fwTphcm.is(w) {
			return lwAlways
		}
	case len("thành"): // also quận, tỉnh, tp.hcm
		switch {
		case fwThanh.is(w):
			return lwThanh
		case fwQuan.is(w) || fwTinh.is(w):
			return lwNamedUy
		case fwTpHcm.is(w):
			return lwAlways
		}
	case len("huyện"):
		if fwHuyen.is(w) {
			return lwNamedUy
		}
	case len("phường"):
		if fwPhuong.is(w) {
			return lwNamed
		}
	}
	return lwNone
}

// mayOpenLevel is a cheap test of the word w, followed by the word next,
// before tokenizing around it.
func mayOpenLevel(w, next string) bool {
	return levelWordNext(levelWord(w), next)
}

// levelWordNext is the second half of mayOpenLevel: whether next is what
// a level word of kind lw needs after it.
func levelWordNext(lw int, next string) bool {
	// a name must follow a level word of one token: a capital or a number
	named := func() bool { return unicode.IsUpper(firstRune(next)) || (next != "" && isDigit(next[0])) }
	isUy := func() bool { return fwUy.prefixOf(next) || fwUy2.prefixOf(next) }
	switch lw {
	case lwAlways:
		return true
	case lwNamed:
		return named()
	case lwNamedUy:
		return named() || isUy()
	case lwThi:
		return fwTran.prefixOf(next) || fwXa.prefixOf(next) || isUy()
	case lwThanh:
		return fwPho.prefixOf(next) || isUy()
	}
	return false
}

// scanUnits finds every unit s names with a level word or a committee
// form. It tokenizes only a window around each word that may open one.
func scanUnits(s string) []occ {
	buf := tokPool.Get().(*[]tok)
	defer putToks(buf)
	return scanUnitsBuf(s, buf, nil)
}

// putToks hands scratch tokens back to tokPool, holding no text. What was
// written is cleared: b's length must cover every token written since the
// scratch was taken from the pool (beyond it, the tokens are already
// clear). Clearing the whole capacity instead cost more than the tokens'
// use: one long paragraph grows a buffer for good.
func putToks(b *[]tok) {
	clear(*b)
	*b = (*b)[:0]
	tokPool.Put(b)
}

// occPool holds the lists of occurrences unitsFinders gather.
var occPool = sync.Pool{New: func() any { b := make([]occ, 0, 32); return &b }}

// nextLevelStart is where the first word of s at or after i (the words
// being the runs of bytes other than spaces, the first from the first such
// byte at or after i) whose first four bytes levelCand takes begins, or
// len(s). Past the first word it tests eight bytes at a time.
func nextLevelStart(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || levelCand(s, i) {
		return i
	}
	const hi = 0x8080808080808080
	carry := uint64(0) // a space just before the chunk, in its first byte's top bit
	k := i + 1
	for ; k+11 <= len(s); k += 8 {
		// the three bytes after each word start are in s
		sp := spaceBytes(load8(s, k))
		for m := ^sp & (sp<<8 | carry) & hi; m != 0; m &= m - 1 {
			p := k + bits.TrailingZeros64(m)/8
			if levelRuleC[s[p]]&levelRuleD[s[p+1]]&levelRuleE[s[p+2]]&levelRuleF[s[p+3]] != 0 {
				return p
			}
		}
		carry = sp >> 56
	}
	for ; k < len(s); k++ {
		if s[k] != ' ' && s[k-1] == ' ' && levelCand(s, k) {
			return k
		}
	}
	return len(s)
}

// levelCand reports whether the word that starts at s[i] may be one
// levelWord knows, by its first four bytes (a space past the end of s):
// each rule of levelRules is a bit, and the four bytes must share one.
func levelCand(s string, i int) bool {
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
	return levelRuleC[s[i]]&levelRuleD[d]&levelRuleE[e]&levelRuleF[f] != 0
}

// spaceBytes marks with its top bit every byte of x that is a space.
func spaceBytes(x uint64) uint64 { return exactZeroBytes(x ^ 0x2020202020202020) }

// exactZeroBytes marks with its top bit every byte of v that is zero.
func exactZeroBytes(v uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((v&low7 + low7) | v | low7)
}

// levelRules are the first four bytes of the words levelWord knows, a
// rule to a word or a few ("" for every byte): those of "phường", "xã",
// "quận", "huyện", "thị", "thành", "tỉnh" in any case; "tp", "TX" and
// what starts with them; a bracket or a quote, after which levelWord
// tells. levelRuleC, levelRuleD, levelRuleE and levelRuleF hold them as
// tables: each rule is a bit, set for the bytes it takes in that place.
var levelRules = []struct{ c, d, e, f string }{
	{"pP", "hH", "\xc6", "\xb0\xaf"},   // phường: ư, Ư
	{"xX", "\xc3", "\xa3\x83", ""},     // xã: ã, Ã
	{"qQ", "uU", "\xe1", "\xba"},       // quận: ậ, Ậ
	{"hH", "uU", "yY", "\xe1"},         // huyện: ệ, Ệ
	{"tT", "hH", "\xe1", "\xbb"},       // thị: ị, Ị
	{"tT", "hH", "\xc3", "\xa0\x80"},   // thành: à, À
	{"tT", "\xe1", "\xbb", "\x89\x88"}, // tỉnh: ỉ, Ỉ
	{"tT", "pPX", "", ""},
	{"(\"\xe2", "", "", ""},
}

var levelRuleC, levelRuleD, levelRuleE, levelRuleF = func() (c, d, e, f [256]uint16) {
	set := func(t *[256]uint16, bs string, bit uint16) {
		for b := range t {
			if bs == "" || strings.IndexByte(bs, byte(b)) >= 0 {
				t[b] |= bit
			}
		}
	}
	for n, r := range levelRules {
		bit := uint16(1) << n
		set(&c, r.c, bit)
		set(&d, r.d, bit)
		set(&e, r.e, bit)
		set(&f, r.f, bit)
	}
	return c, d, e, f
}()

// levelPrefix reports whether a word w (two bytes or more, as the text
// has it) may be one levelWord knows, by its length and first bytes: for a
// word that starts with a letter, those of "phường", "xã", "quận",
// "huyện", "thị", "thành", "tỉnh", "tp", "TX" in any case, which
// punctuation after them only makes longer.
func levelPrefix(w string) bool {
	c, d := w[0], w[1]
	switch c {
	case 'p', 'P':
		return (d == 'h' || d == 'H') && len(w) >= len("phường") && w[2] == 0xc6 // ư, Ư
	case 'x', 'X':
		return d == 0xc3 && len(w) >= len("xã") // ã, Ã
	case 'q', 'Q':
		return (d == 'u' || d == 'U') && len(w) >= len("quận") && w[2] == 0xe1 // ậ, Ậ
	case 'h', 'H':
		return (d == 'u' || d == 'U') && len(w) >= len("huyện") && (w[2] == 'y' || w[2] == 'Y')
	case 't', 'T':
		switch d {
		case 'h', 'H': // thị, thành
			return len(w) >= len("thị") && (w[2] == 0xe1 || w[2] == 0xc3)
		case 0xe1: // tỉnh
			return len(w) >= len("tỉnh") && w[2] == 0xbb
		}
		return d == 'p' || d == 'P' || d == 'X'
	}
	return true // a bracket or a quote first: levelWord tells
}

// tokPool holds scratch for scanUnits.
var tokPool = sync.Pool{New: func() any { b := make([]tok, 0, 32); return &b }}

// scanUnitsBuf is scanUnits with a scratch buffer for the tokens; it
// appends to out.
func scanUnitsBuf(s string, scratch *[]tok, out []occ) []occ {
	buf := *scratch
	if buf == nil {
		buf = make([]tok, 0, 32)
	}
	written := len(buf) // scratch comes back as long as the most it held (see putToks)
	defer func() { *scratch = buf[:max(written, len(buf))] }()
	for i := 0; i < len(s); {
		if i = nextLevelStart(s, i); i >= len(s) {
			break
		}
		j := nextSep(s, i+1, ' ', ' ')
		if j-i >= 2 && !levelPrefix(s[i:j]) {
			i = j
			continue
		}
		lw := levelWord(s[i:j])
		if lw == lwNone {
			i = j
			continue
		}
		nx := j + 1
		for nx < len(s) && s[nx] != ' ' && nx-j < 12 {
			nx++
		}
		if !levelWordNext(lw, s[min(j+1, len(s)):min(nx, len(s))]) {
			i = j
			continue
		}
		// a window from the level word, twelve words on
		ws := i
		we := j
		for n := 0; we < len(s) && n < 12; n++ {
			for we < len(s) && s[we] == ' ' {
				we++
			}
			for we < len(s) && s[we] != ' ' {
				we++
			}
		}
		buf = tokenizeInto(buf[:0], s[ws:we])
		written = max(written, len(buf))
		toks := buf
		k := 0
		for k < len(toks) && ws+toks[k].end <= i {
			k++
		}
		if k >= len(toks) {
			i = j
			continue
		}
		lv, n, inline := levelAt(toks, k)
		if n == 0 {
			i = j
			continue
		}
		o, end, ok := captureUnit(toks, k, lv, n, inline)
		if !ok {
			i = ws + toks[k+n-1].end
			continue
		}
		if end < len(toks) && we < len(s) && end >= len(toks)-4 {
			// the window cut what stands beside the name: widen it
			wide := tokPool.Get().(*[]tok)
			*wide = tokenizeInto((*wide)[:0], s[ws:min(len(s), we+200)])
			o2, _, _ := captureUnit(*wide, k, lv, n, inline)
			o.parent, o.bare = o2.parent, o2.bare
			putToks(wide)
		}
		if o.surnamed && !o.personal {
			// a person's title shortly before: "Chủ tịch UBND quận Nguyễn Quang Trung"
			back := tokPool.Get().(*[]tok)
			*back = tokenizeInto((*back)[:0], s[max(0, i-80):i])
			o.personal = roleBefore(*back, len(*back))
			putToks(back)
		}
		out = append(out, o)
		i = ws + toks[end-1].end
	}
	return out
}

// captureUnit reads the name after a level word at toks[i] (n tokens) and
// what stands beside it; end is the index after the name.
func captureUnit(toks []tok, i int, lv model.Level, n int, inline string) (occ, int, bool) {
	lvTok := toks[i+n-1]
	var nb [8]string
	names := nb[:0]
	caps := false
	j := i + n
	if inline != "" {
		names = append(names, inline)
		if lvTok.post != "" {
			j = len(toks) + 1 // name ends inside the token
		}
	} else if lvTok.post != "" && !(lvTok.post == "." && (lvTok.core == "TP" || lvTok.core == "Tp" || lvTok.core == "TX")) {
		return occ{}, i + n, false // "phường," "xã;"
	}
	if inline == "" && j < len(toks) {
		caps = isAllCaps(toks[i].core) && isAllCaps(toks[j].core)
	}
	for ; j < len(toks) && len(names) < 7; j++ {
		t := toks[j]
		if t.core == "" || t.pre != "" {
			break
		}
		r := firstRune(t.core)
		if !unicode.IsUpper(r) {
			// a number: "Phường 5", "phường Mỹ Đình 1"
			if isDigits(t.core) && len(t.core) <= 2 && t.pre == "" && (len(names) > 0 || lv == model.Ward || lv == model.UrbanDist) && !countedAfter(toks, j+1) {
				names = append(names, t.core)
				j++
			}
			break
		}
		if lv2, _, _ := levelAt(toks, j); lv2 != "" {
			break
		}
		if caps {
			if capsStopWords[t.lw()] {
				break
			}
		} else if stopWords[t.lw()] || (utf8.RuneCountInString(t.core) >= 2 && isAllCaps(t.core) && t.core != "HCM") {
			break
		}
		names = append(names, t.core)
		if t.post != "" {
			j++
			break
		}
	}
	if len(names) == 0 {
		return occ{}, i + n, false
	}
	end := j
	if end > len(toks) {
		end = len(toks)
	}
	// "huyện Long Điền Lâm Văn Hồng": a person's name after the unit's
	if len(names) >= 4 {
		for k := 2; k+2 <= len(names); k++ {
			if surnames[lowerWord(names[k])] {
				names = names[:k]
				break
			}
		}
	}
	o := occ{caps: caps}
	if caps {
		var tail []string
		for k := j; k < len(toks) && k < j+3 && isAllCaps(toks[k].core); k++ {
			tail = append(tail, toks[k].core)
		}
		o.capsTail = strings.Join(tail, " ")
	}
	name := joinWords(names)
	if caps {
		name = titleCase(name)
	}
	if name == "HCM" || name == "Hcm" {
		name = "Hồ Chí Minh"
	}
	o.unit = model.Unit{Level: lv, Name: name}
	o.key = o.unit.Key()
	if len(names) >= 3 && surnames[lowerWord(names[0])] {
		o.surnamed = true
		o.personal = roleBefore(toks, i)
	}
	if len(names) >= 3 && names[1] == "Thị" {
		o.personal = true
	}
	// what stands beside it: ", huyện Y" / ", Y," / "(Y)" / "(TP.Y)"
	last := toks[min(end, len(toks))-1]
	if end < len(toks) || strings.HasSuffix(last.post, ",") {
		if strings.HasSuffix(last.post, ",") && end < len(toks) {
			o.parent, o.bare = beside(toks, end, false)
		} else if end < len(toks) && strings.HasPrefix(toks[end].raw, "(") {
			o.parent, o.bare = beside(toks, end, true)
		}
	}
	return o, end, true
}

// joinWords is strings.Join(ws, " "), without a copy where the words
// stand so in one string already (a name as the text writes it).
func joinWords(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	p := unsafe.StringData(ws[0])
	n := len(ws[0])
	for _, w := range ws[1:] {
		// the next word must start one byte after the last, and that byte be
		// a space; pointer arithmetic within one string only
		if len(w) == 0 || unsafe.StringData(w) != (*byte)(unsafe.Add(unsafe.Pointer(p), n+1)) ||
			*(*byte)(unsafe.Add(unsafe.Pointer(p), n)) != ' ' {
			return strings.Join(ws, " ")
		}
		n += 1 + len(w)
	}
	return unsafe.String(p, n)
}

// countNouns follow a number that counts things rather than names a unit.
var countNouns = map[string]bool{"năm": true, "tháng": true, "ngày": true, "lần": true, "người": true,
	"hộ": true, "chi": true, "tổ": true, "thôn": true, "khu": true, "tỷ": true, "triệu": true,
	"đảng": true, "xã": true, "phường": true, "đơn": true, "tập": true, "cá": true, "đồng": true}

// countedAfter reports whether toks[k] is a noun that a number before it
// counts: "phường 3 năm liền".
func countedAfter(toks []tok, k int) bool {
	return k < len(toks) && countNouns[toks[k].lw()]
}

// beside reads the unit written after a unit's name: after a comma
// ("xã Lê Hồng, huyện Thanh Miện") or in brackets ("thị trấn Phố Châu
// (Hương Sơn)", "xã Hòa Thành (TP.Cà Mau)").
func beside(toks []tok, j int, paren bool) (*occ, string) {
	t := toks[j]
	if paren {
		// strip the opening bracket for the level check
		core := strings.TrimLeft(t.raw, "(")
		tt := tokenize(core)
		if len(tt) == 1 {
			toks2 := append([]tok{tt[0]}, toks[j+1:min(len(toks), j+6)]...)
			if lv, n, inline := levelAt(toks2, 0); n > 0 {
				if o, _, ok := captureUnit(toks2, 0, lv, n, inline); ok {
					return &o, ""
				}
			}
		}
	} else if lv, n, inline := levelAt(toks, j); n > 0 {
		if o, _, ok := captureUnit(toks, j, lv, n, inline); ok {
			return &o, ""
		}
		return nil, ""
	}
	// a bare name: capitalised words up to a comma, colon or bracket
	var names []string
	for k := j; k < len(toks) && len(names) < 5; k++ {
		tk := toks[k]
		core := tk.core
		if core == "" || !unicode.IsUpper(firstRune(core)) {
			return nil, ""
		}
		if k > j && tk.pre != "" {
			return nil, ""
		}
		names = append(names, core)
		if tk.post != "" {
			if strings.HasPrefix(tk.post, ",") || strings.HasPrefix(tk.post, ":") || strings.HasPrefix(tk.post, ")") || strings.HasPrefix(tk.post, ".") || strings.HasPrefix(tk.post, ";") {
				return nil, strings.Join(names, " ")
			}
			return nil, ""
		}
	}
	if len(names) > 0 && len(names) <= 4 && j+len(names) == len(toks) {
		return nil, strings.Join(names, " ")
	}
	return nil, ""
}

func roleBefore(toks []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if roleWords[toks[k].lw()] {
			return true
		}
	}
	return false
}

// capRuns lists the runs of capitalised words of s ("Quế Long", "Hải
// Dương"), each cut at punctuation, for matching bare names against the
// units the text names elsewhere.
func capRuns(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, joinWords(cur))
		}
		cur = cur[:0]
	}
	toks := tokPool.Get().(*[]tok)
	defer putToks(toks)
	*toks = tokenizeInto((*toks)[:0], s)
	for _, t := range *toks {
		if t.core == "" || !unicode.IsUpper(firstRune(t.core)) || t.pre != "" {
			flush()
			if t.core != "" && unicode.IsUpper(firstRune(t.core)) {
				cur = append(cur, t.core)
				if t.post != "" {
					flush()
				}
			}
			continue
		}
		cur = append(cur, t.core)
		if t.post != "" {
			flush()
		}
	}
	flush()
	return out
}

// subRuns lists the contiguous word sequences of a run, longest first.
func subRuns(run string) []string {
	ws := strings.Fields(run)
	var out []string
	for n := min(len(ws), 5); n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			out = append(out, strings.Join(ws[i:i+n], " "))
		}
	}
	return out
}

// keyInfo is what the occurrences of one unit tell: whether one names it
// plainly (not as part of a person's title), and its mixed-case spelling.
type keyInfo struct {
	plain bool
	mixed string
}

// unitsFinder gathers what the page says about units and picks the report's
// own.
type unitsFinder struct {
	buf    []tok // scratch for scanning
	texts  []string
	keys   smallMap[model.UnitKey, keyInfo] // what the occurrences of each unit tell
	all    []occ                            // every occurrence, in page order
	byFold smallMap[string, []model.Unit]   // folded name → units of that name, by level
	allBuf *[]occ                           // from occPool, for release
	tokBuf *[]tok                           // from tokPool, for release
}

// release hands the finder's scratch back to the pools; the finder is not
// used after.
func (f *unitsFinder) release() {
	clear(f.all) // only ever appended to: nothing stands past its length
	*f.allBuf = f.all[:0]
	occPool.Put(f.allBuf)
	*f.tokBuf = f.buf
	putToks(f.tokBuf)
	f.all, f.buf, f.allBuf, f.tokBuf = nil, nil, nil, nil
}

func newUnitsFinder(texts []string) *unitsFinder {
	f := &unitsFinder{texts: texts}
	f.allBuf = occPool.Get().(*[]occ)
	f.tokBuf = tokPool.Get().(*[]tok)
	f.all = (*f.allBuf)[:0]
	f.buf = (*f.tokBuf)[:0]
	for _, s := range texts {
		f.all = scanUnitsBuf(s, &f.buf, f.all)
	}
	for _, o := range f.all {
		ki, _ := f.keys.get(o.key)
		if !o.personal {
			ki.plain = true
		}
		if !o.caps && ki.mixed == "" {
			ki.mixed = o.unit.Name
		}
		f.keys.set(o.key, ki)
	}
	for _, o := range f.all {
		if !f.valid(o) {
			continue
		}
		k := o.key.Name
		dup := false
		us, _ := f.byFold.get(k)
		for _, u := range us {
			if u.Level == o.unit.Level {
				dup = true
			}
		}
		if !dup {
			f.byFold.set(k, append(us, o.unit))
		}
	}
	return f
}

// smallMap is a map for the few keys a page has: a list searched in
// order, with a map beside it once it grows long.
type smallMap[K comparable, V any] struct {
	keys []K
	vals []V
	idx  map[K]int // when there are many keys
}

func (m *smallMap[K, V]) get(k K) (V, bool) {
	if m.idx != nil {
		if i, ok := m.idx[k]; ok {
			return m.vals[i], true
		}
	} else {
		for i := range m.keys {
			if m.keys[i] == k {
				return m.vals[i], true
			}
		}
	}
	var zero V
	return zero, false
}

func (m *smallMap[K, V]) set(k K, v V) {
	if m.idx != nil {
		if i, ok := m.idx[k]; ok {
			m.vals[i] = v
			return
		}
	} else {
		for i := range m.keys {
			if m.keys[i] == k {
				m.vals[i] = v
				return
			}
		}
	}
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, v)
	if m.idx != nil {
		m.idx[k] = len(m.keys) - 1
	} else if len(m.keys) > 24 {
		m.idx = make(map[K]int, 2*len(m.keys))
		for i, k := range m.keys {
			m.idx[k] = i
		}
	}
}

func (m *smallMap[K, V]) len() int { return len(m.keys) }

// valid reports whether an occurrence names a unit: a person's title
// counts only where the same unit is also named plainly.
func (f *unitsFinder) valid(o occ) bool {
	ki, _ := f.keys.get(o.key)
	return !o.personal || ki.plain
}

// matchFolded finds the unit a bare name (folded) stands for: the smallest
// of those the text names with a level elsewhere.
func (f *unitsFinder) matchFolded(fn string) (model.Unit, bool) {
	us, _ := f.byFold.get(fn)
	if len(us) > 0 {
		best := us[0]
		for _, u := range us[1:] {
			if u.Level.Rank() < best.Level.Rank() {
				best = u
			}
		}
		return best, true
	}
	return model.Unit{}, false
}

// pick chooses the report's own unit: the first named in the headline,
// else a bare name in the headline that the text names with a level
// elsewhere, else the first named in the lead sentence, else such a bare
// name there ("Đoàn Tùng là một xã ...").
func (f *unitsFinder) pick(title, lead string) *model.Unit {
	// a unit said to be one in the lead counts as named
	for _, src := range []string{title, lead} {
		if u := appositive(src); u != nil {
			k := fold(u.Name)
			us, _ := f.byFold.get(k)
			f.byFold.set(k, append(us, *u))
		}
	}
	for _, src := range []string{title, lead} {
		if src == "" {
			continue
		}
		// "Huyện Gia Lâm: Xã Đa Tốn tổng kết ...": what stands before a
		// headline's colon is the place, what follows the subject
		if src == title {
			if i := strings.Index(src, ": "); i > 0 && i < 60 {
				for _, o := range scanUnitsBuf(src[i+2:], &f.buf, nil) {
					if f.valid(o) {
						u := f.canonical(o)
						return &u
					}
				}
			}
		}
		for _, o := range scanUnitsBuf(src, &f.buf, nil) {
			if f.valid(o) {
				u := f.canonical(o)
				return &u
			}
		}
		var best *model.Unit
		if f.byFold.len() > 0 {
			var leadOwn, leadAny []model.Unit
			leadRead := false
			for _, run := range capRuns(src) {
				for _, sr := range headlineNames(fold(run)) {
					u, ok := f.matchFolded(sr)
					if !ok {
						continue
					}
					// the level the lead gives the name, else the smallest
					if src == title && lead != "" {
						if !leadRead {
							leadOwn, leadAny = f.leadLevels(lead)
							leadRead = true
						}
						if lu, found := findFolded(leadOwn, sr); found {
							u = lu
						} else if lu, found := findFolded(leadAny, sr); found {
							u = lu
						}
					}
					if best == nil || u.Level.Rank() < best.Level.Rank() {
						uu := u
						best = &uu
					}
				}
			}
		}
		if best != nil {
			return best
		}
		if src == title && (hasCityAbbrev(title) || hasCityAbbrev(lead)) {
			// "các sở, ngành Hà Nội" and "lãnh đạo TP" in the lead: the city
			for _, run := range capRuns(src) {
				ws := strings.Fields(run)
				for n := min(len(ws), 4); n >= 1; n-- {
					for i := 0; i+n <= len(ws); i++ {
						if g, ok := loadGazetteer().province(fold(strings.Join(ws[i:i+n], " "))); ok && g.level == model.City {
							return &model.Unit{Level: model.City, Name: g.name}
						}
					}
				}
			}
		}
	}
	return nil
}

// leadLevels lists the units the lead names with a level: those it does
// not name as the place where something happens ("tại thành phố X"), and
// all of them.
func (f *unitsFinder) leadLevels(lead string) (own, all []model.Unit) {
	for _, o := range scanUnitsBuf(lead, &f.buf, nil) {
		if !f.valid(o) {
			continue
		}
		u := f.canonical(o)
		all = append(all, u)
		if !placeIn(lead, u) {
			own = append(own, u)
		}
	}
	return own, all
}

// placeIn reports whether every mention of u's name in s follows "tại" or
// "ở" before its level word: the place of an event, not its actor.
func placeIn(s string, u model.Unit) bool {
	place := false
	if u.Name == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(s[off:], u.Name)
		if i < 0 {
			return place
		}
		i += off
		off = i + len(u.Name)
		pre := strings.ToLower(s[max(0, i-30):i])
		lv := strings.LastIndex(pre, string(u.Level)+" ")
		if lv < 0 || strings.TrimSpace(pre[lv+len(u.Level):]) != "" {
			continue // not written with its level here
		}
		before := strings.TrimRight(pre[:lv], " ")
		if !strings.HasSuffix(before, "tại") && !strings.HasSuffix(before, "ở") {
			return false
		}
		place = true
	}
}

// findFolded finds in us the unit of folded name fn.
func findFolded(us []model.Unit, fn string) (model.Unit, bool) {
	for _, u := range us {
		if fold(u.Name) == fn {
			return u, true
		}
	}
	return model.Unit{}, false
}

// landmarkWords (folded) name places that bear a unit's name without being
// it: "ATK Định Hóa", "Đền Hùng", "chợ Bến Thành".
var landmarkWords = map[string]bool{"atk": true, "den": true, "chua": true, "khu": true, "cau": true, "cang": true, "cho": true, "ben": true, "nui": true, "dinh": true, "san": true, "nha": true, "truong": true, "benh": true, "cong": true, "ho": true, "song": true, "dao": true}

// headlineNames is subRuns of a folded run of a headline, leaving out the
// names that follow a landmark's word in it.
func headlineNames(run string) []string {
	ws := strings.Fields(run)
	var out []string
	for n := min(len(ws), 5); n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if i > 0 && landmarkWords[ws[i-1]] {
				continue
			}
			if landmarkWords[ws[i]] && i+n < len(ws) {
				continue
			}
			out = append(out, strings.Join(ws[i:i+n], " "))
		}
	}
	return out
}

// hasCityAbbrev reports whether s names a city by the bare abbreviation
// "TP" ("lãnh đạo TP,", "UBND TP Nguyễn Văn A") without a name glued to it.
func hasCityAbbrev(s string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], "TP")
		if i < 0 {
			return false
		}
		i += off
		off = i + 2
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		if off == len(s) || s[off] == ' ' || s[off] == ',' || s[off] == '.' && (off+1 == len(s) || s[off+1] == ' ') {
			return true
		}
	}
}

// appositive reads "Đoàn Tùng là một xã ...": a bare name said to be a unit.
func appositive(s string) *model.Unit {
	if !strings.Contains(s, " là ") {
		return nil
	}
	buf := tokPool.Get().(*[]tok)
	defer putToks(buf)
	*buf = tokenizeInto((*buf)[:0], s)
	toks := *buf
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].raw != "là" {
			continue
		}
		k := i + 1
		if toks[k].raw == "một" && k+1 < len(toks) {
			k++
		}
		lv, n, _ := levelAt(toks, k)
		if n == 0 || toks[k].core != toks[k].lw() {
			continue
		}
		var names []string
		for j := i - 1; j >= 0 && len(names) < 4; j-- {
			t := toks[j]
			if t.core == "" || !unicode.IsUpper(firstRune(t.core)) || t.post != "" {
				break
			}
			names = append([]string{t.core}, names...)
			if t.pre != "" {
				break
			}
		}
		if len(names) > 0 {
			return &model.Unit{Level: lv, Name: strings.Join(names, " ")}
		}
	}
	return nil
}

// canonical gives a unit its usual capitalisation: a name written in
// capitals takes the spelling the text uses elsewhere.
func (f *unitsFinder) canonical(o occ) model.Unit {
	u := o.unit
	if o.caps {
		// "XÃ ĐÔNG HỘI": the text may spell out in mixed case a name that
		// a stop word cut short
		tail := strings.Fields(o.capsTail)
		for k := len(tail); k >= 1; k-- {
			long := model.Unit{Level: u.Level, Name: u.Name + " " + strings.Join(tail[:k], " ")}
			if ki, _ := f.keys.get(long.Key()); ki.mixed != "" {
				n := ki.mixed
				u.Name = n
				return u
			}
		}
		if ki, _ := f.keys.get(u.Key()); ki.mixed != "" {
			n := ki.mixed
			u.Name = n
		}
	}
	return u
}

// parentOf finds the unit that encloses u where the text says so: written
// beside it ("xã X, huyện Y", "(TP.Cà Mau)", "xã X, Thanh Trì, Hà Nội"),
// else a unit the text names that the gazetteer says encloses it, else a
// province the headline opens with ("Hà Tĩnh: Huyện Đức Thọ ...").
func (f *unitsFinder) parentOf(u model.Unit, title string) string {
	fn := fold(u.Name)
	g := loadGazetteer()
	rank := u.Level.Rank()
	var bares []string
	for _, o := range f.all {
		if o.key.Level != u.Level || o.key.Name != fn {
			continue
		}
		if o.parent != nil && o.parent.unit.Level.Rank() > rank {
			return o.parent.unit.String()
		}
		if o.bare != "" {
			bares = append(bares, o.bare)
		}
	}
	// the name without its level word, with a unit beside it:
	// "người dân Hương Điền (Vũ Quang)", in the first paragraphs
	for _, s := range f.texts[:min(len(f.texts), 4)] {
		for off := 0; ; {
			k := strings.Index(s[off:], u.Name)
			if k < 0 {
				break
			}
			off += k + len(u.Name)
			rest := s[off:]
			if strings.HasPrefix(rest, " (") || strings.HasPrefix(rest, ", ") {
				buf := tokPool.Get().(*[]tok)
				*buf = tokenizeInto((*buf)[:0], firstN(rest, 80))
				toks := *buf
				var o *occ
				b := ""
				if len(toks) > 0 {
					o, b = beside(toks, 0, strings.HasPrefix(rest, " ("))
				}
				putToks(buf)
				if o != nil && o.unit.Level.Rank() > rank {
					return o.unit.String()
				} else if b != "" {
					bares = append(bares, b)
				}
			}
		}
	}
	encl := g.enclosing(u.Level, fn)
	for _, b := range bares {
		if p, ok := f.resolveBare(b, rank, encl); ok {
			return p
		}
	}
	for _, e := range encl {
		if us, ok := f.byFold.get(fold(e.name)); ok {
			for _, m := range us {
				if m.Level.Rank() > rank {
					return m.String()
				}
			}
		}
	}
	if i := strings.Index(title, ":"); i > 0 && i < 40 && !strings.Contains(fold(title[:i]), fn) {
		if p, ok := f.resolveBare(strings.TrimSpace(title[:i]), rank, encl); ok {
			return p
		}
	}
	return ""
}

// resolveBare gives a bare name written beside a unit its level: from the
// units the text names, the gazetteer's enclosing units, or the provinces.
func (f *unitsFinder) resolveBare(b string, rank int, encl []gzUnit) (string, bool) {
	fb := fold(b)
	ms, _ := f.byFold.get(fb)
	for _, m := range ms {
		if m.Level.Rank() > rank {
			return m.String(), true
		}
	}
	for _, e := range encl {
		if fold(e.name) == fb && e.level.Rank() > rank {
			return string(e.level) + " " + e.name, true
		}
	}
	g := loadGazetteer()
	if p, ok := g.province(fb); ok && p.level.Rank() > rank {
		return string(p.level) + " " + p.name, true
	}
	// a commune with a district's name beside it: "Hương Điền (Vũ Quang)"
	if rank <= model.Townlet.Rank() {
		for _, d := range g.distByFn[fb] {
			return string(g.districts[d].level) + " " + g.districts[d].name, true
		}
	}
	return "", false
}

// mentions lists every other unit named, once each, with the enclosing
// unit written beside it where there is one.
func (f *unitsFinder) mentions(own *model.Unit) []model.Unit {
	var out []model.Unit
	var seen smallMap[model.UnitKey, int]
	if own != nil {
		seen.set(own.Key(), -1)
	}
	for _, o := range f.all {
		if !f.valid(o) {
			continue
		}
		u := f.canonical(o)
		k := o.key
		if o.caps {
			k = u.Key() // the name may have grown
		}
		if i, ok := seen.get(k); ok {
			if i >= 0 && out[i].Parent == "" && o.parent != nil && o.parent.unit.Level.Rank() > u.Level.Rank() {
				out[i].Parent = o.parent.unit.String()
			}
			continue
		}
		if o.parent != nil && o.parent.unit.Level.Rank() > u.Level.Rank() {
			u.Parent = o.parent.unit.String()
		}
		seen.set(k, len(out))
		out = append(out, u)
	}
	return out
}
