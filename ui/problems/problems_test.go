package problems

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

func newProblems(t *testing.T, arts []model.Article, w, h int) (*Model, *model.Corpus) {
	t.Helper()
	c := model.New(arts)
	m := New(common.NewContext(c, common.EN, false))
	m.SetSize(w, h)
	return m, c
}

func send(m *Model, msg tea.Msg) []tea.Msg {
	_, cmd := m.Update(msg)
	return uitest.Drain(cmd)
}

func TestListsProblems(t *testing.T) {
	m, _ := newProblems(t, uitest.Articles(), 70, 12)
	v := ansi.Strip(m.View())
	for _, want := range []string{"problems: 2", "008.txt — Hội nghị tổng kết công tác Mặt trận", "• no administrative unit found",
		"• no event date found", "010.txt", "• title derived from lead sentence", "enter open report"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "\n") + 1; n != 12 {
		t.Errorf("%d lines, want 12", n)
	}
}

func TestKeys(t *testing.T) {
	m, c := newProblems(t, uitest.Articles(), 70, 12)
	id, _ := m.Selected()
	if c.At(id).ID != "008" {
		t.Fatalf("starts on %s", c.At(id).ID)
	}
	send(m, uitest.Key("j"))
	id, _ = m.Selected()
	if c.At(id).ID != "010" {
		t.Errorf("j → %s", c.At(id).ID)
	}
	send(m, uitest.Key("j")) // stays on the last
	send(m, uitest.Key("k"))
	send(m, uitest.Key("G"))
	msgs := send(m, uitest.Key("enter"))
	var open *common.OpenArticleMsg
	closed := false
	for _, msg := range msgs {
		switch msg := msg.(type) {
		case common.OpenArticleMsg:
			open = &msg
		case common.CloseOverlayMsg:
			closed = true
		}
	}
	if open == nil || !closed || c.At(open.ID).ID != "010" {
		t.Errorf("enter → %v", msgs)
	}
	msgs = send(m, uitest.Key("esc"))
	if len(msgs) != 1 {
		t.Fatalf("esc → %v", msgs)
	}
	if _, ok := msgs[0].(common.CloseOverlayMsg); !ok {
		t.Errorf("esc → %#v", msgs[0])
	}
	for _, k := range []string{"q", "!"} {
		if msgs := send(m, uitest.Key(k)); len(msgs) != 1 {
			t.Errorf("%s → %v", k, msgs)
		} else if _, ok := msgs[0].(common.CloseOverlayMsg); !ok {
			t.Errorf("%s → %#v", k, msgs[0])
		}
	}
	send(m, uitest.Key("g"))
	send(m, tea.MouseClickMsg{Y: 4, Button: tea.MouseLeft}) // title, 008, 2 problems, 010
	id, _ = m.Selected()
	if c.At(id).ID != "010" {
		t.Errorf("click → %s", c.At(id).ID)
	}
}

func TestScrollKeepsItemVisible(t *testing.T) {
	var arts []model.Article
	for i := range 30 {
		arts = append(arts, model.Article{ID: string(rune('a'+i%26)) + "x", Title: "Báo cáo",
			Problems: []string{"no title found", "no date found"}})
	}
	m, _ := newProblems(t, arts, 40, 8) // 6 lines: two items
	for range 20 {
		send(m, uitest.Key("down"))
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "▸") || strings.Count(v, "\n") != 7 {
		t.Errorf("cursor item not visible:\n%s", v)
	}
	m2, _ := newProblems(t, nil, 40, 8)
	if v := ansi.Strip(m2.View()); !strings.Contains(v, "No problems") {
		t.Errorf("empty:\n%s", v)
	}
	send(m2, uitest.Key("enter")) // nothing to open: no panic
}

func TestPageKeys(t *testing.T) {
	var arts []model.Article
	for i := range 12 {
		arts = append(arts, model.Article{ID: string(rune('a' + i)), Title: "Báo cáo", Problems: []string{"no date found"}})
	}
	m, c := newProblems(t, arts, 40, 11) // 9 lines
	for _, tc := range []struct {
		key  string
		want string
	}{{"pgdown", "d"}, {"ctrl+d", "g"}, {"pgup", "d"}, {"ctrl+u", "a"}, {"G", "l"}, {"up", "k"}, {"g", "a"}, {"wheel", "b"}} {
		if tc.key == "wheel" {
			send(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		} else {
			send(m, uitest.Key(tc.key))
		}
		id, _ := m.Selected()
		if got := c.At(id).ID; got != tc.want {
			t.Errorf("%s → %s, want %s", tc.key, got, tc.want)
		}
	}
}
