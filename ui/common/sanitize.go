package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Sanitize makes article text safe for the screen: it removes terminal
// escape sequences (CSI, OSC, DCS, ... parsed by x/ansi), any control
// character left (C0 and C1, a lone ESC, DEL) except newline and tab, the
// Unicode bidi controls that could reorder what the reader sees
// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), and invalid
// UTF-8. Tabs become spaces. The data loader already strips these; this is
// defence in depth, so that no text can drive the terminal.
func Sanitize(s string) string {
	if clean(s) {
		return s
	}
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1:
			continue
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case isControl(r):
			continue
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SanitizeLine is Sanitize for one-line text (titles, names): line breaks
// become spaces.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

func isControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// clean reports whether s needs no change (the common case: one pass, no
// allocation).
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n <= 1 || isControl(r) {
				return false
			}
			i += n - 1
		}
	}
	return true
}
