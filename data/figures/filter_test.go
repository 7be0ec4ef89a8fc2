package figures

import (
	"fmt"
	"slices"

	"github.com/baocao/baocao/model"
	"strings"
	"testing"
)

// pack is a word packed as mayHaveMetric packs it; 0 past five letters.
func pack(w string) uint64 {
	if len(w) > 5 {
		return 0
	}
	var p uint64
	for i := 0; i < len(w); i++ {
		p = p<<8 | uint64(w[i])
	}
	return p
}

// checkFilters fails when a filter says no where the prepared paragraph
// says yes: a key word or pair among its tokens, a section heading, a
// colon at the end.
func checkFilters(t *testing.T, p string) {
	t.Helper()
	if got, want := mayHaveMetric(p), mayHaveMetricByWord(p); got != want {
		t.Fatalf("mayHaveMetric(%q) = %v; the word-by-word scan says %v", p, got, want)
	}
	var e extractor
	e.t.prepare(p)
	tt := &e.t
	for i := range tt.toks {
		if tt.word(i) == "" {
			continue
		}
		prev := uint64(0)
		if w := tt.word(i - 1); w != "" {
			prev = pack(w)
		}
		if keyPair(prev, pack(tt.word(i))) && !mayHaveMetric(p) {
			t.Fatalf("mayHaveMetric(%q) = false; words %q %q", p, tt.word(i-1), tt.word(i))
		}
	}
	need := e.needed(p)
	for _, s := range tt.sentences(nil) {
		if _, end := tt.byteSpan(s); tt.mayState(s) && need < end {
			t.Fatalf("needed(%q) = %d; a sentence that may state a metric ends at %d", p, need, end)
		}
	}
	if need > 0 && need < len(p) {
		// the sentences of the part read are those of the whole
		var part text
		part.prepare(p[:need])
		whole := tt.sentences(nil)
		for i, s := range part.sentences(nil) {
			a, b := part.byteSpan(s)
			c, d := tt.byteSpan(whole[i])
			if a != c || b != d {
				t.Fatalf("needed(%q) = %d cuts sentence %d: %q, whole %q", p, need, i, p[a:b], p[c:d])
			}
		}
	}
	if len(tt.toks) > 0 {
		e.markCues()
		if e.sectionHeading(p) && !mayBeHeading(p) {
			t.Fatalf("mayBeHeading(%q) = false", p)
		}
		if tt.punct(len(tt.toks)-1) == ':' && !mayEndWithColon(p) {
			t.Fatalf("mayEndWithColon(%q) = false", p)
		}
	}
}

var filterSeeds = []string{
	"Thu ngân sách đạt 12 tỷ đồng.", "THU NGÂN SÁCH", "thu NSNN đạt", "thu nsdp", "Tỷ lệ hộ nghèo 1,2%",
	"BHYT 90%", "bảo  hiểm y tế", "gia đình văn\u00a0hóa", "Đảng viên", "đảng\u0301 viên", "chi bộ", "Quần chúng",
	"chỉ tiêu", "mục tiêu", "nội dung", "II. PHƯƠNG HƯỚNG NĂM 2024", "Phần thứ hai", "IV– NHIỆM VỤ",
	"V\u0301. Kết quả", "các chỉ tiêu chủ yếu:", "Chỉ tiêu năm 2024 ：", "chỉ tiêu: \u00a0", "ngân×sách", "ngân sách\u1f00",
	"x\xe1\xbc\x80 thu ngân sách", "\xe1\xba", "ngân\xff sách", "ĐẢNG VIÊN", "ngân sáchx", "i)", "ix:", "xi.",
	"TP. Hồ Chí Minh thu ngân sách 5 tỷ đồng. Năm 2023 có 3 chi bộ.", "Kết nạp 5 đảng viên. Tr. Hai", "Có 5 chi bộ. Đ. Ba",
	"Chi bộ có 5 đảng viên! Năm sau", "Ì. Kết quả", "Ж. Kết quả", "\u00a0II. KẾT QUẢ", "Ḣ", "Ṗhần",
	"chỉ tiêu\u00a0", "chỉ tiêu:\u0301", "có 5 chi bộ…", "Ông Ba:”", "Thu 5 tỷ? Đúng. Chi bộ 3 đảng viên.", "a 5 chi bộ x\u0301\u0301\u0301\u0301\u0301\u0301\u0301tp. Ab 6 chi bộ.",
}

func TestFilters(t *testing.T) {
	for _, p := range append(filterSeeds, benchReport...) {
		checkFilters(t, p)
	}
	// a paragraph that names no key passes the filter without a yes
	if mayHaveMetric("Năm 2023, kinh tế tăng trưởng 8,2%; thu nhập bình quân 68 triệu đồng.") {
		t.Error("a paragraph without key words may have a metric")
	}
	if mayBeHeading("Năm 2023, kinh tế tăng trưởng") || mayEndWithColon("tăng trưởng 8,2%.") {
		t.Error("a plain sentence may be a heading")
	}
	// a capital with a diacritic starts no heading but an all-caps one;
	// a closing quote or an ellipsis is no colon
	if mayBeHeading("Đảng ủy xã đã kết nạp 5 đảng viên") || mayBeHeading("Ông Tô Văn Động cho biết") ||
		mayEndWithColon("tăng trưởng khá…") || mayEndWithColon("“ba cây chụm lại”") {
		t.Error("a plain sentence that starts or ends with a non-ASCII rune may be a heading")
	}
}

// FuzzFilters: the cheap filters never say no where the full reading would
// say yes.
func FuzzFilters(f *testing.F) {
	for _, s := range filterSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		checkFilters(t, p)
		checkFilters(t, strings.ToUpper(p))
	})
}

// extractBoth runs Extract with and without passing over paragraphs and
// sentences, and fails when they differ.
func extractBoth(t *testing.T, a *model.Article) {
	t.Helper()
	b := *a
	b.Body = slices.Clone(a.Body)
	Extract(a)
	readAll = true
	defer func() { readAll = false }()
	Extract(&b)
	if fmt.Sprintf("%+v", a.Metrics) != fmt.Sprintf("%+v", b.Metrics) {
		t.Fatalf("body %q:\nskipping %+v\nreading all %+v", a.Body, a.Metrics, b.Metrics)
	}
}

func TestSkipsAgree(t *testing.T) {
	extractBoth(t, benchArticle())
	body := append([]string{"CÁC CHỈ TIÊU NĂM 2024:", "- Thu ngân sách 5 tỷ đồng.", "Năm 2025, phấn đấu.", "Kết quả năm 2023 như sau:"},
		benchReport...)
	for i := range body {
		a := &model.Article{Unit: &model.Unit{Level: model.Commune, Name: "Yên Phú"}, Body: body[i:], Title: "Năm 2023",
			EventDate: model.Date(2024, 1, 10)}
		extractBoth(t, a)
	}
}

// FuzzSkipsAgree: passing over paragraphs and sentences that cannot state
// a metric changes nothing.
func FuzzSkipsAgree(f *testing.F) {
	f.Add("CÁC CHỈ TIÊU NĂM 2024:", "- Tổng thu ngân sách: 1.320 tỷ đồng; duy trì tỷ lệ bao phủ BHYT đạt 93,5% trở lên.", "Năm 2023 kết nạp 5 đảng viên.")
	f.Add("II. PHƯƠNG HƯỚNG NĂM 2025", "Phấn đấu năm 2025 đạt 9 tỷ. Thu ngân sách 10 tỷ đồng.", "9 tháng đầu năm, hộ nghèo còn 1%.")
	for _, p := range benchReport {
		f.Add(p, "Năm 2022 đã thu 3 tỷ đồng.", "Phấn đấu tỷ lệ hộ nghèo dưới 1%.")
	}
	f.Fuzz(func(t *testing.T, p1, p2, p3 string) {
		extractBoth(t, &model.Article{Unit: &model.Unit{Level: model.Ward, Name: "Hợp Lý"},
			Title: p1, Body: []string{p1, p2, p3}, Published: model.Date(2024, 2, 1)})
	})
}

func TestDigitOrStop(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []byte{'a', ' ', 0xC3, 0xFF, 0x80, 0} {
				var x uint64
				for k := 0; k < 8; k++ {
					b := fill
					if k == pos {
						b = byte(c)
					}
					x |= uint64(b) << (8 * k)
				}
				want := isDigit(byte(c)) || c == '.' || c == '!' || c == '?'
				if got := digitOrStop(x); want && !got || !want && got && c != '/' {
					t.Errorf("digitOrStop(%#x) = %v, byte %#x at %d", x, got, c, pos)
				}
			}
		}
	}
}
