//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOutputThroughSymlinkWritesTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "reports", "current.xlsx")
	if err := os.Mkdir(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("old frames"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "frames.xlsx")
	if err := os.Symlink(filepath.Join("reports", "current.xlsx"), link); err != nil {
		t.Fatal(err)
	}
	// A link to a file not yet created: the shell's > creates it.
	dangling := filepath.Join(dir, "report.html")
	if err := os.Symlink(filepath.Join(dir, "reports", "new.html"), dangling); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runReport(t, "-tx", writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,IBM,10,,5,"),
		// The target holds no workbook gofolio wrote: replacing it takes
		// -force (issue 14.1).
		"-currency", "USD", "-benchmarks", ",", "-out", dangling, "-xlsx", link, "-force")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	for _, l := range []string{link, dangling} {
		if info, err := os.Lstat(l); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link (%v)", l, err)
		}
	}
	if got, err := os.ReadFile(target); err != nil || !strings.HasPrefix(string(got), "PK") {
		t.Errorf("the link's target was not rewritten with a workbook: %.20q, %v", got, err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "reports", "new.html")); err != nil || !strings.Contains(string(got), "<html") {
		t.Errorf("the dangling link's target was not created with the report: %.20q, %v", got, err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "reports"))
	if len(entries) != 2 {
		t.Errorf("files beside the targets: %v", entries)
	}
}

func TestOutputsThatCannotBeRenamedOverAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "frames.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	subdir := filepath.Join(dir, "sub.html")
	if err := os.Mkdir(subdir, 0o755); err != nil {
		t.Fatal(err)
	}
	linkToDir := filepath.Join(dir, "link.html")
	if err := os.Symlink("sub.html", linkToDir); err != nil {
		t.Fatal(err)
	}
	// The link's target as EvalSymlinks names it (a temporary directory
	// may itself be reached through a link, as on macOS).
	resolvedDir, err := filepath.EvalSymlinks(subdir)
	if err != nil {
		t.Fatal(err)
	}
	target, link := filepath.Join(dir, "frames2.xlsx"), filepath.Join(dir, "report.xlsx")
	if err := os.Symlink("frames2.xlsx", link); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "loop.html")
	if err := os.Symlink("loop.html", loop); err != nil {
		t.Fatal(err)
	}
	// An unknown symbol too: a check made after the build would report
	// that instead.
	tx := writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,NOSUCH,10,,5,")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-xlsx", fifo}, "-xlsx " + fifo + " is a named pipe: want the name of a regular file, or of one to create"},
		{[]string{"-out", subdir}, "-out " + subdir + " is a directory: want the name of a regular file, or of one to create"},
		{[]string{"-out", linkToDir}, "-out " + linkToDir + " is a link to " + resolvedDir + ", which is a directory"},
		{[]string{"-out", link, "-xlsx", target}, "-out and -xlsx both name " + target},
		{[]string{"-out", loop}, "-out " + loop + ": too many levels of symbolic links"},
	}
	if info, err := os.Stat(os.DevNull); err == nil && info.Mode()&os.ModeDevice != 0 {
		cases = append(cases, struct {
			args []string
			want string
		}{[]string{"-out", os.DevNull}, "-out " + os.DevNull + " is a device"})
	}
	for _, c := range cases {
		_, _, err := runReport(t, append([]string{"-tx", tx, "-currency", "USD"}, c.args...)...)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.args, err, c.want)
		}
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced (%v)", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		t.Errorf("files written: %v", entries)
	}
}
