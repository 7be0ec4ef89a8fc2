package server

import (
	"fmt"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// connGate admits or refuses new TCP connections: a cap on the connections
// from one IP address and OpenSSH-style random early drop of unauthenticated
// connections (MaxStartups).
type connGate struct {
	startups     Startups
	maxPerSource int
	roll         func() int // uniform in [0, 100)

	mu        sync.Mutex
	unauth    int
	perSource map[string]int
}

func newConnGate(cfg *Config) *connGate {
	return &connGate{
		startups:     cfg.MaxStartups,
		maxPerSource: cfg.MaxPerSource,
		roll:         func() int { return rand.IntN(100) },
		perSource:    map[string]int{},
	}
}

// connState is one admitted connection's bookkeeping.
type connState struct {
	gate   *connGate
	source string
	start  time.Time

	// unauthHeld is true while the connection counts as unauthenticated;
	// whoever clears it (authentication or close) gives the slot back.
	unauthHeld atomic.Bool
	closed     atomic.Bool
	sessions   atomic.Int32 // session channels open now
}

// admit counts a new connection from source, or says why it is refused.
func (g *connGate) admit(source string) (*connState, string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if n := g.perSource[source]; n >= g.maxPerSource {
		return nil, fmt.Sprintf("too many connections from %s (%d open)", source, n)
	}
	s := g.startups
	switch n := g.unauth; {
	case n >= s.Full:
		return nil, fmt.Sprintf("too many unauthenticated connections (%d)", n)
	case n >= s.Start:
		// OpenSSH: refuse with probability rate% at start, rising linearly
		// to 100% at full.
		p := s.Rate
		if s.Full > s.Start {
			p += (100 - s.Rate) * (n - s.Start) / (s.Full - s.Start)
		}
		if g.roll() < p {
			return nil, fmt.Sprintf("random early drop: %d unauthenticated connections (drop chance %d%%)", n, p)
		}
	}
	g.unauth++
	g.perSource[source]++
	st := &connState{gate: g, source: source, start: time.Now()}
	st.unauthHeld.Store(true)
	return st, ""
}

// authenticated moves the connection out of the unauthenticated count.
func (st *connState) authenticated() {
	if st.unauthHeld.CompareAndSwap(true, false) {
		st.gate.mu.Lock()
		st.gate.unauth--
		st.gate.mu.Unlock()
	}
}

// release gives back everything the connection held; it is idempotent.
func (st *connState) release() {
	if !st.closed.CompareAndSwap(false, true) {
		return
	}
	st.authenticated()
	g := st.gate
	g.mu.Lock()
	if g.perSource[st.source]--; g.perSource[st.source] <= 0 {
		delete(g.perSource, st.source)
	}
	g.mu.Unlock()
}

// counts reports the unauthenticated and total tracked connections (tests).
func (g *connGate) counts() (unauth, total int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, n := range g.perSource {
		total += n
	}
	return g.unauth, total
}

// sourceOf is the source a remote address counts against: its IPv4
// address, or its IPv6 /64 (one host usually has a whole /64 to pick
// addresses from).
func sourceOf(a net.Addr) string {
	if a == nil {
		return "unknown"
	}
	var ip net.IP
	if t, ok := a.(*net.TCPAddr); ok {
		ip = t.IP
	} else if host, _, err := net.SplitHostPort(a.String()); err == nil {
		ip = net.ParseIP(host)
	}
	switch {
	case ip == nil:
		return a.String()
	case ip.To4() != nil:
		return ip.To4().String()
	default:
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
}

// gatedConn gives its connState back when closed.
type gatedConn struct {
	net.Conn
	st  *connState
	srv *Server
}

func (c *gatedConn) Close() error {
	err := c.Conn.Close()
	c.st.release()
	c.srv.untrackConn(c)
	return err
}
