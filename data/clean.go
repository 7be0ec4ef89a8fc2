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
//
// Vietnamese text switches between one-byte letters and longer ones every
// few bytes, so a loop that branches on each rune's length guesses wrong
// about once a word. isClean reads byte by byte instead, carrying which of
// the next bytes must continue a rune, and looks each pair of bytes up in
// one table (unsettledPairs) that knows every two-byte rune and every block
// of 64 three-byte runes (a lead and its first continuation) that holds
// only settled runes. Only what the tables cannot vouch for (a rune of
// such a block, a four-byte rune, a byte no clean text has) is decoded.
func isClean(s string) bool {
	bad := unsettledPairs()
	var n1, n2 uint8 // whether the byte 1, 2 ahead must continue a rune
	var pair uint32  // the last two bytes
	for j := 0; j < len(s); j++ {
		c := s[j]
		f := cleanByte[c]
		pair = pair<<8&0xff00 | uint32(c)
		if (f&jCont^n1)|f&jCare|uint8(bad[pair>>6]>>(pair&63)&1) == 0 {
			n1, n2 = n2|f>>1&1, f>>2&1
			continue
		}
		// decode the rune s[j] belongs to, or starts, and test it alone
		k := j
		if n1 != 0 {
			for k--; k > 0 && s[k]&0xc0 == 0x80; k-- {
			}
		}
		n := settledAt(s, k)
		if n == 0 {
			return false
		}
		j, n1, n2, pair = k+n-1, 0, 0, 0
	}
	return n1 == 0
}

// settledAt is the length of the rune at s[k] when it is one a clean text
// holds (asciiOK, or settled and of two or three bytes), else 0.
func settledAt(s string, k int) int {
	c := s[k]
	if c < utf8.RuneSelf {
		if asciiOK[c] {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[k:])
	if (r == utf8.RuneError && n == 1) || n == 4 || settled()[r/64]&(1<<(r%64)) == 0 {
		return 0
	}
	return n
}

// What isClean knows of a byte.
const (
	jCont  = 1 << iota // a continuation byte, 10xxxxxx
	jLead2             // starts a rune of two bytes or more
	jLead3             // of three bytes
	// jCare: decode the rune: an ASCII byte sanitise removes, a byte no
	// UTF-8 holds, a lead whose second byte has a narrower range (E0, ED)
	// and the leads of four-byte runes (beyond what settled covers).
	jCare
)

var cleanByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c < utf8.RuneSelf:
			if !asciiOK[c] {
				t[c] = jCare
			}
		case c < 0xc0:
			t[c] = jCont
		case c < 0xc2 || c >= 0xf0:
			t[c] = jCare
		case c < 0xe0:
			t[c] = jLead2
		default:
			t[c] = jLead2 | jLead3
		}
		if c == 0xe0 || c == 0xed {
			t[c] |= jCare
		}
	}
	return t
}()

// unsettledPairs marks the pairs of bytes (lead, continuation) that isClean
// must decode: a two-byte rune that is not settled, and a lead of three
// bytes with a first continuation whose block of 64 runes is not settled
// throughout ("“" shares its block with the bidi marks).
var unsettledPairs = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var t [1 << 16 / 64]uint64
	set := func(a, b int) { k := a<<8 | b; t[k/64] |= 1 << (k % 64) }
	st := settled()
	isSettled := func(r int) bool { return st[r/64]&(1<<(r%64)) != 0 }
	for b := 0x80; b < 0xc0; b++ {
		for a := 0xc2; a < 0xe0; a++ {
			if !isSettled((a&0x1f)<<6 | b&0x3f) {
				set(a, b)
			}
		}
		for a := 0xe0; a < 0xf0; a++ {
			base := (a&0x0f)<<12 | (b&0x3f)<<6
			for r := base; r < base+64; r++ {
				if !isSettled(r) {
					set(a, b)
					break
				}
			}
		}
	}
	return &t
})
