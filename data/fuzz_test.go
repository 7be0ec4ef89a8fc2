package data

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func runeCounts(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			m[r]++
		}
	}
	return m
}

// FuzzDecode runs the whole pipeline on arbitrary bytes. It must not panic;
// what sanitising removes must be exactly what its problem counts; the text
// handed on must be safe for a terminal; and every other character must end
// up in the record (title, body, captions, chrome or problems).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		report, "", "\xef\xbb\xbf" + report, utf16Bytes(report, false, true), utf16Bytes(report, true, false),
		"Thu ng\xe2n s\xe1ch\n", strings.ReplaceAll(report, "\n", "\r\n"), "a\rb\r\n",
		"\x1b[31mđỏ\x1b[0m\n\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\n\x1b]0;t\x07", "\u009b1m\u009dx\u009c",
		"abc\u202edcba\u202c\u2066x\u2069\u200e", "e\u0301 o\u0302\u0323", "nhị\x00phân", "\a\b\x7f\u0085\u2028",
		"😀 Quận 1\n\n\nTin khác", "\x1bP" + strings.Repeat("x", 100),
	} {
		f.Add([]byte(s))
	}
	if entries, err := sampleFS.ReadDir("sample"); err == nil {
		for _, e := range entries {
			b, _ := sampleFS.ReadFile("sample/" + e.Name())
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		in := string(raw)
		decoded, problems, binary, clean := decode(in)
		j := job{id: "f", rel: "f", read: func() (string, error) { return in, nil }, parse: parsers}
		arts, skipped, err := process(&j)
		if err != nil || skipped != "" || len(arts) != 1 {
			t.Fatalf("process: %v %q %d articles", err, skipped, len(arts))
		}
		a := arts[0]
		if binary != "" {
			if len(a.Body) != 0 || !hasProblem(a, binary) {
				t.Fatalf("binary file: %+v", a)
			}
			return
		}
		if !utf8.ValidString(decoded) {
			t.Fatalf("decoded text is not UTF-8: %q", decoded)
		}
		utf16 := strings.HasPrefix(in, "\xff\xfe") || strings.HasPrefix(in, "\xfe\xff") || strings.IndexByte(in, 0) >= 0
		if !utf16 && strings.Count(decoded, "\uFFFD") > strings.Count(in, "\uFFFD") && len(problems) == 0 {
			t.Fatalf("bytes that are not UTF-8 went unreported")
		}
		prepared, rm := sanitize(decoded)
		if clean && prepared != decoded {
			t.Fatalf("clean text changed by sanitize: %q -> %q", decoded, prepared)
		}
		if got, want := utf8.RuneCountInString(prepared)+rm.chars()+rm.crlf, utf8.RuneCountInString(decoded); got != want {
			t.Fatalf("sanitize lost characters: %d kept + %d removed + %d CRs != %d", utf8.RuneCountInString(prepared), rm.chars(), rm.crlf, want)
		}
		if rm.chars() > 0 && !hasProblem(a, "removed "+strconv.Itoa(rm.chars())+" characters") {
			t.Fatalf("removed %d characters, problems say %q", rm.chars(), a.Problems)
		}
		if i := unsafeAt(prepared); i >= 0 {
			t.Fatalf("unsafe byte left at %d: %q", i, prepared)
		}
		nfc := norm.NFC.String(prepared)
		if clean && nfc != prepared {
			t.Fatalf("clean text is not NFC: %q", prepared)
		}
		have := runeCounts(recordText(a))
		for r, n := range runeCounts(nfc) {
			if have[r] < n {
				t.Fatalf("%q occurs %d times in the text and %d in the record %+v", r, n, have[r], a)
			}
		}
		if i := unsafeAt(recordText(a)); i >= 0 {
			t.Fatalf("record unsafe for a terminal at %d: %+v", i, a)
		}
	})
}

// FuzzJSONL reads arbitrary bytes as a JSON Lines file: no panic, one record
// per non-blank line, and nothing in a record a terminal would act on.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "Tiêu đề\nThân bài"}`,
		`{"title": "T", "published": "2024-01-08T10:15:00+07:00", "url": "https://x", "body": ["a", "b"]}` + "\n\n" + `{"text": "\u001b[31mđỏ\u202e"}`,
		`{"id": 5, "text": 5}`, `not json`, `null`, `{"body": [1, "a"]}`, "\xff\xfe{\x00}\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		in := string(raw)
		j := job{id: "f", rel: "f.jsonl", format: jsonl, read: func() (string, error) { return in, nil }, parse: parsers}
		arts, _, err := process(&j)
		if err != nil || len(arts) == 0 {
			t.Fatalf("%v, %d records", err, len(arts))
		}
		for _, a := range arts {
			if i := unsafeAt(recordText(a) + a.ID + a.SourceURL); i >= 0 {
				t.Fatalf("record unsafe for a terminal: %+v", a)
			}
		}
	})
}
