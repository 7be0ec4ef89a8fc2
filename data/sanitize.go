package data

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sanitising makes text safe to print on a terminal and gives it "\n" line
// ends. It removes, and counts:
//
//   - escape sequences: CSI (ESC [ or U+009B ... final byte), the string
//     sequences OSC, DCS, SOS, PM and APC (ESC ] P X ^ _ or U+009D U+0090
//     U+0098 U+009E U+009F, up to BEL or ST, or up to the end of the line
//     when unterminated, so one stray ESC cannot swallow an article), and
//     the short ESC sequences (ESC c, ESC ( B, ...);
//   - every other C0 and C1 control character and DEL, except tab and the
//     line breaks;
//   - bidirectional formatting characters, which can reorder what a terminal
//     shows: the embeddings and overrides U+202A–U+202E, the isolates
//     U+2066–U+2069 and the marks U+200E, U+200F and U+061C (the marks cannot
//     override anything, but no Vietnamese text needs them and they are
//     invisible, so they go too).
//
// Line breaks are made "\n": CRLF, CR, form feed, vertical tab, NEL (U+0085)
// and U+2028/U+2029. The problem that reports a removal gives the number of
// characters removed, so every character of the input is accounted for.
//
// A hand-written scanner is used rather than github.com/charmbracelet/x/ansi:
// it needs the count of what it removed for the problem, the policy for
// unterminated strings above, and a fast path that leaves clean text
// uncopied; x/ansi's Strip offers none of these.

// removed counts what sanitize took out.
type removed struct {
	sequences int // escape sequences
	seqChars  int // the characters those sequences held
	controls  int // lone control characters
	bidi      int // bidirectional formatting characters
	crlf      int // CRs dropped from CRLF pairs (not a problem: a line end)
	examples  []rune
}

// chars is the number of characters removed that a problem reports.
func (r removed) chars() int { return r.seqChars + r.controls + r.bidi }

// problem says what was removed, or "" when nothing was.
func (r removed) problem() string {
	if r.chars() == 0 {
		return ""
	}
	var parts []string
	if r.sequences > 0 {
		parts = append(parts, fmt.Sprintf("%d terminal escape sequence%s (%d characters)", r.sequences, plural(r.sequences), r.seqChars))
	}
	if r.controls > 0 {
		parts = append(parts, fmt.Sprintf("%d control character%s", r.controls, plural(r.controls)))
	}
	if r.bidi > 0 {
		parts = append(parts, fmt.Sprintf("%d bidirectional formatting character%s", r.bidi, plural(r.bidi)))
	}
	s := fmt.Sprintf("removed %d characters unsafe on a terminal: %s", r.chars(), strings.Join(parts, ", "))
	if len(r.examples) > 0 {
		var ex []string
		for _, c := range r.examples {
			ex = append(ex, fmt.Sprintf("U+%04X", c))
		}
		s += " (" + strings.Join(ex, " ") + ")"
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (r *removed) example(c rune) {
	if len(r.examples) >= 4 {
		return
	}
	for _, e := range r.examples {
		if e == c {
			return
		}
	}
	r.examples = append(r.examples, c)
}

// unsafeAt returns the index of the first byte of s that sanitize would
// change, or -1. It is the fast path: clean text is not copied.
func unsafeAt(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20:
			if c != '\n' && c != '\t' {
				return i
			}
		case c < 0x7f:
		case c == 0x7f:
			return i
		case c == 0xc2: // U+0080–U+009F are C2 80–C2 9F
			if i+1 < len(s) && s[i+1] < 0xa0 {
				return i
			}
		case c == 0xd8: // U+061C is D8 9C
			if i+1 < len(s) && s[i+1] == 0x9c {
				return i
			}
		case c == 0xe2: // U+200E/F E2 80 8E/8F, U+2028–U+202E E2 80 A8–AE, U+2066–U+2069 E2 81 A6–A9
			if i+2 < len(s) {
				d, e := s[i+1], s[i+2]
				if d == 0x80 && (e == 0x8e || e == 0x8f || (e >= 0xa8 && e <= 0xae)) ||
					d == 0x81 && e >= 0xa6 && e <= 0xa9 {
					return i
				}
			}
		}
	}
	return -1
}

// sanitize returns s made safe as described above, and what it removed.
// s must be valid UTF-8.
func sanitize(s string) (string, removed) {
	var rm removed
	start := unsafeAt(s)
	if start < 0 {
		return s, rm
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:start])
	i := start
	for i < len(s) {
		// Copy the clean run up to the next byte that needs a look.
		if j := unsafeAt(s[i:]); j != 0 {
			if j < 0 {
				b.WriteString(s[i:])
				break
			}
			b.WriteString(s[i : i+j])
			i += j
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				rm.crlf++
			} else {
				b.WriteByte('\n')
			}
			i += n
		case r == '\f' || r == '\v' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
			i += n
		case r == 0x1b || r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			m := escapeLen(s[i:])
			if m == n && r == 0x1b { // a lone ESC
				rm.controls++
				rm.example(r)
			} else {
				rm.sequences++
				rm.seqChars += utf8.RuneCountInString(s[i : i+m])
			}
			i += m
		case r == 0x200e || r == 0x200f || r == 0x061c || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			rm.bidi++
			rm.example(r)
			i += n
		default: // C0, DEL, C1
			rm.controls++
			rm.example(r)
			i += n
		}
	}
	return b.String(), rm
}

// escapeLen is the length in bytes of the escape sequence at the start of s
// (which starts with ESC or a C1 introducer).
func escapeLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	kind := r
	if r == 0x1b {
		if len(s) < 2 {
			return 1
		}
		c := s[1]
		switch {
		case c == '[':
			kind = 0x9b
		case c == ']':
			kind = 0x9d
		case c == 'P':
			kind = 0x90
		case c == 'X':
			kind = 0x98
		case c == '^':
			kind = 0x9e
		case c == '_':
			kind = 0x9f
		case c >= 0x20 && c <= 0x2f: // nF: intermediates, then a final byte
			i := 1
			for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
				i++
			}
			if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
				i++
			}
			return i
		case c >= 0x30 && c <= 0x7e: // two-character escape
			return 2
		default:
			return 1
		}
		n = 2
	}
	i := n
	if kind == 0x9b { // CSI: parameters and intermediates, then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			i++
		}
		return i
	}
	// A control string: up to BEL, ST (ESC \ or U+009C) or the end of the line.
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		case s[i] == '\n' || s[i] == '\r':
			return i
		}
		i++
	}
	return i
}
