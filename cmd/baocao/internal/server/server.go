// Package server serves baocao's reader over SSH: one Bubble Tea program per
// session with a terminal, `export` for sessions without one, and nothing
// else (no shell, no subsystems, no forwarding).
//
// The corpus is loaded once by the caller and reached through App; the server
// only knows sessions, limits and keys.
package server

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"
)

// extVerifiedKey carries, in the connection's Permissions, the public key
// whose signature x/crypto verified (set in VerifiedPublicKeyCallback, which
// runs only for the key that actually authenticated).
const extVerifiedKey = "baocao-verified-key"

type ctxKey struct{ name string }

var ctxKeyConnState = &ctxKey{"conn-state"}

// Server is an SSH server for one App. Make it with New, run it with Serve
// (or Listen then Serve), stop it by cancelling Serve's context or calling
// Shutdown.
type Server struct {
	cfg    Config
	app    App
	log    *log.Logger
	signer gossh.Signer
	keys   *authorizedKeys // nil in open mode
	gate   *connGate
	ssh    *ssh.Server

	mu       sync.Mutex
	ln       net.Listener
	conns    map[*gatedConn]struct{}
	sessions map[*liveSession]struct{}
	serving  chan struct{} // closed when the accept loop has returned

	quit     chan struct{} // closed when shutdown starts
	quitOnce sync.Once
	nextID   atomic.Uint64
	channels atomic.Int32 // session channels open
}

// New checks cfg, loads or creates the host key, reads the authorized keys
// and returns a Server ready to Listen. logger may be nil (log.Default()).
func New(cfg Config, app App, logger *log.Logger) (*Server, error) {
	if app == nil {
		return nil, errors.New("server: no App")
	}
	if logger == nil {
		logger = log.Default()
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = DefaultHostKeyPath()
	}
	signer, created, err := LoadOrCreateHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:      cfg,
		app:      app,
		log:      logger,
		signer:   signer,
		gate:     newConnGate(&cfg),
		conns:    map[*gatedConn]struct{}{},
		sessions: map[*liveSession]struct{}{},
		quit:     make(chan struct{}),
	}
	if !cfg.Open {
		if s.keys, err = newAuthorizedKeys(cfg.AuthorizedKeysPath, logger); err != nil {
			return nil, err
		}
	}
	if created {
		logger.Info("host key created", "path", cfg.HostKeyPath, "fingerprint", s.HostKeyFingerprint())
	}
	if s.ssh, err = s.newSSHServer(); err != nil {
		return nil, err
	}
	return s, nil
}

// HostKeyFingerprint is the SHA256 fingerprint clients see on first connect.
func (s *Server) HostKeyFingerprint() string { return gossh.FingerprintSHA256(s.signer.PublicKey()) }

// HostKey is the server's public host key (for known_hosts lines and tests).
func (s *Server) HostKey() gossh.PublicKey { return s.signer.PublicKey() }

// newSSHServer builds the SSH server with wish: wish's options set the
// version, host key, timeouts and key authentication, and the session
// handler runs as wish middleware. What wish has no option for (connection
// gating, the handshake timeout, the refusals of channels, requests and
// subsystems, x/crypto's server config) is set by the last option.
func (s *Server) newSSHServer() (*ssh.Server, error) {
	opts := []ssh.Option{
		wish.WithVersion("baocao"),
		func(srv *ssh.Server) error { srv.AddHostKey(s.signer); return nil },
		wish.WithMiddleware(s.sessionMiddleware),
	}
	// Backstops at the connection level; sessions have their own, with a
	// message, which fire first.
	if s.cfg.IdleTimeout > 0 {
		opts = append(opts, wish.WithIdleTimeout(s.cfg.IdleTimeout+time.Minute))
	}
	if s.cfg.MaxSessionTime > 0 {
		opts = append(opts, wish.WithMaxTimeout(s.cfg.MaxSessionTime+s.cfg.HandshakeTimeout+time.Minute))
	}
	if !s.cfg.Open {
		opts = append(opts, wish.WithPublicKeyAuth(func(ctx ssh.Context, key ssh.PublicKey) bool {
			_, ok := s.keys.lookup(key)
			return ok
		}))
	}
	opts = append(opts, s.hardening)
	return wish.NewServer(opts...)
}

// sessionMiddleware is the reader/export handler as wish middleware.
func (s *Server) sessionMiddleware(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.handleSession(sess)
		next(sess)
	}
}

// hardening sets what wish has no option for.
func (s *Server) hardening(srv *ssh.Server) error {
	srv.HandshakeTimeout = s.cfg.HandshakeTimeout
	srv.ConnCallback = s.admitConn
	srv.ConnectionFailedCallback = func(c net.Conn, err error) {
		s.log.Info("connection refused", "remote", c.RemoteAddr().String(), "reason", err.Error())
	}
	srv.ServerConfigCallback = s.serverConfig
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session": s.sessionChannel,
		"direct-tcpip": func(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
			s.connLog(ctx).Info("refused port forwarding (local)")
			_ = nc.Reject(gossh.Prohibited, "port forwarding is not offered by this server")
		},
		"default": func(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
			s.connLog(ctx).Info("refused channel", "type", trunc(nc.ChannelType(), 40))
			_ = nc.Reject(gossh.Prohibited, fmt.Sprintf("channel type %q is not offered by this server", trunc(nc.ChannelType(), 40)))
		},
	}
	srv.RequestHandlers = map[string]ssh.RequestHandler{
		"tcpip-forward": func(ctx ssh.Context, _ *ssh.Server, _ *gossh.Request) (bool, []byte) {
			s.connLog(ctx).Info("refused port forwarding (remote)")
			return false, nil
		},
		"streamlocal-forward@openssh.com": func(ctx ssh.Context, _ *ssh.Server, _ *gossh.Request) (bool, []byte) {
			s.connLog(ctx).Info("refused socket forwarding (remote)")
			return false, nil
		},
		"default": func(ssh.Context, *ssh.Server, *gossh.Request) (bool, []byte) { return false, nil },
	}
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{"default": s.refuseSubsystem}
	return nil
}

// serverConfig adds what charm.land/ssh does not set itself.
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	st, _ := ctx.Value(ctxKeyConnState).(*connState)
	c := &gossh.ServerConfig{
		MaxAuthTries: s.cfg.MaxAuthTries,
		NoClientAuth: s.cfg.Open,
		AuthLogCallback: func(m gossh.ConnMetadata, method string, err error) {
			l := s.log.With("remote", m.RemoteAddr().String(), "user", m.User(), "method", method)
			switch {
			case err == nil:
				if st != nil {
					st.authenticated()
				}
				if s.cfg.Open {
					l.Info("authenticated (open mode)")
				}
			case method == "none":
				// Every client tries "none" first; not worth a line.
			default:
				l.Info("authentication failed", "reason", err.Error())
			}
		},
	}
	if !s.cfg.Open {
		// Runs only for the key whose signature was verified, unlike the
		// PublicKeyCallback, which also answers queries for other keys
		// (CVE-2024-45337). Record that key; handleSession compares it with
		// the key the session reports.
		c.VerifiedPublicKeyCallback = func(m gossh.ConnMetadata, key gossh.PublicKey, p *gossh.Permissions, _ string) (*gossh.Permissions, error) {
			comment, ok := s.keys.lookup(key)
			if !ok {
				return nil, errors.New("key no longer in authorized keys")
			}
			s.log.Info("authenticated", "remote", m.RemoteAddr().String(), "user", m.User(),
				"key", gossh.FingerprintSHA256(key), "comment", trunc(comment, 60))
			if p == nil {
				p = &gossh.Permissions{}
			}
			if p.Extensions == nil {
				p.Extensions = map[string]string{}
			}
			p.Extensions[extVerifiedKey] = base64.StdEncoding.EncodeToString(key.Marshal())
			return p, nil
		}
	}
	return c
}

// admitConn applies the per-source cap and MaxStartups to a new connection.
func (s *Server) admitConn(ctx ssh.Context, c net.Conn) net.Conn {
	remote := c.RemoteAddr().String()
	if s.shuttingDown() {
		s.log.Info("connection refused", "remote", remote, "reason", "shutting down")
		return nil
	}
	st, why := s.gate.admit(sourceOf(c.RemoteAddr()))
	if st == nil {
		s.log.Warn("connection refused", "remote", remote, "reason", why)
		// Lines before the SSH version string are allowed (RFC 4253 4.2);
		// clients show or log them.
		_ = c.SetWriteDeadline(time.Now().Add(time.Second))
		_, _ = fmt.Fprintf(c, "baocao: connection refused: %s; try again later\r\n", why)
		return nil
	}
	gc := &gatedConn{Conn: c, st: st, srv: s}
	s.mu.Lock()
	s.conns[gc] = struct{}{}
	s.mu.Unlock()
	ctx.SetValue(ctxKeyConnState, st)
	return gc
}

func (s *Server) untrackConn(c *gatedConn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

// sessionChannel accepts a session channel with the per-connection cap and
// strips the requests this server refuses before charm.land/ssh sees them.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	// Every open channel may buffer up to 2 MB of unread input (x/crypto's
	// window), before any session cap applies: cap them all, leaving room
	// above MaxSessions for the polite "server is full" refusals.
	if n := s.channels.Add(1); int(n) > s.cfg.MaxSessions+s.cfg.MaxSessionsPerConn {
		s.channels.Add(-1)
		s.connLog(ctx).Info("refused session channel", "reason", "server full")
		_ = nc.Reject(gossh.ResourceShortage, "the server is full; please try again in a few minutes")
		return
	}
	defer s.channels.Add(-1)
	st, _ := ctx.Value(ctxKeyConnState).(*connState)
	if st != nil {
		if n := st.sessions.Add(1); int(n) > s.cfg.MaxSessionsPerConn {
			st.sessions.Add(-1)
			s.connLog(ctx).Info("refused session channel", "reason", "too many sessions on one connection")
			_ = nc.Reject(gossh.ResourceShortage, fmt.Sprintf("at most %d sessions per connection", s.cfg.MaxSessionsPerConn))
			return
		}
		defer st.sessions.Add(-1)
	}
	ssh.DefaultSessionHandler(srv, conn, &filteredChannel{NewChannel: nc, s: s, ctx: ctx}, ctx)
}

// filteredChannel refuses agent and X11 forwarding and caps env requests.
// charm.land/ssh would otherwise answer "yes" to agent forwarding.
type filteredChannel struct {
	gossh.NewChannel
	s   *Server
	ctx ssh.Context
}

// A session's environment (LANG, TERM, ...) is capped in count and size.
const (
	maxEnvRequests = 64
	maxEnvBytes    = 16 << 10
)

// startedRequest is not sent to the client: a session handler "sends" it
// (through charm.land/ssh's Session, which embeds our channel) to say it has
// read the PTY and will now consume window changes.
const startedRequest = "baocao-session-started@internal"

// markStarted tells the channel's request filter that window changes may
// now be passed on.
func markStarted(sess ssh.Session) { _, _ = sess.SendRequest(startedRequest, false, nil) }

// drainWindows consumes window changes nobody else will read, so that
// charm.land/ssh's request loop (which blocks on its one-slot window
// channel) keeps going until the channel closes, when winch is closed too.
func drainWindows(winch <-chan ssh.Window) {
	if winch == nil {
		return
	}
	go func() {
		for range winch {
		}
	}()
}

func (f *filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	cc := &closeAwareChannel{Channel: ch, started: make(chan struct{})}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		// gossh closes reqs as soon as the channel is closed, even while
		// input is still buffered.
		defer cc.closed.Store(true)
		var (
			envs    int
			envSize int
			sawPty  bool
			started = cc.started
			early   []byte // the last window change before the handler ran
		)
		for {
			var r *gossh.Request
			select {
			case <-started:
				started = nil
				if early != nil {
					// WantReply is false, so charm.land/ssh's Reply is a no-op.
					r = &gossh.Request{Type: "window-change", Payload: early}
					early = nil
				}
			case req, ok := <-reqs:
				if !ok {
					return
				}
				r = req
			}
			if r == nil {
				continue
			}
			switch r.Type {
			case "auth-agent-req@openssh.com", "auth-agent-req":
				f.s.connLog(f.ctx).Info("refused agent forwarding")
				_ = r.Reply(false, nil)
				continue
			case "x11-req":
				f.s.connLog(f.ctx).Info("refused X11 forwarding")
				_ = r.Reply(false, nil)
				continue
			case "env":
				if envs >= maxEnvRequests || envSize+len(r.Payload) > maxEnvBytes {
					_ = r.Reply(false, nil)
					continue
				}
				envs, envSize = envs+1, envSize+len(r.Payload)
			case "pty-req":
				sawPty = true
			case "window-change":
				// charm.land/ssh puts window changes in a one-slot channel that
				// already holds the PTY's size and is read only once the
				// session runs: one resize before the shell would block its
				// request loop, and the shell request behind it, for good.
				// Keep the last one and pass it on once the handler runs.
				if sawPty && started != nil {
					early = append(early[:0], r.Payload...)
					_ = r.Reply(true, nil)
					continue
				}
			}
			out <- r
		}
	}()
	return cc, out, nil
}

// closeAwareChannel stops delivering input once the channel is closed:
// without it, a client that closes a session holding a large unread paste
// (on a connection that stays open) would keep its reader running until the
// paste had been read at the input rate. It also catches startedRequest.
type closeAwareChannel struct {
	gossh.Channel
	closed      atomic.Bool
	started     chan struct{}
	startedOnce sync.Once
}

func (c *closeAwareChannel) Read(p []byte) (int, error) {
	if c.closed.Load() {
		return 0, io.EOF
	}
	return c.Channel.Read(p)
}

func (c *closeAwareChannel) SendRequest(name string, wantReply bool, payload []byte) (bool, error) {
	if name == startedRequest {
		c.startedOnce.Do(func() { close(c.started) })
		return true, nil
	}
	return c.Channel.SendRequest(name, wantReply, payload)
}

// refuseSubsystem answers every subsystem (sftp, ...) with a message.
func (s *Server) refuseSubsystem(sess ssh.Session) {
	_, winch, _ := sess.Pty()
	markStarted(sess)
	defer drainWindows(winch)
	s.connLog(sess.Context()).Info("refused subsystem", "subsystem", trunc(sess.Subsystem(), 40))
	say(sess, fmt.Sprintf("baocao: subsystem %q is not offered; this server has the reader (ssh -t HOST) and `ssh HOST export`", trunc(sess.Subsystem(), 40)))
	_ = sess.Exit(exitRefused)
}

func (s *Server) connLog(ctx ssh.Context) *log.Logger {
	l := s.log.With("remote", addrString(ctx.RemoteAddr()), "user", ctx.User())
	if k, ok := ctx.Value(ssh.ContextKeyPublicKey).(gossh.PublicKey); ok && k != nil {
		l = l.With("key", gossh.FingerprintSHA256(k))
	}
	return l
}

func addrString(a net.Addr) string {
	if a == nil {
		return "unknown"
	}
	return a.String()
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// Listen binds cfg.Listen. Serve calls it if it has not been called.
func (s *Server) Listen() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln != nil {
		return nil
	}
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

// Addr is the address listened on, or nil before Listen.
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// Serve accepts connections until ctx ends, then shuts down gracefully
// (within cfg.ShutdownTimeout) and returns. It returns nil after a clean
// shutdown.
func (s *Server) Serve(ctx context.Context) error {
	if err := s.Listen(); err != nil {
		return err
	}
	s.mu.Lock()
	if s.serving != nil {
		s.mu.Unlock()
		return errors.New("server: Serve called twice")
	}
	s.serving = make(chan struct{})
	ln := s.ln
	s.mu.Unlock()

	mode := "authorized keys"
	if s.cfg.Open {
		mode = "open (anonymous, read-only)"
		if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
			s.log.Warn("open mode on a non-loopback address: anyone who can reach it can read the corpus", "listen", ln.Addr().String())
		}
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "host-key", s.HostKeyFingerprint(), "auth", mode,
		"max-sessions", s.cfg.MaxSessions, "idle-timeout", s.cfg.IdleTimeout)

	errc := make(chan error, 1)
	go func() {
		defer close(s.serving)
		errc <- s.ssh.Serve(ln)
	}()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
		defer cancel()
		return s.Shutdown(sctx)
	case err := <-errc:
		if s.shuttingDown() {
			return nil
		}
		return err
	}
}

func (s *Server) shuttingDown() bool {
	select {
	case <-s.quit:
		return true
	default:
		return false
	}
}

// Shutdown stops accepting, tells every open session that the server is
// going away and waits for them to end, then closes what is left. If ctx
// ends first, everything is closed at once and ctx's error returned.
func (s *Server) Shutdown(ctx context.Context) error {
	s.quitOnce.Do(func() {
		close(s.quit)
		s.log.Info("shutting down", "sessions", s.sessionCount())
	})
	s.mu.Lock()
	if s.ln != nil {
		_ = s.ln.Close()
	}
	// Connections still in the handshake are not readers yet: drop them.
	var pre []*gatedConn
	for c := range s.conns {
		if c.st.unauthHeld.Load() {
			pre = append(pre, c)
		}
	}
	serving := s.serving
	s.mu.Unlock()
	for _, c := range pre {
		_ = c.Close()
	}

	err := s.waitUntil(ctx, func() bool { return s.sessionCount() == 0 })
	// Sessions are over (or out of time): close every connection.
	_ = s.ssh.Close()
	s.mu.Lock()
	var all []*gatedConn
	for c := range s.conns {
		all = append(all, c)
	}
	s.mu.Unlock()
	for _, c := range all {
		_ = c.Close()
	}
	if err == nil {
		err = s.waitUntil(ctx, func() bool {
			s.mu.Lock()
			defer s.mu.Unlock()
			return len(s.conns) == 0
		})
	}
	if serving != nil {
		select {
		case <-serving:
		case <-ctx.Done():
		}
	}
	if err != nil {
		s.log.Warn("shutdown cut short", "reason", err.Error(), "sessions", s.sessionCount())
		return err
	}
	s.log.Info("shut down")
	return nil
}

func (s *Server) waitUntil(ctx context.Context, done func() bool) error {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for !done() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// Stats is a snapshot of what the server holds open.
type Stats struct {
	Sessions        int // reader and export sessions
	Conns           int // TCP connections admitted and not yet closed
	Unauthenticated int // of which still in the handshake
}

// Stats reports the server's open sessions and connections.
func (s *Server) Stats() Stats {
	unauth, total := s.gate.counts()
	return Stats{Sessions: s.sessionCount(), Conns: total, Unauthenticated: unauth}
}

func (s *Server) sessionCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}
