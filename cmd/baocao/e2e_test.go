//go:build e2e

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/model"
	"github.com/baocao/baocao/ui/common"
)

// exported reads `baocao export` of args.
func exported(t *testing.T, bin string, args ...string) []model.Article {
	t.Helper()
	out, err := exec.Command(bin, append([]string{"export"}, args...)...).Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var arts []model.Article
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var a model.Article
		if err := json.Unmarshal(line, &a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

var baseEnv = []string{"LANG=vi_VN.UTF-8", "TERM=xterm-256color", "COLORTERM=truecolor"}

func TestE2ESample(t *testing.T) {
	bin := buildBinary(t)
	arts := exported(t, bin)
	if len(arts) != 5 {
		t.Fatalf("the sample corpus has %d reports, want 5", len(arts))
	}
	x := startTmux(t, 120, 40, baseEnv, bin)

	// Five reports listed.
	s := x.waitText("5 / 5 báo cáo")
	for _, a := range arts {
		if short := a.Unit.Short(); !strings.Contains(s, short) {
			t.Errorf("list lacks %q:\n%s", short, s)
		}
	}

	// Resizing redraws: narrow, the list fills the screen without borders;
	// wide again, list and detail stand side by side.
	x.run("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	x.waitFor("the narrow layout", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return !strings.Contains(s, "╭") && len(lines) == 24 && strings.Contains(lines[22], "5 / 5 báo cáo")
	})
	x.run("resize-window", "-t", "e2e", "-x", "120", "-y", "40")
	x.waitFor("the wide layout", func(s string) bool {
		return strings.Count(s, "╭") == 2 && strings.Contains(s, "5 / 5 báo cáo")
	})

	// Filtering leaves one.
	x.text("/hoang van thu")
	x.waitFor("one report left by the filter", func(s string) bool {
		return strings.Contains(s, "Lọc: hoang van thu") && strings.Contains(s, "1 / 5 báo cáo") && !strings.Contains(s, "đang lọc")
	})
	x.keys("Escape") // clears the filter while typing
	x.waitText("5 / 5 báo cáo")

	// The ward picker lists units with their counts.
	x.keys("u")
	s = x.waitText("Chọn đơn vị")
	for _, a := range arts {
		re := regexp.MustCompile(`\[ \] ` + regexp.QuoteMeta(a.Unit.Short()) + ` +1 `)
		if !re.MatchString(s) {
			t.Errorf("picker lacks %q with count 1:\n%s", a.Unit.Short(), s)
		}
	}
	x.escape("Chọn đơn vị")

	// The Tây Sơn report's detail shows its budget revenue and its sentence.
	var taySon model.Article
	for _, a := range arts {
		if a.Unit != nil && a.Unit.Name == "Tây Sơn" {
			taySon = a
		}
	}
	var revenue model.Metric
	for _, m := range taySon.Metrics {
		if m.Key == model.BudgetRevenue {
			revenue = m
		}
	}
	if revenue.Evidence == "" {
		t.Fatalf("export has no budget revenue for Tây Sơn: %+v", taySon.Metrics)
	}
	x.text("/tay son")
	x.waitText("1 / 5 báo cáo")
	x.keys("Enter", "Enter") // keep the filter; open the report
	value := common.VI.VND(revenue.Value)
	words := strings.Fields(revenue.Evidence)
	sentence := strings.Join(words[:min(8, len(words))], " ")
	// Page through the detail pane (the right half) and read it all.
	x.waitFor("the report in the detail pane", func(scr string) bool {
		return strings.Contains(columns(scr, 60, 120), "Tây Sơn")
	})
	seen := ""
	for range 40 {
		seen += " " + columns(x.screen(), 60, 120)
		if strings.Contains(seen, value) && strings.Contains(seen, sentence) {
			break
		}
		x.keys("PageDown")
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(seen, value) || !strings.Contains(seen, sentence) {
		t.Errorf("the detail of the Tây Sơn report lacks %q or %q; it reads:\n%s", value, sentence, seen)
	}

	// The summary has one row per unit: each unit's short name on exactly
	// one line. The filter is cleared first so that every unit is listed.
	x.keys("1")
	x.escape("Lọc: tay son")
	x.keys("3")
	s = x.waitFor("a summary row per unit", func(scr string) bool {
		for _, a := range arts {
			if !strings.Contains(scr, a.Unit.Short()) {
				return false
			}
		}
		return true
	})
	for _, a := range arts {
		n := 0
		for _, line := range strings.Split(s, "\n") {
			if strings.Contains(line, a.Unit.Short()) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("summary: %q on %d lines, want 1:\n%s", a.Unit.Short(), n, s)
		}
	}

	// q quits.
	x.keys("1", "q")
	x.waitFor("exit", func(string) bool {
		out := x.run("list-panes", "-t", "e2e", "-F", "#{pane_dead}")
		return strings.TrimSpace(out) == "1"
	})
}

func TestE2EEscapeSequences(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	// A report whose title and body try to drive the terminal: set the
	// window title, blink, clear the screen, write to the clipboard, reverse
	// the text direction.
	evil := "Phường Tây Sơn \x1b]0;PWNED\x07tổng kết \x1b[5mnăm 2023\x1b[0m \u202ecông tác\u202c\n" +
		"Chiều 8/1, Đảng ủy phường Tây Sơn \x1b[2J\x1b[H tổ chức hội nghị. \x1b]52;c;cHduZWQ=\x07\n" +
		"Thu ngân sách nhà nước đạt 12 tỷ đồng.\x9b31m\n"
	if err := os.WriteFile(filepath.Join(dir, "evil.txt"), []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	x := startTmux(t, 120, 40, baseEnv, bin, dir)
	s := x.waitText("1 / 1 báo cáo")
	x.keys("Enter")
	s = x.waitFor("the detail", func(scr string) bool { return strings.Contains(columns(scr, 54, 120), "tổ chức hội nghị") })
	if title := strings.TrimSpace(x.run("display-message", "-p", "-t", "e2e", "#{pane_title}")); strings.Contains(title, "PWNED") {
		t.Errorf("the report set the window title: %q", title)
	}
	if strings.Contains(s, "\u202e") || strings.Contains(s, "PWNED") || strings.Contains(s, "]52") {
		t.Errorf("control text reached the screen:\n%s", s)
	}
	styled := x.run("capture-pane", "-p", "-e", "-t", "e2e")
	for _, bad := range []string{"\x1b[5m", ";5m", "\x1b[5;"} {
		if strings.Contains(styled, bad) {
			t.Errorf("the report made text blink (%q in the styled capture)", bad)
		}
	}
	if !strings.Contains(s, "1 / 1 báo cáo") {
		t.Errorf("the status bar was wiped (clear screen got through?):\n%s", s)
	}
}

// TestE2EScreens captures the reader at 80x24 and 200x50 into
// testdata/e2e/ for a person to read (it fails only if the reader does not
// start).
func TestE2EScreens(t *testing.T) {
	bin := buildBinary(t)
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		x := startTmux(t, size[0], size[1], baseEnv, bin)
		x.waitText("5 / 5 báo cáo")
		shots := map[string]string{"list": x.screen()}
		x.keys("j")
		time.Sleep(300 * time.Millisecond)
		x.keys("2")
		time.Sleep(500 * time.Millisecond)
		shots["detail"] = x.screen()
		x.keys("3")
		time.Sleep(300 * time.Millisecond)
		shots["summary"] = x.screen()
		x.keys("1", "u")
		shots["picker"] = x.waitText("Chọn đơn vị")
		x.escape("Chọn đơn vị")
		x.keys("?")
		shots["help"] = x.waitText("Cú pháp lọc")
		x.escape("Cú pháp lọc")
		if os.Getenv("E2E_SHOTS") != "" {
			for name, s := range shots {
				p := filepath.Join(os.Getenv("E2E_SHOTS"), fmt.Sprintf("%s-%dx%d.txt", name, size[0], size[1]))
				os.WriteFile(p, []byte(s), 0o644)
			}
		}
		for name, s := range shots {
			lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
			if len(lines) > size[1] {
				t.Errorf("%s at %dx%d: %d lines", name, size[0], size[1], len(lines))
			}
		}
	}
}
