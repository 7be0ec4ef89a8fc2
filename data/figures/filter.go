package figures

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Most paragraphs of a news corpus state no metric: their words name no
// key at all. mayHaveMetric tells them apart on the raw text, folding it
// a rune at a time as prepare would but keeping only the word being read,
// far cheaper than preparing the paragraph.

// The words that matter to mayHaveMetric, packed a letter a byte into a
// uint64: every rule that emits a metric needs one of these words, or the
// second of one of these pairs, in its paragraph (see clause and
// sentenceTotals).
const (
	wThu   = uint64('t')<<16 | uint64('h')<<8 | uint64('u')
	wNgan  = uint64('n')<<24 | uint64('g')<<16 | uint64('a')<<8 | uint64('n')
	wSach  = uint64('s')<<24 | uint64('a')<<16 | uint64('c')<<8 | uint64('h')
	wNs    = uint64('n')<<8 | uint64('s')
	wNsnn  = uint64('n')<<24 | uint64('s')<<16 | uint64('n')<<8 | uint64('n')
	wNsdp  = uint64('n')<<24 | uint64('s')<<16 | uint64('d')<<8 | uint64('p')
	wNgheo = uint64('n')<<32 | uint64('g')<<24 | uint64('h')<<16 | uint64('e')<<8 | uint64('o')
	wBhyt  = uint64('b')<<24 | uint64('h')<<16 | uint64('y')<<8 | uint64('t')
	wBao   = uint64('b')<<16 | uint64('a')<<8 | uint64('o')
	wHiem  = uint64('h')<<24 | uint64('i')<<16 | uint64('e')<<8 | uint64('m')
	wVan   = uint64('v')<<16 | uint64('a')<<8 | uint64('n')
	wHoa   = uint64('h')<<16 | uint64('o')<<8 | uint64('a')
	wDang  = uint64('d')<<24 | uint64('a')<<16 | uint64('n')<<8 | uint64('g')
	wVien  = uint64('v')<<24 | uint64('i')<<16 | uint64('e')<<8 | uint64('n')
	wChi   = uint64('c')<<16 | uint64('h')<<8 | uint64('i')
	wBo    = uint64('b')<<8 | uint64('o')
	wQuan  = uint64('q')<<24 | uint64('u')<<16 | uint64('a')<<8 | uint64('n')
	wChung = uint64('c')<<32 | uint64('h')<<24 | uint64('u')<<16 | uint64('n')<<8 | uint64('g')
	wTieu  = uint64('t')<<24 | uint64('i')<<16 | uint64('e')<<8 | uint64('u')
	wNoi   = uint64('n')<<16 | uint64('o')<<8 | uint64('i')
	wDung  = uint64('d')<<24 | uint64('u')<<16 | uint64('n')<<8 | uint64('g')
	wMuc   = uint64('m')<<16 | uint64('u')<<8 | uint64('c')
)

// keyPair reports whether word b after word a (or b alone) is one that a
// rule needs: "ngân sách", "thu NSNN", "nghèo", "BHYT", "bảo hiểm", "văn
// hóa", "đảng viên", "chi bộ", "quần chúng", "chỉ tiêu", "mục tiêu", "nội
// dung". Words are packed as in the constants above. Every word it accepts
// second is in keySeconds.
func keyPair(a, b uint64) bool {
	switch b {
	case wNgheo, wBhyt:
		return true
	case wSach:
		return a == wNgan
	case wNs, wNsnn, wNsdp:
		return a == wThu
	case wHiem:
		return a == wBao
	case wHoa:
		return a == wVan
	case wVien:
		return a == wDang
	case wBo:
		return a == wChi
	case wChung:
		return a == wQuan
	case wTieu:
		return a == wChi || a == wMuc
	case wDung:
		return a == wNoi
	}
	return false
}

// asciiFold is the folded byte of each ASCII byte, as prepare folds it.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		b, _ := foldByte(rune(c))
		t[c] = b
	}
	return t
}()

// mayHaveMetric reports whether paragraph p may state a metric: whether its
// folded words hold one that keyPair accepts. It never says no where
// prepare's words would hold one: it folds each rune as prepare does, and
// a word of prepare's (letters after a non-letter) is a run of letters here
// too; it may say yes where prepare's tokens part the two words.
//
// Words end about every fifth letter, at no place a branch predictor can
// guess, so the loop keeps its word state without branching on letters:
// a word is the letters packed into w (a word of more than five letters
// has a byte above the fifth), and at each rune a hash of w tells whether
// the letters read so far make a second word of keyPair (keyHash); only
// then, and at a non-letter, is keyPair asked.
func mayHaveMetric(p string) bool {
	var w, prev uint64 // the word being read and the one before, packed
	for i := 0; i < len(p); {
		b := p[i]
		var c byte
		switch {
		case b < utf8.RuneSelf:
			c = asciiFold[b]
			i++
		case b >= 0xC2 && b <= 0xDF && i+1 < len(p) && p[i+1]&0xC0 == 0x80:
			// two-byte runes: Latin letters, marks
			c = foldBytes[rune(b&0x1F)<<6|rune(p[i+1]&0x3F)]
			if c == 0 {
				c, _, _ = foldRuneAt(p, i)
			} else if c == dropByte {
				i += 2
				continue
			}
			i += 2
		case b == 0xE1 && i+2 < len(p) && p[i+1]&0xC0 == 0x80 && p[i+1] < 0xBC && p[i+2]&0xC0 == 0x80:
			// three-byte runes U+1000 to U+1EFF: Vietnamese vowels with tones
			c = foldBytes[rune(b&0x0F)<<12|rune(p[i+1]&0x3F)<<6|rune(p[i+2]&0x3F)]
			if c == 0 {
				c, _, _ = foldRuneAt(p, i)
			} else if c == dropByte {
				i += 3
				continue
			}
			i += 3
		default:
			fb, size, ok := foldRuneAt(p, i)
			i += size
			if !ok {
				continue // a lone mark: nothing, as in prepare
			}
			c = fb
		}
		// w is a word of keyPair's second kind (a word of more than five
		// letters never is, and 0 hashes to no word), and c ends it
		if keyHash[(w*keyMul)>>58] == w && !isLetter(c) && keyPair(prev, w) {
			return true
		}
		letter := -uint64(letterBit[c]) // all ones at a letter, else 0
		end := ^letter & -nonZero(w)    // all ones where a word ends
		prev = prev&^end | short(w)&end
		w = (w<<8 | uint64(c)) & letter
	}
	return keyHash[(w*keyMul)>>58] == w && keyPair(prev, w)
}

// letterBit is 1 at the folded bytes that are letters.
var letterBit = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
	}
	return t
}()

// nonZero is 1 when x is not 0, else 0.
func nonZero(x uint64) uint64 { return (x | -x) >> 63 }

// short is packed word w, or 0 when it has more than five letters: no
// word of keyPair has.
func short(w uint64) uint64 { return w & -((w>>40 - 1) >> 63) }

// keySeconds are the words that keyPair may accept second.
var keySeconds = []uint64{wNgheo, wBhyt, wSach, wNs, wNsnn, wNsdp, wHiem, wHoa, wVien, wBo, wChung, wTieu, wDung}

// keyMul hashes a packed word to one of keyHash's 64 slots, (w*keyMul)>>58,
// a slot of its own for each of keySeconds (found by trying multipliers);
// keyHash holds each there, and elsewhere a value that is no packed word
// of five letters or fewer.
const keyMul = 0x2CEAEE21BF46BC01

var keyHash = func() (t [64]uint64) {
	for i := range t {
		t[i] = 1 << 63
	}
	for _, w := range keySeconds {
		h := (w * keyMul) >> 58
		if t[h] != 1<<63 {
			panic("figures: keyMul hashes two words of keySeconds to one slot")
		}
		t[h] = w
	}
	return t
}()

// mayBeHeading reports whether paragraph p may be a section heading (see
// sectionHeading): without lower-case letters, or starting with a word of
// the letters of a Roman numeral, or with "P" (Phần).
func mayBeHeading(p string) bool {
	i := 0
	for i < len(p) && p[i] < utf8.RuneSelf && asciiFold[p[i]] == ' ' {
		i++
	}
	if i < len(p) {
		switch c := p[i]; {
		case c >= utf8.RuneSelf:
			// most often a capital with a diacritic ("Đảng", "Ông"),
			// which starts neither "Phần" nor a Roman numeral: only the
			// case test below is left
			switch fb, _, ok := foldRuneAt(p, i); {
			case !ok || fb == ' ':
				return true // a lone mark or a space: leave the rare case to sectionHeading
			case fb == 'p' || isRoman(fb):
				return true // "x" also stands for another script's letter
			}
		case c == 'P':
			return true
		case c == 'i' || c == 'v' || c == 'x' || c == 'I' || c == 'V' || c == 'X':
			j := i + 1
			for j < len(p) && isRoman(p[j]) {
				j++
			}
			if j == len(p) {
				return true
			}
			if c := p[j]; c >= utf8.RuneSelf {
				if fb, _, _ := foldRuneAt(p, j); !isAlnum(fb) {
					return true
				}
			} else if !isAlnum(asciiFold[c]) {
				return true
			}
		}
	}
	for _, r := range p {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func isRoman(c byte) bool {
	switch c {
	case 'i', 'v', 'x', 'I', 'V', 'X':
		return true
	}
	return false
}

// mayEndWithColon reports whether p's last token may be a colon: it ends
// with ':' (spaces aside) or with a rune that folds to ':', a space or
// nothing.
func mayEndWithColon(p string) bool {
	j := len(p) - 1
	for j >= 0 && p[j] < utf8.RuneSelf && asciiFold[p[j]] == ' ' {
		j--
	}
	if j < 0 {
		return false
	}
	if p[j] < utf8.RuneSelf {
		return p[j] == ':'
	}
	k := j
	for k > 0 && j-k < 3 && !utf8.RuneStart(p[k]) {
		k--
	}
	// the last rune folds to a mark of its own ('…' to '.', '”' to '"'),
	// a letter or a digit: no colon ends the paragraph, unless it folds to
	// nothing or a space, before which one may stand
	fb, size, ok := foldRuneAt(p, k)
	return k+size != j+1 || !ok || fb == ':' || fb == ' '
}

// Byte classes for needed.
const (
	clOther = iota
	clDigit
	clStop // '.', '!', '?'
)

var rawClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = clDigit
	}
	t['.'], t['!'], t['?'] = clStop, clStop, clStop
	return t
}()

// needed is how much of paragraph p (a prefix, ending where a sentence
// ends) must be read to find its metrics: 0 when no sentence may state
// one. A sentence may when it holds a figure and a key word; needed cuts p
// only where it is sure a sentence ends (see sureEnd) and tests the pieces
// between such ends, from the last, for a digit and then for key words
// (mayHaveMetric): a sentence lies within one piece, so a piece that fails
// holds none that may state a metric.
func (e *extractor) needed(p string) int {
	ps := e.pieces[:0]
	b := unsafe.Slice(unsafe.StringData(p), len(p)) // read only
	start := 0
	digit := false
	var stops nextStops
	for i := 0; i < len(p); i++ {
		if digit {
			// the piece holds a digit: only where it ends matters now
			if i = stops.next(p, i); i >= len(p) {
				break
			}
		} else {
			// eight bytes at a time while none is a digit or a stop
			for i+8 <= len(b) && !digitOrStop(binary.LittleEndian.Uint64(b[i:i+8])) {
				i += 8
			}
			if i >= len(p) {
				break
			}
			switch rawClass[p[i]] {
			case clOther:
				continue
			case clDigit:
				digit = true
				continue
			}
		}
		if !sureEnd(p, i) {
			continue
		}
		if digit {
			ps = append(ps, piece{int32(start), int32(i + 1)})
		}
		start, digit = i+1, false
	}
	if digit {
		ps = append(ps, piece{int32(start), int32(len(p))})
	}
	e.pieces = ps
	for k := len(ps) - 1; k >= 0; k-- {
		if mayHaveMetric(p[ps[k].s:ps[k].e]) {
			return int(ps[k].e)
		}
	}
	return 0
}

// nextStops finds the '.', '!' and '?' of a paragraph from left to right
// with strings.IndexByte, which reads many bytes at a time: a news
// paragraph has many full stops, so each is looked for from the last, but
// few '!' or '?', so where the next of each is is kept.
type nextStops struct {
	bang, ques int // the next '!' and '?' at or after an offset, len(p) when none; 0 when not looked for
}

// next is the offset of the first '.', '!' or '?' at or after p[i], len(p)
// when none; i grows from call to call.
func (n *nextStops) next(p string, i int) int {
	if n.bang <= i && n.bang < len(p) {
		n.bang = indexFrom(p, i, '!')
	}
	if n.ques <= i && n.ques < len(p) {
		n.ques = indexFrom(p, i, '?')
	}
	end := min(n.bang, n.ques)
	if j := strings.IndexByte(p[i:end], '.'); j >= 0 {
		return i + j
	}
	return end
}

// indexFrom is the offset of the first c at or after p[i], len(p) when none.
func indexFrom(p string, i int, c byte) int {
	if j := strings.IndexByte(p[i:], c); j >= 0 {
		return i + j
	}
	return len(p)
}

// piece is a byte range [s, e) of a paragraph.
type piece struct{ s, e int32 }

// digitOrStop reports whether one of the eight bytes in x may be a digit,
// '.', '!' or '?' (it may say yes for '/' too).
func digitOrStop(x uint64) bool {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	// a byte between '-' and ':' (exclusive): '.', '/', the digits
	between := (ones*(127+':') - x&low7) & ^x & (x&low7 + ones*(127-'-')) & highs
	zero := func(v uint64) uint64 { return (v - ones) & ^v & highs }
	return between|zero(x^(ones*'!'))|zero(x^(ones*'?')) != 0
}

// sureEnd reports whether the '.', '!' or '?' at p[i] surely ends a
// sentence as text.sentences splits them: a space and a capital letter
// follow, and before a full stop stands no word that an abbreviation's
// dot follows ("TP. Hồ Chí Minh"). It may say no where sentences splits.
func sureEnd(p string, i int) bool {
	if i+2 >= len(p) || p[i+1] != ' ' {
		return false
	}
	if c := p[i+2]; c < utf8.RuneSelf {
		if c < 'A' || c > 'Z' {
			return false
		}
	} else {
		r, _ := utf8.DecodeRuneInString(p[i+2:])
		if fb, _, ok := foldRuneAt(p, i+2); !ok || !isLetter(fb) || !unicode.IsUpper(r) {
			return false
		}
	}
	return p[i] != '.' || !mayBeAbbrev(p, i)
}

// mayBeAbbrev reports whether the word glued before the full stop at p[i]
// may be one of abbrevs.
func mayBeAbbrev(p string, i int) bool {
	if i == 0 {
		return false
	}
	if c := p[i-1]; c < utf8.RuneSelf && !isLetter(asciiFold[c]) {
		return false // no word glued to the dot
	}
	if i >= 4 && isLetter(asciiFold[p[i-4]&0x7F]) && isLetter(asciiFold[p[i-3]&0x7F]) &&
		isLetter(asciiFold[p[i-2]&0x7F]) && isLetter(asciiFold[p[i-1]&0x7F]) &&
		(p[i-4]|p[i-3]|p[i-2]|p[i-1]) < utf8.RuneSelf {
		return false // four ASCII letters: longer than any abbreviation
	}
	const most = 16 // bytes read back; an abbreviation is shorter
	j := i
	for j > 0 && i-j < most && (p[j-1] >= utf8.RuneSelf || isAlnum(asciiFold[p[j-1]])) {
		j--
	}
	cut := j > 0 && i-j >= most && (p[j-1] >= utf8.RuneSelf || isAlnum(asciiFold[p[j-1]]))
	for j < i && !utf8.RuneStart(p[j]) {
		j++
	}
	// fold p[j:i], keeping the letters that end it
	var w [most]byte
	n, all := 0, 0
	for k := j; k < i; {
		var c byte
		if p[k] < utf8.RuneSelf {
			c = asciiFold[p[k]]
			k++
		} else {
			fb, size, ok := foldRuneAt(p, k)
			k += size
			if !ok {
				continue
			}
			c = fb
		}
		all++
		if isLetter(c) {
			w[n] = c
			n++
		} else {
			n = 0
		}
	}
	switch {
	case n > 3:
		return false // the word has these letters and more than any abbreviation
	case cut && n == all:
		return true // the word may start before what was read
	}
	return abbrevs[string(w[:n])]
}
