package server

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// drainSizes empties the fake app's window-size log.
func (e *testEnv) drainSizes() {
	for {
		select {
		case <-e.app.sizes:
		default:
			return
		}
	}
}

func TestResizeStormCoalescedAndClamped(t *testing.T) {
	e := startServer(t, func(c *Config) { c.ResizeInterval = 100 * time.Millisecond })
	c := e.mustDial("r", e.key)
	tm := openTerm(t, c, nil)
	tm.waitReady(t)
	time.Sleep(150 * time.Millisecond)
	e.drainSizes()

	const n = 200
	for i := range n {
		if err := tm.sess.WindowChange(20+i%30, 80+i%50); err != nil {
			t.Fatal(err)
		}
	}
	if err := tm.sess.WindowChange(33, 111); err != nil {
		t.Fatal(err)
	}
	var got []tea.WindowSizeMsg
	deadline := time.After(5 * time.Second)
	for len(got) == 0 || got[len(got)-1] != (tea.WindowSizeMsg{Width: 111, Height: 33}) {
		select {
		case m := <-e.app.sizes:
			got = append(got, m)
		case <-deadline:
			t.Fatalf("final size never arrived; got %v", got)
		}
	}
	if len(got) > n/4 {
		t.Errorf("%d resizes reached the model for %d sent; want them coalesced", len(got), n+1)
	}

	// A client claiming an absurd size gets the server's cap.
	if err := tm.sess.WindowChange(1_000_000, 1_000_000); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-e.app.sizes:
		if m.Width != 320 || m.Height != 75 { // 24000 cells / 320 columns
			t.Errorf("huge window reached the model as %dx%d", m.Width, m.Height)
		}
	case <-time.After(3 * time.Second):
		t.Error("clamped size never arrived")
	}
	tm.typeKeys(t, "q")
	if st := tm.wait(t, 5*time.Second); st != 0 {
		t.Errorf("exit status %d after resize storm", st)
	}
}

func TestHugePasteDoesNotDisturbOthers(t *testing.T) {
	e := startServer(t, func(c *Config) { c.InputRate = 32 << 10 })
	c := e.mustDial("r", e.key)
	paster := openTerm(t, c, nil)
	paster.waitReady(t)
	pid := e.app.lastSession().ID
	other := openTerm(t, e.mustDial("r", e.key), nil)
	other.waitReady(t)
	oid := e.app.lastSession().ID

	pasted := make(chan error, 1)
	go func() {
		_, err := paster.stdin.Write(bytes.Repeat([]byte("x"), 1<<20))
		pasted <- err
	}()
	e.waitKey(t, pid, "x") // the paste is being read

	// The other reader's keys still get through promptly.
	for _, k := range []string{"a", "b", "d"} {
		start := time.Now()
		other.typeKeys(t, k)
		e.waitKey(t, oid, k)
		if d := time.Since(start); d > time.Second {
			t.Errorf("key %q took %v during the paste", k, d)
		}
	}
	// The paste fits in the SSH channel window, so the client's write may
	// be done, but the server is still reading it at the rate limit.
	if !paster.alive() {
		t.Error("paster's session ended")
	}
	paster.sess.Close()
	paster.wait(t, 5*time.Second)
	<-pasted
	eventually(t, 5*time.Second, "the paster's session gone", func() bool { return e.srv.sessionCount() == 1 })
	other.typeKeys(t, "q")
	if st := other.wait(t, 5*time.Second); st != 0 {
		t.Errorf("other reader exit status %d", st)
	}
}

func TestClientVanishesMidFrame(t *testing.T) {
	e := startServer(t, nil)
	other := openTerm(t, e.mustDial("r", e.key), nil)
	other.waitReady(t)
	oid := e.app.lastSession().ID

	for range 3 {
		nc, err := net.Dial("tcp", e.addr)
		if err != nil {
			t.Fatal(err)
		}
		cc, chans, reqs, err := gossh.NewClientConn(nc, e.addr, &gossh.ClientConfig{
			User:            "r",
			Auth:            []gossh.AuthMethod{gossh.PublicKeys(e.key)},
			HostKeyCallback: gossh.FixedHostKey(e.srv.HostKey()),
		})
		if err != nil {
			t.Fatal(err)
		}
		c := gossh.NewClient(cc, chans, reqs)
		tm := openTerm(t, c, nil)
		tm.waitReady(t)
		// Make the server busy writing frames, then cut the TCP connection.
		go func() {
			for i := range 100 {
				if tm.sess.WindowChange(24+i%20, 80+i%40) != nil {
					return
				}
				if _, err := io.WriteString(tm.stdin, "jk"); err != nil {
					return
				}
			}
		}()
		time.Sleep(30 * time.Millisecond)
		nc.Close()
	}
	eventually(t, 5*time.Second, "vanished sessions cleaned up", func() bool { return e.srv.sessionCount() == 1 })
	other.typeKeys(t, "z")
	e.waitKey(t, oid, "z")
}

// TestStalledReaderDoesNotBlockOthers: a client that stops reading its
// output blocks only its own session.
func TestStalledReaderDoesNotBlockOthers(t *testing.T) {
	e := startServer(t, func(c *Config) { c.IdleTimeout = 500 * time.Millisecond })
	// A raw client that never reads its channel: wrap the conn so reads
	// stall after the handshake.
	nc, err := net.Dial("tcp", e.addr)
	if err != nil {
		t.Fatal(err)
	}
	sc := &stallConn{Conn: nc, stall: make(chan struct{})}
	t.Cleanup(func() { close(sc.stall); nc.Close() })
	cc, chans, reqs, err := gossh.NewClientConn(sc, e.addr, &gossh.ClientConfig{
		User: "r", Auth: []gossh.AuthMethod{gossh.PublicKeys(e.key)},
		HostKeyCallback: gossh.FixedHostKey(e.srv.HostKey()),
	})
	if err != nil {
		t.Fatal(err)
	}
	stalled := openTerm(t, gossh.NewClient(cc, chans, reqs), nil)
	stalled.waitReady(t)
	sc.stalled.Store(true)
	go func() {
		for i := range 300 {
			if stalled.sess.WindowChange(20+i%40, 60+i%100) != nil {
				return
			}
		}
	}()

	other := openTerm(t, e.mustDial("r", e.key), nil)
	other.waitReady(t)
	oid := e.app.lastSession().ID
	for _, k := range []string{"a", "b"} {
		start := time.Now()
		other.typeKeys(t, k)
		e.waitKey(t, oid, k)
		if d := time.Since(start); d > time.Second {
			t.Errorf("key took %v next to a stalled reader", d)
		}
	}
	// The stalled session goes at its idle timeout, even if its writes
	// block, while the other reader keeps typing.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
				io.WriteString(other.stdin, "x")
			}
		}
	}()
	eventually(t, 8*time.Second, "stalled session closed", func() bool { return e.srv.Stats().Sessions == 1 })
	if !other.alive() {
		t.Error("the other reader's session ended")
	}
}

// stallConn stops delivering reads once stalled is set, like a client whose
// terminal hangs.
type stallConn struct {
	net.Conn
	stalled atomic.Bool
	stall   chan struct{}
}

func (c *stallConn) Read(p []byte) (int, error) {
	if c.stalled.Load() {
		<-c.stall
	}
	return c.Conn.Read(p)
}

// TestChannelCloseEndsReader: a client that closes its session but keeps
// the connection (OpenSSH multiplexing) ends the reader at once, not at the
// idle timeout.
func TestChannelCloseEndsReader(t *testing.T) {
	e := startServer(t, nil)
	c := e.mustDial("r", e.key)
	tm := openTerm(t, c, nil)
	tm.waitReady(t)
	tm.sess.Close()
	eventually(t, 3*time.Second, "reader ended after its channel closed", func() bool { return e.srv.sessionCount() == 0 })
	openTerm(t, c, nil).waitReady(t) // the connection is still good
	if !strings.Contains(e.logs.String(), "reason=\"client gone\"") {
		t.Errorf("end reason not logged as client gone")
	}
}

// TestWindowChangeOutsideReader: window changes before the shell starts, or
// on a PTY session that is refused, must neither hang the session nor leak
// charm.land/ssh's request loop (its window channel holds one value).
func TestWindowChangeOutsideReader(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessions = 1 })
	time.Sleep(50 * time.Millisecond) // let Serve start its accept loop
	base := runtime.NumGoroutine()
	c := e.mustDial("r", e.key)

	// Resizes between pty-req and shell.
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		if err := sess.WindowChange(30, 90+i); err != nil {
			t.Fatal(err)
		}
	}
	var out syncBuf
	sess.Stdout = &out
	stdin, _ := sess.StdinPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if !out.waitFor("baocao-test-ready", 5*time.Second) {
		t.Fatal("reader never started after early resizes")
	}
	// The reader starts at the PTY's size; the last early resize follows.
	deadline := time.After(5 * time.Second)
	for got := (tea.WindowSizeMsg{}); got != (tea.WindowSizeMsg{Width: 129, Height: 30}); {
		select {
		case got = <-e.app.sizes:
		case <-deadline:
			t.Fatalf("last early resize never reached the model (last %v)", got)
		}
	}

	// PTY sessions that are refused (server full, unknown command), with
	// resizes after the refusal.
	for _, cmd := range []string{"", "nope"} {
		tm, err := tryTerm(c, nil, cmd)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 40 {
			if tm.sess.WindowChange(20, 60+i) != nil {
				break
			}
		}
		if st := tm.wait(t, 5*time.Second); st == 0 {
			t.Errorf("refused %q: exit 0", cmd)
		}
		tm.sess.Close()
	}
	// The connection still works.
	io.WriteString(stdin, "q")
	sess.Wait()
	c.Close()
	deadline = time.After(5 * time.Second)
	for runtime.NumGoroutine() > base || e.srv.Stats() != (Stats{}) {
		select {
		case <-deadline:
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines %d > %d, %+v\n%s", runtime.NumGoroutine(), base, e.srv.Stats(), buf[:runtime.Stack(buf, true)])
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func TestEnvironmentCapped(t *testing.T) {
	e := startServer(t, nil)
	c := e.mustDial("r", e.key)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	refused := 0
	for i := range 80 {
		if sess.Setenv(fmt.Sprintf("V%d", i), "x") != nil {
			refused++
		}
	}
	if refused != 80-maxEnvRequests {
		t.Errorf("%d env requests refused, want %d", refused, 80-maxEnvRequests)
	}
	sess2, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess2.Close()
	if err := sess2.Setenv("BIG", strings.Repeat("x", maxEnvBytes)); err == nil {
		t.Error("oversized environment accepted")
	}
	if err := sess2.Setenv("LANG", "vi_VN.UTF-8"); err != nil {
		t.Errorf("small env refused: %v", err)
	}
}

// TestStuckModelAbandoned: a model stuck in Update cannot hold its session
// past the idle timeout and the quit/kill grace: its connection is closed.
func TestStuckModelAbandoned(t *testing.T) {
	e := startServer(t, func(c *Config) { c.IdleTimeout = time.Second })
	other := openTerm(t, e.mustDial("r", e.key), nil)
	other.waitReady(t)
	oid := e.app.lastSession().ID
	go func() { // the other reader stays active
		for range 100 {
			time.Sleep(100 * time.Millisecond)
			if _, err := io.WriteString(other.stdin, "x"); err != nil {
				return
			}
		}
	}()

	c := e.mustDial("r", e.key)
	stuck := openTerm(t, c, nil)
	stuck.waitReady(t)
	sid := e.app.lastSession().ID
	stuck.typeKeys(t, "s")
	e.waitKey(t, sid, "s")
	for i := range 20 { // resizes must not block the supervisor either
		stuck.sess.WindowChange(30, 90+i)
		time.Sleep(10 * time.Millisecond)
	}
	stuck.wait(t, 10*time.Second)
	eventually(t, 3*time.Second, "stuck session released", func() bool { return e.srv.Stats().Sessions == 1 })
	if _, _, err := c.SendRequest("keepalive@openssh.com", true, nil); err == nil {
		t.Error("the stuck session's connection is still open")
	}
	if !strings.Contains(e.logs.String(), `reason=stuck`) {
		t.Error("abandonment not logged")
	}
	e.waitKey(t, oid, "x")
	if !other.alive() {
		t.Error("the other reader's session ended")
	}
	close(e.app.stuck)
}
