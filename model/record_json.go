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
// so that the output is also valid JavaScript.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		// Vietnamese letters are two bytes or three (U+1EA0–U+1EF9): pass
		// the well-formed ones that need no escape without decoding them.
		c := s[i]
		if c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			i += 2
			continue
		}
		if c >= 0xe1 && c < 0xf0 && c != 0xe2 && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
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
