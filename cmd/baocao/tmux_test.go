//go:build e2e

// The end-to-end tests run the real binary as a person would: in tmux
// (send-keys to type, capture-pane to read the screen), locally and through
// the OpenSSH client. They skip only when tmux or ssh is not installed:
//
//	go test -tags e2e -run E2E -v ./cmd/baocao/
package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmux is one tmux server (private socket) with one session running baocao.
type tmux struct {
	t    *testing.T
	sock string
	w, h int
}

func startTmux(t *testing.T, w, h int, env []string, argv ...string) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install -y tmux): the end-to-end test drives the binary in tmux")
	}
	x := &tmux{t: t, sock: filepath.Join(t.TempDir(), "sock"), w: w, h: h}
	cmd := "env " + strings.Join(append(env, argv...), " ")
	x.run("new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", "e2e", cmd)
	x.run("set-option", "-t", "e2e", "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-S", x.sock, "kill-server").Run() })
	return x
}

func (x *tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", x.sock}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names ("Enter", "Escape", "Down", "3").
func (x *tmux) keys(k ...string) { x.run(append([]string{"send-keys", "-t", "e2e"}, k...)...) }

// text types literal text.
func (x *tmux) text(s string) { x.run("send-keys", "-t", "e2e", "-l", s) }

// escape sends Escape and waits until gone disappears from the screen: a
// key sent right after Escape would reach the program in the same read and
// be taken for alt+key, as in any terminal.
func (x *tmux) escape(gone string) {
	x.t.Helper()
	x.keys("Escape")
	x.waitFor("no "+gone, func(s string) bool { return !strings.Contains(s, gone) })
}

func (x *tmux) screen() string { return x.run("capture-pane", "-p", "-t", "e2e") }

// waitFor polls the screen until cond holds, failing after a while with the
// last screen.
func (x *tmux) waitFor(what string, cond func(string) bool) string {
	x.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var s string
	for time.Now().Before(deadline) {
		s = x.screen()
		if cond(s) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
	return ""
}

func (x *tmux) waitText(s string) string {
	x.t.Helper()
	return x.waitFor(fmt.Sprintf("%q", s), func(scr string) bool { return strings.Contains(scr, s) })
}

// columns cuts the screen to the cells [x0, x1) of every line and joins
// them into one space-separated text (for a pane that wraps its lines).
func columns(screen string, x0, x1 int) string {
	var parts []string
	for _, line := range strings.Split(screen, "\n") {
		r := []rune(line)
		if x0 >= len(r) {
			continue
		}
		parts = append(parts, string(r[x0:min(x1, len(r))]))
	}
	s := strings.Join(parts, " ")
	s = strings.NewReplacer("│", " ", "╭", " ", "╮", " ", "╰", " ", "╯", " ", "─", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func buildBinary(t *testing.T) string {
	t.Helper()
	root, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "baocao")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/baocao")
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(root)))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
