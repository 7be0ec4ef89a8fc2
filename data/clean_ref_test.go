package data

import (
	"testing"
	"unicode/utf8"
)

// isCleanRef is isClean as it was, one rune at a time with a branch on
// its length: the oracle the table-driven isClean must agree with.
func isCleanRef(s string) bool {
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
		var r rune
		n := 0
		switch {
		case c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			r, n = rune(c&0x1f)<<6|rune(s[i+1]&0x3f), 2
		case c >= 0xe0 && c < 0xf0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			r, n = rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f), 3
			if r < 0x800 {
				return false
			}
		default:
			return false
		}
		if t[r/64]&(1<<(r%64)) == 0 {
			return false
		}
		i += n
	}
	return true
}

func cleanSamples() []string {
	return []string{"", "a", "ab", "abc", "Tây Sơn", "ạ", "xạ", "xxạ", "ạx", "\xe1\xba", "a\xe1", "\xc3", "x\xc3", "\xba", "a\xbaa",
		"\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\x80", "\xe0\xa0\x80", "\xc0\x80", "\xc1\xbf", "\xf0\x9d\x94\xb8", "a\u0301", "\u2028", "\u202e",
		"\x7f", "\x1b[2J", "tab\there\n", "\u00a0", "\u0085", "\ufeff", "\uffff", "\ufffd", "e\u0323\u0302", "“Tây Sơn” – …",
		"Đảng ủy phường Hoàng Văn Thụ", "\u200e", "\u1100\u1161", "\u1dc0", "\xe1\xbb\xb9\xe1", "\xe1\xbb\xb9\xe1\xbb"}
}

func TestIsCleanAsBefore(t *testing.T) {
	for _, s := range cleanSamples() {
		for _, v := range []string{s, s + "x", "x" + s, "xx" + s + "yy", s + s} {
			if got, want := isClean(v), isCleanRef(v); got != want {
				t.Errorf("isClean(%q) = %v, before %v", v, got, want)
			}
		}
	}
}

// TestIsCleanEveryRune: every rune of the BMP, alone and between letters.
func TestIsCleanEveryRune(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		s := string(r)
		for _, v := range []string{s, "ạ" + s + "a"} {
			if got, want := isClean(v), isCleanRef(v); got != want {
				t.Fatalf("isClean(%q) = %v, before %v", v, got, want)
			}
		}
	}
}

func FuzzIsClean(f *testing.F) {
	for _, s := range cleanSamples() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isClean(s), isCleanRef(s); got != want {
			t.Errorf("isClean(%q) = %v, before %v", s, got, want)
		}
	})
}
