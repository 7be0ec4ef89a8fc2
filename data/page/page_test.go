package page

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/baocao/baocao/model"
)

var update = flag.Bool("update", false, "rewrite the .golden.json files of testdata from the parser's output")

// golden is what a test page's .golden.json holds: the layout fields of the
// export record and the chrome the parser set aside.
type golden struct {
	Title        string       `json:"title"`
	TitleDerived bool         `json:"title_derived"`
	Published    model.When   `json:"published"`
	EventDate    model.When   `json:"event_date"`
	Views        *int         `json:"views"`
	Byline       string       `json:"byline"`
	SourceURL    string       `json:"source_url"`
	Unit         *model.Unit  `json:"unit"`
	Mentions     []model.Unit `json:"mentions"`
	Body         []string     `json:"body"`
	Captions     []string     `json:"captions"`
	Chrome       []string     `json:"chrome"`
	Problems     []string     `json:"problems"`
}

func goldenOf(a *model.Article) golden {
	g := golden{Title: a.Title, TitleDerived: a.TitleDerived, Published: a.Published,
		EventDate: a.EventDate, Byline: a.Byline, SourceURL: a.SourceURL, Unit: a.Unit,
		Mentions: a.Mentions, Body: a.Body, Captions: a.Captions, Chrome: a.Chrome, Problems: a.Problems}
	if a.HasViews {
		v := a.Views
		g.Views = &v
	}
	return g
}

func parse(text string) *model.Article {
	a := &model.Article{}
	Parse(text, a)
	return a
}

// TestGolden parses the pages of testdata (written for these tests in the
// layouts of many sites) and compares each record with its .golden.json.
// Run with -update to rewrite them, then read the diff before committing.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) < 20 {
		t.Fatalf("want at least 20 test pages, have %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := parse(string(text))
			checkKept(t, string(text), a)
			got, err := json.MarshalIndent(goldenOf(a), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			gf := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(gf, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("record differs from %s:\n got: %s\nwant: %s", gf, got, want)
			}
		})
	}
}

// checkKept asserts Parse's invariant: for every rune that is not white
// space, Body, Captions and Chrome together hold it at least as many times
// as the text does.
func checkKept(t *testing.T, text string, a *model.Article) {
	t.Helper()
	n := map[rune]int{}
	for _, r := range text {
		if !unicode.IsSpace(r) {
			n[r]++
		}
	}
	for _, part := range [][]string{a.Body, a.Captions, a.Chrome} {
		for _, s := range part {
			for _, r := range s {
				n[r]--
			}
		}
	}
	for r, c := range n {
		if c > 0 {
			t.Fatalf("lost %d × %q of %q\nbody %q\ncaptions %q\nchrome %q", c, r, text, a.Body, a.Captions, a.Chrome)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, fn := range files {
		if b, err := os.ReadFile(fn); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("")
	f.Add("\n\n  \n")
	f.Add("Chiều 8/1, Đảng ủy phường\nxã\nTP.\n(")
	f.Add("Ngày 32/13/2024, 24-25/7/ , trong 2 ngày 06 và , Sáng nay (8/2)")
	f.Add("Bí thư Quận ủy Nguyễn Văn Nam thừa ủy quyền, thị xã Tân Châu (An Giang), TP.Cà Mau) - x. L.B")
	f.Fuzz(func(t *testing.T, text string) {
		a := parse(text)
		checkKept(t, text, a)
		if a.TitleDerived && a.Title == "" {
			t.Fatal("derived title is empty")
		}
	})
}

func BenchmarkParse(b *testing.B) {
	// a page of about 5 KB: one test page and the paragraphs of others
	var sb strings.Builder
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		t, _ := os.ReadFile(f)
		if sb.Len() == 0 {
			sb.Write(t)
			continue
		}
		for _, l := range strings.Split(string(t), "\n") {
			if countWords(l) > 20 && sb.Len() < 5000 {
				sb.WriteString("\n" + l + "\n")
			}
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		a := model.Article{}
		Parse(text, &a)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op") // on a shared machine it varies less than ns/op
}

// TestGivenFields: what the caller set before Parse (a JSON Lines record's
// title, publication time and address) is kept, and no problem is said
// about it.
func TestGivenFields(t *testing.T) {
	text := "Đảng ủy xã B tổng kết năm\n\nSáng 8/1, Đảng ủy xã B tổ chức hội nghị tổng kết công tác năm 2023 với nhiều nội dung quan trọng.\n\nHà Vân\n\nXem chi tiết tại đây: https://example.vn/a_1.html"
	plain := parse(text)
	if plain.Title != "Đảng ủy xã B tổng kết năm" || plain.SourceURL != "https://example.vn/a_1.html" || plain.Byline != "Hà Vân" || !plain.Published.IsZero() {
		t.Fatalf("without given fields: title %q, url %q, byline %q, published %v", plain.Title, plain.SourceURL, plain.Byline, plain.Published)
	}
	if !slices.Contains(plain.Problems, "no publication date") {
		t.Fatalf("problems %q", plain.Problems)
	}

	a := &model.Article{Title: "Xã B tổng kết công tác năm 2023", Published: model.DateTime(2025, 1, 9, 10, 0, 0),
		SourceURL: "https://b.gov.vn/1", Byline: "Ban biên tập"}
	Parse(text, a)
	if a.Title != "Xã B tổng kết công tác năm 2023" || a.TitleDerived {
		t.Errorf("title %q (derived %v)", a.Title, a.TitleDerived)
	}
	if a.Published != model.DateTime(2025, 1, 9, 10, 0, 0) || a.SourceURL != "https://b.gov.vn/1" || a.Byline != "Ban biên tập" {
		t.Errorf("published %v, url %q, byline %q", a.Published, a.SourceURL, a.Byline)
	}
	if a.EventDate != model.Date(2025, 1, 8) {
		t.Errorf("event %v: the given publication date dates the day", a.EventDate)
	}
	if len(a.Problems) != 0 {
		t.Errorf("problems %q", a.Problems)
	}
	// the printed headline differs from the given one: it stays, in the body
	if len(a.Body) == 0 || a.Body[0] != "Đảng ủy xã B tổng kết năm" {
		t.Errorf("body %q", a.Body)
	}
	if a.Unit == nil || a.Unit.String() != "xã B" {
		t.Errorf("unit %v", a.Unit)
	}
	checkKept(t, text, a)

	// a given title that the page prints is not repeated in the body, and
	// a page without a headline gets no derived one
	b := &model.Article{Title: "Đảng ủy xã B tổng kết năm"}
	Parse(text, b)
	if b.Title != plain.Title || !slices.Equal(b.Body, plain.Body) || b.TitleDerived {
		t.Errorf("title %q, body %q", b.Title, b.Body)
	}
	lead := "Sáng 8/1, Đảng ủy xã B tổ chức hội nghị tổng kết công tác năm 2023 với nhiều nội dung quan trọng."
	c := &model.Article{Title: "Tổng kết năm"}
	Parse(lead, c)
	if c.Title != "Tổng kết năm" || c.TitleDerived || slices.Contains(c.Problems, "no headline printed: title derived from the lead") {
		t.Errorf("title %q (derived %v), problems %q", c.Title, c.TitleDerived, c.Problems)
	}
	if len(c.Body) != 1 || c.Body[0] != lead {
		t.Errorf("body %q", c.Body)
	}
	// views, the event's day and the unit, when given, are kept too
	d := &model.Article{Views: 7, HasViews: true, EventDate: model.Date(2024, 1, 2), Unit: &model.Unit{Level: model.Ward, Name: "C"}}
	Parse(text+"\nLượt xem: 55", d)
	if d.Views != 7 || d.EventDate != model.Date(2024, 1, 2) || d.Unit.String() != "phường C" {
		t.Errorf("views %d, event %v, unit %v", d.Views, d.EventDate, d.Unit)
	}
	if !slices.ContainsFunc(d.Mentions, func(u model.Unit) bool { return u.String() == "xã B" }) {
		t.Errorf("mentions %v: the page's unit is another one", d.Mentions)
	}
}
