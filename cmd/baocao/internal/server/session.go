package server

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"
)

// App is what the server serves. Both methods are called concurrently from
// many sessions and must only read the shared corpus.
type App interface {
	// NewModel makes the TUI for one session: its own model, sized and
	// coloured for the client's terminal as Session describes it.
	NewModel(s Session) tea.Model
	// Export runs `export` for a session without a terminal, e.g. args
	// ["--format", "csv"], writing to w. A returned error is shown to the
	// client on stderr with exit status 1. ctx ends when the client goes away
	// or the server shuts down.
	Export(ctx context.Context, w io.Writer, args []string) error
}

// Session describes the client of one reader session.
//
// The terminal's background colour is not known before the program starts:
// the model gets it by returning tea.RequestBackgroundColor from Init and
// handling tea.BackgroundColorMsg, which works over SSH because the query
// goes to the client's terminal.
type Session struct {
	// Context ends when the session ends (client gone, idle, shutdown).
	Context context.Context
	// ID is a short identifier, also used in the server's log lines.
	ID string
	// User is the SSH user name the client gave (anything in open mode).
	User string
	// RemoteAddr is the client's address.
	RemoteAddr string
	// KeyFingerprint is the SHA256 fingerprint of the key that logged in, or
	// "" in open mode.
	KeyFingerprint string
	// Anonymous is true in open mode.
	Anonymous bool
	// Term is the client's TERM.
	Term string
	// Width and Height are the initial terminal size in cells (later sizes
	// arrive as tea.WindowSizeMsg), clamped to the server's limits.
	Width, Height int
	// Lang is the client's locale, from LC_ALL, LC_MESSAGES or LANG (sent by
	// OpenSSH's usual "SendEnv LANG LC_*"), e.g. "vi_VN.UTF-8"; "" if unsent.
	Lang string
	// ColorProfile is what the client's TERM and COLORTERM allow.
	ColorProfile colorprofile.Profile
	// Environ is the environment the client sent, plus TERM.
	Environ []string
}

// Exit statuses the client sees.
const (
	exitOK      = 0
	exitFailed  = 1 // an error, a panic, or the server ended the session
	exitRefused = 2 // the request is not something this server offers
)

// liveSession is one running session, for shutdown and the session cap. (It
// must not be zero-sized: pointers to zero-sized values may all be equal.)
type liveSession struct{ id string }

// handleSession is the one ssh.Handler: it checks the key again, applies
// the session cap and dispatches to the reader or export.
func (s *Server) handleSession(sess ssh.Session) {
	start := time.Now()
	// Read the PTY before window changes may reach charm.land/ssh, then keep
	// them flowing whatever this handler does.
	ptyInfo, winch, hasPty := sess.Pty()
	markStarted(sess)
	defer drainWindows(winch)

	id := fmt.Sprintf("%x", s.nextID.Add(1))
	l := s.connLog(sess.Context()).With("session", id)
	kind, reason, status := "refused", "", exitOK
	var live *liveSession // holds a slot under the session cap once added
	defer func() {
		if r := recover(); r != nil {
			l.Error("session panic", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			say(sess, "baocao: internal error; this session is closed (other readers are not affected)")
			kind, reason, status = kind+"/panic", "panic", exitFailed
		}
		l.Info("session end", "kind", kind, "status", status, "reason", reason, "duration", time.Since(start).Round(time.Millisecond))
		// The slot is freed after the end is logged, so whoever sees the
		// count drop (shutdown, Stats) also finds the session's last line.
		if live != nil {
			s.removeSession(live)
		}
		_ = sess.Exit(status)
	}()
	refuse := func(code int, why, msg string) {
		reason, status = why, code
		l.Info("session refused", "reason", why)
		say(sess, "baocao: "+msg)
	}

	// connLog has already named the key (fingerprint) in l.
	fp, err := s.checkKey(sess)
	if err != nil {
		refuse(exitFailed, err.Error(), "authentication could not be confirmed; session refused")
		return
	}

	ls := &liveSession{id: id}
	switch s.addSession(ls) {
	case nil:
		live = ls
	case errShuttingDown:
		refuse(exitFailed, "shutting down", "the server is shutting down; please reconnect later")
		return
	case errFull:
		refuse(exitFailed, "server full", fmt.Sprintf("the server is full (%d readers at once); please try again in a few minutes", s.cfg.MaxSessions))
		return
	}

	cmd := sess.Command()
	switch {
	case len(cmd) == 0 && hasPty:
		kind = "reader"
		l.Info("session start", "kind", kind, "term", trunc(ptyInfo.Term, 40), "width", ptyInfo.Window.Width, "height", ptyInfo.Window.Height)
		status, reason = s.runReader(sess, l, id, fp, ptyInfo, winch)
	case len(cmd) == 0:
		refuse(exitRefused, "shell without terminal", "this is a terminal reader: connect with a terminal (ssh -t HOST), or run `ssh HOST export --format csv`")
	case cmd[0] == "export" && hasPty:
		refuse(exitRefused, "export with terminal", "export writes data for a pipe: run it without a terminal (ssh -T HOST export ...)")
	case cmd[0] == "export":
		kind = "export"
		l.Info("session start", "kind", kind, "args", len(cmd)-1)
		status, reason = s.runExport(sess, l, cmd[1:])
	default:
		refuse(exitRefused, "unknown command "+fmt.Sprintf("%q", trunc(cmd[0], 40)),
			fmt.Sprintf("unknown command %q: this server offers the reader (ssh -t HOST) and `ssh HOST export`", trunc(cmd[0], 40)))
	}
}

// say writes one line to the client's stderr (with a PTY, charm.land/ssh
// turns "\n" into "\r\n").
func say(sess ssh.Session, msg string) {
	_, _ = io.WriteString(sess.Stderr(), msg+"\n")
}

// checkKey confirms, for key authentication, that the key the session
// reports is the key whose signature was verified and that it is still
// authorized. It returns the key's fingerprint ("" in open mode).
func (s *Server) checkKey(sess ssh.Session) (string, error) {
	if s.cfg.Open {
		return "", nil
	}
	pk := sess.PublicKey()
	if pk == nil {
		return "", errors.New("no public key on an authenticated connection")
	}
	raw, err := base64.StdEncoding.DecodeString(sess.Permissions().Extensions[extVerifiedKey])
	if err != nil || len(raw) == 0 {
		return "", errors.New("no verified key recorded")
	}
	verified, err := gossh.ParsePublicKey(raw)
	if err != nil {
		return "", fmt.Errorf("verified key: %w", err)
	}
	if !ssh.KeysEqual(pk, verified) {
		return "", errors.New("session key differs from the verified key")
	}
	if _, ok := s.keys.lookup(pk); !ok {
		return "", errors.New("key no longer in authorized keys")
	}
	return gossh.FingerprintSHA256(pk), nil
}

var (
	errFull         = errors.New("full")
	errShuttingDown = errors.New("shutting down")
)

func (s *Server) addSession(ls *liveSession) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shuttingDown() {
		return errShuttingDown
	}
	if len(s.sessions) >= s.cfg.MaxSessions {
		return errFull
	}
	s.sessions[ls] = struct{}{}
	return nil
}

func (s *Server) removeSession(ls *liveSession) {
	s.mu.Lock()
	delete(s.sessions, ls)
	s.mu.Unlock()
}

// runExport runs App.Export with buffered output.
func (s *Server) runExport(sess ssh.Session, l *log.Logger, args []string) (int, string) {
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	var why atomic.Value
	go func() {
		var limit <-chan time.Time
		if s.cfg.MaxSessionTime > 0 {
			t := time.NewTimer(s.cfg.MaxSessionTime)
			defer t.Stop()
			limit = t.C
		}
		select {
		case <-ctx.Done():
		case <-s.quit:
			why.Store("shutdown")
			cancel()
		case <-limit:
			why.Store("max session time")
			cancel()
		}
	}()
	w := bufio.NewWriterSize(sess, 32<<10)
	err := s.app.Export(ctx, w, args)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if r, _ := why.Load().(string); r != "" {
		say(sess, "baocao: export interrupted: "+describe(r, s.cfg))
		return exitFailed, r
	}
	if err != nil {
		if sess.Context().Err() != nil {
			return exitFailed, "client gone"
		}
		l.Info("export failed", "err", err.Error())
		say(sess, "baocao export: "+err.Error())
		return exitFailed, "export error"
	}
	return exitOK, "done"
}

// describe turns an end reason into words for the client.
func describe(reason string, cfg Config) string {
	switch reason {
	case "idle":
		return fmt.Sprintf("no input for %v; session closed", cfg.IdleTimeout)
	case "max session time":
		return fmt.Sprintf("sessions last at most %v; session closed", cfg.MaxSessionTime)
	case "shutdown":
		return "the server is shutting down; please reconnect in a moment"
	}
	return reason
}

// runReader runs the App's model for a PTY session until the user quits,
// the client goes, or the server ends the session (idle, time, shutdown).
func (s *Server) runReader(sess ssh.Session, l *log.Logger, id, fp string, ptyInfo ssh.Pty, winch <-chan ssh.Window) (int, string) {
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	w, h := s.clamp(ptyInfo.Window.Width, ptyInfo.Window.Height)
	env := append(sess.Environ(), "TERM="+ptyInfo.Term)
	profile := colorprofile.Env(env)
	in := newInputReader(sess, s.cfg.InputRate)

	model := s.app.NewModel(Session{
		Context:        ctx,
		ID:             id,
		User:           sess.User(),
		RemoteAddr:     addrString(sess.RemoteAddr()),
		KeyFingerprint: fp,
		Anonymous:      s.cfg.Open,
		Term:           ptyInfo.Term,
		Width:          w,
		Height:         h,
		Lang:           langOf(env),
		ColorProfile:   profile,
		Environ:        env,
	})
	if model == nil {
		say(sess, "baocao: internal error: no reader")
		return exitFailed, "nil model"
	}
	p := tea.NewProgram(model,
		tea.WithContext(ctx),
		tea.WithInput(in),
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		tea.WithColorProfile(profile),
		tea.WithWindowSize(w, h),
		tea.WithoutSignalHandler(),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			// There is no shell to suspend to.
			if _, ok := msg.(tea.SuspendMsg); ok {
				return tea.ResumeMsg{}
			}
			return msg
		}),
	)

	runErr := make(chan error, 1)
	go func() {
		defer func() {
			// tea recovers panics in the model itself; this is for tea.
			if r := recover(); r != nil {
				l.Error("reader panic", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				runErr <- tea.ErrProgramPanic
			}
		}()
		_, err := p.Run()
		runErr <- err
	}()

	reason := s.superviseReader(ctx, p, in, winch, runErr)

	switch reason {
	case "quit":
		return exitOK, "quit"
	case "panic":
		l.Error("reader panicked; session closed")
		say(sess, "\nbaocao: internal error; this session is closed (other readers are not affected)")
		return exitFailed, "panic"
	case "client gone":
		return exitOK, reason
	case "stuck":
		return exitFailed, reason
	}
	say(sess, "\nbaocao: "+describe(reason, s.cfg))
	return exitFailed, reason
}

// superviseReader forwards window sizes (coalesced) and ends the program for
// idleness, session time or shutdown. It returns why the program ended.
func (s *Server) superviseReader(ctx context.Context, p *tea.Program, in *inputReader, winch <-chan ssh.Window, runErr <-chan error) string {
	var idle, limit, resize <-chan time.Time
	var idleT *time.Timer
	if s.cfg.IdleTimeout > 0 {
		idleT = time.NewTimer(s.cfg.IdleTimeout)
		defer idleT.Stop()
		idle = idleT.C
	}
	if s.cfg.MaxSessionTime > 0 {
		t := time.NewTimer(s.cfg.MaxSessionTime)
		defer t.Stop()
		limit = t.C
	}
	quit := s.quit
	var (
		reason   string
		kill     <-chan time.Time // after asking to quit, force
		abandon  <-chan time.Time // after forcing, give up on the program
		quitSoon <-chan time.Time // input ended: quit after a moment
		pending  *ssh.Window
		lastSent time.Time
	)
	end := func(r string) {
		if reason != "" {
			return
		}
		reason = r
		idle, limit, quit = nil, nil, nil
		go p.Quit() // Send blocks while the model is busy
		kill = time.After(2 * time.Second)
	}
	// Sizes go through a one-slot mailbox to a sender goroutine: p.Send
	// blocks while the model is busy, and this loop must stay free to end a
	// stuck program. Only the latest size waits in the box.
	sizes := make(chan tea.WindowSizeMsg, 1)
	stopSizes := make(chan struct{})
	defer close(stopSizes)
	go func() {
		for {
			select {
			case m := <-sizes:
				p.Send(m) // returns once the program has ended, at the latest
			case <-stopSizes:
				return
			}
		}
	}()
	send := func(w ssh.Window) {
		cw, ch := s.clamp(w.Width, w.Height)
		select {
		case <-sizes: // stale
		default:
		}
		sizes <- tea.WindowSizeMsg{Width: cw, Height: ch} // only this loop fills it
		lastSent = time.Now()
	}
	for {
		select {
		case err := <-runErr:
			switch {
			case reason != "":
				return reason
			case errors.Is(err, tea.ErrProgramPanic):
				return "panic"
			case ctx.Err() != nil:
				return "client gone"
			}
			return "quit"
		case w, ok := <-winch:
			if !ok {
				winch = nil
				continue
			}
			if wait := s.cfg.ResizeInterval - time.Since(lastSent); wait > 0 {
				if pending == nil {
					resize = time.After(wait)
				}
				pending = &w
				continue
			}
			send(w)
		case <-resize:
			resize = nil
			if pending != nil {
				send(*pending)
				pending = nil
			}
		case <-in.gone:
			// Input ended: the client closed the session or its stdin. Let
			// the last keys reach the model, then quit (drawing the last
			// frame, for a client that still reads).
			in.gone = nil
			if reason == "" {
				reason = "client gone"
				idle, limit, quit = nil, nil, nil
				quitSoon = time.After(50 * time.Millisecond)
			}
		case <-quitSoon:
			quitSoon = nil
			go p.Quit()
			kill = time.After(2 * time.Second)
		case <-idle:
			if since := time.Since(in.lastInput()); since < s.cfg.IdleTimeout {
				idleT.Reset(s.cfg.IdleTimeout - since)
				continue
			}
			end("idle")
		case <-limit:
			end("max session time")
		case <-quit:
			end("shutdown")
		case <-kill:
			kill = nil
			// Kill waits for the renderer, which may be blocked writing to a
			// client that stopped reading: do not wait with it.
			go p.Kill()
			abandon = time.After(2 * time.Second)
		case <-abandon:
			// The model is stuck in Update or View, or the client stopped
			// reading and every write blocks. Close the connection (which
			// unblocks the writes) and leave the program's goroutines to
			// finish on their own.
			if c, ok := ctx.Value(ssh.ContextKeyConn).(*gossh.ServerConn); ok {
				_ = c.Close()
			}
			return "stuck"
		}
	}
}

func (s *Server) clamp(w, h int) (int, int) {
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	w, h = min(w, s.cfg.MaxWidth), min(h, s.cfg.MaxHeight)
	if w*h > s.cfg.MaxCells {
		h = max(1, s.cfg.MaxCells/w)
	}
	return w, h
}

// langOf picks the locale the client sent.
func langOf(env []string) string {
	get := func(k string) string {
		for i := len(env) - 1; i >= 0; i-- {
			if v, ok := strings.CutPrefix(env[i], k+"="); ok {
				return v
			}
		}
		return ""
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := get(k); v != "" {
			return v
		}
	}
	return ""
}

// inputReader records when the client last typed and limits the input rate
// with a token bucket (burst: one second's worth), so that a huge paste is
// read slowly (the SSH window then holds the client back) instead of
// flooding the model. Only tea's single read loop calls Read.
type inputReader struct {
	r      io.Reader
	last   atomic.Int64 // unix nanoseconds
	rate   float64      // bytes per second; 0: unlimited
	tokens float64
	filled time.Time

	gone     chan struct{} // closed when reading fails (EOF: client gone)
	goneOnce sync.Once
}

func newInputReader(r io.Reader, rate int) *inputReader {
	in := &inputReader{r: r, rate: float64(rate), tokens: float64(rate), filled: time.Now(), gone: make(chan struct{})}
	in.last.Store(time.Now().UnixNano())
	return in
}

func (in *inputReader) lastInput() time.Time { return time.Unix(0, in.last.Load()) }

func (in *inputReader) Read(p []byte) (int, error) {
	if in.rate > 0 {
		for {
			now := time.Now()
			in.tokens = min(in.rate, in.tokens+now.Sub(in.filled).Seconds()*in.rate)
			in.filled = now
			if in.tokens >= 1 {
				break
			}
			time.Sleep(time.Duration((1 - in.tokens) / in.rate * float64(time.Second)))
		}
		if n := int(in.tokens); len(p) > n {
			p = p[:n]
		}
	}
	n, err := in.r.Read(p)
	if n > 0 {
		in.last.Store(time.Now().UnixNano())
		in.tokens -= float64(n)
	}
	if err != nil {
		in.goneOnce.Do(func() { close(in.gone) })
	}
	return n, err
}
