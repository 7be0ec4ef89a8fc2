package data

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Most text needs none of decode's repairs, sanitise's removals or NFC's
// recomposition. isClean finds that out in one pass over the bytes, so that
// the common case costs one scan instead of three (UTF-8 validation, the
// sanitiser's scan and NFC's quick check, which showed as half the loader's
// time in a profile of the 2017 crawl).

// settled marks the BMP runes that are in NFC on their own and cannot
// combine with a rune before them (NFC quick check Yes, canonical combining
// class 0), and are safe on a terminal. A string of such runes is in NFC:
// no rune can compose with its neighbour or be reordered.
var settled = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var t [1 << 16 / 64]uint64
	var buf [4]byte
	for r := rune(0x80); r < 1<<16; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		p := norm.NFC.Properties(buf[:n])
		if !p.BoundaryBefore() || p.CCC() != 0 || !norm.NFC.IsNormal(buf[:n]) {
			continue
		}
		if r < 0xa0 || r == 0x200e || r == 0x200f || r == 0x061c || (r >= 0x2028 && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			continue // C1 controls, bidi controls, line separators: sanitise's
		}
		t[r/64] |= 1 << (r % 64)
	}
	return &t
})

// asciiOK marks the ASCII bytes sanitise keeps as they are.
var asciiOK = func() (t [128]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\n'], t['\t'] = true, true
	return t
}()

// isClean reports whether s is valid UTF-8 that sanitise would leave alone
// and that is already in NFC. It reads eight bytes at a time (cleanWords)
// and rune by rune only around what those cannot settle (cleanRunes).
func isClean(s string) bool {
	for i := 0; ; {
		i = cleanWords(s, i)
		if i >= len(s) {
			return true
		}
		var ok bool
		if i, ok = cleanRunes(s, i, i+8); !ok {
			return false
		}
	}
}

// cleanWords reads s from i, which starts a rune, eight bytes at a time
// while each word is clean for sure, and returns where the runes that it
// could not settle start: len(s), or the rune that reaches into a word that
// holds a byte it does not know or a rune it cannot vouch for, or into the
// last few bytes.
//
// A word is clean for sure when its ASCII bytes are printable, \n or \t;
// every continuation byte is where a lead asks for one; and every lead is
// one of a Vietnamese letter's: C3–C6 (U+00C0–U+01BF, two bytes) or E1 then
// B8–BB (U+1E00–U+1EFF, three), blocks that settled holds whole
// (vietnameseSettled). Nearly every word of Vietnamese text is; curly quotes
// and dashes (E2) are the usual exceptions, once in hundreds of bytes.
func cleanWords(s string, i int) int {
	if !vietnameseSettled() {
		return i
	}
	t := s[i:]
	var due uint64 // continuation bytes that the last word's leads ask of this one
	for len(t) >= 9 {
		w, next := le64(t), le64(t[1:]) // next: the byte after each of w's
		h := w & hi8
		cont := h &^ (w << 1)    // 10xxxxxx
		lead := h & (w << 1)     // 11xxxxxx
		lead3 := lead & (w << 2) // 111xxxxx
		bad := cont ^ (lead<<8 | lead3<<16 | due)
		bad |= lt20(w) &^ (eq(w, '\n') | eq(w, '\t'))
		bad |= eq(w, 0x7f)
		d := (w | hi8) - 0x43*lo8 // C3–C6 become 80–83; no byte borrows from the next
		two := d &^ (d&(0x7c*lo8) + 0x7c*lo8) & hi8
		three := eq(w, 0xe1) & eq(next&(0xfc*lo8), 0xb8)
		bad |= lead &^ (two | three)
		if bad != 0 {
			break
		}
		due = lead>>56 | lead3>>48
		t = t[8:]
	}
	i = len(s) - len(t)
	if due != 0 { // back to the lead of the rune that t continues
		i--
		for s[i]&0xc0 == 0x80 {
			i--
		}
	}
	return i
}

// The word helpers below are also in model (record_json.go), which must not
// import data, and data/page has its own load8: ten lines each, kept apart
// rather than given a package of their own.
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// le64 is the first eight bytes of t, the first lowest.
func le64(t string) uint64 {
	t = t[:8]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// eq marks with its top bit each byte of w that is c.
func eq(w uint64, c byte) uint64 {
	x := w ^ uint64(c)*lo8
	return ^((x&^hi8 + 0x7f*lo8) | x) & hi8
}

// lt20 marks with its top bit each byte of w below 0x20.
func lt20(w uint64) uint64 {
	return ^(w&^hi8 + 0x60*lo8 | w) & hi8
}

// vietnameseSettled reports whether settled holds every rune of the blocks
// cleanWords vouches for by their lead bytes alone.
var vietnameseSettled = sync.OnceValue(func() bool {
	t := settled()
	for _, r := range [][2]rune{{0xc0, 0x1bf}, {0x1e00, 0x1eff}} {
		for c := r[0]; c <= r[1]; c++ {
			if t[c/64]&(1<<(c%64)) == 0 {
				return false
			}
		}
	}
	return true
})

// cleanRunes reads s rune by rune from i, which starts a rune, up to the
// first rune that starts at end or later, and returns where that is and
// whether every rune before it is clean.
func cleanRunes(s string, i, end int) (int, bool) {
	t := settled()
	end = min(end, len(s))
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiOK[c] {
				return i, false
			}
			i++
			continue
		}
		// Vietnamese letters are two bytes (U+00C0–U+01B0) or three
		// (U+1EA0–U+1EF9): decode those here, the rest with utf8.
		var r rune
		n := 0
		switch {
		case c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			r, n = rune(c&0x1f)<<6|rune(s[i+1]&0x3f), 2
		case c >= 0xe0 && c < 0xf0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			r, n = rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f), 3
			if r < 0x800 { // overlong
				return i, false
			}
		default:
			return i, false // four bytes (beyond the BMP) or not UTF-8: let the slow path look
		}
		if t[r/64]&(1<<(r%64)) == 0 { // surrogates are never marked
			return i, false
		}
		i += n
	}
	return i, true
}
