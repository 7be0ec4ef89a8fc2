package model

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Hoàng Văn Thụ":       "hoang van thu",
		"ĐẢNG ỦY Phường":      "dang uy phuong",
		"đường Chi Lăng":      "duong chi lang",
		"Nghị quyết 35/2023":  "nghi quyet 35/2023",
		"plain ascii":         "plain ascii",
		"A\u0301":             "a", // decomposed input
		"Ủy ban nhân dân xã ": "uy ban nhan dan xa ",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldOffsetsPointAtRunes(t *testing.T) {
	s := "Tây Sơn đạt"
	f, offs := FoldOffsets(s)
	if f != "tay son dat" {
		t.Fatalf("folded %q", f)
	}
	if len(offs) != len([]rune(f)) {
		t.Fatalf("%d offsets for %d runes", len(offs), len([]rune(f)))
	}
	if got := s[offs[1]:offs[2]]; got != "â" {
		t.Errorf("rune 1 maps to %q", got)
	}
	if got := s[offs[8]:offs[9]]; got != "đ" {
		t.Errorf("rune 8 maps to %q", got)
	}
}

func TestHighlightsByRune(t *testing.T) {
	s := "Đảng bộ phường Hoàng Văn Thụ"
	spans := Highlights(s, []string{"hoa", "thu", "dang"})
	var got []string
	for _, sp := range spans {
		got = append(got, s[sp.Start:sp.End])
	}
	want := []string{"Đảng", "Hoà", "Thụ"}
	if !slices.Equal(got, want) {
		t.Errorf("highlights %q, want %q", got, want)
	}
}

func TestParseQuery(t *testing.T) {
	q := ParseQuery("Hoàng  văn unit:tay-son level:xa,TT year:2023 date:2023-01..2023-06 bogus:1 level:nope")
	if !slices.Equal(q.Words, []string{"hoang", "van", "bogus:1"}) {
		t.Errorf("words %q", q.Words)
	}
	if !slices.Equal(q.UnitText, []string{"tay son"}) {
		t.Errorf("unit text %q", q.UnitText)
	}
	if !slices.Equal(q.Levels, []Level{Commune, Townlet}) {
		t.Errorf("levels %q", q.Levels)
	}
	if !slices.Equal(q.Years, []int{2023}) {
		t.Errorf("years %v", q.Years)
	}
	if q.From.Format("2006-01-02") != "2023-01-01" || q.To.Format("2006-01-02") != "2023-06-30" {
		t.Errorf("range %v..%v", q.From, q.To)
	}
	if !slices.Equal(q.Invalid, []string{"level:nope"}) {
		t.Errorf("invalid %q", q.Invalid)
	}
	if q := ParseQuery("date:2024-02"); q.From.Format("2006-01-02") != "2024-02-01" || q.To.Format("2006-01-02") != "2024-02-29" {
		t.Errorf("month range %v..%v", q.From, q.To)
	}
	if q := ParseQuery("unit:"); !q.IsZero() {
		t.Errorf("a half-typed qualifier restricts: %+v", q)
	}
}

func testCorpus() *Corpus {
	u := func(l Level, n string) *Unit { return &Unit{Level: l, Name: n} }
	return New([]Article{
		{ID: "a", Title: "Đảng bộ phường Hoàng Văn Thụ tổng kết", Unit: u(Ward, "Hoàng Văn Thụ"), EventDate: Date(2023, 12, 8),
			Body:    []string{"Thu ngân sách đạt 21,72 tỷ đồng."},
			Metrics: []Metric{{Key: BudgetRevenue, Kind: Actual, Value: 21.72e9, Year: 2023, Of: math.NaN(), PlanPct: 106.4}}},
		{ID: "b", Title: "Phường Tây Sơn", Unit: u(Ward, "Tây Sơn"), EventDate: Date(2024, 1, 8), Views: 10, HasViews: true,
			Body: []string{"Đường Hoàng Hoa Thám."}, Problems: []string{"no date"},
			Metrics: []Metric{
				{Key: BudgetRevenue, Kind: Actual, Value: 124857e6, Year: 2023, Of: math.NaN(), PlanPct: math.NaN()},
				{Key: BudgetRevenue, Kind: Target, Value: 130e9, Year: 2024, Of: math.NaN(), PlanPct: math.NaN()},
			}},
		{ID: "c", Title: "Xã Đồng Tâm", Unit: u(Commune, "Đồng Tâm"), Published: DateTime(2021, 10, 11, 14, 48, 0)},
		{ID: "d", Title: "Xã Dịch Vọng", Unit: u(Commune, "Dịch Vọng"), EventDate: Date(2022, 5, 1)},
		{ID: "e", Title: "Yên Hòa", Unit: u(Commune, "Yên Hòa")},
		{ID: "f", Title: "Tây Sơn again", Unit: &Unit{Level: Ward, Name: "tây sơn"}, EventDate: Date(2023, 3, 1),
			Metrics: []Metric{{Key: BudgetRevenue, Kind: Actual, Value: 50e9, Year: 2022, Of: math.NaN(), PlanPct: math.NaN()}}},
	})
}

func ids(c *Corpus, got []int32) []string {
	var s []string
	for _, id := range got {
		s = append(s, c.At(id).ID)
	}
	slices.Sort(s)
	return s
}

func TestFilter(t *testing.T) {
	c := testCorpus()
	for q, want := range map[string][]string{
		"":                   {"a", "b", "c", "d", "e", "f"},
		"hoang van thu":      {"a"},
		"Hoàng Văn Thụ":      {"a"},
		"hoang":              {"a", "b"}, // b's body names a street
		"dong tam":           {"c"},
		"đồng":               {"a", "c"}, // đồng in a's body
		"unit:tay-son":       {"b", "f"},
		"level:xa":           {"c", "d", "e"},
		"year:2023":          {"a", "f"},
		"date:2023-06..2024": {"a", "b"},
		"level:p year:2024":  {"b"},
		"nothing-like-this":  nil,
	} {
		got, err := c.Filter(context.Background(), ParseQuery(q), ByDate, false)
		if err != nil {
			t.Fatal(err)
		}
		if g := ids(c, got.IDs); !slices.Equal(g, want) {
			t.Errorf("%q: got %v, want %v", q, g, want)
		}
	}
	q := Query{Units: []UnitKey{{Level: Commune, Name: "yen hoa"}}}
	if got, _ := c.Filter(context.Background(), q, ByDate, false); !slices.Equal(ids(c, got.IDs), []string{"e"}) {
		t.Errorf("picker units: %v", ids(c, got.IDs))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Filter(ctx, ParseQuery("zzz"), ByDate, false); err == nil {
		t.Error("a cancelled filter returned no error")
	}
}

func TestOrders(t *testing.T) {
	c := testCorpus()
	r, _ := c.Filter(context.Background(), Query{}, ByDate, false)
	var got []string
	for _, id := range r.IDs {
		got = append(got, c.At(id).ID)
	}
	if want := []string{"c", "d", "f", "a", "b", "e"}; !slices.Equal(got, want) {
		t.Errorf("by date %v, want %v", got, want)
	}
	desc, _ := c.Filter(context.Background(), Query{}, ByViews, true)
	if c.At(desc.IDs[0]).ID != "b" {
		t.Errorf("most viewed first: %s", c.At(desc.IDs[0]).ID)
	}
}

func TestUnitsVietnameseOrder(t *testing.T) {
	c := testCorpus()
	var got []string
	for _, u := range c.Units() {
		got = append(got, u.Unit.Short()+"/"+strings.Repeat("*", len(u.Articles)))
	}
	// Wards before communes; within communes Dịch < Đồng < Yên (byte order
	// would put Đồng last).
	want := []string{"P. Hoàng Văn Thụ/*", "P. Tây Sơn/**", "X. Dịch Vọng/*", "X. Đồng Tâm/*", "X. Yên Hòa/*"}
	if !slices.Equal(got, want) {
		t.Errorf("units %v, want %v", got, want)
	}
}

func TestSummaryKeepsTargetsApart(t *testing.T) {
	c := testCorpus()
	r, _ := c.Filter(context.Background(), Query{}, ByDate, false)
	all := r.IDs
	rows := c.Summary(all)
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	ts := rows[1]
	if ts.Unit.Unit.Name != "Tây Sơn" || ts.Reports != 2 {
		t.Fatalf("row 1 is %+v", ts.Unit.Unit)
	}
	k := KeyIndex(BudgetRevenue)
	if a := ts.Actual[k]; !a.OK || a.Metric.Value != 124857e6 || a.Year != 2023 {
		t.Errorf("latest actual %+v", a)
	}
	if tg := ts.Target[k]; !tg.OK || tg.Metric.Value != 130e9 {
		t.Errorf("target %+v", tg)
	}
	h := c.History(all, ts.Unit.Key, BudgetRevenue, Actual)
	if len(h) != 2 || h[0].Year != 2022 || h[1].Year != 2023 {
		t.Errorf("history %+v", h)
	}
}

func TestRecordJSON(t *testing.T) {
	a := Article{ID: "x", Title: "T", Published: DateTime(2023, 12, 8, 15, 7, 0), EventDate: Date(2023, 12, 8),
		Unit:    &Unit{Level: Ward, Name: "Hoàng Văn Thụ", Parent: "thành phố Thái Nguyên"},
		Metrics: []Metric{{Key: TargetsMet, Kind: Actual, Value: 11, Of: 11, Measure: Count, PlanPct: math.NaN()}}}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"published":"2023-12-08T15:07:00"`, `"event_date":"2023-12-08"`, `"views":null`,
		`"byline":null`, `"mentions":[]`, `"parent":"thành phố Thái Nguyên"`, `"of":11`, `"plan_pct":null`,
		`"approx":null`, `"year":null`, `"problems":[]`} {
		if !strings.Contains(s, want) {
			t.Errorf("record lacks %s:\n%s", want, s)
		}
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(back)
	if string(b2) != s {
		t.Errorf("round trip changed the record:\n%s\n%s", s, b2)
	}
}

func TestAbbreviationsWholeWords(t *testing.T) {
	a := &Article{Title: "UBND phường", Body: []string{"Hội CCB và TPHCM; HĐND, BHYT."}}
	var got []string
	for _, ab := range a.Abbreviations() {
		got = append(got, ab.Short)
	}
	if want := []string{"HĐND", "UBND", "BHYT", "CCB"}; !slices.Equal(got, want) {
		t.Errorf("abbreviations %v, want %v", got, want)
	}
}

func TestSummaryOfSubsetMatchesWhole(t *testing.T) {
	c := testCorpus()
	r, _ := c.Filter(context.Background(), Query{}, ByDate, false)
	all := r.IDs
	whole := c.Summary(all)
	if again := c.Summary(all); &again[0] != &whole[0] {
		t.Error("the whole-corpus summary is computed twice")
	}
	var some []int32
	for _, id := range all {
		if c.At(id).ID != "e" { // Yên Hòa's only report
			some = append(some, id)
		}
	}
	part := c.Summary(some)
	if len(part) != len(whole)-1 {
		t.Fatalf("%d rows for a subset missing one unit, whole has %d", len(part), len(whole))
	}
	for i, r := range part {
		if r.Unit != whole[i].Unit || r.Reports != whole[i].Reports {
			t.Errorf("row %d: %s/%d vs %s/%d", i, r.Unit.Unit, r.Reports, whole[i].Unit.Unit, whole[i].Reports)
		}
		for k := range r.Actual {
			if r.Actual[k].Metric != whole[i].Actual[k].Metric {
				t.Errorf("row %d key %s differs", i, Keys[k])
			}
		}
	}
}

func TestRecordJSONKeepsHTMLCharacters(t *testing.T) {
	a := Article{ID: "x", Title: "A & B <i>", Metrics: []Metric{{Key: BudgetRevenue, Evidence: "x > y", Of: math.NaN(), PlanPct: math.NaN()}}}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); !strings.Contains(s, `"title":"A & B <i>"`) || !strings.Contains(s, `"evidence":"x > y"`) {
		t.Errorf("escaped: %s", s)
	}
}
