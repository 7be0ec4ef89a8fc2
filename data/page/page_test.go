package page

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
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
	for b.Loop() {
		a := model.Article{}
		Parse(text, &a)
	}
}
