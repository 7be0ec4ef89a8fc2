package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/baocao/baocao/model"
)

// text is one paragraph prepared for scanning: f is its folded form (lower
// case ASCII, diacritics dropped, đ → d), one byte per rune of the original
// (combining marks dropped, other scripts 'x', punctuation normalised), and
// off maps every byte of f back to the byte offset in orig where its rune
// starts; off[len(f)] is len(orig).
type text struct {
	orig string
	f    string
	buf  []byte
	off  []int32
	toks []token
	figs []fig
}

// token kinds.
const (
	tWord  = iota // a run of letters (and digits after a letter: "qh15")
	tFig          // a figure; fig indexes text.figs
	tPunct        // one punctuation byte
)

// token is a word, a figure or a punctuation mark in text.f.
type token struct {
	s, e int32
	k    uint8
	// key: a word that, with the word before it, a rule needs (see
	// keyPair)
	key bool
	fig int16 // index into figs for tFig
}

// foldByte folds one rune into the byte that stands for it in text.f; ok is
// false for a rune that folds to nothing (a lone combining mark).
func foldByte(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return byte(r + 'a' - 'A'), true
		}
		if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			return ' ', true
		}
		return byte(r), true
	}
	if r < 0x1F00 {
		if f := model.FoldRune(r); f >= 'a' && f <= 'z' {
			return byte(f), true
		}
	}
	switch r {
	case '–', '—', '‐', '‑', '−':
		return '-', true
	case '“', '”', '„', '«', '»', '″':
		return '"', true
	case '‘', '’', '′':
		return '\'', true
	case '…':
		return '.', true
	case '•', '·', '●', '▪', '■', '◦':
		return '*', true
	}
	if unicode.IsSpace(r) {
		return ' ', true
	}
	f := model.FoldRune(r)
	if f < 0 {
		return 0, false
	}
	if f < utf8.RuneSelf {
		return byte(f), true
	}
	if unicode.IsLetter(f) {
		return 'x', true // another script's letter: part of a word
	}
	return '#', true
}

// dropByte marks in foldBytes a rune that folds to nothing.
const dropByte = 0xFF

// foldBytes caches foldByte for the runes below U+1F00; 0 where not cached.
var foldBytes = func() []byte {
	t := make([]byte, 0x1F00)
	for r := 0x80; r < len(t); r++ {
		if unicode.IsSpace(rune(r)) {
			continue // rare; leave to foldByte
		}
		c, ok := foldByte(rune(r))
		switch {
		case !ok:
			t[r] = dropByte
		case c != 0:
			t[r] = c
		}
	}
	return t
}()

// foldRuneAt folds the rune that starts at s[i], s[i] not ASCII: the byte
// that stands for it in text.f, its length in s, and whether it folds to
// anything at all.
func foldRuneAt(s string, i int) (byte, int, bool) {
	c := s[i]
	// two- and three-byte runes below U+1F00 (all of Vietnamese) by table
	var r rune
	n := 1
	switch {
	case c&0xE0 == 0xC0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
	case c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
	default:
		r, n = utf8.DecodeRuneInString(s[i:])
	}
	if r >= 0x80 && r < rune(len(foldBytes)) && (n == 2 && r >= 0x80 || n == 3 && r >= 0x800) {
		if fb := foldBytes[r]; fb != 0 {
			return fb, n, fb != dropByte
		}
	}
	fb, ok := foldByte(r)
	return fb, n, ok
}

// prepare folds and tokenises a paragraph. The buffers of t are reused.
func (t *text) prepare(s string) {
	t.orig = s
	// at most one byte and one offset per byte of s
	if cap(t.buf) < len(s) {
		t.buf = make([]byte, len(s)+len(s)/4)
	}
	if cap(t.off) < len(s)+1 {
		t.off = make([]int32, len(s)+len(s)/4+1)
	}
	buf := t.buf[:len(s)]
	off := t.off[:len(s)+1]
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			buf[n] = asciiFold[c]
			off[n] = int32(i)
			n++
			i++
			continue
		}
		// the two- and three-byte runes of Vietnamese by table, inline
		// (as in mayHaveMetric); the rest through foldRuneAt
		size := 0
		switch {
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			c, size = foldBytes[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)], 2
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+1] < 0xBC && s[i+2]&0xC0 == 0x80:
			c, size = foldBytes[rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)], 3
		}
		if size == 0 || c == 0 {
			var ok bool
			c, size, ok = foldRuneAt(s, i)
			if !ok {
				c = dropByte
			}
		}
		if c != dropByte {
			buf[n] = c
			off[n] = int32(i)
			n++
		}
		i += size
	}
	off[n] = int32(len(s))
	buf = buf[:n]
	t.off = off[:n+1]
	t.buf = buf
	// t.f aliases the buffer: it is read only until the next prepare, and
	// nothing kept (evidence, periods, names) is cut from it
	t.f = unsafe.String(unsafe.SliceData(buf), len(buf))
	t.tokenize()
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// tokenize splits t.f into words, figures and punctuation.
func (t *text) tokenize() {
	t.toks = t.toks[:0]
	t.figs = t.figs[:0]
	f := t.f
	rangeNext := false
	prevWord := uint64(0) // the word just before, packed as for keyPair; 0 after anything else
	for i := 0; i < len(f); {
		c := f[i]
		if c == ' ' {
			i++
			continue
		}
		prev := prevWord
		prevWord = 0
		switch {
		case isLetter(c):
			j := i + 1
			for j < len(f) && isAlnum(f[j]) {
				j++
			}
			w := uint64(0)
			if j-i <= 5 {
				for k := i; k < j; k++ {
					w = w<<8 | uint64(f[k])
				}
			}
			key := keyPair(prev, w)
			t.toks = append(t.toks, token{s: int32(i), e: int32(j), k: tWord, key: key})
			prevWord = w
			i = j
			continue
		case isDigit(c):
			g, ok := scanFig(f, i)
			if !ok {
				// a code such as 35/2023/UBTVQH15 or 392-QĐ/QU: one word
				t.toks = append(t.toks, token{s: int32(i), e: int32(g.e), k: tWord})
				i = g.e
				rangeNext = false
				continue
			}
			followed := g.rng // a dash and a number follow: the first end
			if rangeNext {
				g.rng = true
			}
			rangeNext = followed
			if len(t.figs) < 1<<15-1 {
				t.figs = append(t.figs, g)
				t.toks = append(t.toks, token{s: int32(g.s), e: int32(g.e), k: tFig, fig: int16(len(t.figs) - 1)})
			} else {
				t.toks = append(t.toks, token{s: int32(g.s), e: int32(g.e), k: tWord})
			}
			i = g.e
		default:
			t.toks = append(t.toks, token{s: int32(i), e: int32(i + 1), k: tPunct})
			i++
		}
	}
}

// mayState reports whether sentence s may state a metric: it holds a
// figure and a key word (see keyPair).
func (t *text) mayState(s span) bool {
	fig, key := false, false
	for _, tk := range t.toks[s.s:s.e] {
		fig = fig || tk.k == tFig
		key = key || tk.key
	}
	return fig && key
}

// word is the folded text of token i, or "" when i is out of range or not a
// word.
func (t *text) word(i int) string {
	if i < 0 || i >= len(t.toks) || t.toks[i].k != tWord {
		return ""
	}
	return t.f[t.toks[i].s:t.toks[i].e]
}

// punct is the punctuation byte of token i, or 0.
func (t *text) punct(i int) byte {
	if i < 0 || i >= len(t.toks) || t.toks[i].k != tPunct {
		return 0
	}
	return t.f[t.toks[i].s]
}

// figAt is the figure of token i, or nil.
func (t *text) figAt(i int) *fig {
	if i < 0 || i >= len(t.toks) || t.toks[i].k != tFig {
		return nil
	}
	return &t.figs[t.toks[i].fig]
}

// origWord is the original spelling of token i.
func (t *text) origWord(i int) string {
	if i < 0 || i >= len(t.toks) {
		return ""
	}
	return t.orig[t.off[t.toks[i].s]:t.off[t.toks[i].e]]
}

// upper reports whether token i starts with an upper-case letter in the
// original.
func (t *text) upper(i int) bool {
	if i < 0 || i >= len(t.toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.orig[t.off[t.toks[i].s]:])
	return unicode.IsUpper(r)
}

// is reports whether the words at token i are exactly ws (no punctuation or
// figure between them).
func (t *text) is(i int, ws ...string) bool {
	for k, w := range ws {
		if t.word(i+k) != w {
			return false
		}
	}
	return true
}

// origIs reports whether token i is spelled w in the original, case aside
// (for words whose folded forms collide: mỗi/mới, quý/quỹ, đã/đà).
func (t *text) origIs(i int, w string) bool {
	return strings.EqualFold(t.origWord(i), w)
}

// span is a range of tokens [s, e).
type span struct{ s, e int }

// abbrevs are the words that a full stop abbreviates rather than ends a
// sentence after ("TP. Hồ Chí Minh", "UB. MTTQ", "PCT. HĐND", "ThS. ...").
var abbrevs = map[string]bool{
	"tp": true, "ub": true, "pct": true, "pbt": true, "ct": true, "tx": true, "tt": true,
	"ths": true, "ts": true, "gs": true, "pgs": true, "bs": true, "ks": true, "th": true,
	"st": true, "mr": true, "ms": true, "dr": true, "ng": true, "q": true, "p": true,
	"h": true, "x": true, "t": true, "tr": true, "d": true, "v": true, "vs": true,
}

// sentences splits the tokens into sentences. A sentence ends at '!' or '?',
// or at a full stop (or ellipsis) that is followed by a capital, a digit, a
// quote or a bracket, or ends the paragraph; a dot inside a number never ends
// one, nor does the dot of an abbreviation.
func (t *text) sentences(dst []span) []span {
	n := len(t.toks)
	start := 0
	for i := 0; i < n; i++ {
		p := t.punct(i)
		if p != '.' && p != '!' && p != '?' {
			continue
		}
		// swallow a run of closing marks: "...", ".)", '."'
		j := i + 1
		for j < n {
			q := t.punct(j)
			if q == '.' || q == '!' || q == '?' || q == '"' || q == '\'' || q == ')' {
				j++
				continue
			}
			break
		}
		if j < n {
			nt := t.toks[j]
			ok := false
			switch nt.k {
			case tWord:
				ok = t.upper(j)
			case tFig:
				ok = true
			case tPunct:
				c := t.f[nt.s]
				ok = c == '"' || c == '(' || c == '-' || c == '*' || c == '\'' || c == '['
			}
			if !ok {
				continue
			}
			if p == '.' && j == i+1 {
				// "TP. Hồ Chí Minh": an abbreviation right before the dot
				if w := t.word(i - 1); w != "" && t.toks[i-1].e == t.toks[i].s && abbrevs[w] {
					continue
				}
			}
		}
		dst = append(dst, span{start, j})
		start = j
		i = j - 1
	}
	if start < n {
		dst = append(dst, span{start, n})
	}
	return dst
}

// byteSpan is the original byte range of tokens [s, e), trimmed.
func (t *text) byteSpan(s span) (int, int) {
	if s.s >= s.e || s.s < 0 || s.e > len(t.toks) {
		return 0, 0
	}
	return int(t.off[t.toks[s.s].s]), int(t.off[t.toks[s.e-1].e])
}
