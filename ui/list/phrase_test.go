package list

import (
	"slices"
	"testing"

	"github.com/baocao/baocao/ui/common"
	"github.com/baocao/baocao/ui/internal/uitest"
)

func TestHasPhrase(t *testing.T) {
	for _, tc := range []struct {
		s     string
		words []string
		want  bool
	}{
		{"Đảng bộ phường Hoàng Văn Thụ: Hoàn thành", []string{"hoang", "van", "thu"}, true},
		{"Đảng bộ phường Hoàng Văn Thụ", []string{"hoang", "van", "th"}, true},
		{"Hoàng Bình, Ban Dân vận, Thường trực", []string{"hoang", "van", "thu"}, false},
		{"Thụ Văn Hoàng", []string{"hoang", "van"}, false},
		{"Đồng Hỷ", []string{"dong", "hy"}, true},
		{"Đồng Hỷ", []string{"dong", "hy", "x"}, false},
		{"", []string{"a"}, false},
		{"HOÀNG   VĂN—THỤ", []string{"hoang", "van", "thu"}, true},
	} {
		if got := hasPhrase(tc.s, tc.words); got != tc.want {
			t.Errorf("hasPhrase(%q, %q) = %v", tc.s, tc.words, got)
		}
	}
}

func TestPhraseStaysInAField(t *testing.T) {
	s := append(appendWords(nil, "Hội nghị phường Tây"), '\n')
	s = appendWords(s, "phường Sơn Hà")
	if phraseIn(s, []string{"tay", "son"}) {
		t.Error("a phrase matched across the title and the unit")
	}
	if !phraseIn(s, []string{"phuong", "son"}) || !phraseIn(s, []string{"nghi", "phuong", "t"}) {
		t.Error("phrases within a field missed")
	}
}

func BenchmarkPhraseIn(b *testing.B) {
	w := []string{"hoang", "van", "thu"}
	s := appendWords(nil, "Đảng bộ phường Hoàng Văn Thụ: Hoàn thành xuất sắc các nhiệm vụ chính trị năm 2023")
	for b.Loop() {
		phraseIn(s, w)
	}
}

// The phrase cache must give, at every keystroke, what a fresh list gives.
func TestPhraseCacheAgreesWithFreshAnswers(t *testing.T) {
	c := uitest.Corpus()
	cached := New(common.NewContext(c, common.VI, false))
	var typed []string
	for _, q := range []string{"hoang van thu", "tong ket cong tac year:2023", "dang vien moi", "phuong hoang van"} {
		for i := 1; i <= len(q); i++ {
			typed = append(typed, q[:i])
		}
		for i := len(q) - 1; i > 0; i-- {
			typed = append(typed, q[:i])
		}
	}
	typed = append(typed, "hoang van", "hoang van year:2024", "hoang van", "hoang van unit:tan", "hoang van")
	for _, q := range typed {
		send(cached, cached.SetFilter(q)())
		fresh := New(common.NewContext(c, common.VI, false))
		send(fresh, fresh.SetFilter(q)())
		if !slices.Equal(cached.IDs(), fresh.IDs()) || cached.Phrase() != fresh.Phrase() {
			t.Fatalf("%q: cached %v (phrase %v), fresh %v (phrase %v)", q, cached.IDs(), cached.Phrase(), fresh.IDs(), fresh.Phrase())
		}
	}
}

func TestExtends(t *testing.T) {
	for _, tc := range []struct {
		old, new []string
		want     bool
	}{
		{[]string{"hoang", "va"}, []string{"hoang", "van"}, true},
		{[]string{"hoang", "van"}, []string{"hoang", "van", "t"}, true},
		{[]string{"hoang", "va"}, []string{"hoang", "van", "t"}, false},
		{[]string{"hoang", "van"}, []string{"hoang", "va"}, false},
		{[]string{"hoang"}, []string{"hoa"}, false},
		{nil, []string{"a"}, false},
	} {
		if got := extends(tc.old, tc.new); got != tc.want {
			t.Errorf("extends(%q, %q) = %v", tc.old, tc.new, got)
		}
	}
}
