package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
)

// write creates files under dir; a name ending in "/" is a folder.
func write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// lineParser stands in for page.Parse and figures.Extract in the loader's
// tests, so that they test the loader whatever the parsers make of a page:
// the first line is the title, every other line a paragraph.
func lineParser(text string, a *model.Article) {
	for _, l := range rawLines(text) {
		if a.Title == "" {
			a.Title = l
		} else {
			a.Body = append(a.Body, l)
		}
	}
}

// useLineParser makes the loader use lineParser until the test ends.
func useLineParser(t testing.TB) {
	old := parsers
	parsers = lineParser
	t.Cleanup(func() { parsers = old })
}

func load(t testing.TB, paths []string, opts Options) *Result {
	t.Helper()
	res, err := Load(context.Background(), paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func byID(t testing.TB, res *Result, id string) model.Article {
	t.Helper()
	for _, a := range res.Articles {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no article %q among %d", id, len(res.Articles))
	return model.Article{}
}

// recordText is everything of a that holds the input's characters.
func recordText(a model.Article) string {
	return strings.Join(slices.Concat([]string{a.Title}, a.Body, a.Captions, a.Chrome, a.Problems), "\n")
}

func hasProblem(a model.Article, sub string) bool {
	for _, p := range a.Problems {
		if strings.Contains(p, sub) {
			return true
		}
	}
	return false
}

const report = "Đảng bộ phường Tây Sơn tổng kết năm 2023\nThu ngân sách nhà nước 124.857 triệu đồng đạt 398,44% kế hoạch.\n"

func TestLoadBadInputs(t *testing.T) {
	useLineParser(t)
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"bom.txt":          "\xef\xbb\xbf" + report,
		"utf16le.txt":      utf16Bytes(report, false, true),
		"utf16be.txt":      utf16Bytes(report, true, true),
		"invalid.txt":      "Thu ng\xe2n s\xe1ch 11 t\xfb đồng\n",
		"crlf.txt":         strings.ReplaceAll(report, "\n", "\r\n"),
		"cr.txt":           strings.ReplaceAll(report, "\n", "\r"),
		"control.txt":      "Tiêu\a đề\nthân\x08 bài\n",
		"csi.txt":          "\x1b[1;31mTiêu đề\x1b[0m\n\x1b]0;owned\x07thân bài\x1b[2J\n",
		"bidi.txt":         "Tiêu đề \u202eđảo\u202c\nthân \u2066bài\u2069\n",
		"nul.txt":          "Tiêu đề\x00\x01\x02 nhị phân",
		"empty.txt":        "",
		"blank.md":         " \n\t\n",
		"image.png":        "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"notes.csv":        "Tiêu đề, bảng\n1,2\n",
		".hidden/skip.txt": report,
		".dotfile":         report,
	})
	res := load(t, []string{dir}, Options{})
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	for _, id := range []string{"bom", "utf16le", "utf16be", "crlf", "cr"} {
		a := byID(t, res, id)
		if len(a.Problems) != 0 {
			t.Errorf("%s: problems %q", id, a.Problems)
		}
		if a.Title != "Đảng bộ phường Tây Sơn tổng kết năm 2023" || !strings.Contains(recordText(a), "124.857 triệu đồng") {
			t.Errorf("%s: title %q, body %q", id, a.Title, a.Body)
		}
		if strings.ContainsAny(recordText(a), "\r\ufeff") {
			t.Errorf("%s: kept a CR or BOM: %q", id, recordText(a))
		}
	}
	if a := byID(t, res, "invalid"); !hasProblem(a, "3 bytes that are not UTF-8") || !strings.Contains(recordText(a), "Thu ng\uFFFDn s\uFFFDch 11 t\uFFFD đồng") {
		t.Errorf("invalid: %q / %q", a.Problems, recordText(a))
	}
	if a := byID(t, res, "control"); !hasProblem(a, "2 control characters") || a.Title != "Tiêu đề" {
		t.Errorf("control: title %q, problems %q", a.Title, a.Problems)
	}
	if a := byID(t, res, "csi"); !hasProblem(a, "4 terminal escape sequences") || a.Title != "Tiêu đề" || strings.ContainsRune(recordText(a), 0x1b) || !strings.Contains(recordText(a), "thân bài") {
		t.Errorf("csi: title %q, text %q, problems %q", a.Title, recordText(a), a.Problems)
	}
	if a := byID(t, res, "bidi"); !hasProblem(a, "4 bidirectional") || a.Title != "Tiêu đề đảo" {
		t.Errorf("bidi: title %q, problems %q", a.Title, a.Problems)
	}
	if a := byID(t, res, "nul"); !hasProblem(a, "binary file") || len(a.Body) != 0 || a.Title != "" {
		t.Errorf("nul: %+v", a)
	}
	for _, id := range []string{"empty", "blank"} {
		if a := byID(t, res, id); !hasProblem(a, "no text") {
			t.Errorf("%s: problems %q", id, a.Problems)
		}
	}
	if a := byID(t, res, "notes"); a.Title != "Tiêu đề, bảng" {
		t.Errorf("a text file of another extension is read as text: %+v", a)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	if !slices.IsSorted(ids) {
		t.Errorf("not in lexical order: %q", ids)
	}
	if slices.Contains(ids, "image") || slices.Contains(ids, "skip") || slices.Contains(ids, ".dotfile") {
		t.Errorf("loaded what should be skipped: %q", ids)
	}
	if len(res.Skipped) != 3 {
		t.Errorf("skipped %q, want the image and the two hidden entries", res.Skipped)
	}
	// Named as a path, a binary file is a record, not skipped.
	res = load(t, []string{filepath.Join(dir, "image.png")}, Options{})
	if len(res.Articles) != 1 || !hasProblem(res.Articles[0], "binary file") {
		t.Errorf("named image: %+v", res)
	}
}

func TestLoadUnreadable(t *testing.T) {
	useLineParser(t)
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": report, "c.txt": report, "sub/": ""})
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "b.txt")); err != nil {
		t.Fatal(err)
	}
	res := load(t, []string{
		filepath.Join(dir, "missing.txt"),
		dir,
		filepath.Join(dir, "a.txt", "x.txt"), // a file where a folder is expected
	}, Options{})
	if len(res.Errors) != 3 {
		t.Fatalf("errors %v, want three", res.Errors)
	}
	for i, want := range []string{"missing.txt", "b.txt", "x.txt"} {
		if !strings.Contains(res.Errors[i].Error(), want) {
			t.Errorf("error %d = %v, want it to name %s", i, res.Errors[i], want)
		}
	}
	if len(res.Articles) != 2 || res.Articles[0].ID != "a" || res.Articles[1].ID != "c" {
		t.Errorf("articles %+v", res.Articles)
	}

	// A file that turns into a folder between the walk and the read.
	j := fileJob(filepath.Join(dir, "sub"), "sub", false)
	if _, _, err := process(&j); err == nil {
		t.Error("reading a folder as a file gave no error")
	}
}

func TestLoadJSONL(t *testing.T) {
	useLineParser(t)
	dir := t.TempDir()
	write(t, dir, map[string]string{"feed.jsonl": strings.Join([]string{
		`{"id": "a1", "text": "Tiêu đề đoán\nThân bài."}`,
		`{"title": "Tiêu đề thật", "published": "2024-01-08T10:15:00", "url": "https://example.org/a", "body": ["Đoạn một.", "Đoạn hai."]}`,
		``,
		`{"id": 42, "text": "Một dòng\u001b[31m đỏ"}`,
		`{"text": "bad json" `,
		`{"title": 5, "text": "Tiêu đề\nthân", "published": "8/1/2024"}`,
		`[1, 2]`,
		`{"title": "Chỉ có tiêu đề"}`,
	}, "\r\n")})
	res := load(t, []string{dir}, Options{})
	want := []string{"a1", "feed:2", "42", "feed:5", "feed:6", "feed:7", "feed:8"}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("ids %q, want %q", ids, want)
	}
	as := res.Articles
	if as[0].Title != "Tiêu đề đoán" || as[0].Path != "feed.jsonl:1" {
		t.Errorf("line 1: %+v", as[0])
	}
	if a := as[1]; a.Title != "Tiêu đề thật" || a.TitleDerived || a.Published.String() != "2024-01-08T10:15:00" ||
		a.SourceURL != "https://example.org/a" || !strings.Contains(recordText(a), "Đoạn hai.") || len(a.Problems) != 0 {
		t.Errorf("line 2: %+v", a)
	}
	if a := as[2]; !hasProblem(a, "terminal escape") || strings.ContainsRune(recordText(a), 0x1b) {
		t.Errorf("line 4: %+v", a)
	}
	if a := as[3]; !hasProblem(a, "line 5 is not a JSON object") || !strings.Contains(recordText(a), `"bad json"`) {
		t.Errorf("line 5: %+v", a)
	}
	if a := as[4]; !hasProblem(a, `"title" is not a string`) || !hasProblem(a, `published "8/1/2024"`) || a.Title != "Tiêu đề" {
		t.Errorf("line 6: %+v", a)
	}
	if a := as[5]; !hasProblem(a, "line 7 is not a JSON object") {
		t.Errorf("line 7: %+v", a)
	}
	if a := as[6]; a.Title != "Chỉ có tiêu đề" || !hasProblem(a, `no "text" or "body"`) {
		t.Errorf("line 8: %+v", a)
	}
}

func TestLoadOrderAndProgress(t *testing.T) {
	useLineParser(t)
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"b/2.txt": "hai\n", "b/10.txt": "mười\n", "a.txt": "một\n", "c/d/e.md": "năm\n", "z.txt": "cuối\n",
	})
	var calls [][3]int64
	res := load(t, []string{filepath.Join(dir, "z.txt"), dir}, Options{
		Workers:  3,
		Progress: func(done, total int, bytes int64) { calls = append(calls, [3]int64{int64(done), int64(total), bytes}) },
	})
	var got []string
	for _, a := range res.Articles {
		got = append(got, a.Path)
	}
	want := []string{filepath.Join(dir, "z.txt"), "a.txt", "b/10.txt", "b/2.txt", "c/d/e.md", "z.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("paths %q, want %q", got, want)
	}
	if len(calls) != 6 || calls[5] != [3]int64{6, 6, res.Bytes} || res.Files != 6 {
		t.Errorf("progress calls %v, result %d files %d bytes", calls, res.Files, res.Bytes)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] != calls[i-1][0]+1 || calls[i][1] < calls[i-1][1] || calls[i][2] < calls[i-1][2] {
			t.Errorf("progress not monotonic: %v", calls)
		}
		if calls[i][1] < calls[i][0] {
			t.Errorf("progress: more files done than found: %v", calls)
		}
	}
}

func TestLoadStdin(t *testing.T) {
	useLineParser(t)
	res := load(t, []string{"-"}, Options{Stdin: strings.NewReader("\xef\xbb\xbf" + report)})
	if len(res.Articles) != 1 || res.Articles[0].ID != "stdin" || res.Articles[0].Path != "-" ||
		res.Articles[0].Title != "Đảng bộ phường Tây Sơn tổng kết năm 2023" {
		t.Errorf("%+v", res.Articles)
	}
}

func TestLoadParserPanic(t *testing.T) {
	useLineParser(t)
	parsers = func(text string, a *model.Article) {
		lineParser(text, a)
		a.Problems = append(a.Problems, "half way")
		if strings.Contains(text, "boom") {
			var m map[string]int
			m["x"]++ // panics
		}
	}
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": report, "b.txt": "\x1b[1mTiêu đề\nboom \n\nmore", "c.txt": report})
	res := load(t, []string{dir}, Options{})
	if len(res.Articles) != 3 {
		t.Fatalf("%d articles", len(res.Articles))
	}
	b := res.Articles[1]
	if !slices.Equal(b.Body, []string{"Tiêu đề", "boom", "more"}) || b.Title != "" || !hasProblem(b, "the parser failed") ||
		!hasProblem(b, "terminal escape sequence") || hasProblem(b, "half way") {
		t.Errorf("panicked article: %+v", b)
	}
	if a := res.Articles[2]; a.Title == "" || hasProblem(a, "parser failed") {
		t.Errorf("the next article suffered: %+v", a)
	}
}

func TestLoadCancel(t *testing.T) {
	useLineParser(t)
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("%03d.txt", i)] = report
	}
	write(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Stream(ctx, []string{dir}, Options{}, func(as []model.Article) int { return len(as) }, func(int) error {
		if n++; n == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n > 10+1 {
		t.Errorf("err %v after %d files", err, n)
	}
	stop := errors.New("stop")
	_, err = Stream(context.Background(), []string{dir}, Options{}, func(as []model.Article) int { return 0 }, func(int) error { return stop })
	if err != stop {
		t.Errorf("emit's error: got %v", err)
	}
}

func TestLoadManySmallFiles(t *testing.T) {
	useLineParser(t)
	if testing.Short() {
		t.Skip("writes 10,000 files")
	}
	dir := t.TempDir()
	for i := range 10000 {
		p := filepath.Join(dir, fmt.Sprintf("d%02d", i%100), fmt.Sprintf("%05d.txt", i))
		if i < 100 {
			os.Mkdir(filepath.Dir(p), 0o755)
		}
		if err := os.WriteFile(p, fmt.Appendf(nil, "Bài %d\nThân bài số %d.\n", i, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := load(t, []string{dir}, Options{})
	if len(res.Articles) != 10000 || len(res.Errors) != 0 {
		t.Fatalf("%d articles, errors %v", len(res.Articles), res.Errors)
	}
	for k, a := range res.Articles {
		n := k/100 + 100*(k%100) // folder dNN holds files NN, NN+100, ...
		if a.ID != fmt.Sprintf("%05d", n) || a.Title != fmt.Sprintf("Bài %d", n) {
			t.Fatalf("article %d: id %q title %q, want file %d", k, a.ID, a.Title, n)
		}
	}
}

func TestLoadBigFile(t *testing.T) {
	useLineParser(t)
	if testing.Short() {
		t.Skip("writes 50 MB")
	}
	para := "Thu ngân sách nhà nước ước đạt 21,72 tỷ đồng, bằng 106,4% kế hoạch; kết nạp 45 đảng viên.\n"
	var b strings.Builder
	b.WriteString("Báo cáo rất dài\n")
	for b.Len() < 50<<20 {
		b.WriteString(para)
	}
	b.WriteString("\x1b[0m hết\n")
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res := load(t, []string{p}, Options{})
	a := res.Articles[0]
	if a.Title != "Báo cáo rất dài" || len(a.Body) < 400000 || !hasProblem(a, "1 terminal escape sequence") || res.Bytes != int64(b.Len()) {
		t.Errorf("title %q, %d paragraphs, problems %q, %d bytes", a.Title, len(a.Body), a.Problems, res.Bytes)
	}
}

func TestFromTextsAndSample(t *testing.T) {
	useLineParser(t)
	arts, err := FromTexts(context.Background(), []Text{
		{ID: "x", Path: "x", Text: "Một\nhai"}, {ID: "b", Path: "b", Text: "\x00\x01\x02"},
		{ID: "y", Path: "y", Text: "Ba\r\nbốn\u202e"},
	}, Options{})
	if err != nil || len(arts) != 3 || arts[0].Title != "Một" || arts[1].ID != "b" || !hasProblem(arts[1], "binary") ||
		arts[2].ID != "y" || !hasProblem(arts[2], "bidirectional") {
		t.Errorf("%v %+v", err, arts)
	}
	s := Sample()
	if len(s) != 5 {
		t.Fatalf("sample has %d articles", len(s))
	}
	for _, a := range s {
		if len(a.Body) == 0 || len(a.Problems) != 0 || a.Path != a.ID+".txt" {
			t.Errorf("sample article %s: %d paragraphs, problems %q", a.ID, len(a.Body), a.Problems)
		}
	}
}

func TestGuardRepairsParserOutput(t *testing.T) {
	useLineParser(t)
	parsers = func(text string, a *model.Article) {
		lineParser(text, a)
		a.Title = "\x00\xbf\xbd0"
		a.Unit = &model.Unit{Level: model.Ward, Name: "X\x1b[2J"}
		a.Metrics = []model.Metric{{Evidence: "ok"}}
	}
	res := load(t, []string{"-"}, Options{Stdin: strings.NewReader("Tiêu đề\nthân")})
	a := res.Articles[0]
	if a.Title != "\uFFFD0" || a.Unit.Name != "X" || a.Metrics[0].Evidence != "ok" ||
		!hasProblem(a, "not safe on a terminal in title, unit; repaired") {
		t.Errorf("%+v", a)
	}
}

func TestOptionsParse(t *testing.T) {
	calls := 0
	res := load(t, []string{"-"}, Options{Stdin: strings.NewReader("a\nb"), Parse: func(text string, a *model.Article) {
		calls++
		a.Body = []string{text}
	}})
	if calls != 1 || res.Articles[0].Body[0] != "a\nb" {
		t.Errorf("%d calls, %+v", calls, res.Articles)
	}
}

func TestSliceOf(t *testing.T) {
	text := strings.Clone("Đảng bộ có 312 đảng viên")
	i := strings.Index(text, "bộ")
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{text, true},
		{text[i : i+len("bộ")], true},
		{text[:1], false},            // half of Đ
		{text[i : i+2], false},       // "b" and half of ộ
		{text[i+1 : i+4], true},      // "ộ"
		{strings.Clone("bộ"), false}, // equal, but not a slice: checked by reading
		{"", true},
	} {
		if got := sliceOf(tc.s, text); got != tc.want {
			t.Errorf("sliceOf(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestLoadJSONLGivenFields runs the real parsers: a record's own title and
// publication date are kept, raise no "missing" problems, and date the
// event ("Chiều 8/1" published on 9 January 2024 is 8 January 2024).
func TestLoadJSONLGivenFields(t *testing.T) {
	dir := t.TempDir()
	rec := `{"id":"r1","title":"Xã Tân Lập tổng kết năm 2023","published":"2024-01-09T08:00:00","url":"https://example.org/r1",` +
		`"text":"Chiều 8/1, Đảng ủy xã Tân Lập tổ chức hội nghị tổng kết công tác năm 2023.\nNăm 2023, xã kết nạp 12 đảng viên mới."}` + "\n"
	write(t, dir, map[string]string{"a.jsonl": rec})
	res := load(t, []string{dir}, Options{})
	a := byID(t, res, "r1")
	if a.Title != "Xã Tân Lập tổng kết năm 2023" || a.TitleDerived {
		t.Errorf("title %q (derived %v)", a.Title, a.TitleDerived)
	}
	if got := a.Published.String(); got != "2024-01-09T08:00:00" {
		t.Errorf("published %q", got)
	}
	if got := a.EventDate.String(); got != "2024-01-08" {
		t.Errorf("event date %q, want 2024-01-08 (the year from the given publication date)", got)
	}
	if a.SourceURL != "https://example.org/r1" {
		t.Errorf("source url %q", a.SourceURL)
	}
	for _, p := range a.Problems {
		if strings.Contains(p, "headline") || strings.Contains(p, "publication") {
			t.Errorf("a problem about a field the record gives: %q", p)
		}
	}
}
