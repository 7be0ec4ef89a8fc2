package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/model"
)

func TestServeRefusesWithoutAuthMode(t *testing.T) {
	_, errs, code := baocao(t, "", "serve", "--listen", "127.0.0.1:0", "--host-key", t.TempDir()+"/key")
	if code != exitUsage || !strings.Contains(errs, "--open") || !strings.Contains(errs, "--authorized-keys") {
		t.Errorf("exit %d, stderr %q; want 2 and a message naming both modes", code, errs)
	}
}

func TestServeStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run(env{ctx: ctx, stdin: strings.NewReader(""), stdout: &out, stderr: &errb},
			[]string{"serve", "--open", "--listen", "127.0.0.1:0", "--host-key", t.TempDir() + "/key"})
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d, log:\n%s", code, errb.String())
		}
		if !strings.Contains(errb.String(), "corpus loaded") || !strings.Contains(errb.String(), "articles=5") {
			t.Errorf("the log does not say what was loaded:\n%s", errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop within 15 s of its context ending")
	}
}

func TestServedExport(t *testing.T) {
	app := readerApp{corpus: model.New(data.Sample())}
	var b bytes.Buffer
	if err := app.Export(context.Background(), &b, []string{"--format", "csv"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "article_id,title,unit,key") || !strings.Contains(b.String(), "budget_revenue") {
		t.Errorf("csv export:\n%s", b.String())
	}
	if err := app.Export(context.Background(), &b, []string{"/etc"}); err == nil {
		t.Error("a path was accepted")
	}
	if err := app.Export(context.Background(), &b, []string{"--format", "xml"}); err == nil {
		t.Error("an unknown format was accepted")
	}
}
