package model

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

// referenceJSON is the export record as encoding/json writes it, from
// structs of its own: the oracle AppendJSON must agree with byte for byte.
func referenceJSON(t testing.TB, a *Article) []byte {
	t.Helper()
	type unit struct {
		Level  string  `json:"level"`
		Name   string  `json:"name"`
		Parent *string `json:"parent"`
	}
	type metric struct {
		Key      string   `json:"key"`
		Kind     string   `json:"kind"`
		Value    float64  `json:"value"`
		Of       *float64 `json:"of"`
		Measure  string   `json:"measure"`
		Approx   *string  `json:"approx"`
		PlanPct  *float64 `json:"plan_pct"`
		Year     *int     `json:"year"`
		Period   *string  `json:"period"`
		Evidence string   `json:"evidence"`
	}
	type rec struct {
		ID           string   `json:"id"`
		Path         string   `json:"path"`
		Title        string   `json:"title"`
		TitleDerived bool     `json:"title_derived"`
		Published    *string  `json:"published"`
		EventDate    *string  `json:"event_date"`
		Views        *int     `json:"views"`
		Byline       *string  `json:"byline"`
		SourceURL    *string  `json:"source_url"`
		Unit         *unit    `json:"unit"`
		Mentions     []unit   `json:"mentions"`
		Body         []string `json:"body"`
		Captions     []string `json:"captions"`
		Metrics      []metric `json:"metrics"`
		Problems     []string `json:"problems"`
	}
	str := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	num := func(f float64) *float64 {
		if math.IsNaN(f) {
			return nil
		}
		return &f
	}
	list := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	mkUnit := func(u Unit) unit { return unit{string(u.Level), u.Name, str(u.Parent)} }
	r := rec{ID: a.ID, Path: a.Path, Title: a.Title, TitleDerived: a.TitleDerived,
		Published: str(a.Published.String()), EventDate: str(a.EventDate.String()),
		Byline: str(a.Byline), SourceURL: str(a.SourceURL),
		Mentions: []unit{}, Body: list(a.Body), Captions: list(a.Captions), Metrics: []metric{}, Problems: list(a.Problems)}
	if a.HasViews {
		v := a.Views
		r.Views = &v
	}
	if a.Unit != nil {
		u := mkUnit(*a.Unit)
		r.Unit = &u
	}
	for _, u := range a.Mentions {
		r.Mentions = append(r.Mentions, mkUnit(u))
	}
	for _, m := range a.Metrics {
		x := metric{Key: string(m.Key), Kind: string(m.Kind), Value: m.Value, Of: num(m.Of), Measure: string(m.Measure),
			Approx: str(string(m.Approx)), PlanPct: num(m.PlanPct), Period: str(m.Period), Evidence: m.Evidence}
		if m.Year != 0 {
			y := m.Year
			x.Year = &y
		}
		r.Metrics = append(r.Metrics, x)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// awkward holds every kind of byte JSON escapes or must repair.
const awkward = "Tây Sơn \"trích\" a\\b <b>&amp;</b> \x00\x01\b\f\n\r\t\x1f\x7f \u2028\u2029 \xff\xc3 \xe2\x80 \xed\xa0\x80 \xe0\x80\x80 \xef\xbf\xbd đ 𝔸 \u0085"

func recordCases() []Article {
	nan := math.NaN()
	return []Article{
		{},
		{ID: "a", Path: "p/a.txt", Title: awkward, TitleDerived: true,
			Published: DateTime(2024, 1, 8, 10, 15, 0), EventDate: Date(2023, 12, 30),
			Views: 0, HasViews: true, Byline: awkward, SourceURL: "https://x.vn/a?b=1&c=<2>",
			Unit:     &Unit{Level: Ward, Name: "Hoàng Văn Thụ", Parent: "thành phố Thái Nguyên"},
			Mentions: []Unit{{Level: Commune, Name: "Tân Cương"}, {Name: awkward}},
			Body: []string{awkward, "", "x", "ạ\xe1\xba", "\xe1", "\xbf\xbfa", "ê\xf0\x9f\x98", "\xf4\x90\x80\x80", "\xf0\x8f\xbf\xbf",
				"“Tây Sơn”", "\u2029x", "\ufeff\ufffe\uffff", "𝔸ạ\\"}, Captions: []string{"ảnh"}, Problems: []string{awkward},
			Metrics: []Metric{
				{Key: "budget_revenue", Kind: "actual", Value: 124857000000, Of: nan, Measure: "vnd", PlanPct: 106.4, Year: 2023, Evidence: awkward},
				{Key: "targets_met", Kind: "target", Value: 11, Of: 11, Measure: "count", Approx: "over", PlanPct: nan, Period: "9 tháng", Evidence: "e"},
				{Value: 1e21, Of: 1e-7, PlanPct: 0.07},
				{Value: 5e-324, Of: -0.0, PlanPct: 123456789012345678},
				{Value: 1.7976931348623157e308, Of: 1e-6, PlanPct: 999999999999999999999},
			}},
		{ID: "b", Views: 236, HasViews: true, Body: []string{}, Metrics: []Metric{}},
	}
}

func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	for i, a := range recordCases() {
		got, err := a.MarshalJSON()
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if want := referenceJSON(t, &a); !bytes.Equal(got, want) {
			t.Errorf("case %d:\n got %s\nwant %s", i, got, want)
		}
		var back Article
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("case %d: the record does not read back: %v", i, err)
		}
	}
}

func TestAppendJSONRefusesNonFinite(t *testing.T) {
	for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		a := Article{Metrics: []Metric{{Value: v, Of: math.NaN(), PlanPct: math.NaN()}}}
		if _, err := a.AppendJSON(nil); err == nil {
			t.Errorf("value %v: no error", v)
		}
	}
}

// FuzzAppendJSON: for any strings and numbers, the hand-written record is
// the one encoding/json writes.
func FuzzAppendJSON(f *testing.F) {
	f.Add(awkward, "x", 124857e6, 106.4, int64(0), 2023)
	f.Add("", "\u2028", 1e21, 1e-7, int64(1704709500), 0)
	f.Fuzz(func(t *testing.T, s1, s2 string, v, pct float64, unix int64, year int) {
		if math.IsInf(v, 0) || math.IsNaN(v) || math.IsInf(pct, 0) {
			t.Skip()
		}
		when := When{T: time.Unix(unix%(1<<35), 0).UTC(), HasClock: unix%2 == 0}
		if when.T.Year() < 0 || when.T.Year() > 9999 {
			t.Skip() // outside what a date string can hold either way
		}
		a := Article{ID: s1, Title: s2, Byline: s1, Published: when, Body: []string{s1, s2},
			Unit:    &Unit{Level: Level(s2), Name: s1, Parent: s2},
			Metrics: []Metric{{Key: Key(s1), Value: v, Of: pct, PlanPct: pct, Year: year, Period: s2, Evidence: s1}}}
		got, err := a.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceJSON(t, &a); !bytes.Equal(got, want) {
			t.Errorf("\n got %s\nwant %s", got, want)
		}
	})
}

// TestPlainPrefixWords: reading eight bytes at a time stops where reading
// byte by byte does, with each awkward rune at every offset in the word,
// among one-, two- and three-byte letters, and cut short at every length.
func TestPlainPrefixWords(t *testing.T) {
	runes := []string{"a", "ạ", "đ", "\"", "\\", "\x00", "\x1f", "\x7f", "\u2028", "\u2029", "–", "“", "\xff", "\xf8",
		"\xc3", "\xe1\xba", "\xe2\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\x80", "\xe0\xa0\x80", "\xc0\x80",
		"\xc1\xbf", "\xc2\x80", "𝔸", "\xf4\x90\x80\x80", "\xf0\x8f\xbf\xbf", "\xbf", "\xbf\xbf", "\ufffd", "\uffff",
		"\xe1\xf0\x80\x80", "\xc3\xf1\x80", "\xe1\xe1\x80\x80", "\xc3\xc3\x80"} // a lead where a continuation is due
	for _, fill := range []string{"a", "ạ", "đa", "ờng "} {
		for pad := range 17 {
			for _, r := range runes {
				s := strings.Repeat(fill, pad) + r + strings.Repeat(fill, 9)
				for k := range len(s) + 1 {
					if got, want := plainPrefix(s[:k]), plainPrefixBytes(s[:k]); got != want {
						t.Fatalf("plainPrefix(%q) = %d, byte by byte %d", s[:k], got, want)
					}
				}
			}
		}
	}
}

// FuzzPlainPrefix: the same for any text.
func FuzzPlainPrefix(f *testing.F) {
	f.Add(awkward)
	f.Add("Năm 2023, tổng thu ngân sách trên địa bàn phường đạt “124.857 triệu đồng”")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plainPrefix(s), plainPrefixBytes(s); got != want {
			t.Fatalf("plainPrefix(%q) = %d, byte by byte %d", s, got, want)
		}
	})
}

func BenchmarkAppendJSON(b *testing.B) {
	a := recordCases()[1]
	a.Metrics = a.Metrics[:2]
	for i := range 30 {
		a.Body = append(a.Body, "Năm 2023, tổng thu ngân sách trên địa bàn phường đạt 124.857 triệu đồng, bằng 106,4% dự toán "+string(rune('a'+i)))
	}
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = a.AppendJSON(buf[:0])
	}
	b.SetBytes(int64(len(buf)))
}
