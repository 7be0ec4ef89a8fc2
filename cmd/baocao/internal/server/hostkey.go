package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// LoadOrCreateHostKey reads the Ed25519 host key at path, or, when there is
// no file there, generates one and writes it with mode 0600 (creating the
// directory with mode 0700). It refuses a key file that others can read and
// a key that is not Ed25519. created reports whether the key is new.
func LoadOrCreateHostKey(path string) (signer gossh.Signer, created bool, err error) {
	if path == "" {
		return nil, false, errors.New("host key path is empty")
	}
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		fi, err := os.Stat(path)
		if err != nil {
			return nil, false, err
		}
		if fi.Mode().Perm()&0o077 != 0 {
			return nil, false, fmt.Errorf("host key %s can be read by others (mode %04o): run chmod 600 on it", path, fi.Mode().Perm())
		}
		s, err := gossh.ParsePrivateKey(b)
		if err != nil {
			return nil, false, fmt.Errorf("host key %s: %w", path, err)
		}
		if s.PublicKey().Type() != gossh.KeyAlgoED25519 {
			return nil, false, fmt.Errorf("host key %s is %s, want an Ed25519 key", path, s.PublicKey().Type())
		}
		return s, false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, false, fmt.Errorf("host key: %w", err)
	}

	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "baocao host key")
	if err != nil {
		return nil, false, err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, fmt.Errorf("host key directory: %w", err)
	}
	// Write to a temporary file and link it into place, so that a crash never
	// leaves half a key and two servers starting at once agree on one key.
	tmp, err := os.CreateTemp(dir, ".hostkey-*")
	if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, false, err
	}
	if _, err := tmp.Write(pem.EncodeToMemory(block)); err != nil {
		tmp.Close()
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, false, err
	}
	if err := tmp.Close(); err != nil {
		return nil, false, err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			// Another process won the race: use its key.
			return LoadOrCreateHostKey(path)
		}
		// Some file systems have no hard links.
		if err := os.Rename(tmp.Name(), path); err != nil {
			return nil, false, fmt.Errorf("host key: %w", err)
		}
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, false, err
	}
	return s, true, nil
}
