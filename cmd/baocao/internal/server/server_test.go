package server

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

func TestAcceptedAndRefusedKeys(t *testing.T) {
	e := startServer(t, nil)
	stranger := newKey(t)

	if c, err := e.dial("reader", stranger); err == nil {
		c.Close()
		t.Fatal("a key not in authorized_keys got in")
	}
	if c, err := e.dial("reader"); err == nil {
		c.Close()
		t.Fatal("got in without any key")
	}
	// Neither passwords nor keyboard-interactive are offered.
	_, err := gossh.Dial("tcp", e.addr, &gossh.ClientConfig{
		User: "reader", HostKeyCallback: gossh.FixedHostKey(e.srv.HostKey()), Timeout: 5 * time.Second,
		Auth: []gossh.AuthMethod{gossh.Password("secret"), gossh.KeyboardInteractive(
			func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
	})
	if err == nil || !strings.Contains(err.Error(), "attempted methods [none], no supported methods remain") {
		t.Errorf("password/keyboard-interactive: %v", err)
	}

	// The client offers the stranger's key first, then the authorized one:
	// the session must carry the authorized key's fingerprint.
	c := e.mustDial("reader", stranger, e.key)
	tm := openTerm(t, c, map[string]string{"LANG": "vi_VN.UTF-8"})
	tm.waitReady(t)
	s := e.app.lastSession()
	if want := gossh.FingerprintSHA256(e.key.PublicKey()); s.KeyFingerprint != want {
		t.Errorf("session fingerprint %q, want %q", s.KeyFingerprint, want)
	}
	if s.Anonymous || s.User != "reader" || s.Lang != "vi_VN.UTF-8" || s.Width != 120 || s.Height != 40 || s.Term != "xterm-256color" {
		t.Errorf("session = %+v", s)
	}
	if s.Context == nil || s.Context.Err() != nil {
		t.Errorf("session context not live")
	}
	tm.typeKeys(t, "q")
	if st := tm.wait(t, 5*time.Second); st != 0 {
		t.Errorf("quit: exit status %d, want 0", st)
	}
	if s.Context.Err() == nil {
		t.Errorf("session context still live after the session ended")
	}
	if !strings.Contains(e.logs.String(), "authentication failed") {
		t.Errorf("refused key not logged")
	}
}

// fakeSess is just enough of ssh.Session for checkKey.
type fakeSess struct {
	ssh.Session
	pk    ssh.PublicKey
	perms ssh.Permissions
}

func (f fakeSess) PublicKey() ssh.PublicKey     { return f.pk }
func (f fakeSess) Permissions() ssh.Permissions { return f.perms }

// TestCheckKey is the CVE-2024-45337 re-check: a session may only proceed
// with the key whose signature was verified, and only while it is listed.
func TestCheckKey(t *testing.T) {
	e := startServer(t, nil)
	other := newKey(t)
	perms := func(k gossh.Signer) ssh.Permissions {
		return ssh.Permissions{Permissions: &gossh.Permissions{Extensions: map[string]string{
			extVerifiedKey: encodeKey(k.PublicKey()),
		}}}
	}
	if fp, err := e.srv.checkKey(fakeSess{pk: e.key.PublicKey(), perms: perms(e.key)}); err != nil || fp == "" {
		t.Errorf("matching verified key refused: %v", err)
	}
	cases := map[string]fakeSess{
		"no key":                      {perms: perms(e.key)},
		"no verified record":          {pk: e.key.PublicKey(), perms: ssh.Permissions{Permissions: &gossh.Permissions{}}},
		"verified key is another key": {pk: e.key.PublicKey(), perms: perms(other)},
		"key not listed":              {pk: other.PublicKey(), perms: perms(other)},
	}
	for name, fs := range cases {
		if _, err := e.srv.checkKey(fs); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func encodeKey(k gossh.PublicKey) string {
	return base64.StdEncoding.EncodeToString(k.Marshal())
}

func TestOpenMode(t *testing.T) {
	e := startServer(t, func(c *Config) { c.Open = true })
	c := e.mustDial("anyone") // no key at all
	tm := openTerm(t, c, nil)
	tm.waitReady(t)
	s := e.app.lastSession()
	if !s.Anonymous || s.KeyFingerprint != "" {
		t.Errorf("open session = %+v", s)
	}
	tm.typeKeys(t, "q")
	if st := tm.wait(t, 5*time.Second); st != 0 {
		t.Errorf("exit status %d", st)
	}
	out, _, st := run(t, c, "export --format csv")
	if st != 0 || out != "args=--format|csv\n" {
		t.Errorf("open export: %q status %d", out, st)
	}
}

func TestNeedsAuthMode(t *testing.T) {
	cfg := DefaultConfig()
	cfg.HostKeyPath = filepath.Join(t.TempDir(), "k")
	_, err := New(cfg, newFakeApp(), nil)
	if !errors.Is(err, ErrNoAuthMode) {
		t.Errorf("no auth mode: err = %v", err)
	}
	if err == nil || !strings.Contains(err.Error(), "--authorized-keys") || !strings.Contains(err.Error(), "--open") {
		t.Errorf("error does not say what to do: %v", err)
	}
	cfg.Open, cfg.AuthorizedKeysPath = true, "x"
	if _, err := New(cfg, newFakeApp(), nil); err == nil {
		t.Error("both --open and --authorized-keys accepted")
	}
	cfg.Open, cfg.AuthorizedKeysPath = false, filepath.Join(t.TempDir(), "missing")
	if _, err := New(cfg, newFakeApp(), nil); err == nil {
		t.Error("missing authorized_keys file accepted")
	}
	cfg.Open, cfg.AuthorizedKeysPath, cfg.HandshakeTimeout = true, "", time.Minute
	if _, err := New(cfg, newFakeApp(), nil); err == nil {
		t.Error("handshake timeout over 30s accepted")
	}
	// A hand-made Config gets the default limits.
	bare := Config{Open: true, HostKeyPath: cfg.HostKeyPath}
	if err := bare.Validate(); err != nil {
		t.Errorf("bare config: %v", err)
	}
	if bare.MaxSessions != 100 || bare.MaxAuthTries != 6 || bare.HandshakeTimeout != 20*time.Second || bare.MaxStartups != (Startups{10, 30, 100}) {
		t.Errorf("bare config not filled: %+v", bare)
	}
}

func TestHostKeyCreatedAndReused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data", "baocao", "ssh_host_ed25519_key")
	s1, created, err := LoadOrCreateHostKey(path)
	if err != nil || !created {
		t.Fatalf("create: %v created=%v", err, created)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key mode %04o, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %04o, want 0700", di.Mode().Perm())
	}
	if s1.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s", s1.PublicKey().Type())
	}
	s2, created, err := LoadOrCreateHostKey(path)
	if err != nil || created {
		t.Fatalf("reuse: %v created=%v", err, created)
	}
	if !ssh.KeysEqual(s1.PublicKey(), s2.PublicKey()) {
		t.Error("second start made a new key")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("leftover files next to the key: %v", entries)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadOrCreateHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable key: err = %v", err)
	}

	// Through New, with the fingerprint logged.
	e := startServer(t, nil)
	if !strings.Contains(e.logs.String(), e.srv.HostKeyFingerprint()) {
		t.Errorf("fingerprint not logged at start")
	}
}

func TestDefaultHostKeyPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if p := DefaultHostKeyPath(); p != "/xdg/baocao/ssh_host_ed25519_key" {
		t.Errorf("with XDG_DATA_HOME: %s", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	if p := DefaultHostKeyPath(); !strings.HasSuffix(p, filepath.Join("baocao", "ssh_host_ed25519_key")) {
		t.Errorf("without XDG_DATA_HOME: %s", p)
	}
}

func TestAuthorizedKeysReload(t *testing.T) {
	e := startServer(t, nil)
	second := newKey(t)
	if c, err := e.dial("r", second); err == nil {
		c.Close()
		t.Fatal("unlisted key got in")
	}
	// Replace the file: the second key in (with an option that is fine),
	// the first out; a key with an unsupported option is skipped.
	third := newKey(t)
	content := "# team\nrestrict " + authorizedLine(second, "second-key-longer-comment") +
		`from="10.0.0.1" ` + authorizedLine(third, "third") + "garbage line\n"
	if err := os.WriteFile(e.authPath, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	c := e.mustDial("r", second)
	c.Close()
	if c, err := e.dial("r", e.key); err == nil {
		c.Close()
		t.Error("removed key still gets in")
	}
	if c, err := e.dial("r", third); err == nil {
		c.Close()
		t.Error("key with an unenforced from= option got in")
	}
	// Deleting the file revokes everyone.
	if err := os.Remove(e.authPath); err != nil {
		t.Fatal(err)
	}
	if c, err := e.dial("r", second); err == nil {
		c.Close()
		t.Error("key got in after the file was deleted")
	}
	if !strings.Contains(e.logs.String(), "authorized keys reloaded") {
		t.Error("reload not logged")
	}
}

func TestExport(t *testing.T) {
	e := startServer(t, nil)
	c := e.mustDial("r", e.key)

	out, errs, st := run(t, c, "export --format csv")
	if st != 0 || out != "args=--format|csv\n" || errs != "" {
		t.Errorf("export: out %q err %q status %d", out, errs, st)
	}

	e.app.export = func(ctx context.Context, w io.Writer, args []string) error {
		io.WriteString(w, "partial\n")
		return fmt.Errorf("unknown format %q", args[1])
	}
	out, errs, st = run(t, c, "export --format xml")
	if st != 1 || out != "partial\n" || !strings.Contains(errs, `unknown format "xml"`) {
		t.Errorf("failing export: out %q err %q status %d", out, errs, st)
	}

	// A large export arrives whole.
	e.app.export = func(ctx context.Context, w io.Writer, args []string) error {
		for i := range 20000 {
			if _, err := fmt.Fprintf(w, "row %d\n", i); err != nil {
				return err
			}
		}
		return nil
	}
	out, _, st = run(t, c, "export")
	if st != 0 || strings.Count(out, "\n") != 20000 || !strings.HasSuffix(out, "row 19999\n") {
		t.Errorf("large export: %d lines, status %d", strings.Count(out, "\n"), st)
	}

	// export with a terminal is refused (its output would be mangled).
	tm, err := tryTerm(c, nil, "export")
	if err != nil {
		t.Fatal(err)
	}
	if st := tm.wait(t, 5*time.Second); st == 0 || !strings.Contains(tm.errb.String()+tm.out.String(), "without a terminal") {
		t.Errorf("export with pty: status %d, %q", st, tm.errb.String())
	}
}

func TestRefusals(t *testing.T) {
	e := startServer(t, nil)
	c := e.mustDial("r", e.key)

	_, errs, st := run(t, c, "rm -rf /")
	if st == 0 || !strings.Contains(errs, `unknown command "rm"`) || strings.Contains(errs, "\r") {
		t.Errorf("unknown command: %q status %d", errs, st)
	}
	_, errs, st = run(t, c, "")
	if st == 0 || !strings.Contains(errs, "connect with a terminal") {
		t.Errorf("shell without pty: %q status %d", errs, st)
	}

	// sftp subsystem.
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	serr, err := sess.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		msg, _ := io.ReadAll(serr)
		if !strings.Contains(string(msg), `subsystem "sftp" is not offered`) {
			t.Errorf("sftp: message %q", msg)
		}
		if st := exitStatus(sess.Wait()); st == 0 {
			t.Errorf("sftp: exit status 0")
		}
	}
	sess.Close()

	// Local and remote port forwarding.
	if conn, err := c.Dial("tcp", e.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding allowed")
	} else if !strings.Contains(err.Error(), "port forwarding is not offered") {
		t.Errorf("local forward refused without a clear reason: %v", err)
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding allowed")
	}
	// Agent and X11 forwarding, then the session itself still works.
	sess, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Error("agent forwarding accepted")
	}
	ok, err := sess.SendRequest("x11-req", true, gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0}))
	if err != nil || ok {
		t.Errorf("x11 forwarding: ok=%v err=%v", ok, err)
	}
	var out syncBuf
	sess.Stdout = &out
	if err := sess.Run("export a"); err != nil || out.String() != "args=a\n" {
		t.Errorf("session after refused forwarding: %v %q", err, out.String())
	}
	// A channel type nobody asked for.
	if _, _, err := c.OpenChannel("x11", nil); err == nil || !strings.Contains(err.Error(), "not offered") {
		t.Errorf("x11 channel: %v", err)
	}
	logs := e.logs.String()
	for _, want := range []string{"refused agent forwarding", "refused X11 forwarding", "refused port forwarding (local)", "refused port forwarding (remote)", "refused subsystem", `unknown command \"rm\"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

func TestSessionCap(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessions = 2 })
	c := e.mustDial("r", e.key)
	a := openTerm(t, c, nil)
	a.waitReady(t)
	b := openTerm(t, c, nil)
	b.waitReady(t)

	third := openTerm(t, c, nil)
	if st := third.wait(t, 5*time.Second); st == 0 {
		t.Error("third session: exit status 0")
	}
	if msg := third.errb.String(); !strings.Contains(msg, "server is full") {
		t.Errorf("third session message %q", msg)
	}
	_, errs, st := run(t, c, "export")
	if st == 0 || !strings.Contains(errs, "server is full") {
		t.Errorf("export while full: %q %d", errs, st)
	}

	a.typeKeys(t, "q")
	a.wait(t, 5*time.Second)
	d := openTerm(t, c, nil)
	d.waitReady(t)
}

func TestSessionsPerConnection(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessionsPerConn = 1 })
	c := e.mustDial("r", e.key)
	a := openTerm(t, c, nil)
	a.waitReady(t)
	if _, err := c.NewSession(); err == nil {
		t.Error("second session channel on one connection accepted")
	}
	// Another connection is fine.
	c2 := e.mustDial("r", e.key)
	openTerm(t, c2, nil).waitReady(t)
}

func TestIdleTimeout(t *testing.T) {
	const idle = time.Second
	e := startServer(t, func(c *Config) { c.IdleTimeout = idle })
	c := e.mustDial("r", e.key)
	tm := openTerm(t, c, nil)
	tm.waitReady(t)
	// Typing keeps it open past the timeout...
	for range 15 {
		time.Sleep(idle / 10)
		tm.typeKeys(t, "x")
	}
	if !tm.alive() {
		t.Fatal("session ended while the reader was typing")
	}
	// ...and silence ends it, with a message.
	start := time.Now()
	st := tm.wait(t, 5*time.Second)
	if st == 0 {
		t.Error("idle end: exit status 0")
	}
	if took := time.Since(start); took > idle+time.Second {
		t.Errorf("idle session ended after %v", took)
	}
	if !strings.Contains(tm.errb.String(), "no input for 1s") {
		t.Errorf("idle message %q", tm.errb.String())
	}
}

func TestMaxSessionTime(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessionTime = 300 * time.Millisecond })
	c := e.mustDial("r", e.key)
	tm := openTerm(t, c, nil)
	tm.waitReady(t)
	go func() {
		for range 20 {
			time.Sleep(50 * time.Millisecond)
			io.WriteString(tm.stdin, "x")
		}
	}()
	if st := tm.wait(t, 5*time.Second); st == 0 || !strings.Contains(tm.errb.String(), "at most 300ms") {
		t.Errorf("max time: status %d, %q", st, tm.errb.String())
	}
	e.app.export = func(ctx context.Context, w io.Writer, args []string) error {
		<-ctx.Done()
		return ctx.Err()
	}
	_, errs, st := run(t, c, "export")
	if st == 0 || !strings.Contains(errs, "export interrupted") {
		t.Errorf("slow export: %q %d", errs, st)
	}
}

func TestPanicIsolated(t *testing.T) {
	e := startServer(t, nil)
	c := e.mustDial("r", e.key)
	a := openTerm(t, c, nil)
	a.waitReady(t)
	b := openTerm(t, c, nil)
	b.waitReady(t)
	bid := e.app.lastSession().ID

	a.typeKeys(t, "p")
	if st := a.wait(t, 5*time.Second); st == 0 {
		t.Error("panicked session: exit status 0")
	}
	if !strings.Contains(a.errb.String(), "internal error") {
		t.Errorf("panicked session message %q", a.errb.String())
	}

	// View panics too.
	v := openTerm(t, c, nil)
	v.waitReady(t)
	v.typeKeys(t, "v")
	if st := v.wait(t, 5*time.Second); st == 0 {
		t.Error("View panic: exit status 0")
	}

	// A command panics on tea's command goroutine.
	cm := openTerm(t, c, nil)
	cm.waitReady(t)
	cm.typeKeys(t, "c")
	if st := cm.wait(t, 5*time.Second); st == 0 || !strings.Contains(cm.errb.String(), "internal error") {
		t.Errorf("Cmd panic: status %d, %q", st, cm.errb.String())
	}

	// NewModel panics: the handler's own recover.
	pc := e.mustDial("panic-in-newmodel", e.key)
	_, errs, st := runPty(t, pc)
	if st == 0 || !strings.Contains(errs, "internal error") {
		t.Errorf("NewModel panic: %q %d", errs, st)
	}

	// b is unaffected.
	n := b.out.Len()
	b.typeKeys(t, "k")
	e.waitKey(t, bid, "k")
	eventually(t, 5*time.Second, "a frame after the key", func() bool { return b.out.Len() > n })
	b.typeKeys(t, "q")
	if st := b.wait(t, 5*time.Second); st != 0 {
		t.Errorf("surviving session exit status %d", st)
	}
	if !strings.Contains(e.logs.String(), "panic") {
		t.Error("panic not logged")
	}
}

func runPty(t *testing.T, c *gossh.Client) (string, string, int) {
	t.Helper()
	tm, err := tryTerm(c, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	st := tm.wait(t, 5*time.Second)
	return tm.out.String(), tm.errb.String(), st
}

func TestChannelsCappedGlobally(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessions, c.MaxSessionsPerConn = 1, 1 })
	// Two channels (MaxSessions + MaxSessionsPerConn) may be open, even
	// without a shell; the third is refused at once.
	for range 2 {
		if _, err := e.mustDial("r", e.key).NewSession(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.mustDial("r", e.key).NewSession(); err == nil || !strings.Contains(err.Error(), "server is full") {
		t.Errorf("third channel: %v", err)
	}
}
