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

// TestReadWholeInto: a file read into a buffer of 4 KB, whatever its size
// beside the buffer's: it lands in the buffer when it fits, in memory of
// its own when not, and whole either way.
func TestReadWholeInto(t *testing.T) {
	dir := t.TempDir()
	buf := make([]byte, 0, 4096)
	for _, size := range []int{0, 1, 4095, 4096, 4097, 8192, 3<<20 + 7} {
		name := filepath.Join(dir, "f")
		want := bytes.Repeat([]byte("Tây Sơn 124.857 "), size+1)[:size]
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readWholeInto(name, buf)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("size %d: got %d bytes, %v", size, len(got), err)
		}
		if inBuf := size > 0 && &got[:1][0] == &buf[:1][0]; size > 0 && inBuf != (size < cap(buf)) {
			t.Errorf("size %d: read into the buffer: %v", size, inBuf)
		}
	}
	if _, err := readWholeInto(filepath.Join(dir, "missing"), buf); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestReadWholeIntoShortReads: a file that comes in pieces shorter than
// the buffer (a pipe here; files of /proc, which say they are regular and
// empty, do the same) is read to its end, not to its first piece's.
func TestReadWholeIntoShortReads(t *testing.T) {
	want := strings.Repeat("dòng chữ\n", 5000)
	for _, size := range []int{4096, 1 << 20} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			for i := 0; i < len(want); i += 1000 {
				w.WriteString(want[i:min(i+1000, len(want))])
			}
			w.Close()
		}()
		got, err := readWholeInto("/dev/fd/"+strconv.Itoa(int(r.Fd())), make([]byte, 0, size))
		r.Close()
		if err != nil {
			t.Skip("no /dev/fd here:", err)
		}
		if string(got) != want {
			t.Errorf("buffer of %d: read %d bytes of %d", size, len(got), len(want))
		}
	}
}
