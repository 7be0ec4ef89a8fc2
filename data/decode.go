package data

import (
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/unicode"
)

// Decoding turns a file's bytes into UTF-8 text:
//
//   - a UTF-8 byte order mark is dropped;
//   - UTF-16 with a byte order mark (either byte order) is decoded, and so is
//     UTF-16 without one when its NUL bytes all fall on one side of each
//     pair, as they do for Latin and Vietnamese text (a problem says so);
//   - bytes that are not UTF-8 become U+FFFD, one per byte, with a problem
//     giving their number;
//   - anything else holding NUL bytes, or mostly bytes no text has, is binary:
//     not text at all.

// sniffLen is how much of a file is looked at to tell text from binary.
const sniffLen = 64 << 10

// decode turns raw into text. It returns the text, the problems met on the
// way, and, for a binary file, why it is not text (the text is then ""). When
// raw is valid UTF-8 the text shares its memory: raw must not change
// afterwards. clean reports that the text is also safe and in NFC (isClean),
// so that prepare can skip its work.
func decode(raw string) (text string, problems []string, binary string, clean bool) {
	raw = strings.TrimPrefix(raw, "\xef\xbb\xbf")
	if isClean(raw) { // the common case, in one pass
		return raw, nil, "", true
	}
	text, problems, binary = decodeText(raw)
	return text, problems, binary, false
}

// decodeText is decode for text that is not clean.
func decodeText(raw string) (text string, problems []string, binary string) {
	if strings.HasPrefix(raw, "\xff\xfe") {
		return decodeUTF16(raw[2:], unicode.LittleEndian, "")
	} else if strings.HasPrefix(raw, "\xfe\xff") {
		return decodeUTF16(raw[2:], unicode.BigEndian, "")
	}
	if strings.IndexByte(raw, 0) >= 0 {
		if order, ok := sniffUTF16(raw); ok {
			name := "UTF-16LE"
			if order == unicode.BigEndian {
				name = "UTF-16BE"
			}
			return decodeUTF16(raw, order, "no byte order mark: read as "+name)
		}
		return "", nil, "binary file (holds NUL bytes): not read as text"
	}
	if utf8.ValidString(raw) {
		return raw, nil, ""
	}
	if mostlyNotText(raw) {
		return "", nil, "binary file (mostly bytes that are not text): not read as text"
	}
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/8)
	bad := 0
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRuneInString(raw[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
			bad++
		} else {
			b.WriteString(raw[i : i+n])
		}
		i += n
	}
	return b.String(), []string{fmt.Sprintf("%d bytes that are not UTF-8 replaced with U+FFFD", bad)}, ""
}

// sniffUTF16 reports whether raw looks like UTF-16 without a byte order mark,
// and in which order: in the first sniffLen bytes, NULs fill at least a
// quarter of one side of the byte pairs and almost none of the other.
func sniffUTF16(raw string) (unicode.Endianness, bool) {
	s := raw[:min(len(raw), sniffLen)]
	if len(s) < 4 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] == 0 {
			even++
		}
		if s[i+1] == 0 {
			odd++
		}
	}
	pairs := len(s) / 2
	switch {
	case odd*4 >= pairs && even*50 <= pairs:
		return unicode.LittleEndian, true
	case even*4 >= pairs && odd*50 <= pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// mostlyNotText reports whether more than a third of the first sniffLen bytes
// are control bytes no text holds or bytes that are not UTF-8.
func mostlyNotText(raw string) bool {
	s := raw[:min(len(raw), sniffLen)]
	bad := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 && len(s)-i >= utf8.UTFMax {
			bad++
		}
		i += n
	}
	return bad*3 > len(s)
}

// decodeUTF16 decodes UTF-16 without a byte order mark; unpaired surrogates
// and a trailing odd byte become U+FFFD.
func decodeUTF16(raw string, order unicode.Endianness, note string) (string, []string, string) {
	var problems []string
	if note != "" {
		problems = append(problems, note)
	}
	dec := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()
	out, err := dec.Bytes(unsafe.Slice(unsafe.StringData(raw), len(raw)))
	if err != nil { // cannot happen for UTF-16, but never lose the text
		return "", append(problems, "UTF-16 could not be decoded: "+err.Error()), "undecodable UTF-16"
	}
	text := string(out)
	literal := 0 // U+FFFD in the input itself is text, not a repair
	for i := 0; i+1 < len(raw); i += 2 {
		if order == unicode.LittleEndian && raw[i] == 0xfd && raw[i+1] == 0xff ||
			order == unicode.BigEndian && raw[i] == 0xff && raw[i+1] == 0xfd {
			literal++
		}
	}
	if n := strings.Count(text, "\uFFFD") - literal; n > 0 {
		problems = append(problems, fmt.Sprintf("%d UTF-16 code units that are not text replaced with U+FFFD", n))
	}
	return text, problems, ""
}
