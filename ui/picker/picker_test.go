package picker

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

func newPicker(t *testing.T, w, h int) (*Model, *model.Corpus) {
	t.Helper()
	c := uitest.Corpus()
	m := New(common.NewContext(c, common.VI, false))
	m.SetSize(w, h)
	m.Open(nil)
	return m, c
}

func send(m *Model, msg tea.Msg) []tea.Msg {
	_, cmd := m.Update(msg)
	return uitest.Drain(cmd)
}

func typeText(m *Model, s string) {
	for _, r := range s {
		send(m, uitest.Key(string(r)))
	}
}

func current(t *testing.T, m *Model) string {
	t.Helper()
	u, ok := m.Current()
	if !ok {
		t.Fatal("no current unit")
	}
	return u.Unit.Short()
}

func TestListsUnitsGroupedWithCounts(t *testing.T) {
	m, _ := newPicker(t, 50, 20)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Phường", "P. Hoàng Văn Thụ", "Xã", "X. Quyết Thắng", "Thị trấn", "TT. Trại Cau", "Quận", "Huyện", "đã chọn 0"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// Two reports spell it differently; they group as one unit with 2.
	for _, line := range strings.Split(v, "\n") {
		if strings.Contains(line, "Hoàng Văn Thụ") && !strings.HasSuffix(strings.TrimRight(line, " "), " 2") {
			t.Errorf("count for Hoàng Văn Thụ: %q", line)
		}
	}
	if m.Visible() != 8 {
		t.Errorf("Visible = %d, want 8", m.Visible())
	}
	if got := current(t, m); got != "P. Đồng Quang" {
		t.Errorf("cursor starts on %q, want the first unit (P. Đồng Quang)", got)
	}
}

func TestFoldedFuzzyFilter(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want int
		cur  string
	}{
		{"hoàng", 1, "P. Hoàng Văn Thụ"},
		{"hoang", 1, "P. Hoàng Văn Thụ"},
		{"hvt", 1, "P. Hoàng Văn Thụ"},
		{"dong", 2, "P. Đồng Quang"}, // and H. Đồng Hỷ
		{"dongh", 1, "H. Đồng Hỷ"},
		{"huyen", 1, "H. Đồng Hỷ"}, // the level word
		{"xa", 2, "X. Phúc Xuân"},
		{"zzz", 0, ""},
	} {
		m, _ := newPicker(t, 50, 20)
		typeText(m, tc.q)
		if m.Visible() != tc.want {
			var names []string
			for _, r := range m.rows {
				if r.unit >= 0 {
					names = append(names, m.units[r.unit].Unit.Short())
				}
			}
			t.Errorf("%q leaves %d units %v, want %d", tc.q, m.Visible(), names, tc.want)
			continue
		}
		if tc.cur != "" && current(t, m) != tc.cur {
			t.Errorf("%q: cursor on %q, want %q", tc.q, current(t, m), tc.cur)
		}
	}
}

func TestMultiSelectApply(t *testing.T) {
	m, c := newPicker(t, 50, 20)
	send(m, uitest.Key("space")) // P. Đồng Quang
	send(m, uitest.Key("down"))  // P. Hoàng Văn Thụ
	send(m, uitest.Key("space"))
	if !strings.Contains(ansi.Strip(m.View()), "đã chọn 2") {
		t.Error("selection count not shown")
	}
	send(m, uitest.Key("space")) // off again
	send(m, uitest.Key("down"))
	send(m, uitest.Key("down")) // X. Phúc Xuân (skips the Xã heading)
	if got := current(t, m); got != "X. Phúc Xuân" {
		t.Fatalf("down over a heading → %q", got)
	}
	send(m, uitest.Key("space"))
	msgs := send(m, uitest.Key("enter"))
	var keys []model.UnitKey
	closed := false
	for _, msg := range msgs {
		switch msg := msg.(type) {
		case common.FilterUnitsMsg:
			keys = msg.Keys
		case common.CloseOverlayMsg:
			closed = true
		}
	}
	if !closed || len(keys) != 2 {
		t.Fatalf("enter → %v", msgs)
	}
	names := []string{}
	for _, k := range keys {
		for _, u := range c.Units() {
			if u.Key == k {
				names = append(names, u.Unit.Name)
			}
		}
	}
	if strings.Join(names, ",") != "Đồng Quang,Phúc Xuân" {
		t.Errorf("applied %v", names)
	}
}

func TestEnterWithoutChoiceTakesCursor(t *testing.T) {
	m, _ := newPicker(t, 50, 20)
	typeText(m, "tay") // nothing
	typeText(m, "")
	send(m, uitest.Key("backspace"))
	send(m, uitest.Key("backspace"))
	send(m, uitest.Key("backspace"))
	typeText(m, "trai")
	msgs := send(m, uitest.Key("enter"))
	f, ok := msgs[0].(common.FilterUnitsMsg)
	if !ok || len(f.Keys) != 1 || f.Keys[0].Name != "trai cau" {
		t.Errorf("enter on cursor → %v", msgs)
	}
	// Clearing a choice explicitly applies no unit at all.
	m.Open([]model.UnitKey{f.Keys[0]})
	if !strings.Contains(ansi.Strip(m.View()), "[x] TT. Trại Cau") {
		t.Errorf("Open did not show the current choice:\n%s", ansi.Strip(m.View()))
	}
	send(m, uitest.Key("ctrl+x"))
	msgs = send(m, uitest.Key("enter"))
	if f := msgs[0].(common.FilterUnitsMsg); len(f.Keys) != 0 {
		t.Errorf("after clear all → %v", f.Keys)
	}
}

func TestEscCancels(t *testing.T) {
	m, _ := newPicker(t, 50, 20)
	send(m, uitest.Key("space"))
	msgs := send(m, uitest.Key("esc"))
	if len(msgs) != 1 {
		t.Fatalf("esc → %v", msgs)
	}
	if _, ok := msgs[0].(common.CloseOverlayMsg); !ok {
		t.Errorf("esc → %#v", msgs[0])
	}
}

func TestScrollAndMouse(t *testing.T) {
	m, _ := newPicker(t, 50, 7) // 4 rows
	send(m, uitest.Key("pgdown"))
	send(m, uitest.Key("pgdown"))
	if got := current(t, m); got != "H. Đồng Hỷ" {
		t.Errorf("pgdown twice → %q", got)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "H. Đồng Hỷ") || strings.Count(v, "\n") != 6 {
		t.Errorf("cursor not visible or wrong height:\n%s", v)
	}
	send(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	send(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	send(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if got := current(t, m); got != "P. Đồng Quang" {
		t.Errorf("wheel up → %q", got)
	}
	// Row 0 is the Phường heading, row 1 Đồng Quang, row 2 Hoàng Văn Thụ.
	send(m, tea.MouseClickMsg{X: 3, Y: 2 + 2, Button: tea.MouseLeft})
	if got := m.Chosen(); len(got) != 1 || got[0].Name != "hoang van thu" {
		t.Errorf("click → %v", got)
	}
}

func TestCtrlNavigation(t *testing.T) {
	m, _ := newPicker(t, 50, 20)
	send(m, uitest.Key("ctrl+n"))
	send(m, uitest.Key("ctrl+n"))
	if got := current(t, m); got != "P. Tân Thịnh" {
		t.Errorf("ctrl+n twice → %q", got)
	}
	send(m, uitest.Key("ctrl+p"))
	if got := current(t, m); got != "P. Hoàng Văn Thụ" {
		t.Errorf("ctrl+p → %q", got)
	}
	send(m, uitest.Key("pgup"))
	if got := current(t, m); got != "P. Đồng Quang" {
		t.Errorf("pgup → %q", got)
	}
	send(m, tea.PasteMsg{Content: "trai"})
	if got := current(t, m); got != "TT. Trại Cau" || m.Visible() != 1 {
		t.Errorf("paste → %q (%d)", got, m.Visible())
	}
}
