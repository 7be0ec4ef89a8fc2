package data_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/data/synth"
	"github.com/baocao/baocao/model"
)

// TestTransient: with Options.Transient, records made inside fn are the
// records Load keeps, though each file's memory is used again for the
// next: synthetic pages, one longer than a reused buffer starts, one
// longer than any it keeps, a JSON Lines file and a binary one, on three
// workers.
func TestTransient(t *testing.T) {
	dir := t.TempDir()
	texts := synth.Texts(7, 300)
	for _, tx := range texts {
		if err := os.WriteFile(filepath.Join(dir, tx.Path), []byte(tx.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := strings.Repeat(texts[0].Text+"\n", 80000/len(texts[0].Text)+1)
	huge := strings.Repeat(texts[1].Text+"\n", 1500000/len(texts[1].Text)+1)
	jsonl := `{"id":"j1","text":"Phường Tây Sơn thu ngân sách 12 tỷ đồng."}` + "\n" + `{"id":"j2","text":"Xã An Phú có 3 hộ nghèo."}` + "\n"
	for name, s := range map[string]string{"long.txt": long, "huge.txt": huge, "lines.jsonl": jsonl, "x.bin": "\x00\x01\x02"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kept, err := data.Load(context.Background(), []string{dir}, data.Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range kept.Articles {
		b, err := kept.Articles[i].AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, string(b))
	}
	var got []string
	_, err = data.Stream(context.Background(), []string{dir}, data.Options{Workers: 3, Transient: true},
		func(as []model.Article) []string {
			var out []string
			for i := range as {
				b, err := as[i].AppendJSON(nil)
				if err != nil {
					t.Error(err)
				}
				out = append(out, string(b))
			}
			return out
		},
		func(recs []string) error { got = append(got, recs...); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) < 303 {
		t.Fatalf("%d records with Transient, %d kept", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("record %d differs:\n got %.300s\nwant %.300s", i, got[i], want[i])
		}
	}
}
