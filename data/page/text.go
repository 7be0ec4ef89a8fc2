package page

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/baocao/baocao/model"
)

// fold lowers s and drops its diacritics ("Đảng ủy" → "dang uy"), like
// model.Fold, appending to buf so that hot paths can reuse one buffer.
func foldAppend(buf []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
			continue
		}
		if f := model.FoldRune(r); f >= 0 {
			buf = utf8.AppendRune(buf, f)
		}
	}
	return buf
}

func fold(s string) string { return model.Fold(s) }

// foldInto folds s into buf (growing it only when s folds to more than
// it holds) and returns the result, valid while buf is: callers pass an
// array of their own.
func foldInto(buf []byte, s string) string {
	b := foldAppend(buf[:0], s)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// foldBuf folds s into a reusable buffer; the result is valid until the
// buffer's next use.
type foldBuf []byte

func (b *foldBuf) fold(s string) string {
	*b = foldAppend((*b)[:0], s)
	if len(*b) == 0 {
		return ""
	}
	return unsafe.String(&(*b)[0], len(*b)) // valid until the next fold
}

// firstRune is the first rune of s, or 0.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// lastRune is the last rune of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

func isUpperStart(s string) bool { return unicode.IsUpper(firstRune(s)) }

func isLowerStart(s string) bool { return unicode.IsLower(firstRune(s)) }

// nextDigit is the offset of the first ASCII digit of s at or after i, or
// len(s). It tests eight bytes at a time.
func nextDigit(s string, i int) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		_ = s[i+7]
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// a byte's top bit: set in a when its low seven bits are >= '0', in
		// b when >= ':' (no borrow crosses bytes: each starts at 0x80 or
		// more), and in x for bytes of 0x80 or more
		a := (x | hi) - lo*'0'
		b := (x | hi) - lo*':'
		if m := a &^ b &^ x & hi; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return len(s)
}

// load8 reads s[i:i+8] as a little-endian word.
func load8(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// zeroBytes marks with its top bit the first byte of x that is zero (and
// perhaps later ones): its trailing zeros over eight locate the first.
func zeroBytes(x uint64) uint64 {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	return (x - lo) &^ x & hi
}

// nextSep is the offset of the first byte of s at or after i that is a or
// b, or len(s). It tests eight bytes at a time.
func nextSep(s string, i int, a, b byte) int {
	const lo = 0x0101010101010101
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		if m := zeroBytes(x^(lo*uint64(a))) | zeroBytes(x^(lo*uint64(b))); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if s[i] == a || s[i] == b {
			return i
		}
	}
	return len(s)
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// trimPunct strips punctuation and symbols from both ends of a token.
func trimPunct(s string) string {
	if s == "" || (alnumAt(s, true) && alnumAt(s, false)) {
		return s
	}
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// trimPunctIdx returns the bounds of trimPunct(s) in s.
func trimPunctIdx(s string) (int, int) {
	a, b := 0, len(s)
	for a < b && !alnumAt(s[a:b], true) {
		_, size := utf8.DecodeRuneInString(s[a:b])
		a += size
	}
	for b > a && !alnumAt(s[a:b], false) {
		_, size := utf8.DecodeLastRuneInString(s[a:b])
		b -= size
	}
	return a, b
}

// alnumAt reports whether s starts (first) or ends with a letter or digit.
func alnumAt(s string, first bool) bool {
	var c byte
	if first {
		c = s[0]
	} else {
		c = s[len(s)-1]
	}
	if c < utf8.RuneSelf {
		return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || isDigit(c)
	}
	if first {
		if k, letter := vnLetter(s); k > 0 {
			return letter
		}
	} else if k, letter := vnLetterLast(s); k > 0 {
		return letter
	}
	var r rune
	if first {
		r, _ = utf8.DecodeRuneInString(s)
	} else {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// vnLetter tells, without decoding, whether s starts with a letter of the
// blocks Vietnamese is written in: U+00C0 to U+01BF (but × and ÷) and
// U+1E00 to U+1EFF, all letters. k is the rune's length, 0 when s starts
// with anything else (then it does not tell).
func vnLetter(s string) (k int, letter bool) {
	if len(s) < 2 || s[1]&0xc0 != 0x80 {
		return 0, false
	}
	switch c := s[0]; {
	case c == 0xc3:
		return 2, s[1] != 0x97 && s[1] != 0xb7
	case c == 0xc4 || c == 0xc5 || c == 0xc6:
		return 2, true
	case c == 0xe1 && 0xb8 <= s[1] && s[1] <= 0xbb && len(s) >= 3 && s[2]&0xc0 == 0x80:
		return 3, true
	}
	return 0, false
}

// vnLetterLast is vnLetter for the rune that ends s.
func vnLetterLast(s string) (k int, letter bool) {
	if n := len(s); n >= 2 && s[n-1]&0xc0 == 0x80 {
		if c := s[n-2]; c >= 0xc3 && c <= 0xc6 {
			return vnLetter(s[n-2:])
		}
		if n >= 3 && s[n-3] == 0xe1 {
			return vnLetter(s[n-3:])
		}
	}
	return 0, false
}

// stripClosers drops closing quotes and brackets from the end of s.
func stripClosers(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		switch r {
		case '"', '\'', '”', '’', '»', ')', ']', ' ', '*':
			return true
		}
		return false
	})
}

// endsSentence reports whether s ends like a sentence: a full stop, an
// ellipsis, "!", "?" or ";" (before any closing quotes or brackets).
func endsSentence(s string) bool {
	switch lastRune(stripClosers(s)) {
	case '.', '…', '!', '?', ';':
		return true
	}
	return false
}

// endsWithStop is endsSentence limited to a full stop or an ellipsis: a
// headline may end with "?" or "!", rarely with a full stop.
func endsWithStop(s string) bool {
	switch lastRune(stripClosers(s)) {
	case '.', '…':
		return true
	}
	return false
}

// countWords counts the tokens of s that hold a letter or a digit.
func countWords(s string) int { return countWordsUpTo(s, len(s)+1) }

// countWordsUpTo is countWords that stops counting at limit.
func countWordsUpTo(s string, limit int) int {
	n := 0
	for i := 0; i < len(s) && n < limit; {
		c := s[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		start := i
		i = nextSep(s, i+1, ' ', '\t')
		if byteClass[c] == bcAlnum || tokenHasAlnum(s[start:i]) {
			n++
		}
	}
	return n
}

// byteClass tells ASCII letters and digits from other bytes.
const (
	bcOther = iota
	bcAlnum
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			t[c] = bcAlnum
		}
	}
	return t
}()

// tokenHasAlnum reports whether a token holds a letter or a digit; most
// tokens tell at their first byte.
func tokenHasAlnum(t string) bool {
	for k := 0; k < len(t); {
		c := t[k]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || isDigit(c) {
				return true
			}
			k++
			continue
		}
		if k+1 < len(t) && t[k+1]&0xc0 == 0x80 && ((c == 0xc3 && t[k+1] != 0x97 && t[k+1] != 0xb7) || c == 0xc4 || c == 0xc5 || c == 0xc6) {
			return true // U+00C0 to U+01BF: letters but × and ÷
		}
		r, size := utf8.DecodeRuneInString(t[k:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		k += size
	}
	return false
}

// hasLetterOrDigit reports whether s holds any letter or digit.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// collapseSpaces turns every run of white space into one space.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if strings.IndexByte(s, '\t') < 0 && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		// copy up to the next run to collapse: two spaces or more, or one
		// with a tab
		k := len(s)
		if j := strings.Index(s[i:], "  "); j >= 0 {
			k = i + j
		}
		if j := strings.IndexByte(s[i:k], '\t'); j >= 0 {
			k = i + j
			for k > i && s[k-1] == ' ' {
				k--
			}
		}
		b.WriteString(s[i:k])
		if k == len(s) {
			break
		}
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		b.WriteByte(' ') // s is trimmed: text follows the run
		i = k
	}
	return b.String()
}

// sentences splits a paragraph into sentences at ". ", "! ", "? ", "… "
// followed by a capital letter, a digit or a quote, not after an
// abbreviation ("TP. Hồ Chí Minh", "UB. MTTQ").
func sentences(p string) []string {
	var out []string
	eachSentence(p, func(s string) bool {
		out = append(out, s)
		return true
	})
	return out
}

// manySentences reports whether p holds more than one sentence.
func manySentences(p string) bool {
	n := 0
	eachSentence(p, func(string) bool {
		n++
		return n < 2
	})
	return n > 1
}

// eachSentence calls yield with the sentences of p in order, as sentences
// lists them, until yield returns false.
func eachSentence(p string, yield func(string) bool) {
	start := 0
	for i := 0; i < len(p); {
		c := p[i]
		if c != '.' && c != '!' && c != '?' && c != 0xe2 {
			i++ // no stop: "…" is the only one that is not ASCII
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		end := i + size
		if r == '.' || r == '!' || r == '?' || r == '…' {
			// absorb closing quotes and repeated stops
			for end < len(p) {
				r2, s2 := utf8.DecodeRuneInString(p[end:])
				if r2 == '.' || r2 == '"' || r2 == '”' || r2 == ')' || r2 == '’' || r2 == '/' {
					end += s2
					continue
				}
				break
			}
			if end < len(p) && p[end] == ' ' {
				j := end
				for j < len(p) && p[j] == ' ' {
					j++
				}
				nx := firstRune(p[j:])
				if (unicode.IsUpper(nx) || unicode.IsDigit(nx) || nx == '"' || nx == '“' || nx == '(') && !(r == '.' && abbrevBefore(p[start:i])) {
					if s := strings.TrimSpace(p[start:end]); s != "" {
						if !yield(s) {
							return
						}
					}
					start = j
					i = j
					continue
				}
			}
		}
		i = end
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		yield(s)
	}
}

// firstSentence is the first of sentences(p), found without splitting
// the rest.
func firstSentence(p string) string {
	for cut := 400; ; cut *= 2 {
		if cut >= len(p) {
			if ss := sentences(p); len(ss) > 0 {
				return ss[0]
			}
			return ""
		}
		if ss := sentences(firstN(p, cut)); len(ss) > 1 {
			return ss[0]
		}
	}
}

// abbrevBefore reports whether the text before a full stop ends with an
// abbreviation: a short run of capitals ("TP", "UB", "PCT") or one letter.
func abbrevBefore(s string) bool {
	j := strings.LastIndexByte(s, ' ')
	w := s[j+1:]
	if w == "" {
		return false
	}
	n := utf8.RuneCountInString(w)
	if n == 1 {
		return unicode.IsLetter(firstRune(w))
	}
	if n > 4 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// titleCase writes an ALL-CAPS name in its usual capitalisation:
// "HƯỚNG ĐẠO" → "Hướng Đạo".
func titleCase(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		if upper {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		upper = r == ' ' || r == '-'
	}
	return b.String()
}

// isAllCaps reports whether s has letters and none of them is lower case.
func isAllCaps(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			has = true
		}
	}
	return has
}

// foldWord is a word to compare with, in lower case and in capitals; each
// of its runes has a case partner of the same length and no other, so
// that a word matches it, ignoring case, byte for byte.
type foldWord struct{ lower, upper string }

func newFoldWord(w string) foldWord {
	u := strings.ToUpper(w)
	if len(u) != len(w) {
		panic("page: " + w + " changes length in capitals")
	}
	for i, r := range w {
		if utf8.RuneLen(r) != utf8.RuneLen(firstRune(u[i:])) {
			panic("page: " + w + " changes a rune's length in capitals")
		}
		switch r {
		case 'k', 's', 'å':
			panic("page: " + w + " has a letter with more than one case partner")
		}
	}
	return foldWord{w, u}
}

// is reports whether s is the word in any mix of cases: strings.EqualFold
// for these words.
func (f foldWord) is(s string) bool {
	if len(s) != len(f.lower) {
		return false
	}
	for i := 0; i < len(s); {
		c := f.lower[i]
		if c < utf8.RuneSelf {
			if s[i] != c && s[i] != f.upper[i] {
				return false
			}
			i++
			continue
		}
		n := 2
		if c >= 0xf0 {
			n = 4
		} else if c >= 0xe0 {
			n = 3
		}
		lo, up := true, true
		for k := i; k < i+n; k++ {
			lo = lo && s[k] == f.lower[k]
			up = up && s[k] == f.upper[k]
		}
		if !lo && !up {
			return false
		}
		i += n
	}
	return true
}

// prefixOf reports whether s begins with the word in any mix of cases.
func (f foldWord) prefixOf(s string) bool {
	return len(s) >= len(f.lower) && f.is(s[:len(f.lower)])
}
