package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/model"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.golden.jsonl")

// baocao runs the command in-process.
func baocao(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(env{ctx: context.Background(), stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func TestExportSampleGolden(t *testing.T) {
	out, errs, code := baocao(t, "", "export")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	golden := filepath.Join("testdata", "sample.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("export of the sample differs from %s (run go test ./cmd/baocao -update when the parsers changed it on purpose)", golden)
		gl, wl := strings.Split(out, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Logf("first difference, line %d:\n got %.300s\nwant %.300s", i+1, gl[i], wl[i])
				break
			}
		}
	}
}

func TestExportFormats(t *testing.T) {
	jsonl, _, code := baocao(t, "", "export", "--format", "jsonl")
	lines := strings.Split(strings.TrimSuffix(jsonl, "\n"), "\n")
	if code != 0 || len(lines) != 5 {
		t.Fatalf("jsonl: exit %d, %d lines", code, len(lines))
	}
	var arts []model.Article
	metrics := 0
	for _, l := range lines {
		var a model.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		metrics += len(a.Metrics)
	}

	js, _, code := baocao(t, "", "export", "--format=json")
	var arr []json.RawMessage
	if err := json.Unmarshal([]byte(js), &arr); err != nil || code != 0 || len(arr) != 5 {
		t.Fatalf("json: exit %d, %d records, %v", code, len(arr), err)
	}
	for i, raw := range arr {
		if string(raw) != lines[i] {
			t.Errorf("json record %d differs from the jsonl line", i)
		}
	}

	out, _, code := baocao(t, "", "export", "-format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || code != 0 {
		t.Fatalf("csv: exit %d, %v", code, err)
	}
	if strings.Join(rows[0], ",") != "article_id,title,unit,key,kind,value,measure,plan_pct,year,evidence" || len(rows) != 1+metrics {
		t.Fatalf("csv: header %q, %d rows for %d metrics", rows[0], len(rows), metrics)
	}
	r := 1
	for _, a := range arts {
		for _, m := range a.Metrics {
			row := rows[r]
			r++
			if row[0] != a.ID || row[1] != a.Title || row[3] != string(m.Key) || row[4] != string(m.Kind) || row[9] != m.Evidence {
				t.Errorf("csv row %d = %q, want metric %+v of %s", r, row, m, a.ID)
			}
			if a.Unit != nil && row[2] != a.Unit.String() {
				t.Errorf("csv row %d unit %q, want %q", r, row[2], a.Unit.String())
			}
		}
	}
}

func TestExportExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Tiêu đề\nThân bài <b> & </b>.\n"), 0o644)

	os.WriteFile(filepath.Join(dir, "image.png"), []byte("\x89PNG\x00\x00"), 0o644)
	if _, errs, code := baocao(t, "", "export", dir); code != 0 || !strings.Contains(errs, "skipped") || !strings.Contains(errs, "image.png") {
		t.Errorf("a folder with an image: exit %d, stderr %q", code, errs)
	}
	out, errs, code := baocao(t, "", "export", good, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errs, "missing.txt") || !strings.Contains(out, `"id":"good"`) {
		t.Errorf("a missing input: exit %d, stderr %q, stdout %q", code, errs, out)
	}
	if !strings.Contains(out, "<b> & </b>") {
		t.Errorf("HTML characters escaped: %s", out)
	}
	for _, args := range [][]string{
		{"export", "--format", "xml"},
		{"export", "--nope"},
		{"export", "--format"},
		{"--nope"},
		{"help", "nope"},
		{"version", "extra"},
	} {
		if _, errs, code := baocao(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"help", "export"}, {"export", "-h"}, {"export", "--help"}, {"version", "-h"}} {
		out, errs, code := baocao(t, "", args...)
		if code != 0 || !strings.Contains(out+errs, "Usage") {
			t.Errorf("%q: exit %d, output %q", args, code, out+errs)
		}
	}
	if out, _, _ := baocao(t, "", "help", "export"); !strings.Contains(out, "Examples:") || !strings.Contains(out, "--format") {
		t.Errorf("help export: %q", out)
	}
	if out, _, code := baocao(t, "", "version"); code != 0 || !strings.HasPrefix(out, "baocao ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if _, errs, code := baocao(t, "", "--lang", "fr", dir); code != exitUsage || !strings.Contains(errs, "--lang") {
		t.Errorf("reader with a bad --lang: exit %d, %q", code, errs)
	}
}

func TestExportStdinAndFlagOrder(t *testing.T) {
	out, errs, code := baocao(t, "Tiêu đề từ stdin\r\nThân bài.\r\n", "export", "-", "--format", "json")
	var arr []model.Article
	if err := json.Unmarshal([]byte(out), &arr); err != nil || code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q, %v", code, errs, err)
	}
	if len(arr) != 1 || arr[0].ID != "stdin" || arr[0].Path != "-" || !strings.Contains(out, "Tiêu đề từ stdin") {
		t.Errorf("%s", out)
	}
	// Everything after -- is a path, even one that looks like a flag.
	_, errs, code = baocao(t, "", "export", "--", "--format")
	if code != 1 || !strings.Contains(errs, "--format") {
		t.Errorf("after --: exit %d, stderr %q", code, errs)
	}
}

func TestSynth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, errs, code := baocao(t, "", "synth", "--n", "30", "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	out, errs, code := baocao(t, "", "export", dir)
	if code != 0 || strings.Count(out, "\n") != 30 || !strings.Contains(out, `"id":"synth-000029"`) {
		t.Errorf("export of the synthetic corpus: exit %d, %s, %d lines", code, errs, strings.Count(out, "\n"))
	}
	if _, _, code := baocao(t, "", "synth", "--n", "3"); code != 2 {
		t.Errorf("synth without --out: exit %d", code)
	}
	if help, _, _ := baocao(t, "", "--help"); strings.Contains(help, "synth") {
		t.Error("the developers' synth command is listed in the help")
	}
}
