package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// fakeApp serves testModel and a scripted export.
type fakeApp struct {
	mu       sync.Mutex
	sessions []Session
	keys     chan string // "<session id>:<key>" for every key a model saw
	sizes    chan tea.WindowSizeMsg
	export   func(ctx context.Context, w io.Writer, args []string) error
	stuck    chan struct{} // "s" blocks Update until this is closed
}

func newFakeApp() *fakeApp {
	return &fakeApp{keys: make(chan string, 4096), sizes: make(chan tea.WindowSizeMsg, 4096), stuck: make(chan struct{})}
}

func (a *fakeApp) NewModel(s Session) tea.Model {
	a.mu.Lock()
	a.sessions = append(a.sessions, s)
	a.mu.Unlock()
	if s.User == "panic-in-newmodel" {
		panic("test: NewModel panics")
	}
	return &testModel{app: a, s: s}
}

func (a *fakeApp) Export(ctx context.Context, w io.Writer, args []string) error {
	if a.export != nil {
		return a.export(ctx, w, args)
	}
	_, err := fmt.Fprintf(w, "args=%s\n", strings.Join(args, "|"))
	return err
}

func (a *fakeApp) lastSession() Session {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.sessions) == 0 {
		return Session{}
	}
	return a.sessions[len(a.sessions)-1]
}

// testModel counts keys; "q" quits, "p" panics in Update, "v" makes View
// panic, "c" returns a Cmd that panics, "s" gets stuck in Update.
type testModel struct {
	app       *fakeApp
	s         Session
	n         int
	viewPanic bool
}

func (m *testModel) Init() tea.Cmd { return nil }

func (m *testModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := msg.String()
		select {
		case m.app.keys <- m.s.ID + ":" + k:
		default:
		}
		switch k {
		case "q":
			return m, tea.Quit
		case "p":
			panic("test: Update panics")
		case "v":
			m.viewPanic = true
		case "s":
			<-m.app.stuck
		case "c":
			return m, func() tea.Msg { panic("test: Cmd panics") }
		}
		m.n++
	case tea.WindowSizeMsg:
		select {
		case m.app.sizes <- msg:
		default:
		}
	}
	return m, nil
}

func (m *testModel) View() tea.View {
	if m.viewPanic {
		panic("test: View panics")
	}
	return tea.NewView(fmt.Sprintf("baocao-test-ready\n%d", m.n))
}

// testEnv is a running server on 127.0.0.1:0.
type testEnv struct {
	t        *testing.T
	srv      *Server
	app      *fakeApp
	addr     string
	dir      string
	authPath string
	key      gossh.Signer // authorized unless the test changes the file
	logs     *syncBuf
	cancel   context.CancelFunc
	done     chan error
}

func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorizedLine(s gossh.Signer, comment string) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + comment + "\n"
}

// startServer runs a server with an authorized_keys file holding one key
// (or in open mode when tweak sets Open), with test-sized limits.
func startServer(t *testing.T, tweak func(*Config)) *testEnv {
	t.Helper()
	dir := t.TempDir()
	e := &testEnv{t: t, app: newFakeApp(), dir: dir, key: newKey(t), logs: &syncBuf{}}
	e.authPath = filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(e.authPath, []byte(authorizedLine(e.key, "tester")), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.HostKeyPath = filepath.Join(dir, "hostkey", "ssh_host_ed25519_key")
	cfg.AuthorizedKeysPath = e.authPath
	cfg.HandshakeTimeout = 5 * time.Second
	cfg.ShutdownTimeout = 5 * time.Second
	if tweak != nil {
		tweak(&cfg)
	}
	if cfg.Open {
		cfg.AuthorizedKeysPath = ""
	}
	logger := log.New(e.logs)
	logger.SetLevel(log.DebugLevel)
	srv, err := New(cfg, e.app, logger)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	e.srv, e.addr = srv, srv.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	e.cancel, e.done = cancel, make(chan error, 1)
	go func() { e.done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		e.stop()
		if t.Failed() {
			t.Logf("server log:\n%s", e.logs.String())
		}
	})
	return e
}

// stop shuts the server down and waits for Serve to return.
func (e *testEnv) stop() error {
	e.cancel()
	select {
	case err := <-e.done:
		e.done <- err // for a second stop
		return err
	case <-time.After(15 * time.Second):
		e.t.Error("Serve did not return after shutdown")
		return errors.New("timeout")
	}
}

func (e *testEnv) dial(user string, signers ...gossh.Signer) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User:            user,
		HostKeyCallback: gossh.FixedHostKey(e.srv.HostKey()),
		Timeout:         5 * time.Second,
	}
	if len(signers) > 0 {
		cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(signers...)}
	}
	return gossh.Dial("tcp", e.addr, cfg)
}

func (e *testEnv) mustDial(user string, signers ...gossh.Signer) *gossh.Client {
	e.t.Helper()
	c, err := e.dial(user, signers...)
	if err != nil {
		e.t.Fatalf("dial: %v", err)
	}
	e.t.Cleanup(func() { c.Close() })
	return c
}

// term is a client session with a PTY running the reader.
type term struct {
	sess  *gossh.Session
	stdin io.WriteCloser
	out   *syncBuf
	errb  *syncBuf

	exited chan struct{} // closed when the session has ended
	status int           // exit status, -1 when none was sent
}

// alive reports whether the session is still running.
func (tm *term) alive() bool {
	select {
	case <-tm.exited:
		return false
	default:
		return true
	}
}

func openTerm(t *testing.T, c *gossh.Client, env map[string]string) *term {
	t.Helper()
	tm, err := tryTerm(c, env, "")
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// tryTerm opens a PTY session and starts a shell (cmd == "") or command.
func tryTerm(c *gossh.Client, env map[string]string, cmd string) (*term, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			return nil, err
		}
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	tm := &term{sess: sess, out: &syncBuf{}, errb: &syncBuf{}, exited: make(chan struct{})}
	if tm.stdin, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	sess.Stdout = tm.out
	sess.Stderr = tm.errb
	if cmd == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(cmd)
	}
	if err == nil {
		go func() {
			tm.status = exitStatus(sess.Wait())
			close(tm.exited)
		}()
	}
	return tm, err
}

func (tm *term) waitReady(t *testing.T) {
	t.Helper()
	if !tm.out.waitFor("baocao-test-ready", 5*time.Second) {
		t.Fatalf("no first frame; got %q / %q", tm.out.String(), tm.errb.String())
	}
}

func (tm *term) typeKeys(t *testing.T, s string) {
	t.Helper()
	if _, err := io.WriteString(tm.stdin, s); err != nil {
		t.Fatalf("type %q: %v", s, err)
	}
}

// wait waits for the session to end and returns its exit status (-1 when
// the channel closed without one).
func (tm *term) wait(t *testing.T, within time.Duration) int {
	t.Helper()
	select {
	case <-tm.exited:
		return tm.status
	case <-time.After(within):
		t.Fatalf("session still running after %v; stderr %q", within, tm.errb.String())
		return 0
	}
}

func exitStatus(err error) int {
	var ee *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitStatus()
	default:
		return -1
	}
}

// run runs cmd without a PTY and returns stdout, stderr and exit status.
func run(t *testing.T, c *gossh.Client, cmd string) (string, string, int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	if cmd == "" {
		err = sess.Shell()
		if err == nil {
			err = sess.Wait()
		}
	} else {
		err = sess.Run(cmd)
	}
	return out.String(), errb.String(), exitStatus(err)
}

// waitKey waits until the model of session id saw key.
func (e *testEnv) waitKey(t *testing.T, id, key string) {
	t.Helper()
	want := id + ":" + key
	deadline := time.After(5 * time.Second)
	for {
		select {
		case k := <-e.app.keys:
			if k == want {
				return
			}
		case <-deadline:
			t.Fatalf("model %s never saw key %q", id, key)
		}
	}
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// syncBuf is a goroutine-safe buffer that can be waited on.
type syncBuf struct {
	mu  sync.Mutex
	b   bytes.Buffer
	sig chan struct{}
}

func (b *syncBuf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.sig != nil {
		close(b.sig)
		b.sig = nil
	}
	return b.b.Write(p)
}

func (b *syncBuf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func (b *syncBuf) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Len()
}

func (b *syncBuf) waitFor(sub string, within time.Duration) bool {
	deadline := time.After(within)
	for {
		b.mu.Lock()
		if strings.Contains(b.b.String(), sub) {
			b.mu.Unlock()
			return true
		}
		if b.sig == nil {
			b.sig = make(chan struct{})
		}
		sig := b.sig
		b.mu.Unlock()
		select {
		case <-sig:
		case <-deadline:
			return false
		}
	}
}

// rawConn opens a TCP connection that never speaks SSH.
func (e *testEnv) rawConn(t *testing.T) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", e.addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}
