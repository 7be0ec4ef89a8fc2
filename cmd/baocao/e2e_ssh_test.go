//go:build e2e

package main

import (
	"bufio"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestE2ESSH serves the sample corpus with the real binary and reads it
// with the real OpenSSH client inside tmux, as a reader on another machine
// would: the list renders, a filter works, a resize redraws, q ends the
// session cleanly, and SIGTERM stops the server within 10 s.
func TestE2ESSH(t *testing.T) {
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("the OpenSSH client is not installed (apt-get install -y openssh-client)")
	}
	bin := buildBinary(t)
	dir := t.TempDir()

	srv := exec.Command(bin, "serve", "--open", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "host_key"))
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			srv.Process.Kill()
			srv.Wait()
		}
	})
	addr := make(chan string, 1)
	var serverLog strings.Builder // written until logDone is closed
	logDone := make(chan struct{})
	go func() {
		defer close(logDone)
		re := regexp.MustCompile(`listening addr=(\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			serverLog.WriteString(sc.Text() + "\n")
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var port string
	select {
	case a := <-addr:
		_, port, _ = strings.Cut(a, ":")
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not say where it listens")
	}

	ssh := fmt.Sprintf("%s -F /dev/null -p %s -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "+
		"-o IdentityAgent=none -o LogLevel=ERROR -o SendEnv=LANG -tt reader@127.0.0.1", sshBin, port)
	x := startTmux(t, 120, 40, []string{"LANG=vi_VN.UTF-8", "TERM=xterm-256color"}, ssh)

	// The list renders, in the client's language.
	x.waitText("5 / 5 báo cáo")

	// A filter works.
	x.text("/hoang van thu")
	x.waitFor("one report left by the filter", func(s string) bool {
		return strings.Contains(s, "1 / 5 báo cáo") && strings.Contains(s, "Hoàng Văn Thụ")
	})
	x.escape("hoang van thu")
	x.waitText("5 / 5 báo cáo")

	// A resize redraws: the narrow layout fills 80x24 with the status bar
	// on its second-last line.
	x.run("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	x.waitFor("the narrow layout", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return len(lines) == 24 && strings.Contains(lines[22], "5 / 5 báo cáo")
	})

	// q ends the session cleanly: ssh exits 0.
	x.keys("q")
	x.waitFor("ssh to exit", func(string) bool {
		return strings.TrimSpace(x.run("list-panes", "-t", "e2e", "-F", "#{pane_dead}")) == "1"
	})
	if st := strings.TrimSpace(x.run("list-panes", "-t", "e2e", "-F", "#{pane_dead_status}")); st != "0" {
		t.Errorf("ssh exited with status %s; screen:\n%s", st, x.screen())
	}

	// SIGTERM stops the server within 10 s, with status 0.
	start := time.Now()
	srv.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- srv.Wait() }()
	select {
	case err := <-done:
		stopped = true
		if err != nil {
			t.Errorf("serve exited with %v after SIGTERM", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("serve took %v to stop", d)
		}
	case <-time.After(12 * time.Second):
		t.Fatalf("serve still running 12 s after SIGTERM")
	}
	<-logDone
	if log := serverLog.String(); strings.Contains(log, "Hoàng Văn Thụ") || strings.Contains(log, "ngân sách") {
		t.Errorf("the server logged article text:\n%s", log)
	}
}
