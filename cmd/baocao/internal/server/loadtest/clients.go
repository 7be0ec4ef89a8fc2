// Package loadtest opens many reader sessions against a baocao SSH server on
// the loopback interface, types into each, and measures keystroke-to-frame
// latency; with the server in the same process (Main) it also measures the
// server's heap per idle session and after every session closed.
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"slices"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Limits keep a run bounded whatever the flags say.
const (
	MaxSessions = 2000
	MaxDuration = 10 * time.Minute
)

// Options describe a client run.
type Options struct {
	Addr     string // host:port on the loopback interface
	Sessions int    // sessions to open, one connection each
	Width    int    // terminal size requested
	Height   int
	Term     string
	Env      map[string]string
	User     string
	Signer   gossh.Signer    // nil: no key (server in --open mode)
	HostKey  gossh.PublicKey // nil: any host key (loopback only)
	// Keys are typed in turn, one per keystroke; each should change the
	// screen (a key that changes nothing produces no frame and counts as a
	// timeout).
	Keys         []string
	Keystrokes   int           // per session
	Interval     time.Duration // between a session's keystrokes (±50% jitter)
	FrameTimeout time.Duration // a keystroke with no output by then is a timeout
	DialParallel int           // connections being set up at once
	Settle       time.Duration // wait after the last first frame before OnIdle
	Timeout      time.Duration // the whole run

	// OnIdle, if set, is called once every session shows its first frame
	// and before anyone types (to measure idle memory).
	OnIdle func()
	// OnTyped, if set, is called when every session finished typing.
	OnTyped func()
	// OnClosed, if set, is called after every session was closed.
	OnClosed func()
}

func (o *Options) defaults() {
	if o.Width == 0 {
		o.Width = 120
	}
	if o.Height == 0 {
		o.Height = 40
	}
	if o.Term == "" {
		o.Term = "xterm-256color"
	}
	if o.User == "" {
		o.User = "load"
	}
	if len(o.Keys) == 0 {
		o.Keys = []string{"j", "k"}
	}
	if o.Keystrokes == 0 {
		o.Keystrokes = 20
	}
	if o.Interval == 0 {
		o.Interval = 250 * time.Millisecond
	}
	if o.FrameTimeout == 0 {
		o.FrameTimeout = 2 * time.Second
	}
	if o.Settle == 0 {
		o.Settle = 500 * time.Millisecond
	}
	if o.DialParallel == 0 {
		o.DialParallel = 8
	}
	if o.Timeout == 0 || o.Timeout > MaxDuration {
		o.Timeout = MaxDuration
	}
}

// Report is what a client run measured.
type Report struct {
	Sessions   int `json:"sessions"`
	Opened     int `json:"opened"` // got a first frame
	Keystrokes int `json:"keystrokes"`
	Timeouts   int `json:"timeouts"` // keystrokes with no frame in time

	FirstFrame Dist `json:"first_frame"` // connect to first output, per session
	Latency    Dist `json:"latency"`     // keystroke to first output bytes

	Errors []string `json:"errors,omitempty"` // the first few
}

// Dist summarises durations.
type Dist struct {
	N   int           `json:"n"`
	P50 time.Duration `json:"p50"`
	P90 time.Duration `json:"p90"`
	P99 time.Duration `json:"p99"`
	Max time.Duration `json:"max"`
}

func (d Dist) String() string {
	return fmt.Sprintf("n=%d p50=%v p90=%v p99=%v max=%v", d.N, d.P50, d.P90, d.P99, d.Max)
}

func summarize(xs []time.Duration) Dist {
	if len(xs) == 0 {
		return Dist{}
	}
	slices.Sort(xs)
	q := func(p float64) time.Duration {
		i := int(p*float64(len(xs))+0.999999) - 1
		return xs[max(0, min(i, len(xs)-1))].Round(10 * time.Microsecond)
	}
	return Dist{N: len(xs), P50: q(0.50), P90: q(0.90), P99: q(0.99), Max: xs[len(xs)-1].Round(10 * time.Microsecond)}
}

// CheckLoopback refuses any address that is not on the loopback interface.
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("address %q is not a loopback IP address (127.0.0.0/8 or ::1): the load tool only runs against this machine", addr)
	}
	return nil
}

// client is one session under load.
type client struct {
	conn   *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	output chan time.Time // when output bytes arrived
}

// RunClients opens the sessions, waits for every first frame, types, closes
// everything and reports.
func RunClients(ctx context.Context, o Options) (*Report, error) {
	o.defaults()
	if err := CheckLoopback(o.Addr); err != nil {
		return nil, err
	}
	if o.Sessions < 1 || o.Sessions > MaxSessions {
		return nil, fmt.Errorf("sessions %d: want 1..%d", o.Sessions, MaxSessions)
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()

	rep := &Report{Sessions: o.Sessions}
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		if len(rep.Errors) < 10 {
			rep.Errors = append(rep.Errors, err.Error())
		}
		mu.Unlock()
	}

	cfg := &gossh.ClientConfig{User: o.User, Timeout: 10 * time.Second, HostKeyCallback: gossh.InsecureIgnoreHostKey()}
	if o.HostKey != nil {
		cfg.HostKeyCallback = gossh.FixedHostKey(o.HostKey)
	}
	if o.Signer != nil {
		cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(o.Signer)}
	}

	// Open every session, a few connections at a time.
	clients := make([]*client, o.Sessions)
	var first []time.Duration
	sem := make(chan struct{}, o.DialParallel)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			start := time.Now()
			c, err := open(ctx, o, cfg)
			if err != nil {
				fail(err)
				return
			}
			clients[i] = c
			select {
			case <-c.output:
				mu.Lock()
				first = append(first, time.Since(start))
				mu.Unlock()
			case <-time.After(10 * time.Second):
				fail(errors.New("no first frame within 10s"))
			case <-ctx.Done():
			}
		}()
	}
	wg.Wait()
	defer func() {
		for _, c := range clients {
			if c != nil {
				c.conn.Close()
			}
		}
	}()
	rep.FirstFrame = summarize(first)
	rep.Opened = len(first)
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}
	// Let the first frames settle (the renderer may send more than one
	// write, the model may still run its Init commands) before measuring
	// idle memory.
	sleep(ctx, o.Settle)
	if o.OnIdle != nil {
		o.OnIdle()
	}

	var lat []time.Duration
	for _, c := range clients {
		if c == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Spread the sessions over one interval.
			sleep(ctx, time.Duration(rand.Int64N(int64(o.Interval))))
			var mine []time.Duration
			timeouts := 0
		typing:
			for k := range o.Keystrokes {
				if ctx.Err() != nil {
					break
				}
				d, err := c.keystroke(ctx, o.Keys[k%len(o.Keys)], o.FrameTimeout)
				switch {
				case errors.Is(err, errNoFrame):
					timeouts++
				case err != nil:
					fail(err)
					break typing
				default:
					mine = append(mine, d)
				}
				jitter := o.Interval/2 + time.Duration(rand.Int64N(int64(o.Interval)))
				sleep(ctx, jitter)
			}
			mu.Lock()
			lat = append(lat, mine...)
			rep.Timeouts += timeouts
			mu.Unlock()
		}()
	}
	wg.Wait()
	rep.Latency = summarize(lat)
	rep.Keystrokes = len(lat) + rep.Timeouts
	if o.OnTyped != nil {
		o.OnTyped()
	}

	for i, c := range clients {
		if c != nil {
			c.sess.Close()
			c.conn.Close()
			clients[i] = nil
		}
	}
	if o.OnClosed != nil {
		o.OnClosed()
	}
	return rep, ctx.Err()
}

var errNoFrame = errors.New("no frame")

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

func open(ctx context.Context, o Options, cfg *gossh.ClientConfig) (*client, error) {
	d := net.Dialer{Timeout: 10 * time.Second}
	nc, err := d.DialContext(ctx, "tcp", o.Addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(nc, o.Addr, cfg)
	if err != nil {
		nc.Close()
		return nil, err
	}
	conn := gossh.NewClient(cc, chans, reqs)
	c, err := start(conn, o)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

func start(conn *gossh.Client, o Options) (*client, error) {
	sess, err := conn.NewSession()
	if err != nil {
		return nil, err
	}
	for k, v := range o.Env {
		_ = sess.Setenv(k, v)
	}
	if err := sess.RequestPty(o.Term, o.Height, o.Width, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	c := &client{conn: conn, sess: sess, output: make(chan time.Time, 64)}
	if c.stdin, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	sess.Stderr = io.Discard
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				select {
				case c.output <- time.Now():
				default:
				}
			}
			if err != nil {
				close(c.output)
				return
			}
		}
	}()
	return c, nil
}

// quiet is how long the output must have been silent before a keystroke,
// so that a late frame from the previous key is not taken for this key's.
const quiet = 30 * time.Millisecond

// keystroke waits for the output to be quiet, sends key and waits for the
// next output.
func (c *client) keystroke(ctx context.Context, key string, timeout time.Duration) (time.Duration, error) {
	q := time.NewTimer(quiet)
	defer q.Stop()
	giveUp := time.Now().Add(time.Second) // a screen that never stops changing
wait:
	for {
		select {
		case _, ok := <-c.output:
			if !ok {
				return 0, errors.New("session ended")
			}
			if time.Now().After(giveUp) {
				break wait
			}
			q.Reset(quiet)
		case <-q.C:
			break wait
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	t0 := time.Now()
	if _, err := io.WriteString(c.stdin, key); err != nil {
		return 0, err
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case at, ok := <-c.output:
		if !ok {
			return 0, errors.New("session ended")
		}
		return at.Sub(t0), nil
	case <-t.C:
		return 0, errNoFrame
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
