package data

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestReadWhole(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 1 << 20, 3<<20 + 7} {
		name := filepath.Join(dir, "f")
		want := bytes.Repeat([]byte("Tây Sơn 124.857 "), size+1)[:size]
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readWhole(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("size %d: got %d bytes, %v", size, len(got), err)
		}
	}
	if _, err := readWhole(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := readWhole(dir); err == nil {
		t.Error("a folder read as a file")
	}
}

// TestReadWholeNoSize: a file whose size the system does not know in
// advance (a pipe) is read to its end.
func TestReadWholeNoSize(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Repeat("dòng chữ\n", 5000)
	go func() {
		for i := 0; i < len(want); i += 1000 {
			w.WriteString(want[i:min(i+1000, len(want))])
		}
		w.Close()
	}()
	defer r.Close()
	got, err := readWhole("/dev/fd/" + strconv.Itoa(int(r.Fd())))
	if err != nil {
		t.Skip("no /dev/fd here:", err)
	}
	if string(got) != want {
		t.Errorf("read %d bytes of %d", len(got), len(want))
	}
}
