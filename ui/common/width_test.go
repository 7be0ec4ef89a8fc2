package common

import (
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TestWidthRunes checks every rune of the fast path, alone and between
// letters, against ansi.StringWidth.
func TestWidthRunes(t *testing.T) {
	for r := rune(0); r <= 0x2fff; r++ {
		if !narrow(r) {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r)} {
			if got, want := Width(s), ansi.StringWidth(s); got != want {
				t.Errorf("Width(%q) = %d, ansi.StringWidth = %d", s, got, want)
			}
		}
	}
}

func TestWidth(t *testing.T) {
	for _, s := range []string{
		"", "abc", "Tiếng Việt: Phường Hoàng Văn Thụ", "\x1b[1;38;2;1;2;3mđỏ\x1b[m", "│ ╭──╮ ◆ ▸ ▏",
		"\x1b]8;;http://x\x07link\x1b]8;;\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"a\tb", "e\u0301", "日本", "👍🏽 ok", "\x1b[", "\x1b[1", "\x1b]8;;x", "\x1bPq\x1b\\", "\xff\xfe", "a\x1b",
		"…’“”–—", "↑↓←→", "x\u00ady", "\u0300",
	} {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
}

func FuzzWidth(f *testing.F) {
	for _, s := range []string{"abc", "Việt \x1b[1mđ\x1b[0m", "╭─╮", "\x1b]8;;u\x07l", "e\u0301", "日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	})
}
