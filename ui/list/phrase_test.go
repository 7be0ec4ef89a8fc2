package list

import "testing"

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
