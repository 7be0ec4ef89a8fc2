package common

import (
	"math"
	"testing"

	"github.com/baocao/baocao/model"
)

func TestVND(t *testing.T) {
	for _, tc := range []struct {
		lang Lang
		v    float64
		want string
	}{
		{VI, 21720000000, "21,72 tỷ đồng"},
		{EN, 21720000000, "21.72 bn VND"},
		{VI, 12515000000000, "12.515 tỷ đồng"},
		{EN, 12515000000000, "12,515 bn VND"},
		{VI, 350000000, "350 triệu đồng"},
		{EN, 1500000, "1.5 m VND"},
		{VI, 950000, "950.000 đồng"},
		{VI, -2500000000, "-2,5 tỷ đồng"},
	} {
		if got := tc.lang.VND(tc.v); got != tc.want {
			t.Errorf("%s VND(%v) = %q, want %q", tc.lang, tc.v, got, tc.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	if got := VI.Percent(93.5); got != "93,5%" {
		t.Errorf("VI.Percent = %q", got)
	}
	if got := EN.Percent(0.07); got != "0.07%" {
		t.Errorf("EN.Percent = %q", got)
	}
	if got := VI.Count(124857); got != "124.857" {
		t.Errorf("VI.Count = %q", got)
	}
	if got := EN.Count(1234567); got != "1,234,567" {
		t.Errorf("EN.Count = %q", got)
	}
	if got := VI.Count(999); got != "999" {
		t.Errorf("VI.Count(999) = %q", got)
	}
	m := model.Metric{Key: model.TargetsMet, Value: 11, Of: 11, Measure: model.Count, PlanPct: math.NaN()}
	if got := VI.Metric(m); got != "11/11" {
		t.Errorf("ratio = %q", got)
	}
	m = model.Metric{Key: model.BudgetRevenue, Value: 21.72e9, Of: math.NaN(), Measure: model.VND, Approx: model.Estimate}
	if got := VI.Metric(m); got != "ước 21,72 tỷ đồng" {
		t.Errorf("estimate = %q", got)
	}
}

func TestSanitize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Phường Hoàng Văn Thụ", "Phường Hoàng Văn Thụ"},
		{"a\x1b[31mred\x1b[0m b", "ared b"},
		{"title\x1b]0;pwned\x07 ok", "title ok"},
		{"x\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "xlink"},
		{"bell\x07 and \x9b31m c1", "bell and  c1"},
		{"lone \x1b esc", "lone sc"},
		{"bidi \u202Eabc\u202C \u2067x\u2069", "bidi abc x"},
		{"tab\there\nnext", "tab here\nnext"},
		{"bad \xff utf8", "bad  utf8"},
	} {
		if got := Sanitize(tc.in); got != tc.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := SanitizeLine("a\nb"); got != "a b" {
		t.Errorf("SanitizeLine = %q", got)
	}
}

func TestDetectLang(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if got := DetectLang("en", env(nil)); got != EN {
		t.Errorf("flag en: %v", got)
	}
	if got := DetectLang("", env(map[string]string{"LANG": "vi_VN.UTF-8"})); got != VI {
		t.Errorf("LANG vi: %v", got)
	}
	if got := DetectLang("", env(map[string]string{"LANG": "vi_VN.UTF-8", "LC_ALL": "en_US.UTF-8"})); got != EN {
		t.Errorf("LC_ALL wins: %v", got)
	}
	if got := DetectLang("", env(map[string]string{"LANG": "C.UTF-8"})); got != EN {
		t.Errorf("C.UTF-8: %v", got)
	}
	if got := DetectLang("", env(map[string]string{"LANG": "C"})); got != VI {
		t.Errorf("C: %v", got)
	}
}

func TestStylesNoColor(t *testing.T) {
	s := NewStyles(false, true)
	if out := s.Selected.Render("x"); out == "x" {
		t.Errorf("selected row indistinguishable without colour")
	}
	ctx := NewContext(nil, EN, false)
	ctx.SetTheme(false)
	if ctx.Styles.Dark || ctx.GlamourStyle() != "light" {
		t.Errorf("SetTheme(false) left dark styles")
	}
}

func TestSharedStylesAndKeys(t *testing.T) {
	a, b := NewContext(nil, VI, false), NewContext(nil, EN, false)
	if a.Styles != b.Styles {
		t.Error("two dark contexts have styles of their own")
	}
	a.SetTheme(false)
	if a.Styles == b.Styles || a.Styles != StylesFor(false, false) || a.Styles.Dark {
		t.Error("a light context does not have the light styles")
	}
	if StylesFor(true, true) == StylesFor(true, false) || !StylesFor(true, true).NoColor {
		t.Error("no-colour styles shared with colour ones")
	}
	if a.Keys == b.Keys || a.Keys != NewContext(nil, VI, true).Keys {
		t.Error("key maps not shared per language")
	}
	if got := b.Keys.Quit.Help().Desc; got != LabelsFor(EN).KeyQuit {
		t.Errorf("English key map says %q", got)
	}
}
