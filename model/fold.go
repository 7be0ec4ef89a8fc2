package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s as search compares it: decomposed, combining marks dropped,
// đ/Đ mapped to d, lower case. "Hoàng Văn Thụ" folds to "hoang van thu".
// Every rune of s yields at most one rune of the result (see FoldOffsets).
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// FoldOffsets folds s like Fold and also returns, for each rune of the
// result, the byte offset in s of the rune it came from, so that a match in
// the folded text can be highlighted in the original by rune.
func FoldOffsets(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s))
	for i, r := range s {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
			offs = append(offs, i)
		}
	}
	return b.String(), offs
}

// foldTable caches the folding of the Latin blocks Vietnamese uses.
var foldTable = func() []rune {
	t := make([]rune, 0x1F00)
	for r := range t {
		t[r] = foldSlow(rune(r))
	}
	return t
}()

// FoldRune folds one rune; it returns -1 for a rune that folds to nothing (a
// lone combining mark).
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if int(r) < len(foldTable) {
		return foldTable[r]
	}
	return foldSlow(r)
}

func foldSlow(r rune) rune {
	switch r {
	case 'đ', 'Đ':
		return 'd'
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return unicode.ToLower(base)
}
