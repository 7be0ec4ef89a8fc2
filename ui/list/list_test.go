package list

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

func newList(t *testing.T, lang common.Lang, w, h int) (*Model, *model.Corpus) {
	t.Helper()
	c := uitest.Corpus()
	ctx := common.NewContext(c, lang, false)
	m := New(ctx)
	m.SetSize(w, h)
	return m, c
}

// send delivers msg and then every message its commands produce back to the
// list (filter results), returning the messages meant for the root.
func send(m *Model, msg tea.Msg) []tea.Msg {
	_, cmd := m.Update(msg)
	var out []tea.Msg
	for _, r := range uitest.Drain(cmd) {
		if res, ok := r.(ResultMsg); ok {
			out = append(out, send(m, res)...)
			continue
		}
		out = append(out, r)
	}
	return out
}

func typeText(m *Model, s string) {
	for _, r := range s {
		k := string(r)
		if r == ' ' {
			k = "space"
		}
		send(m, uitest.Key(k))
	}
}

func ids(c *model.Corpus, m *Model) []string {
	var out []string
	for _, id := range m.IDs() {
		out = append(out, c.At(id).ID)
	}
	return out
}

func selectedID(t *testing.T, c *model.Corpus, m *Model) string {
	t.Helper()
	id, ok := m.Selected()
	if !ok {
		t.Fatal("nothing selected")
	}
	return c.At(id).ID
}

func TestNewListsAllNewestFirst(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	if m.Len() != 10 {
		t.Fatalf("Len = %d, want 10", m.Len())
	}
	if got := selectedID(t, c, m); got != "009" {
		t.Errorf("first = %s, want 009 (2024-05-04, newest)", got)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "P. Hoàng Văn Thụ") || !strings.Contains(v, "04/05/2024") {
		t.Errorf("view lacks unit short form or vi date:\n%s", v)
	}
	if n := strings.Count(v, "\n") + 1; n != 20 {
		t.Errorf("view has %d lines, want 20", n)
	}
}

func TestMoveKeys(t *testing.T) {
	m, _ := newList(t, common.VI, 80, 6) // 5 rows visible
	for _, tc := range []struct {
		key    string
		cursor int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0}, {"up", 0},
		{"G", 9}, {"g", 0}, {"end", 9}, {"home", 0},
		{"pgdown", 5}, {"pgup", 0}, {"ctrl+d", 2}, {"ctrl+u", 0}, {"ctrl+f", 5}, {"ctrl+b", 0},
	} {
		msgs := send(m, uitest.Key(tc.key))
		cur, off := m.Cursor()
		if cur != tc.cursor {
			t.Fatalf("after %q cursor = %d, want %d", tc.key, cur, tc.cursor)
		}
		if cur < off || cur >= off+5 {
			t.Fatalf("after %q cursor %d outside visible rows from %d", tc.key, cur, off)
		}
		_ = msgs
	}
}

func TestMoveAnnouncesSelection(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	msgs := send(m, uitest.Key("j"))
	if len(msgs) != 1 {
		t.Fatalf("msgs = %v", msgs)
	}
	sel, ok := msgs[0].(common.ArticleSelectedMsg)
	if !ok || !sel.Has || c.At(sel.ID).ID != selectedID(t, c, m) {
		t.Errorf("got %#v", msgs[0])
	}
	if msgs := send(m, uitest.Key("k")); len(msgs) != 1 {
		t.Errorf("k: %v", msgs)
	}
	if msgs := send(m, uitest.Key("k")); len(msgs) != 0 {
		t.Errorf("k at top announced %v", msgs)
	}
}

func TestFilterAsYouType(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	send(m, uitest.Key("/"))
	if !m.Typing() {
		t.Fatal("/ did not open the filter")
	}
	typeText(m, "hoang van thu")
	if got := ids(c, m); !slices.Equal(got, []string{"009", "001"}) {
		t.Fatalf("hoang van thu → %v, want [009 001]", got)
	}
	// q while typing is text, not quit.
	send(m, uitest.Key("q"))
	if m.FilterText() != "hoang van thuq" || m.Len() != 0 {
		t.Errorf("q: text %q len %d", m.FilterText(), m.Len())
	}
	send(m, uitest.Key("backspace"))
	if m.Len() != 2 {
		t.Errorf("backspace: len %d", m.Len())
	}
	send(m, uitest.Key("enter"))
	if m.Typing() || m.FilterText() != "hoang van thu" || m.Len() != 2 {
		t.Errorf("enter: typing %v text %q len %d", m.Typing(), m.FilterText(), m.Len())
	}
	// j moves again once the filter is closed.
	send(m, uitest.Key("j"))
	if got := selectedID(t, c, m); got != "001" {
		t.Errorf("j after enter → %s", got)
	}
	// esc (filter closed) clears it.
	send(m, uitest.Key("esc"))
	if m.FilterText() != "" || m.Len() != 10 {
		t.Errorf("esc: text %q len %d", m.FilterText(), m.Len())
	}
	if got := selectedID(t, c, m); got != "001" {
		t.Errorf("clearing kept selection? got %s, want 001", got)
	}
}

func TestFilterEscWhileTyping(t *testing.T) {
	m, _ := newList(t, common.VI, 80, 20)
	send(m, uitest.Key("/"))
	typeText(m, "year:2023")
	if m.Len() != 4 {
		t.Fatalf("year:2023 → %d, want 4", m.Len())
	}
	send(m, uitest.Key("esc"))
	if m.Typing() || m.FilterText() != "" || m.Len() != 10 {
		t.Errorf("esc: typing %v text %q len %d", m.Typing(), m.FilterText(), m.Len())
	}
}

func TestQualifiers(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"unit:dong", []string{"005", "006"}},
		{"level:xa", []string{"010", "003"}},
		{"date:2023-01..2023-08", []string{"005", "006"}},
		{"dang vien year:2024", []string{"009"}},
		{"Tân Thịnh", []string{"002"}},
	} {
		send(m, m.SetFilter(tc.q)())
		if got := ids(c, m); !slices.Equal(got, tc.want) {
			t.Errorf("%q → %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestStaleResultDropped(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	old := m.SetFilter("tan thinh")
	newer := m.SetFilter("quyet")
	send(m, newer())
	send(m, old()) // arrives late: must be ignored
	if got := ids(c, m); !slices.Equal(got, []string{"003"}) {
		t.Errorf("stale answer replaced newer: %v", got)
	}
	if m.Searching() {
		t.Error("still searching after the latest answer")
	}
}

func TestNewerKeystrokeCancelsOlder(t *testing.T) {
	m, _ := newList(t, common.VI, 80, 20)
	old := m.SetFilter("tan")
	m.SetFilter("tan thinh")
	r := old().(ResultMsg)
	if r.Err == nil {
		t.Error("older request was not cancelled by the newer one")
	}
}

func TestHighlightByRune(t *testing.T) {
	m, _ := newList(t, common.VI, 100, 20)
	m.ctx.Styles = common.NewStyles(true, true) // no colour: matches are bold+underline
	send(m, m.SetFilter("hoang van th")())
	v := m.View()
	// "Hoàng" is highlighted whole (5 runes, 6 bytes) and "Th" of "Thụ" only.
	if !strings.Contains(v, "Hoàng\x1b[") || !strings.Contains(v, "Th\x1b[") {
		t.Errorf("highlight not by rune:\n%q", v)
	}
	if strings.Contains(ansi.Strip(v), "\uFFFD") {
		t.Error("highlight split a letter")
	}
}

func TestSortAndReverse(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	send(m, uitest.Key("s")) // unit
	if o, desc := m.Order(); o != model.ByUnit || desc {
		t.Fatalf("s → %v desc=%v", o, desc)
	}
	// Units order: wards first (Đồng Quang, Hoàng Văn Thụ, Tân Thịnh in
	// Vietnamese order), the cursor stays on the article it was on (009).
	if got := ids(c, m)[0]; got != "006" {
		t.Errorf("first by unit = %s, want 006 (P. Đồng Quang)", got)
	}
	if got := selectedID(t, c, m); got != "009" {
		t.Errorf("sort lost the selection: %s", got)
	}
	send(m, uitest.Key("s")) // title
	send(m, uitest.Key("s")) // views, highest first
	if o, desc := m.Order(); o != model.ByViews || !desc {
		t.Fatalf("→ %v desc=%v", o, desc)
	}
	if got := ids(c, m)[0]; got != "002" {
		t.Errorf("most viewed = %s, want 002", got)
	}
	send(m, uitest.Key("r"))
	if got := ids(c, m); got[len(got)-1] != "002" {
		t.Errorf("reversed: last = %s, want 002", got[len(got)-1])
	}
	send(m, uitest.Key("s")) // back to date
	if o, desc := m.Order(); o != model.ByDate || !desc {
		t.Fatalf("cycle back → %v desc=%v", o, desc)
	}
}

func TestEnterOpens(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	send(m, uitest.Key("j"))
	msgs := send(m, uitest.Key("enter"))
	if len(msgs) != 1 {
		t.Fatalf("msgs %v", msgs)
	}
	o, ok := msgs[0].(common.OpenArticleMsg)
	if !ok || c.At(o.ID).ID != selectedID(t, c, m) {
		t.Errorf("enter → %#v", msgs[0])
	}
}

func TestMouse(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	send(m, tea.MouseClickMsg{X: 10, Y: 3, Button: tea.MouseLeft}) // header + row 2
	if cur, _ := m.Cursor(); cur != 2 {
		t.Errorf("click row 2 → cursor %d", cur)
	}
	send(m, tea.MouseClickMsg{X: 10, Y: 0, Button: tea.MouseLeft}) // the header
	if cur, _ := m.Cursor(); cur != 2 {
		t.Errorf("header click moved cursor to %d", cur)
	}
	send(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if cur, _ := m.Cursor(); cur != 5 {
		t.Errorf("wheel → %d", cur)
	}
	send(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	send(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if cur, _ := m.Cursor(); cur != 0 {
		t.Errorf("wheel up → %d", cur)
	}
	_ = c
}

func TestUnitsAndSelect(t *testing.T) {
	m, c := newList(t, common.VI, 80, 20)
	var key model.UnitKey
	for _, u := range c.Units() {
		if u.Unit.Name == "Hoàng Văn Thụ" {
			key = u.Key
		}
	}
	msgs := send(m, m.SetUnits([]model.UnitKey{key})())
	if got := ids(c, m); !slices.Equal(got, []string{"009", "001"}) {
		t.Errorf("units → %v", got)
	}
	var res *common.ResultsMsg
	for _, x := range msgs {
		if r, ok := x.(common.ResultsMsg); ok {
			res = &r
		}
	}
	if res == nil || len(res.IDs) != 2 || len(res.Query.Units) != 1 {
		t.Errorf("no ResultsMsg for the root: %v", msgs)
	}
	send(m, m.SetFilter("ket nap")())
	if m.Len() != 1 {
		t.Fatalf("ket nap within the unit: %d", m.Len())
	}
	send(m, uitest.Key("esc")) // the text first
	if m.Len() != 2 || len(m.Units()) != 1 {
		t.Fatalf("esc: len %d units %v", m.Len(), m.Units())
	}
	send(m, uitest.Key("esc")) // then the units
	if m.Len() != 10 || len(m.Units()) != 0 {
		t.Fatalf("second esc: len %d units %v", m.Len(), m.Units())
	}
	send(m, m.SetUnits([]model.UnitKey{key})())
	if _, ok := m.Select(1); ok { // 002 is not listed
		t.Error("Select of an unlisted article succeeded")
	}
	if _, ok := m.Select(0); !ok || selectedID(t, c, m) != "001" {
		t.Error("Select(001) failed")
	}
}

func TestNarrowAndEnglish(t *testing.T) {
	m, _ := newList(t, common.EN, 40, 8)
	v := ansi.Strip(m.View())
	for _, line := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(line); w > 40 {
			t.Errorf("line wider than 40: %d %q", w, line)
		}
	}
	if !strings.Contains(v, "24-05-04") {
		t.Errorf("en date missing:\n%s", v)
	}
	send(m, m.SetFilter("zzzz")())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "No report matches") {
		t.Errorf("empty result not said:\n%s", v)
	}
}

func TestHeadlinePhrase(t *testing.T) {
	arts := []model.Article{
		{ID: "a", Title: "Đảng bộ phường Hoàng Văn Thụ tổng kết năm 2023", Body: []string{"Thu ngân sách đạt 21 tỷ đồng."}},
		{ID: "b", Title: "Đảng ủy phường Tây Sơn tổng kết", Byline: "Hoàng Bình",
			Body: []string{"Ban Dân vận Thành ủy, Phó Chủ tịch Thường trực."}},
		{ID: "c", Title: "Hội nghị", Body: []string{"Đảng viên phường Hoàng Văn Thụ dự hội nghị."}},
	}
	c := model.New(arts)
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(80, 10)
	for _, tc := range []struct {
		q      string
		want   []string
		phrase bool
	}{
		// The words as a phrase in a headline: only that report, not the
		// one that has them scattered (b) nor the one with the phrase in
		// its body only (c).
		{"hoang van thu", []string{"a"}, true},
		{"hoàng văn th", []string{"a"}, true},
		// No headline holds them in order: every report with the words.
		{"thu hoang van", []string{"c", "b", "a"}, false},
		{"tong ket", []string{"b", "a"}, true},
		{"hoang", []string{"c", "b", "a"}, false}, // one word: no phrase rule
	} {
		send(m, m.SetFilter(tc.q)())
		if got := ids(c, m); !slices.Equal(got, tc.want) || m.Phrase() != tc.phrase {
			t.Errorf("%q → %v phrase=%v, want %v phrase=%v", tc.q, got, m.Phrase(), tc.want, tc.phrase)
		}
	}
}
