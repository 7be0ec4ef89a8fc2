package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestOpenSSHClient drives the server with the real OpenSSH client, when
// there is one, to check what users will see.
func TestOpenSSHClient(t *testing.T) {
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no ssh client")
	}
	e := startServer(t, nil)
	dir := t.TempDir()

	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, _ := gossh.NewSignerFromKey(priv)
	if err := os.WriteFile(e.authPath, []byte(authorizedLine(signer, "openssh")), 0o600); err != nil {
		t.Fatal(err)
	}
	_, port, _ := strings.Cut(e.addr, ":")
	known := filepath.Join(dir, "known_hosts")
	line := "[127.0.0.1]:" + port + " " + string(gossh.MarshalAuthorizedKey(e.srv.HostKey()))
	if err := os.WriteFile(known, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	sshCmd := func(stdin string, args ...string) (string, string, int) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		base := []string{"-F", "/dev/null", "-p", port, "-i", keyFile,
			"-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
			"-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + known,
			"-o", "ConnectTimeout=5", "-o", "LogLevel=ERROR"}
		cmd := exec.CommandContext(ctx, sshBin, append(append(base, args[:len(args)-1]...), "r@127.0.0.1", args[len(args)-1])...)
		if args[len(args)-1] == "" {
			cmd.Args = cmd.Args[:len(cmd.Args)-1]
		}
		var out, errb bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(stdin), &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("ssh: %v", err)
		}
		return out.String(), errb.String(), code
	}

	out, errs, code := sshCmd("", "-T", "export --format csv")
	if code != 0 || out != "args=--format|csv\n" {
		t.Errorf("export: %q %q exit %d", out, errs, code)
	}
	_, errs, code = sshCmd("", "-T", "ls")
	if code == 0 || !strings.Contains(errs, `unknown command "ls"`) {
		t.Errorf("ls: %q exit %d", errs, code)
	}
	_, errs, code = sshCmd("", "-T", "")
	if code == 0 || !strings.Contains(errs, "connect with a terminal") {
		t.Errorf("shell without terminal: %q exit %d", errs, code)
	}
	_, _, code = sshCmd("", "-T", "-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9", "")
	if code == 0 {
		t.Errorf("remote forwarding: exit 0")
	}
	// A forced terminal reads "q" from stdin and quits the reader.
	out, errs, code = sshCmd("q", "-tt", "-o", "SendEnv=LANG", "")
	if code != 0 || !strings.Contains(out, "baocao-test-ready") {
		t.Errorf("reader: exit %d, stderr %q, out %q", code, errs, out)
	}
}
