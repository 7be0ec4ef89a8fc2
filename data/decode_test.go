package data

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, big, bom bool) string {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
		if big {
			b[0], b[1] = 0xfe, 0xff
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			b = binary.BigEndian.AppendUint16(b, u)
		} else {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
	}
	return string(b)
}

func TestDecode(t *testing.T) {
	const viet = "Thu ngân sách ước đạt 21,72 tỷ đồng, bằng 106,4% kế hoạch."
	for _, tc := range []struct {
		name, raw, want string
		problem         string // a substring of the one problem wanted, "" for none
		binary          bool
	}{
		{"utf-8", viet, viet, "", false},
		{"utf-8 BOM", "\xef\xbb\xbf" + viet, viet, "", false},
		{"utf-16le BOM", utf16Bytes(viet, false, true), viet, "", false},
		{"utf-16be BOM", utf16Bytes(viet, true, true), viet, "", false},
		{"utf-16le no BOM", utf16Bytes(viet, false, false), viet, "read as UTF-16LE", false},
		{"utf-16be no BOM", utf16Bytes(viet, true, false), viet, "read as UTF-16BE", false},
		{"utf-16 unpaired surrogate", "\xff\xfe" + "a\x00\x00\xd8b\x00", "a\uFFFDb", "1 UTF-16 code units", false},
		{"invalid utf-8", "Qu\xe1n 1 \xff\xfe\xfd ok", "Qu\uFFFDn 1 \uFFFD\uFFFD\uFFFD ok", "4 bytes that are not UTF-8", false},
		{"NUL", "text\x00more text here", "", "NUL", true},
		{"mostly not text", strings.Repeat("\x01\x02\x03\xff\x80ab", 100), "", "mostly bytes", true},
		{"empty", "", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, problems, bin, _ := decode(tc.raw)
			if tc.binary {
				if bin == "" || !strings.Contains(bin, tc.problem) {
					t.Fatalf("binary = %q, want one saying %q", bin, tc.problem)
				}
				return
			}
			if bin != "" {
				t.Fatalf("binary = %q, want text", bin)
			}
			if text != tc.want {
				t.Errorf("text = %q, want %q", text, tc.want)
			}
			switch {
			case tc.problem == "" && len(problems) > 0:
				t.Errorf("problems = %q, want none", problems)
			case tc.problem != "" && (len(problems) != 1 || !strings.Contains(problems[0], tc.problem)):
				t.Errorf("problems = %q, want one saying %q", problems, tc.problem)
			}
		})
	}
}

func TestSanitize(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		chars          int    // characters reported removed
		problem        string // a substring of the problem
	}{
		{"clean", "Phường Tây Sơn\n\tcó 312 đảng viên", "Phường Tây Sơn\n\tcó 312 đảng viên", 0, ""},
		{"CRLF", "a\r\nb\r\n", "a\nb\n", 0, ""},
		{"CR", "a\rb\r\rc", "a\nb\n\nc", 0, ""},
		{"form feed, NEL, LS", "a\fb\u0085c\u2028d", "a\nb\nc\nd", 0, ""},
		{"C0 controls", "bell\a back\b del\x7f", "bell back del", 3, "3 control characters (U+0007 U+0008 U+007F)"},
		{"C1 control", "a\u0084b", "ab", 1, "1 control character"},
		{"CSI colour", "\x1b[31mđỏ\x1b[0m thường", "đỏ thường", 9, "2 terminal escape sequences (9 characters)"},
		{"CSI erase", "x\x1b[2J\x1b[?1049hy", "xy", 12, "2 terminal escape sequences"},
		{"8-bit CSI", "x\u009b31my", "xy", 4, "1 terminal escape sequence"},
		{"OSC title BEL", "\x1b]0;pwned\x07tiêu đề", "tiêu đề", 10, "1 terminal escape sequence (10 characters)"},
		{"OSC hyperlink ST", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link", 22, "2 terminal escape sequences"},
		{"OSC unterminated stops at line end", "\x1b]0;abc\nnext line", "\nnext line", 7, "1 terminal escape sequence"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab", 15, "1 terminal escape sequence"},
		{"short escapes", "a\x1bcb\x1b(Bc", "abc", 5, "2 terminal escape sequences"},
		{"lone ESC at end", "a\x1b", "a", 1, "1 control character"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba", 2, "2 bidirectional formatting characters (U+202E U+202C)"},
		{"bidi isolates and marks", "\u2066x\u2069\u200ey\u200f\u061c", "xy", 5, "5 bidirectional"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, rm := sanitize(tc.in)
			if got != tc.want {
				t.Errorf("sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if rm.chars() != tc.chars {
				t.Errorf("removed %d characters, want %d", rm.chars(), tc.chars)
			}
			p := rm.problem()
			if tc.problem == "" && p != "" || !strings.Contains(p, tc.problem) {
				t.Errorf("problem = %q, want one saying %q", p, tc.problem)
			}
			if isClean(tc.in) != (tc.in == tc.want) {
				t.Errorf("isClean(%q) = %v", tc.in, isClean(tc.in))
			}
		})
	}
}

func TestIsClean(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Hoàng Văn Thụ, Tây Sơn, Trần Phú: 124.857 triệu đồng – 106,4% “điểm”", true},
		{"e\u0301", false},        // decomposed: NFC must recompose
		{"\u1ec7", true},          // ệ precomposed
		{"\u2000", false},         // NFC maps it to U+2002
		{"\xe0\x80\xaf", false},   // overlong
		{"\xed\xa0\x80", false},   // a surrogate
		{"😀", false},              // beyond the BMP: the slow path decides
		{"\xef\xbb\xbfabc", true}, // a BOM mid-text is a character
		{"a\x00b", false},
		{"abc\xc3", false}, // cut short
	} {
		if got := isClean(tc.s); got != tc.want {
			t.Errorf("isClean(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// isCleanRunes is isClean read rune by rune only: the oracle for
// cleanWords.
func isCleanRunes(s string) bool {
	_, ok := cleanRunes(s, 0, len(s))
	return ok
}

// TestCleanWords: reading eight bytes at a time settles a text as reading
// rune by rune does, with each awkward rune at every offset in the word,
// among one-, two- and three-byte letters, and cut short at every length.
func TestCleanWords(t *testing.T) {
	if !vietnameseSettled() {
		t.Fatal("settled does not hold the Vietnamese letters' blocks whole: cleanWords reads nothing")
	}
	runes := []string{"a", "ạ", "đ", "ơ", "ư", "Ỹ", "ḁ", "\n", "\t", "\r", "\x00", "\x1b", "\x1f", "\x7f", " ", "~",
		"\u00a0", "\u00ad", "\u0080", "\u009b", "\u00bf", "\u01c0", "\u0300", "e\u0301", "\u1100", "\u1dff", "\u1f00", "\u1f71",
		"\u2028", "\u202e", "\u2066", "\u200e", "–", "“", "\u2000", "\ufeff", "\ufffd", "😀", "\xff", "\xc3", "\xe1\xba",
		"\xe1\xba\xa1\xa1", "\xbf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xc0\x80", "\xe1\xf0\x80\x80", "\xc3\xe1\xba\xa1"}
	for _, fill := range []string{"a", "ạ", "đa", "ờng "} {
		for pad := range 18 {
			for _, r := range runes {
				s := strings.Repeat(fill, pad) + r + strings.Repeat(fill, 9)
				for k := range len(s) + 1 {
					if got, want := isClean(s[:k]), isCleanRunes(s[:k]); got != want {
						t.Fatalf("isClean(%q) = %v, rune by rune %v", s[:k], got, want)
					}
				}
			}
		}
	}
}

// FuzzCleanWords: the same for any text.
func FuzzCleanWords(f *testing.F) {
	f.Add("Hoàng Văn Thụ, Tây Sơn, Trần Phú: 124.857 triệu đồng – 106,4% “điểm”\n")
	f.Add("abc\u202edcba\u202c\u2066x\u2069\u200e e\u0301 o\u0302\u0323 \x1b[31mđỏ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isClean(s), isCleanRunes(s); got != want {
			t.Fatalf("isClean(%q) = %v, rune by rune %v", s, got, want)
		}
	})
}
