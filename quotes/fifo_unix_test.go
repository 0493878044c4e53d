//go:build unix

package quotes

import (
	"syscall"
	"testing"
)

// mkfifo makes a named pipe at path; it reports whether it could.
func mkfifo(t *testing.T, path string) bool {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Logf("no named pipe: %v", err)
		return false
	}
	return true
}
