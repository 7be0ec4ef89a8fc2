package server

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// authorizedKeys is the set of public keys in an authorized_keys file. It
// re-reads the file whenever its identity, size or modification time
// changes; the check is a stat per authentication attempt, so an edit takes
// effect at the next login without any background polling.
type authorizedKeys struct {
	path string
	log  *log.Logger

	mu   sync.Mutex
	fi   fs.FileInfo       // of the last read; nil if the file was missing
	keys map[string]string // wire-format key -> comment
}

// harmlessOptions may appear in front of a key: they only forbid things this
// server never offers. Any other option (from=, command=, permitopen=, ...)
// would restrict the key in a way this server does not enforce, so such a
// key is skipped rather than let in with fewer restrictions.
var harmlessOptions = map[string]bool{
	"restrict": true, "no-port-forwarding": true,
	"no-agent-forwarding": true, "no-x11-forwarding": true, "no-user-rc": true,
}

func newAuthorizedKeys(path string, logger *log.Logger) (*authorizedKeys, error) {
	a := &authorizedKeys{path: path, log: logger}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("authorized keys %s is not a regular file", path)
	}
	if err := a.reload(fi); err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	if len(a.keys) == 0 {
		logger.Warn("authorized keys file lists no usable key: nobody can log in until one is added", "path", path)
	}
	return a, nil
}

// reload parses the file; the caller holds a.mu or owns a.
func (a *authorizedKeys) reload(fi fs.FileInfo) error {
	b, err := os.ReadFile(a.path)
	if err != nil {
		return err
	}
	keys := map[string]string{}
	for i, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		pk, comment, opts, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			a.log.Warn("authorized keys: line skipped", "path", a.path, "line", i+1, "err", err)
			continue
		}
		if bad := unsupportedOption(opts); bad != "" {
			a.log.Warn("authorized keys: key skipped, option not supported", "path", a.path, "line", i+1, "option", bad, "fingerprint", gossh.FingerprintSHA256(pk))
			continue
		}
		keys[string(pk.Marshal())] = comment
	}
	a.keys, a.fi = keys, fi
	return nil
}

func unsupportedOption(opts []string) string {
	for _, o := range opts {
		name, _, _ := strings.Cut(strings.ToLower(o), "=")
		if !harmlessOptions[name] {
			return o
		}
	}
	return ""
}

// refresh re-reads the file if it changed since the last read. A missing or
// unreadable file lets nobody in (and is logged), so that deleting the file
// revokes every key.
func (a *authorizedKeys) refresh() {
	fi, err := os.Stat(a.path)
	a.mu.Lock()
	defer a.mu.Unlock()
	if err != nil {
		if a.fi != nil {
			a.log.Error("authorized keys file unreadable: refusing every key until it is back", "path", a.path, "err", err)
		}
		a.fi, a.keys = nil, map[string]string{}
		return
	}
	if a.fi != nil && os.SameFile(a.fi, fi) && a.fi.Size() == fi.Size() && a.fi.ModTime().Equal(fi.ModTime()) {
		return
	}
	before := len(a.keys)
	if err := a.reload(fi); err != nil {
		a.log.Error("authorized keys file unreadable: refusing every key until it is back", "path", a.path, "err", err)
		a.fi, a.keys = nil, map[string]string{}
		return
	}
	a.log.Info("authorized keys reloaded", "path", a.path, "keys", len(a.keys), "before", before)
}

// lookup reports whether key is listed (after a refresh) and its comment.
func (a *authorizedKeys) lookup(key gossh.PublicKey) (comment string, ok bool) {
	if key == nil {
		return "", false
	}
	a.refresh()
	a.mu.Lock()
	defer a.mu.Unlock()
	comment, ok = a.keys[string(key.Marshal())]
	return comment, ok
}
