package common

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is the number of cells one line of styled text takes on the
// terminal: what ansi.StringWidth (and lipgloss.Width, for one line) says,
// computed without grapheme segmentation for the text the screen mostly
// holds: ASCII, SGR and OSC sequences, and narrow letters and symbols that
// never join into clusters (Vietnamese letters in NFC, box drawing, arrows,
// typographic punctuation). Any other byte (a control character, a
// combining mark, a wide or emoji rune, invalid UTF-8) hands the whole line
// to ansi.StringWidth. Measuring every line of every frame was a quarter of
// a reader's CPU; the fast path is several times cheaper.
func Width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c == 0x1b:
			n := escLen(s[i:])
			if n == 0 {
				return ansi.StringWidth(s)
			}
			i += n
		case c < utf8.RuneSelf:
			return ansi.StringWidth(s)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !narrow(r) {
				return ansi.StringWidth(s)
			}
			w++
			i += n
		}
	}
	return w
}

// narrow reports whether r is one cell wide and never part of a longer
// grapheme cluster (checked rune by rune against ansi.StringWidth in
// TestWidthRunes).
func narrow(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x24f: // Latin-1 Supplement, Latin Extended-A and -B
		return r != 0xad // soft hyphen
	case r >= 0x1e00 && r <= 0x1eff: // Latin Extended Additional (ạ ả ấ ầ ẩ ẫ ậ …)
		return true
	case r >= 0x2010 && r <= 0x2027: // ‐ – — ‘ ’ “ ” • … ‧
		return true
	case r >= 0x2190 && r <= 0x21ff: // arrows
		return true
	case r >= 0x2500 && r <= 0x25fc: // box drawing, block elements, geometric shapes
		return true
	}
	return false
}

// escLen is the length of the CSI or OSC sequence s starts with, or 0 when
// it is another or an unfinished one.
func escLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	switch s[1] {
	case '[': // CSI: parameters 0x30-0x3f, intermediates 0x20-0x2f, final 0x40-0x7e
		i := 2
		for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
			i++
		}
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
	case ']': // OSC, ended by BEL or ST (ESC \)
		for i := 2; i < len(s); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1b:
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				return 0
			case s[i] < 0x20:
				return 0
			}
		}
	}
	return 0
}
