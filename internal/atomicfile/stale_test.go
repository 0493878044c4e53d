package atomicfile

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// deadPid is the id of a process that has ended: a child run and waited
// for.
func deadPid(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatalf("child: %v", err)
	}
	return cmd.Process.Pid
}

// TestPrepareRemovesStaleTemporaries: the temporary files a killed
// writer left beside a target go at the next Prepare of that target;
// those of a running process (this one, or one whose file is fresh) and
// those of other targets stay (issue 14.12).
func TestPrepareRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	dead, live := strconv.Itoa(deadPid(t)), strconv.Itoa(os.Getppid())
	old := time.Now().Add(-2 * time.Hour)
	files := []struct {
		name  string
		mtime time.Time // zero: now
		stays bool
	}{
		{".r.html.tmp-" + dead + "-123", time.Time{}, false},                     // killed writer
		{".r.html.tmp-" + strconv.Itoa(os.Getpid()) + "-456", time.Time{}, true}, // this process's
		{".r.html.tmp-" + live + "-789", time.Time{}, true},                      // a running writer
		{".r.html.tmp-" + live + "-790", old, false},                             // pid reused: too old
		{".r.html.tmp-123456789", time.Time{}, true},                             // an earlier version's, fresh
		{".r.html.tmp-987654321", old, false},                                    // an earlier version's, old
		{".other.html.tmp-" + dead + "-1", time.Time{}, true},                    // another target's
		{"r.html.tmp-" + dead + "-1", time.Time{}, true},                         // not a temporary name
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
		if !f.mtime.IsZero() {
			if err := os.Chtimes(p, f.mtime, f.mtime); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := WriteFile(filepath.Join(dir, "r.html"), []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	for _, f := range files {
		if got := slices.Contains(names, f.name); got != f.stays {
			t.Errorf("%s: left %v, want %v", f.name, got, f.stays)
		}
	}
	if !slices.Contains(names, "r.html") || len(names) != 6 {
		t.Errorf("files after the write: %v", names)
	}
}
