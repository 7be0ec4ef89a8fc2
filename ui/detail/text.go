package detail

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Article text reaches the screen through two gates.
//
// Before Markdown: cleanText makes every character printable (controls
// become their visible Control Pictures, so "\x1b[2J" shows as "␛[2J";
// invisible format characters such as the bidi overrides go), and
// escapeMarkdown neutralises every character with a meaning in Markdown.
// Nothing in an article can then open a heading, emphasis, link, autolink,
// HTML tag, entity, table or code span: the Markdown we hand to Glamour has
// structure only where we put it.
//
// After rendering: keepSGR drops every escape sequence that is not SGR
// styling (OSC hyperlinks, DCS, APC, cursor movement, ...), so that whatever
// Glamour or a future version of it emits, only colours and attributes reach
// the terminal.

// markOpen and markClose bracket a figure in the Markdown we build. They are
// format characters (category Cf, zero width, not line-breaking), which
// cleanText removes from article text, so they can only be ours; after
// rendering, applyMarks turns them into SGR.
const (
	markOpen  = '\u2060' // WORD JOINER
	markClose = '\uFEFF' // ZERO WIDTH NO-BREAK SPACE
	// evidence marks: a sentence highlighted when the figure's own words
	// could not be located.
	evOpen  = '\u2061' // FUNCTION APPLICATION
	evClose = '\u2062' // INVISIBLE TIMES
)

// cleanText returns s with every control character replaced by a visible
// picture and format characters (bidi controls, zero-width joiners, soft
// hyphens, our own marks) removed; tabs and line breaks become spaces.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if needsCleaning(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune('\uFFFD')
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀..␟: ESC shows as ␛
		case r == 0x7f:
			b.WriteRune('\u2421') // ␡
		case r >= 0x80 && r <= 0x9f:
			b.WriteRune('\uFFFD')
		case unicode.Is(unicode.Cf, r):
			// bidi overrides and isolates, zero-width characters: dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsCleaning(r rune) bool {
	if r < 0x20 || r == 0x7f || r == utf8.RuneError {
		return true
	}
	if r < 0x80 {
		return false
	}
	return r <= 0x9f || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r)
}

// glamourEscapes are the characters whose backslash escape Glamour undoes
// when it prints text (its escapeReplacer): escaping them is invisible.
const glamourEscapes = "\\`*_{}[]<>()#+-.!|"

// sep is an invisible separator put after characters that Markdown or
// Glamour would otherwise read (entity references, autolinks, definition
// lists) but whose backslash escape Glamour would print; it is removed
// from the rendered output (see unescapeRendered).
const sep = '\u2063' // INVISIBLE SEPARATOR

// escapeMarkdown makes clean text (see cleanText) literal Markdown inline
// content, and collapses runs of spaces (leading spaces would make a code
// block):
//
//   - the characters Glamour unescapes are backslash-escaped: no emphasis,
//     link, image, HTML, heading, list, table or code span can start;
//   - "~" (strikethrough) is backslash-escaped too; Glamour prints that
//     backslash and unescapeRendered removes it;
//   - "&", ":" and "@" get an invisible separator after them (and ":"
//     before), so that no entity reference ("&lt;"), autolink
//     ("http://", "www.", "a@b.vn") or definition list (": ") can form.
func escapeMarkdown(b *strings.Builder, s string) {
	space := true // drop leading spaces
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case c == '~' || strings.IndexByte(glamourEscapes, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == ':':
			b.WriteRune(sep)
			b.WriteByte(c)
			b.WriteRune(sep)
		case c == '&' || c == '@':
			b.WriteByte(c)
			b.WriteRune(sep)
		default:
			b.WriteByte(c)
		}
		space = false
	}
}

// unescapeRendered undoes what escapeMarkdown did that Glamour does not:
// it removes the invisible separators and the backslash before "~".
func unescapeRendered(s string) string {
	if strings.ContainsRune(s, sep) {
		s = strings.ReplaceAll(s, string(sep), "")
	}
	if strings.Contains(s, "\\~") {
		s = strings.ReplaceAll(s, "\\~", "~")
	}
	return s
}

// md returns s cleaned and escaped, with trailing spaces trimmed.
func md(s string) string {
	var b strings.Builder
	escapeMarkdown(&b, cleanText(s))
	return strings.TrimRight(b.String(), " ")
}

// keepSGR returns s without any escape sequence other than SGR (CSI ... m),
// and without control characters other than newline. String sequences (OSC,
// DCS, SOS, PM, APC) are dropped up to their terminator; 8-bit C1 controls
// are dropped.
func keepSGR(s string) string {
	if !needsSGRScan(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b && i+1 < len(s) {
			switch s[i+1] {
			case '[':
				end, ok := csiEnd(s, i+2)
				if ok && s[end] == 'm' && sgrParams(s[i+2:end]) {
					b.WriteString(s[i : end+1])
				}
				i = end + 1
				continue
			case ']', 'P', 'X', '^', '_':
				i = stringEnd(s, i+2)
				continue
			default:
				// two-byte (or ESC + intermediates + final) sequence
				j := i + 1
				for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
					j++
				}
				i = min(j+1, len(s))
				continue
			}
		}
		if c == 0x1b {
			i++
			continue
		}
		if c < 0x20 && c != '\n' || c == 0x7f {
			i++
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r >= 0x80 && r <= 0x9f {
				if r == 0x9b {
					end, _ := csiEnd(s, i+n)
					i = end + 1
				} else if r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f {
					i = stringEnd(s, i+n)
				} else {
					i += n
				}
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// needsSGRScan reports whether s holds ESC, a control other than newline,
// or an 8-bit C1 control (UTF-8 C2 80..C2 9F).
func needsSGRScan(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

// csiEnd returns the index of the final byte of a CSI sequence whose
// parameters start at i; ok is false when the sequence is malformed or
// unterminated (then the index is where scanning stopped, minus one).
func csiEnd(s string, i int) (int, bool) {
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x40 && c <= 0x7e:
			return i, true
		case c >= 0x20 && c <= 0x3f:
		default:
			return i - 1, false
		}
	}
	return len(s) - 1, false
}

// stringEnd returns the index just past the terminator (BEL, ESC \ or
// 8-bit ST) of a string sequence whose body starts at i, or len(s).
func stringEnd(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case 0x07:
			return i + 1
		case 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // a new sequence starts here
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c {
				return i + 2
			}
		}
	}
	return len(s)
}

// sgrParams reports whether p holds only SGR parameter characters.
func sgrParams(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i]; !(c >= '0' && c <= '9' || c == ';' || c == ':') {
			return false
		}
	}
	return true
}
