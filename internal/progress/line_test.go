package progress

import (
	"os"
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	var b strings.Builder
	l := NewLine(&b)
	l.Done() // nothing written yet: no newline
	l.Set("%d/%d", 1, 2)
	l.Set("%d/%d", 2, 2)
	l.Done()
	if want := "\r1/2\x1b[K\r2/2\x1b[K\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
}

func TestIsTerminal(t *testing.T) {
	if IsTerminal(nil) {
		t.Error("nil is a terminal")
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if IsTerminal(null) {
		t.Error("os.DevNull is a terminal")
	}
	f, _ := os.CreateTemp(t.TempDir(), "x")
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file is a terminal")
	}
}
