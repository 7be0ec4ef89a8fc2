package synth

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
)

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(7, 50), Generate(7, 80)
	for i := range a {
		if a[i].Text != b[i].Text || a[i].ID != b[i].ID {
			t.Fatalf("page %d differs between runs", i)
		}
	}
	if c := Generate(8, 1); c[0].Text == a[0].Text {
		t.Error("another seed gave the same page")
	}
	seen := map[string]bool{}
	for _, d := range b {
		if seen[d.Text] {
			t.Fatalf("page %s repeats another", d.ID)
		}
		seen[d.Text] = true
	}
}

func TestGenerateVariety(t *testing.T) {
	docs := Generate(1, 600)
	total := 0
	levels := map[model.Level]bool{}
	keys := map[model.Key]map[model.Kind]bool{}
	var all strings.Builder
	for _, d := range docs {
		total += len(d.Text)
		levels[d.Want.Unit.Level] = true
		all.WriteString(d.Text)
		if !strings.Contains(d.Text, d.Want.Title+"\n") || !strings.Contains(d.Text, d.Want.Byline+"\n") {
			t.Fatalf("%s: title or byline not on a line of its own", d.ID)
		}
		for _, m := range d.Want.Metrics {
			if !strings.Contains(d.Text, m.Evidence) || m.Value < 0 || m.Measure != model.MeasureOf(m.Key) {
				t.Fatalf("%s: metric %+v not stated as given", d.ID, m)
			}
			if keys[m.Key] == nil {
				keys[m.Key] = map[model.Kind]bool{}
			}
			keys[m.Key][m.Kind] = true
		}
	}
	if avg := total / len(docs); avg < 4000 || avg > 6000 {
		t.Errorf("average page %d bytes, want about 5 KB", avg)
	}
	for _, l := range model.Levels {
		if !levels[l] {
			t.Errorf("no page about a %s", l)
		}
	}
	for _, k := range model.Keys {
		if !keys[k][model.Actual] {
			t.Errorf("no actual %s", k)
		}
	}
	text := all.String()
	for name, re := range map[string]string{
		"grouped triệu":   `\d{1,3}\.\d{3} triệu đồng`,
		"typo tỷ":         `\d+, \d+ t[ỷỉ] đồng`,
		"decimal tỷ":      `\d+,\d+ tỷ đồng`,
		"full đồng":       `\d\.\d{3}\.\d{3}\.\d{3} đồng`,
		"nghìn":           `\d nghìn đồng`,
		"decimal percent": `\d+,\d+%`,
		"spaced percent":  `\d+ %`,
		"ratio":           `\d+/\d+ chỉ tiêu`,
		"weekday date":    `Thứ [a-zảư]+, \d\d/\d\d/\d{4} \d\d:\d\d`,
		"long date":       `ngày \d+ tháng \d+ năm \d{4}`,
		"ISO date":        `\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d`,
		"scraped date":    `\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.0`,
		"view count":      `View count: \d+`,
		"lượt xem":        `\d+ lượt xem`,
		"resolution":      `Nghị quyết số \d+/\d{4}/`,
		"term":            `nhiệm kỳ 2020 - 2025`,
		"income":          `Thu nhập bình quân`,
		"other funds":     `Thu các loại quỹ`,
		"counter":         `Trực tuyến: \d+`,
		"weather":         `thời tiết các vùng`,
		"other news":      `\nTin khác\n`,
		"link":            `Xem chi tiết tại đây: https://[a-z0-9./-]+\.html`,
		"target":          `phấn đấu thu ngân sách nhà nước đạt`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no %s (%s) in 600 pages", name, re)
		}
	}
}

func TestCorpus(t *testing.T) {
	arts := Corpus(3, 40)
	docs := Generate(3, 40)
	if len(arts) != 40 {
		t.Fatalf("%d articles", len(arts))
	}
	for i, a := range arts {
		if a.ID != docs[i].ID || a.Path != docs[i].ID+".txt" {
			t.Errorf("article %d: id %q, path %q", i, a.ID, a.Path)
		}
		for _, p := range a.Problems { // the parsers may have problems; the loader must not
			if strings.Contains(p, "removed") || strings.Contains(p, "UTF") || strings.Contains(p, "parser failed") {
				t.Errorf("article %d: %s", i, p)
			}
		}
		if !slices.ContainsFunc(append([]string{a.Title}, a.Body...), func(s string) bool { return strings.Contains(s, docs[i].Want.Title) }) {
			t.Errorf("article %d lost its headline", i)
		}
	}
}
