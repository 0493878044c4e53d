//go:build unix

package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestErrorsNameTheTarget: a write failing for lack of space names the
// file it replaces, never the temporary file, even when the write
// callback wraps the error (issue 14.14). A child process limits its
// file size (RLIMIT_FSIZE; Go ignores SIGXFSZ, so the write fails with
// EFBIG, as a full disk fails with ENOSPC).
func TestErrorsNameTheTarget(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_FSIZE_DIR"); dir != "" {
		limit := syscall.Rlimit{Cur: 1 << 16, Max: 1 << 16}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
			t.Skipf("setrlimit: %v", err)
		}
		err := Write(filepath.Join(dir, "report.html"), 0o644, func(w io.Writer) error {
			_, err := w.Write(bytes.Repeat([]byte("x"), 1<<20))
			if err != nil {
				return errors.New("report: rendering: " + err.Error()) // wrapped as text, as a template does
			}
			return nil
		})
		os.Stdout.WriteString("ERROR: " + err.Error() + "\n")
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestErrorsNameTheTarget$", "-test.v")
	cmd.Env = append(os.Environ(), "ATOMICFILE_FSIZE_DIR="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	text := string(out)
	if strings.Contains(text, "SKIP") {
		t.Skip(text)
	}
	want := "ERROR: atomicfile: writing " + filepath.Join(dir, "report.html") + ": report: rendering: write " + filepath.Join(dir, "report.html") + ": file too large"
	if !strings.Contains(text, want) || strings.Contains(text, ".tmp-") {
		t.Errorf("child printed:\n%s\nwant %q and no temporary name", text, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
}
