package server

import (
	"bufio"
	"context"
	"flag"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestStartupsFlag(t *testing.T) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg := RegisterFlags(fs)
	if err := fs.Parse([]string{"--open", "--max-startups", "5:50:20", "--idle-timeout", "1m", "--listen", "127.0.0.1:0"}); err != nil {
		t.Fatal(err)
	}
	if cfg.MaxStartups != (Startups{5, 50, 20}) || cfg.IdleTimeout != time.Minute || !cfg.Open || cfg.MaxSessions != 100 {
		t.Errorf("parsed %+v", cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Errorf("valid flags: %v", err)
	}
	for _, bad := range []string{"10:30", "x", "30:10:10", "1:200:5", "0:0:0"} {
		var s Startups
		if err := s.Set(bad); err == nil {
			t.Errorf("max-startups %q accepted", bad)
		}
	}
	var s Startups
	if err := s.Set("7"); err != nil || s != (Startups{7, 100, 7}) {
		t.Errorf("max-startups 7: %+v %v", s, err)
	}
}

// TestConnGate checks the MaxStartups curve and the per-source cap with a
// fixed dice roll.
func TestConnGate(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxStartups = Startups{Start: 2, Rate: 30, Full: 6}
	cfg.MaxPerSource = 100
	g := newConnGate(&cfg)
	roll := 0
	g.roll = func() int { return roll }

	var held []*connState
	admit := func(src string) bool {
		st, why := g.admit(src)
		if st != nil {
			held = append(held, st)
		}
		_ = why
		return st != nil
	}
	// Below start: always in, whatever the dice.
	roll = 0
	if !admit("a") || !admit("a") {
		t.Fatal("refused below start")
	}
	// At start (2 unauthenticated): refused when the roll is under 30 %.
	roll = 29
	if admit("a") {
		t.Error("admitted at start with roll 29 < 30")
	}
	roll = 30
	if !admit("a") { // now 3 unauthenticated
		t.Error("refused at start with roll 30")
	}
	// At 3 of start 2..full 6: p = 30 + 70*1/4 = 47.
	roll = 46
	if admit("a") {
		t.Error("admitted with roll 46 < 47")
	}
	roll = 47
	if !admit("a") { // 4
		t.Error("refused with roll 47")
	}
	roll = 99
	admit("a") // 5
	admit("a") // 6
	if u, _ := g.counts(); u != 6 {
		t.Fatalf("unauth = %d, want 6", u)
	}
	if admit("a") {
		t.Error("admitted at full")
	}
	// Authenticating frees an unauthenticated slot; closing frees the rest,
	// once.
	held[0].authenticated()
	held[0].authenticated()
	if u, total := g.counts(); u != 5 || total != 6 {
		t.Errorf("after auth: unauth %d total %d", u, total)
	}
	for _, st := range held {
		st.release()
		st.release()
	}
	if u, total := g.counts(); u != 0 || total != 0 {
		t.Errorf("after release: unauth %d total %d", u, total)
	}

	// Per source (with MaxStartups out of the way).
	cfg.MaxPerSource = 2
	cfg.MaxStartups = Startups{Start: 100, Rate: 30, Full: 100}
	g = newConnGate(&cfg)
	a1, _ := g.admit("10.0.0.1")
	a2, _ := g.admit("10.0.0.1")
	if st, why := g.admit("10.0.0.1"); st != nil || !strings.Contains(why, "too many connections from 10.0.0.1") {
		t.Errorf("third from one source: %v %q", st, why)
	}
	if st, _ := g.admit("10.0.0.2"); st == nil {
		t.Error("other source refused")
	}
	a1.authenticated()
	if st, _ := g.admit("10.0.0.1"); st != nil {
		t.Error("an authenticated connection stopped counting against its source")
	}
	a2.release()
	if st, _ := g.admit("10.0.0.1"); st == nil {
		t.Error("closing a connection did not free its source slot")
	}
}

func TestPerSourceAndHandshakeTimeout(t *testing.T) {
	e := startServer(t, func(c *Config) {
		c.MaxPerSource = 2
		c.HandshakeTimeout = 500 * time.Millisecond
	})
	r1 := e.rawConn(t)
	e.rawConn(t)
	eventually(t, 3*time.Second, "two connections admitted", func() bool { _, n := e.srv.gate.counts(); return n == 2 })
	// The third connection from 127.0.0.1 is turned away with a line.
	r3 := e.rawConn(t)
	r3.SetReadDeadline(time.Now().Add(3 * time.Second))
	line, _ := bufio.NewReader(r3).ReadString('\n')
	if !strings.Contains(line, "too many connections from 127.0.0.1") {
		t.Errorf("refusal line %q", line)
	}
	// Silent connections are cut at the handshake timeout...
	start := time.Now()
	r1.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err := io.Copy(io.Discard, r1)
	if err != nil || time.Since(start) > 3*time.Second {
		t.Errorf("silent connection: err %v after %v", err, time.Since(start))
	}
	// ...which frees their slots.
	eventually(t, 3*time.Second, "slots freed", func() bool { _, n := e.srv.gate.counts(); return n == 0 })
	c := e.mustDial("r", e.key)
	c.Close()
	if !strings.Contains(e.logs.String(), "connection refused") {
		t.Error("refusal not logged")
	}
}

func TestMaxAuthTries(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxAuthTries = 2 })
	var keys []gossh.Signer
	for range 4 {
		keys = append(keys, newKey(t))
	}
	keys = append(keys, e.key) // the good key comes too late
	if c, err := e.dial("r", keys...); err == nil {
		c.Close()
		t.Fatal("got in after more failed tries than allowed")
	}
	if c, err := e.dial("r", keys[0], e.key); err != nil {
		t.Errorf("one failure then the good key: %v", err)
	} else {
		c.Close()
	}
}

func TestShutdown(t *testing.T) {
	e := startServer(t, nil)
	c := e.mustDial("r", e.key)
	a := openTerm(t, c, nil)
	a.waitReady(t)
	b := openTerm(t, c, nil)
	b.waitReady(t)
	slow := make(chan struct{})
	e.app.export = func(ctx context.Context, w io.Writer, args []string) error {
		close(slow)
		<-ctx.Done()
		return ctx.Err()
	}
	exportDone := make(chan string, 1)
	go func() {
		_, errs, _ := run(t, c, "export")
		exportDone <- errs
	}()
	<-slow
	raw := e.rawConn(t) // still in the handshake

	start := time.Now()
	if err := e.stop(); err != nil {
		t.Errorf("Serve: %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("shutdown took %v", took)
	}
	for _, tm := range []*term{a, b} {
		if st := tm.wait(t, 3*time.Second); st == 0 {
			t.Error("session ended by shutdown with status 0")
		}
		if !strings.Contains(tm.errb.String(), "shutting down") {
			t.Errorf("shutdown message %q", tm.errb.String())
		}
	}
	select {
	case errs := <-exportDone:
		if !strings.Contains(errs, "shutting down") {
			t.Errorf("export shutdown message %q", errs)
		}
	case <-time.After(3 * time.Second):
		t.Error("export still running after shutdown")
	}
	raw.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := io.Copy(io.Discard, raw); err != nil {
		t.Errorf("handshaking connection not closed: %v", err)
	}
	if _, err := net.DialTimeout("tcp", e.addr, time.Second); err == nil {
		t.Error("still accepting after shutdown")
	}
}

// TestShutdownDeadline: a model stuck in Update does not hold shutdown past
// its deadline, and the session is closed anyway.
func TestShutdownDeadline(t *testing.T) {
	e := startServer(t, func(c *Config) { c.ShutdownTimeout = 1 * time.Second })
	c := e.mustDial("r", e.key)
	a := openTerm(t, c, nil)
	a.waitReady(t)
	id := e.app.lastSession().ID
	a.typeKeys(t, "s")
	e.waitKey(t, id, "s")
	start := time.Now()
	err := e.stop()
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("shutdown took %v", took)
	}
	if err == nil {
		t.Error("Serve reported a clean shutdown with a stuck session")
	}
	a.wait(t, 5*time.Second)
	close(e.app.stuck)
	eventually(t, 10*time.Second, "stuck session abandoned", func() bool { return e.srv.sessionCount() == 0 })
}

func TestGoroutinesBackToBaseline(t *testing.T) {
	before := runtime.NumGoroutine()
	e := startServer(t, nil)
	time.Sleep(50 * time.Millisecond)
	baseline := runtime.NumGoroutine()

	for range 3 {
		c := e.mustDial("r", e.key)
		a := openTerm(t, c, nil)
		a.waitReady(t)
		b := openTerm(t, c, nil)
		b.waitReady(t)
		a.typeKeys(t, "abd")
		// Resize storm on b while it renders.
		for i := range 50 {
			b.sess.WindowChange(30+i%10, 100+i)
		}
		a.typeKeys(t, "q")
		a.wait(t, 5*time.Second)
		run(t, c, "export x")
		run(t, c, "nope")
		c.Close() // b vanishes with its connection
	}
	e.rawConn(t).Close()
	if c, err := e.dial("r", newKey(t)); err == nil {
		c.Close()
	}

	eventually(t, 10*time.Second, "goroutines back to the serving baseline", func() bool {
		return runtime.NumGoroutine() <= baseline && e.srv.sessionCount() == 0
	})
	e.stop()
	eventually(t, 10*time.Second, "goroutines back to the pre-server baseline", func() bool {
		return runtime.NumGoroutine() <= before
	})
	if t.Failed() {
		buf := make([]byte, 1<<20)
		t.Logf("%s", buf[:runtime.Stack(buf, true)])
	}
}

func TestMaxStartupsIntegration(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxStartups = Startups{Start: 1, Rate: 100, Full: 1} })
	raw := e.rawConn(t) // holds the only unauthenticated slot
	eventually(t, 3*time.Second, "first connection admitted", func() bool { u, _ := e.srv.gate.counts(); return u == 1 })
	if c, err := e.dial("r", e.key); err == nil {
		c.Close()
		t.Fatal("admitted past MaxStartups full")
	}
	raw.Close()
	eventually(t, 3*time.Second, "slot freed", func() bool { u, _ := e.srv.gate.counts(); return u == 0 })
	// Authenticated connections do not count: two readers side by side.
	c1 := e.mustDial("r", e.key)
	c2 := e.mustDial("r", e.key)
	openTerm(t, c1, nil).waitReady(t)
	openTerm(t, c2, nil).waitReady(t)
	if !strings.Contains(e.logs.String(), "too many unauthenticated connections") {
		t.Error("MaxStartups refusal not logged")
	}
}

func TestSourceOf(t *testing.T) {
	for addr, want := range map[string]string{
		"192.0.2.7:1234":              "192.0.2.7",
		"[::ffff:192.0.2.7]:1":        "192.0.2.7",
		"[2001:db8:1:2:aaaa::1]:22":   "2001:db8:1:2::/64",
		"[2001:db8:1:2:bbbb::9]:2222": "2001:db8:1:2::/64",
		"[::1]:5":                     "::/64",
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := sourceOf(a); got != want {
			t.Errorf("sourceOf(%s) = %s, want %s", addr, got, want)
		}
	}
}
