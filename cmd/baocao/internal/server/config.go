package server

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config holds every knob of the SSH server. Start from DefaultConfig (or
// RegisterFlags, which fills in the same defaults) and change what you need.
// In a Config built by hand, zero counts, sizes and the handshake and
// shutdown timeouts mean their defaults; a zero IdleTimeout, MaxSessionTime
// or InputRate means "none", as with the flags.
type Config struct {
	// Listen is the TCP address to listen on.
	Listen string
	// HostKeyPath is the Ed25519 host key, created (0600, directory 0700) on
	// first start. Empty means DefaultHostKeyPath().
	HostKeyPath string
	// AuthorizedKeysPath lists the public keys allowed in, in OpenSSH
	// authorized_keys format. The file is re-read when it changes.
	AuthorizedKeysPath string
	// Open lets anyone in without authentication (anonymous, read-only).
	// Exactly one of Open and AuthorizedKeysPath must be set.
	Open bool

	// HandshakeTimeout bounds the time from TCP accept to the end of
	// authentication (OpenSSH's LoginGraceTime). At most 30 s.
	HandshakeTimeout time.Duration
	// MaxAuthTries is the number of failed authentication attempts allowed on
	// one connection.
	MaxAuthTries int
	// MaxStartups caps connections that have not authenticated yet, like
	// OpenSSH's MaxStartups start:rate:full.
	MaxStartups Startups
	// MaxPerSource caps the open connections (authenticated or not) from one
	// source IP address, so that one address cannot take every session. A
	// team behind one NAT address shares it.
	MaxPerSource int
	// MaxSessions caps the sessions (reader or export) open at once across
	// all connections; the next one is refused with a message. Session
	// channels are capped at MaxSessions+MaxSessionsPerConn. Worst-case
	// memory is about MaxSessions x (MaxCells x 260 B + 2 MiB of unread
	// input): 100 x 8 MiB with the defaults, plus what the App's models hold.
	MaxSessions int
	// MaxSessionsPerConn caps the session channels one connection may have
	// open at once (OpenSSH's MaxSessions).
	MaxSessionsPerConn int
	// IdleTimeout ends a reader session after this long without input; 0
	// disables it.
	IdleTimeout time.Duration
	// MaxSessionTime ends any session after this long; 0 means no limit.
	MaxSessionTime time.Duration
	// ShutdownTimeout bounds Shutdown when Serve's context ends: sessions are
	// told, then connections are closed, all within this time.
	ShutdownTimeout time.Duration
	// InputRate caps the bytes per second read from one reader session's
	// keyboard (a 1 MB paste is slowed down, not refused); 0 means unlimited.
	InputRate int
	// MaxWidth and MaxHeight clamp the terminal size a client may claim, and
	// MaxCells its area (the height shrinks to fit): Bubble Tea keeps about
	// 260 bytes per cell per session (1.2 MiB at 120x40, 8 MiB at 300x100),
	// so an unbounded size would let a few clients exhaust memory.
	MaxWidth, MaxHeight, MaxCells int
	// ResizeInterval coalesces window-size changes: a client resizing faster
	// than this is sent only the latest size, once per interval.
	ResizeInterval time.Duration
}

// Startups is OpenSSH's MaxStartups start:rate:full. With Start or more
// unauthenticated connections a new one is dropped with probability Rate
// percent, rising linearly to 100 % at Full.
type Startups struct {
	Start, Rate, Full int
}

// String is "start:rate:full".
func (s Startups) String() string { return fmt.Sprintf("%d:%d:%d", s.Start, s.Rate, s.Full) }

// Set parses "start:rate:full" or a single number (a hard cap); it makes
// Startups a flag.Value.
func (s *Startups) Set(v string) error {
	parts := strings.Split(v, ":")
	var n []int
	for _, p := range parts {
		x, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || x < 0 {
			return fmt.Errorf("max-startups %q: want start:rate:full, e.g. 10:30:100", v)
		}
		n = append(n, x)
	}
	switch len(n) {
	case 1:
		*s = Startups{Start: n[0], Rate: 100, Full: n[0]}
	case 3:
		*s = Startups{Start: n[0], Rate: n[1], Full: n[2]}
	default:
		return fmt.Errorf("max-startups %q: want start:rate:full, e.g. 10:30:100", v)
	}
	return s.validate()
}

func (s Startups) validate() error {
	if s.Full < 1 || s.Start < 1 || s.Start > s.Full || s.Rate > 100 {
		return fmt.Errorf("max-startups %s: need 1 <= start <= full and rate <= 100", s)
	}
	return nil
}

// DefaultConfig returns the defaults used by RegisterFlags. It sets neither
// Open nor AuthorizedKeysPath: the operator must choose.
func DefaultConfig() Config {
	return Config{
		Listen:             "127.0.0.1:2323",
		HandshakeTimeout:   20 * time.Second,
		MaxAuthTries:       6,
		MaxStartups:        Startups{Start: 10, Rate: 30, Full: 100},
		MaxPerSource:       32,
		MaxSessions:        100,
		MaxSessionsPerConn: 10,
		IdleTimeout:        10 * time.Minute,
		ShutdownTimeout:    8 * time.Second,
		InputRate:          64 << 10,
		MaxWidth:           320,
		MaxHeight:          120,
		MaxCells:           24000,
		ResizeInterval:     50 * time.Millisecond,
	}
}

// RegisterFlags defines the serve flags on fs and returns the Config they
// fill, preset with DefaultConfig. Call Validate (New does) after fs.Parse.
func RegisterFlags(fs *flag.FlagSet) *Config {
	c := DefaultConfig()
	fs.StringVar(&c.Listen, "listen", c.Listen, "`address` to listen on")
	fs.StringVar(&c.HostKeyPath, "host-key", "", "Ed25519 host key `file`, created on first start (default "+DefaultHostKeyPath()+")")
	fs.StringVar(&c.AuthorizedKeysPath, "authorized-keys", "", "authorized_keys `file` of the keys allowed in (re-read when it changes)")
	fs.BoolVar(&c.Open, "open", false, "let anyone in without a key (anonymous, read-only)")
	fs.DurationVar(&c.HandshakeTimeout, "handshake-timeout", c.HandshakeTimeout, "time allowed to connect and authenticate (at most 30s)")
	fs.IntVar(&c.MaxAuthTries, "max-auth-tries", c.MaxAuthTries, "failed authentication attempts allowed per connection")
	fs.Var(&c.MaxStartups, "max-startups", "unauthenticated connections `start:rate:full`: random early drop from start, all dropped at full")
	fs.IntVar(&c.MaxPerSource, "max-per-source", c.MaxPerSource, "open connections allowed from one IP address")
	fs.IntVar(&c.MaxSessions, "max-sessions", c.MaxSessions, "sessions open at once, across all connections")
	fs.IntVar(&c.MaxSessionsPerConn, "max-sessions-per-conn", c.MaxSessionsPerConn, "sessions open at once on one connection")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", c.IdleTimeout, "end a reader session after this long without input (0: never)")
	fs.DurationVar(&c.MaxSessionTime, "max-session-time", c.MaxSessionTime, "end any session after this long (0: no limit)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", c.ShutdownTimeout, "time allowed to tell sessions and close them on SIGINT/SIGTERM")
	return &c
}

// fill puts defaults in the zero fields that cannot sensibly be zero.
func (c *Config) fill() {
	d := DefaultConfig()
	if c.Listen == "" {
		c.Listen = d.Listen
	}
	if c.HandshakeTimeout == 0 {
		c.HandshakeTimeout = d.HandshakeTimeout
	}
	if c.MaxAuthTries == 0 {
		c.MaxAuthTries = d.MaxAuthTries
	}
	if c.MaxStartups == (Startups{}) {
		c.MaxStartups = d.MaxStartups
	}
	if c.MaxPerSource == 0 {
		c.MaxPerSource = d.MaxPerSource
	}
	if c.MaxSessions == 0 {
		c.MaxSessions = d.MaxSessions
	}
	if c.MaxSessionsPerConn == 0 {
		c.MaxSessionsPerConn = d.MaxSessionsPerConn
	}
	if c.ShutdownTimeout == 0 {
		c.ShutdownTimeout = d.ShutdownTimeout
	}
	if c.MaxWidth == 0 {
		c.MaxWidth = d.MaxWidth
	}
	if c.MaxHeight == 0 {
		c.MaxHeight = d.MaxHeight
	}
	if c.MaxCells == 0 {
		c.MaxCells = d.MaxCells
	}
	if c.ResizeInterval == 0 {
		c.ResizeInterval = d.ResizeInterval
	}
}

// ErrNoAuthMode is returned by Validate when neither an authorized_keys file
// nor open mode was chosen.
var ErrNoAuthMode = errors.New("no way to let readers in: pass --authorized-keys PATH to allow the listed public keys, or --open for anonymous read-only access")

// Validate fills zero limits with their defaults and reports the first
// problem with c, in words for the operator.
func (c *Config) Validate() error {
	c.fill()
	switch {
	case !c.Open && c.AuthorizedKeysPath == "":
		return ErrNoAuthMode
	case c.Open && c.AuthorizedKeysPath != "":
		return errors.New("--open and --authorized-keys exclude each other: choose one")
	case c.HandshakeTimeout <= 0 || c.HandshakeTimeout > 30*time.Second:
		return fmt.Errorf("--handshake-timeout %v: must be more than 0 and at most 30s", c.HandshakeTimeout)
	case c.MaxAuthTries < 1:
		return fmt.Errorf("--max-auth-tries %d: must be at least 1", c.MaxAuthTries)
	case c.MaxPerSource < 1:
		return fmt.Errorf("--max-per-source %d: must be at least 1", c.MaxPerSource)
	case c.MaxSessions < 1:
		return fmt.Errorf("--max-sessions %d: must be at least 1", c.MaxSessions)
	case c.MaxSessionsPerConn < 1:
		return fmt.Errorf("--max-sessions-per-conn %d: must be at least 1", c.MaxSessionsPerConn)
	case c.IdleTimeout < 0 || c.MaxSessionTime < 0:
		return errors.New("timeouts cannot be negative")
	case c.ShutdownTimeout <= 0:
		return fmt.Errorf("--shutdown-timeout %v: must be more than 0", c.ShutdownTimeout)
	case c.InputRate < 0:
		return errors.New("input rate cannot be negative")
	case c.MaxWidth < 20 || c.MaxHeight < 10 || c.MaxCells < 80*24:
		return fmt.Errorf("terminal size cap %dx%d, %d cells is too small", c.MaxWidth, c.MaxHeight, c.MaxCells)
	case c.ResizeInterval < 0:
		return errors.New("resize interval cannot be negative")
	}
	return c.MaxStartups.validate()
}

// DefaultHostKeyPath is $XDG_DATA_HOME/baocao/ssh_host_ed25519_key, else
// ~/.local/share/baocao/..., else under os.UserConfigDir.
func DefaultHostKeyPath() string {
	const name = "ssh_host_ed25519_key"
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "baocao", name)
	}
	if h, err := os.UserHomeDir(); err == nil && h != "" {
		return filepath.Join(h, ".local", "share", "baocao", name)
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "baocao", name)
	}
	return filepath.Join("baocao", name)
}
