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
// and that is already in NFC.
func isClean(s string) bool {
	t := settled()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiOK[c] {
				return false
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
				return false
			}
		default:
			return false // four bytes (beyond the BMP) or not UTF-8: let the slow path look
		}
		if t[r/64]&(1<<(r%64)) == 0 { // surrogates are never marked
			return false
		}
		i += n
	}
	return true
}
