package model

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// The export record is written by hand rather than through encoding/json's
// reflection, which took a seventh of `baocao export`'s time on the 2017
// crawl. The bytes are exactly what encoding/json writes for the record
// structs (with SetEscapeHTML(false)); TestAppendJSONMatchesEncodingJSON and
// FuzzAppendJSON hold the two together.

// AppendJSON appends the export record of a (EXPORT.md) to b, as
// MarshalJSON writes it. It fails only on a figure that is not a finite
// number, which JSON cannot hold.
func (a *Article) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, a.ID)
	b = append(b, `,"path":`...)
	b = appendJSONString(b, a.Path)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, a.Title)
	b = append(b, `,"title_derived":`...)
	b = strconv.AppendBool(b, a.TitleDerived)
	b = append(b, `,"published":`...)
	b = a.Published.appendJSON(b)
	b = append(b, `,"event_date":`...)
	b = a.EventDate.appendJSON(b)
	b = append(b, `,"views":`...)
	if a.HasViews {
		b = strconv.AppendInt(b, int64(a.Views), 10)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"byline":`...)
	b = appendNullString(b, a.Byline)
	b = append(b, `,"source_url":`...)
	b = appendNullString(b, a.SourceURL)
	b = append(b, `,"unit":`...)
	if a.Unit != nil {
		b = a.Unit.appendJSON(b)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"mentions":[`...)
	for i := range a.Mentions {
		if i > 0 {
			b = append(b, ',')
		}
		b = a.Mentions[i].appendJSON(b)
	}
	b = append(b, `],"body":`...)
	b = appendJSONStrings(b, a.Body)
	b = append(b, `,"captions":`...)
	b = appendJSONStrings(b, a.Captions)
	b = append(b, `,"metrics":[`...)
	for i := range a.Metrics {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = a.Metrics[i].appendJSON(b); err != nil {
			return b, err
		}
	}
	b = append(b, `],"problems":`...)
	b = appendJSONStrings(b, a.Problems)
	return append(b, '}'), nil
}

func (u *Unit) appendJSON(b []byte) []byte {
	b = append(b, `{"level":`...)
	b = appendJSONString(b, string(u.Level))
	b = append(b, `,"name":`...)
	b = appendJSONString(b, u.Name)
	b = append(b, `,"parent":`...)
	b = appendNullString(b, u.Parent)
	return append(b, '}')
}

func (w When) appendJSON(b []byte) []byte {
	switch {
	case w.IsZero():
		return append(b, "null"...)
	case w.HasClock:
		return append(w.T.AppendFormat(append(b, '"'), "2006-01-02T15:04:05"), '"')
	default:
		return append(w.T.AppendFormat(append(b, '"'), "2006-01-02"), '"')
	}
}

func (m *Metric) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"key":`...)
	b = appendJSONString(b, string(m.Key))
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, string(m.Kind))
	b = append(b, `,"value":`...)
	if b, err = appendJSONFloat(b, m.Value); err != nil {
		return b, err
	}
	b = append(b, `,"of":`...)
	if m.HasOf() {
		if b, err = appendJSONFloat(b, m.Of); err != nil {
			return b, err
		}
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"measure":`...)
	b = appendJSONString(b, string(m.Measure))
	b = append(b, `,"approx":`...)
	b = appendNullString(b, string(m.Approx))
	b = append(b, `,"plan_pct":`...)
	if m.HasPlanPct() {
		if b, err = appendJSONFloat(b, m.PlanPct); err != nil {
			return b, err
		}
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"year":`...)
	if m.Year != 0 {
		b = strconv.AppendInt(b, int64(m.Year), 10)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"period":`...)
	b = appendNullString(b, m.Period)
	b = append(b, `,"evidence":`...)
	b = appendJSONString(b, m.Evidence)
	return append(b, '}'), nil
}

// appendJSONStrings appends a list of strings, [] when there are none.
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendNullString appends s, or null when s is "".
func appendNullString(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

// jsonPlain marks the ASCII bytes a JSON string holds as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString appends s quoted as encoding/json quotes it without HTML
// escaping: invalid UTF-8 becomes \ufffd, and U+2028 and U+2029 are escaped
// so that the output is also valid JavaScript. The runes that need none of
// that go over in runs (plainPrefix); the others one at a time.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for {
		k := plainPrefix(s)
		b = append(b, s[:k]...)
		if s = s[k:]; s == "" {
			return append(b, '"')
		}
		c := s[0]
		if c < utf8.RuneSelf {
			switch {
			case jsonPlain[c]:
				b = append(b, c)
			case c == '\\' || c == '"':
				b = append(b, '\\', c)
			case c == '\b':
				b = append(b, '\\', 'b')
			case c == '\f':
				b = append(b, '\\', 'f')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[:n]...)
		}
		s = s[n:]
	}
}

// What plainPrefix knows of a byte.
const (
	jCont  = 1 << iota // a continuation byte, 10xxxxxx
	jLead2             // starts a rune of two bytes or more
	jLead3             // of three bytes or more
	jLead4             // of four bytes
	// jCare: a byte that needs a closer look: an ASCII byte JSON escapes;
	// a byte no UTF-8 holds (C0, C1, F5–FF); a lead whose second byte has
	// a narrower range (E0, ED, F0, F4: overlong forms, surrogates, beyond
	// U+10FFFF); E2, which may start U+2028 or U+2029.
	jCare
)

var jsonByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c < utf8.RuneSelf:
			if !jsonPlain[c] {
				t[c] = jCare
			}
		case c < 0xc0:
			t[c] = jCont
		case c < 0xc2 || c >= 0xf5:
			t[c] = jCare
		case c < 0xe0:
			t[c] = jLead2
		case c < 0xf0:
			t[c] = jLead2 | jLead3
		default:
			t[c] = jLead2 | jLead3 | jLead4
		}
		switch c {
		case 0xe0, 0xe2, 0xed, 0xf0, 0xf4:
			t[c] |= jCare
		}
	}
	return t
}()

// plainPrefix is the length of the longest run of whole runes at the start
// of s that a JSON string holds as they are: valid UTF-8 without the bytes
// jCare marks. Where it stops, s holds a rune to look at closely (or a byte
// that is no rune).
//
// It reads eight bytes at a time while they are plain for sure: no byte
// that JSON escapes, every continuation byte where a lead before it asks
// for one (and nowhere else), and no lead that needs a closer look. That
// is most of an article: Vietnamese has a two- or three-byte letter every
// few bytes, but a byte JSON escapes or a rune that needs a second look
// (E2 starts "–" and curly quotes as well as U+2028) comes once in hundreds
// of bytes. The eight bytes that hold one, and the last few bytes, go to
// plainPrefixBytes from the start of the rune that was being read.
func plainPrefix(s string) int {
	t := s
	var due uint64 // continuation bytes that the last word's leads ask of this one
	for len(t) >= 8 {
		w := le64(t)
		h := w & hi8
		cont := h &^ (w << 1)                               // 10xxxxxx
		lead := h & (w << 1)                                // 11xxxxxx: a lead of 2 bytes or more
		lead3 := lead & (w << 2)                            // 111xxxxx: 3 or more
		lead4 := lead3 & (w << 3)                           // 1111xxxx: 4, or no UTF-8 byte at all
		bad := lead4 | (cont ^ (lead<<8 | lead3<<16 | due)) // a continuation missing, or one too many
		bad |= (w - 0x20*lo8) &^ w & hi8                    // a control byte
		bad |= anyZero(w ^ '"'*lo8)
		bad |= anyZero(w ^ '\\'*lo8)
		bad |= anyZero((w | lo8) ^ 0xc1*lo8)   // C0, C1: overlong
		bad |= anyZero((w | 2*lo8) ^ 0xe2*lo8) // E0 (overlong), E2 (maybe U+2028/9)
		bad |= anyZero(w ^ 0xed*lo8)           // surrogates
		if bad != 0 {
			break
		}
		due = lead>>56 | lead3>>48
		t = t[8:]
	}
	i := len(s) - len(t)
	if due != 0 { // back to the lead of the rune that t continues
		i--
		for s[i]&0xc0 == 0x80 {
			i--
		}
	}
	return i + plainPrefixBytes(s[i:])
}

// The same word helpers are in data (clean.go): model imports nothing of
// data, and ten lines do not make a package.
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// le64 is the first eight bytes of t, the first lowest.
func le64(t string) uint64 {
	t = t[:8]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// anyZero is not zero when some byte of x is.
func anyZero(x uint64) uint64 { return (x - lo8) &^ x & hi8 }

// plainPrefixBytes is plainPrefix read byte by byte. It carries only which
// of the next three bytes must continue a rune, so nothing it does depends
// on where the runes start: Vietnamese text switches between one-byte
// letters and longer ones every few bytes, and a loop that branches on each
// rune's length guesses wrong about once a word.
func plainPrefixBytes(s string) int {
	var n1, n2, n3 uint8 // whether the byte 1, 2, 3 ahead must continue a rune
	for j := 0; j < len(s); j++ {
		f := jsonByte[s[j]]
		if (f&jCont^n1)|f&jCare != 0 {
			return runeStart(s, j, n1)
		}
		n1, n2, n3 = n2|f>>1&1, n3|f>>2&1, f>>3&1
	}
	if n1 != 0 { // the last rune is cut short
		return runeStart(s, len(s), 1)
	}
	return len(s)
}

// runeStart is where the rune that s[j] belongs to, or would continue,
// starts: j itself, or the lead before the continuation bytes before j
// when mid (a continuation was due at j).
func runeStart(s string, j int, mid uint8) int {
	if mid == 0 {
		return j
	}
	k := j - 1
	for s[k]&0xc0 == 0x80 {
		k--
	}
	return k
}

// appendJSONFloat appends f as encoding/json writes a float64: the shortest
// decimal that reads back as f, with an exponent only for very large or very
// small magnitudes.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}
