//go:build !unix

package quotes

import "testing"

// mkfifo cannot make named pipes on this system.
func mkfifo(t *testing.T, path string) bool { return false }
