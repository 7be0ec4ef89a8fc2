package detail

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// press makes a key press from its name as key.Matches sees it.
func press(s string) tea.KeyPressMsg {
	named := map[string]rune{"up": tea.KeyUp, "down": tea.KeyDown, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"esc": tea.KeyEscape, "enter": tea.KeyEnter, "home": tea.KeyHome, "end": tea.KeyEnd, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace}
	if strings.HasPrefix(s, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(s[5]), Mod: tea.ModCtrl}
	}
	if c, ok := named[s]; ok {
		if c == tea.KeySpace {
			return tea.KeyPressMsg{Code: c, Text: " "}
		}
		return tea.KeyPressMsg{Code: c}
	}
	r := []rune(s)[0]
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + 'a' - 'A', ShiftedCode: r, Mod: tea.ModShift, Text: s}
	}
	return tea.KeyPressMsg{Code: r, Text: s}
}

// newPane makes a pane of size w×h showing article id, rendered.
func newPane(t testing.TB, c *model.Corpus, id int32, w, h int) *Model {
	t.Helper()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(w, h)
	send(t, m, m.SetArticle(id))
	if m.cur == nil || m.cur.key.id != id {
		t.Fatalf("article %d not shown", id)
	}
	return m
}

// send runs a command and feeds its message (and what follows) back.
func send(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	for i := 0; cmd != nil && i < 10; i++ {
		msg := cmd()
		if msg == nil {
			return
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				send(t, m, c)
			}
			return
		}
		_, cmd = m.Update(msg)
	}
}

func keys(t testing.TB, m *Model, names ...string) {
	t.Helper()
	for _, n := range names {
		_, cmd := m.Update(press(n))
		// run what the key asks (renders), but not the cursor blink
		if cmd != nil {
			if msg := cmd(); msg != nil {
				if _, ok := msg.(RenderedMsg); ok {
					m.Update(msg)
				}
			}
		}
	}
}

func plainView(m *Model) string { return ansi.Strip(m.View()) }

func longCorpus() *model.Corpus {
	return model.New(append(testArticles(), bigArticle(6<<10)))
}

func TestScrollKeys(t *testing.T) {
	m := newPane(t, longCorpus(), 3, 80, 20)
	if m.vp.TotalLineCount() < 60 {
		t.Fatalf("long article has %d lines", m.vp.TotalLineCount())
	}
	steps := []struct {
		key  string
		want func(y int) bool
	}{
		{"j", func(y int) bool { return y == 1 }},
		{"down", func(y int) bool { return y == 2 }},
		{"k", func(y int) bool { return y == 1 }},
		{"up", func(y int) bool { return y == 0 }},
		{"pgdown", func(y int) bool { return y == 20 }},
		{"pgup", func(y int) bool { return y == 0 }},
		{"space", func(y int) bool { return y == 20 }},
		{"b", func(y int) bool { return y == 0 }},
		{"ctrl+d", func(y int) bool { return y == 10 }},
		{"ctrl+u", func(y int) bool { return y == 0 }},
		{"G", func(y int) bool { return y == m.vp.TotalLineCount()-20 }},
		{"g", func(y int) bool { return y == 0 }},
		{"end", func(y int) bool { return y > 0 }},
		{"home", func(y int) bool { return y == 0 }},
	}
	for _, s := range steps {
		keys(t, m, s.key)
		if y := m.vp.YOffset(); !s.want(y) {
			t.Errorf("after %q offset %d", s.key, y)
		}
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.vp.YOffset() != 3 {
		t.Errorf("wheel down: offset %d", m.vp.YOffset())
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.vp.YOffset() != 0 {
		t.Errorf("wheel up: offset %d", m.vp.YOffset())
	}
}

func TestSearchKeys(t *testing.T) {
	m := newPane(t, longCorpus(), 3, 80, 20)
	keys(t, m, "/")
	if !m.Typing() {
		t.Fatal("/ did not open the search")
	}
	// Typed without accents, found with them: "dang vien" → "đảng viên".
	for _, r := range "dang vien" {
		keys(t, m, string(r))
	}
	if m.query != "dang vien" || len(m.hits) < 4 {
		t.Fatalf("query %q: %d hits", m.query, len(m.hits))
	}
	for _, h := range m.hits {
		if got := hitText(m.cur.plain, h); model.Fold(got) != "dang vien" {
			t.Errorf("hit %+v covers %q", h, got)
		}
	}
	if !strings.Contains(plainView(m), "/ dang vien") || !strings.Contains(plainView(m), "1/") {
		t.Errorf("search bar missing:\n%s", plainView(m))
	}
	keys(t, m, "enter")
	if m.Typing() || m.query != "dang vien" {
		t.Fatalf("enter: typing %v query %q", m.Typing(), m.query)
	}
	// n walks the hits and keeps the current one on screen; N goes back.
	first := m.hit
	for i := 1; i < len(m.hits); i++ {
		keys(t, m, "n")
		if m.hit != (first+i)%len(m.hits) {
			t.Fatalf("n %d: hit %d", i, m.hit)
		}
		l := m.hits[m.hit].line
		if l < m.vp.YOffset() || l >= m.vp.YOffset()+m.vp.Height() {
			t.Fatalf("hit line %d off screen at offset %d", l, m.vp.YOffset())
		}
	}
	if m.vp.YOffset() == 0 {
		t.Error("n never scrolled")
	}
	keys(t, m, "n")
	if m.hit != first {
		t.Errorf("n does not wrap: %d", m.hit)
	}
	keys(t, m, "N")
	if m.hit != (first-1+len(m.hits))%len(m.hits) {
		t.Errorf("N: %d", m.hit)
	}
	keys(t, m, "esc")
	if m.query != "" || len(m.hits) != 0 || strings.Contains(plainView(m), "/ dang") {
		t.Errorf("esc left query %q, %d hits", m.query, len(m.hits))
	}
	// esc while typing clears too; a query matching nothing says so.
	keys(t, m, "/", "z", "q", "x")
	if !strings.Contains(plainView(m), "không thấy") {
		t.Errorf("no-match note missing:\n%s", plainView(m))
	}
	keys(t, m, "backspace", "backspace", "backspace", "esc")
	if m.Typing() || m.query != "" {
		t.Errorf("esc while typing: typing %v query %q", m.Typing(), m.query)
	}
}

// cells returns the text of cells [a, b) of a plain line.
func cells(s string, a, b int) string { return ansi.Cut(s, a, b) }

// hitText is the text a hit covers, its lines joined by a space.
func hitText(plain []string, h hit) string {
	var parts []string
	for _, sg := range h.segs {
		parts = append(parts, cells(plain[sg.line], sg.start, sg.end))
	}
	return strings.Join(parts, " ")
}

func TestSearchMatchesByRune(t *testing.T) {
	plain := []string{"  Đảng bộ phường Hoàng Văn Thụ", "  HOANG van thu; đường Hoàng Hoa Thám"}
	hits := findHits(plain, "hoàng")
	var got []string
	for _, h := range hits {
		got = append(got, hitText(plain, h))
	}
	if strings.Join(got, ",") != "Hoàng,HOANG,Hoàng" {
		t.Errorf("hits %q", got)
	}
	if findHits(plain, "") != nil || findHits(plain, "xyz") != nil || findHits(plain, "   ") != nil {
		t.Error("empty or absent query matched")
	}
	// decomposed text (NFD) matches whole runes with their marks
	nfd := []string{"Thu\u0323 ngân sa\u0301ch"}
	h := findHits(nfd, "thu")
	if len(h) != 1 || hitText(nfd, h[0]) != "Thu\u0323" {
		t.Errorf("NFD hit %+v", h)
	}
	// A match continues where the text wrapped, but not across a blank
	// line (a new paragraph).
	wrapped := []string{"  Đảng bộ phường Hoàng Văn", "  Thụ tổ chức hội nghị", "", "  phường Hoàng", "  Văn Thụ"}
	h = findHits(wrapped, "hoang  van thu")
	if len(h) != 2 || len(h[0].segs) != 2 || hitText(wrapped, h[0]) != "Hoàng Văn Thụ" || h[0].line != 0 ||
		h[0].segs[1] != (seg{1, 2, 5}) || hitText(wrapped, h[1]) != "Hoàng Văn Thụ" {
		t.Errorf("wrapped hits %+v", h)
	}
	if h := findHits(wrapped, "nghi phuong"); len(h) != 0 {
		t.Errorf("matched across paragraphs: %+v", h)
	}
}

func TestArticleMessages(t *testing.T) {
	c := testCorpus()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(80, 24)
	if !strings.Contains(plainView(m), "Chọn một báo cáo") {
		t.Errorf("empty pane:\n%s", plainView(m))
	}
	_, cmd := m.Update(common.ArticleSelectedMsg{ID: 1, Has: true})
	if cmd == nil {
		t.Fatal("no render command for an article not in the cache")
	}
	// Before the rendering arrives: a placeholder with the title.
	if v := plainView(m); !strings.Contains(v, "Phường Tây Sơn tổng kết năm 2023") || !strings.Contains(v, "Đang trình bày") {
		t.Errorf("placeholder:\n%s", v)
	}
	stale := cmd()
	// The reader moves on before the rendering of 1 arrives: one rendering
	// at a time, so 0 waits for 1 to come back, and 1 is not shown.
	_, cmd2 := m.Update(common.ArticleSelectedMsg{ID: 0, Has: true})
	if cmd2 != nil {
		t.Error("a second rendering started while one is in flight")
	}
	_, cmd2 = m.Update(stale)
	if m.cur != nil && m.cur.key.id == 1 {
		t.Error("a stale rendering was shown")
	}
	if cmd2 == nil {
		t.Fatal("the wanted article was not rendered when the stale one came back")
	}
	send(t, m, cmd2)
	if m.cur == nil || m.cur.key.id != 0 || !strings.Contains(plainView(m), "Hoàng Văn Thụ") {
		t.Fatalf("article 0 not shown:\n%s", plainView(m))
	}
	// The stale rendering was kept: going back to 1 needs no command.
	if _, cmd := m.Update(common.ArticleSelectedMsg{ID: 1, Has: true}); cmd != nil {
		t.Error("article 1 not cached")
	}
	// A rendering for another pane is ignored.
	other := New(m.ctx)
	other.SetSize(80, 24)
	msg := other.SetArticle(2)()
	m.Update(msg)
	if m.cur.key.id != 1 {
		t.Error("took another pane's rendering")
	}
	// A theme change drops the cache and renders again in the new style.
	m.ctx.SetTheme(false)
	_, cmd = m.Update(common.ThemeMsg{Dark: false})
	if cmd == nil {
		t.Fatal("theme change did not re-render")
	}
	send(t, m, cmd)
	if m.cur.key.style != "light" {
		t.Errorf("style %q after theme change", m.cur.key.style)
	}
	m.Update(common.ArticleSelectedMsg{Has: false})
	if _, ok := m.Article(); ok || !strings.Contains(plainView(m), "Chọn một báo cáo") {
		t.Error("empty selection still shows an article")
	}
}

func TestLongReportFirstScreenThenWhole(t *testing.T) {
	c := longCorpus()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(80, 20)
	_, cmd := m.Update(common.ArticleSelectedMsg{ID: 3, Has: true})
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("a long report is not rendered in two steps: %T", cmd())
	}
	first, whole := batch[0](), batch[1]()
	m.Update(first)
	if m.cur == nil || !m.cur.partial || !strings.Contains(plainView(m), "Tiêu biểu") {
		t.Fatalf("first screen not shown:\n%s", plainView(m))
	}
	keys(t, m, "G")
	if !strings.Contains(plainView(m), "Đang trình bày phần còn lại") {
		t.Errorf("the first screen does not say more is coming:\n%s", plainView(m))
	}
	m.Update(whole)
	if m.cur.partial || len(m.cur.lines) <= len(first.(RenderedMsg).r.lines) {
		t.Fatal("the whole did not replace the first screen")
	}
	if m.vp.YOffset() == 0 {
		t.Error("the scroll position was lost")
	}
	// A first screen arriving after the whole is ignored, and only the
	// whole is cached.
	m.Update(first)
	if m.cur.partial {
		t.Error("a late first screen replaced the whole")
	}
	if r, ok := m.cache.get(m.want()); !ok || r.partial {
		t.Error("cache holds a first screen")
	}
	// Short reports render in one step.
	_, cmd = m.Update(common.ArticleSelectedMsg{ID: 1, Has: true})
	if _, ok := cmd().(RenderedMsg); !ok {
		t.Error("a short report is rendered in two steps")
	}
}

func TestResizeKeepsPlaceAndWidth(t *testing.T) {
	m := newPane(t, longCorpus(), 3, 80, 20)
	keys(t, m, "pgdown")
	m.SetSize(120, 30)
	if m.cur.key.width != 120 {
		t.Fatalf("width %d after resize", m.cur.key.width)
	}
	if m.vp.YOffset() != 20 {
		t.Errorf("offset %d after resize", m.vp.YOffset())
	}
	for i, l := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(l); w != 120 {
			t.Fatalf("line %d is %d wide", i, w)
		}
	}
	if n := len(strings.Split(m.View(), "\n")); n != 30 {
		t.Errorf("%d lines, want 30", n)
	}
}

func TestFiguresMarkedAndTabled(t *testing.T) {
	m := newPane(t, testCorpus(), 0, 160, 80)
	lines := m.cur.lines
	all := strings.Join(lines, "\n")
	// Each positioned figure is wrapped in the figure SGR where it stands.
	for _, f := range []string{"21, 72 tỷ đồng", "14 chi bộ", "556 đảng viên", "12 đảng viên", "11/11 chỉ tiêu", "23 tỷ đồng"} {
		if !strings.Contains(all, figOn+f+figOff) {
			t.Errorf("figure %q not marked", f)
		}
	}
	// The figure without a position has its evidence marked instead.
	if !strings.Contains(all, evOn+"Tỷ lệ hộ nghèo giảm từ 0,12% xuống còn 0,07%.") {
		t.Error("evidence of an unpositioned figure not marked")
	}
	plain := strings.Join(m.cur.plain, "\n")
	for _, want := range []string{
		"ước 21,72 tỷ đồng", "106,4%", "11/11", "Mục tiêu", "23 tỷ đồng", "2024", "Kết quả",
		"Câu nguồn", "Năm 2024, phường phấn đấu thu ngân sách đạt 23 tỷ đồng",
		"HĐND Hội đồng nhân dân", "UBND Ủy ban nhân dân",
		"phường Hoàng Văn Thụ, thành phố Thái Nguyên", "Ngày diễn ra: 08/12/2023", "Đăng ngày: 08/12/2023 15:07",
		"Lượt xem: 678", "Hoàng Bình", "Nguồn: https://thainguyencity.gov.vn/tin-tuc/hvt-2023",
		"│ Đồng chí Bí thư Đảng uỷ phường phát biểu tại hội nghị.",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("rendering lacks %q", want)
		}
	}
	// English labels and number format.
	ctx := common.NewContext(testCorpus(), common.EN, false)
	e := New(ctx)
	e.SetSize(160, 80)
	send(t, e, e.SetArticle(0))
	plain = strings.Join(e.cur.plain, "\n")
	for _, want := range []string{"est. 21.72 bn VND", "106.4%", "Target", "Source sentence", "Published: 2023-12-08 15:07"} {
		if !strings.Contains(plain, want) {
			t.Errorf("English rendering lacks %q", want)
		}
	}
	// Narrow: the evidence goes below the table, numbered like its rows.
	n := newPane(t, testCorpus(), 0, 80, 24)
	plain = strings.Join(n.cur.plain, "\n")
	if strings.Contains(plain, "Câu nguồn") || !strings.Contains(plain, "7. Năm 2024, phường phấn đấu") {
		t.Errorf("narrow figures:\n%s", plain)
	}
}

func TestSpansFallBack(t *testing.T) {
	a := testArticles()[0]
	// Offsets out of range, inside a rune, or absent: never used as such.
	bad := a.Metrics[0]
	bad.Para, bad.Start, bad.End = 1, 0, 10_000
	split := a.Metrics[3]
	split.Para, split.Start, split.End = 0, 1, 4 // "Chiều": byte 4 is inside "ề"
	none := a.Metrics[4]
	none.Para = -1
	a.Metrics = []model.Metric{bad, split, none}
	spans := paraSpans(&a)
	for p, ss := range spans {
		for _, s := range ss {
			if s.fig {
				t.Errorf("para %d: invalid offsets used %+v", p, s)
			}
		}
	}
	if len(spans[1]) != 1 || a.Body[1][spans[1][0].start:spans[1][0].end] != bad.Evidence {
		t.Errorf("evidence fallback %+v", spans[1])
	}
	// Para -1: the evidence is found ("trong năm kết nạp mới 12 đảng viên").
	var found bool
	for _, s := range spans[2] {
		found = found || a.Body[2][s.start:s.end] == none.Evidence
	}
	if !found {
		t.Errorf("evidence of a figure without position not found: %+v", spans[2])
	}
}

// The article that tries everything: terminal escapes, bidi overrides,
// Markdown and HTML. It must show as the literal text it is, and the
// screen must receive no escape sequence but our SGR.
func TestHostileArticleIsLiteral(t *testing.T) {
	body := []string{
		"# Không phải tiêu đề",
		"**không đậm** và _không nghiêng_ và ~~không gạch~~",
		"[bấm vào](http://evil.example) ![ảnh](http://evil.example/x.png) <http://evil.example>",
		"<b>không in đậm</b> <script>alert(1)</script> &amp; &lt;b&gt;",
		"`không phải code` và ```ba dấu```",
		"| a | b |",
		"|---|---|",
		"1. không phải danh sách",
		"- cũng không",
		"> không phải trích dẫn",
		"www.evil.example và http://evil.example/path và thu@evil.example",
		"link \x1b]8;;http://evil\x07bấm\x1b]8;;\x07 xoá \x1b[2J đỏ \x1b[31mđỏ\x1b[0m \x1bP+q\x1b\\ \x9b31m",
		"đảo \u202Echiều\u202C ngược \u2066isolate\u2069",
		"    bốn dấu cách đầu dòng",
		"\\*backslash\\* và : định nghĩa",
		": định nghĩa",
		"***",
	}
	a := model.Article{ID: "x", Title: "**Tiêu đề** <i>x</i> \x1b[5m[link](http://e)",
		Byline: "\x1b]0;title\x07Tác giả", SourceURL: "javascript:alert(1)\x1b[2J",
		Captions: []string{"![ảnh](x) \x1b[31mchú thích"}, Body: body,
		Unit: &model.Unit{Level: model.Ward, Name: "Hoàng <b>Văn</b> Thụ"},
		Metrics: []model.Metric{{Key: model.BudgetRevenue, Kind: model.Actual, Value: 1e9, Measure: model.VND, Para: -1,
			Evidence: "| ô | bảng | \x1b[31m**x**"}},
	}
	for i := range a.Metrics {
		a.Metrics[i].Of, a.Metrics[i].PlanPct = nan(), nan()
	}
	c := model.New([]model.Article{a})
	for _, w := range []int{60, 200} {
		for _, style := range []string{"dark", "light", "notty"} {
			r, err := render(c, renderKey{0, w, style, common.VI}, false)
			if err != nil {
				t.Fatal(err)
			}
			out := strings.Join(r.lines, "\n")
			assertOnlySGR(t, out)
			plain := strings.Join(r.plain, "\n")
			oneLine := strings.Join(strings.Fields(plain), " ")
			for _, want := range []string{
				"# Không phải tiêu đề", "**không đậm** và _không nghiêng_ và ~~không gạch~~",
				"[bấm vào](http://evil.example)", "![ảnh](http://evil.example/x.png)", "<http://evil.example>",
				"<b>không in đậm</b> <script>alert(1)</script> &amp; &lt;b&gt;",
				"`không phải code` và ```ba dấu```", "| a | b |", "|---|---|",
				"1. không phải danh sách", "- cũng không", "> không phải trích dẫn",
				"www.evil.example và http://evil.example/path và thu@evil.example",
				"␛]8;;http://evil␇bấm␛]8;;␇ xoá ␛[2J đỏ ␛[31mđỏ␛[0m ␛P+q␛\\",
				"đảo chiều ngược isolate", "bốn dấu cách đầu dòng", "\\*backslash\\* và : định nghĩa",
				": định nghĩa", "***", "**Tiêu đề** <i>x</i> ␛[5m[link](http://e)",
				"␛]0;title␇Tác giả", "javascript:alert(1)␛[2J", "![ảnh](x) ␛[31mchú thích",
				"Hoàng <b>Văn</b> Thụ", "| ô | bảng | ␛[31m**x**",
			} {
				if !strings.Contains(oneLine, want) {
					t.Errorf("%s/%d: %q not shown literally", style, w, want)
				}
			}
			if strings.ContainsAny(plain, "\u202E\u202C\u2066\u2069\u2060\uFEFF\u2063") {
				t.Errorf("%s/%d: invisible control characters reached the screen", style, w)
			}
		}
	}
}

func nan() float64 { var z float64; return z / z }

var sgrRe = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// assertOnlySGR fails when s holds any escape sequence but SGR, or any
// control character but newline.
func assertOnlySGR(t *testing.T, s string) {
	t.Helper()
	rest := sgrRe.ReplaceAllString(s, "")
	for i, r := range rest {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
			t.Fatalf("control %U at %d: %q", r, i, rest[max(0, i-20):min(len(rest), i+20)])
		}
	}
}

func TestKeepSGR(t *testing.T) {
	in := "a\x1b[1;31mb\x1b[0m\x1b]8;;http://x\x07c\x1b]8;;\x1b\\d\x1b[2Je\x1b[?25lf\x1bPq#0\x1b\\g\x1b_apc\x1b\\h\x1b7i\x07\r\u009b2Jj\u009d0;t\u009ck\x1b"
	want := "a\x1b[1;31mb\x1b[0mcdefghijk"
	if got := keepSGR(in); got != want {
		t.Errorf("keepSGR:\n got %q\nwant %q", got, want)
	}
	if s := "plain\nline"; keepSGR(s) != s {
		t.Error("clean text changed")
	}
}

func TestCleanAndEscape(t *testing.T) {
	if got := cleanText("a\tb\x00c\x1bd\u202Ee\u00adf\u2060g"); got != "a b␀c␛defg" {
		t.Errorf("cleanText %q", got)
	}
	if got := md("  **a**  & b: c@d ~x~ \\ "); got != "\\*\\*a\\*\\* &\u2063 b\u2063:\u2063 c@\u2063d \\~x\\~ \\\\" {
		t.Errorf("md %q", got)
	}
}

// Golden screens: the pane in a real Bubble Tea program (teatest), at
// 80×24 and 160×48, on a dark background, then searched.
type host struct{ m *Model }

func (h host) Init() tea.Cmd { return h.m.SetArticle(0) }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.m.SetSize(msg.Width, msg.Height)
		return h, nil
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return h, tea.Quit
		}
	}
	_, cmd := h.m.Update(msg)
	return h, cmd
}

func (h host) View() tea.View { return tea.NewView(h.m.View()) }

func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		t.Run(strings.Join([]string{strconv.Itoa(sz[0]), strconv.Itoa(sz[1])}, "x"), func(t *testing.T) {
			m := New(common.NewContext(testCorpus(), common.VI, false))
			tm := teatest.NewTestModel(t, host{m}, teatest.WithInitialTermSize(sz[0], sz[1]))
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Tiêu biểu")) },
				teatest.WithDuration(5*time.Second))
			tm.Type("/")
			tm.Type("dang vien")
			tm.Send(press("enter"))
			tm.Send(press("n"))
			tm.Send(press("ctrl+c"))
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
			v := final.m.View()
			if final.m.hit != 1 || !strings.Contains(ansi.Strip(v), "/ dang vien") || !strings.Contains(ansi.Strip(v), "2/"+strconv.Itoa(len(final.m.hits))) {
				t.Errorf("search state not reached:\n%s", ansi.Strip(v))
			}
			golden.RequireEqual(t, v)
		})
	}
}

// Sessions render concurrently (one program per SSH session): the pooled
// Glamour renderers must give each the same output as a lone render.
func TestConcurrentRenders(t *testing.T) {
	c := longCorpus()
	keys := []renderKey{{0, 80, "dark", common.VI}, {3, 80, "dark", common.VI}, {3, 120, "light", common.EN}, {1, 60, "notty", common.VI}}
	want := make([]string, len(keys))
	for i, k := range keys {
		r, err := render(c, k, false)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = strings.Join(r.lines, "\n")
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for j := range 6 {
				i := (g + j) % len(keys)
				r, err := render(c, keys[i], false)
				if err != nil || strings.Join(r.lines, "\n") != want[i] {
					errs <- fmt.Sprintf("goroutine %d: rendering of %+v differs (err %v)", g, keys[i], err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
