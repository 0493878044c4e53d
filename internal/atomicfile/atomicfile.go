package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tempInfix marks temporary files made by Write; RemoveStale looks for it.
const tempInfix = ".tmp-"

// Error is a failed write: what was being done, to which file, and why.
// Err is the cause without the temporary file's name, which would mean
// nothing to a user: a write callback's own error is Err as returned.
type Error struct {
	Op   string // "creating a file beside", "writing", "syncing", "renaming onto"
	Path string // the file being replaced
	Err  error
}

func (e *Error) Error() string { return "atomicfile: " + e.Op + " " + e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// fail makes the *Error of op on path, stripping the temporary file's name
// from an *fs.PathError or *os.LinkError.
func fail(op, path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &Error{Op: op, Path: path, Err: err}
}

// Write atomically replaces the file at path with the bytes write produces,
// giving it permissions perm. When write or any file operation fails, the
// target is left untouched, the temporary file is removed and an *Error
// is returned.
func Write(path string, perm fs.FileMode, write func(w io.Writer) error) error {
	p, err := Prepare(path, perm, write)
	if err != nil {
		return err
	}
	return p.Commit()
}

// Pending is new content for a file, written and synced to a temporary
// file beside it, that has not replaced it yet: Commit replaces it, Abort
// drops the content. Preparing several files before committing any lets a
// caller replace them all or none when one fails to be written.
type Pending struct {
	path, tmp string
}

// Prepare writes the bytes write produces to a temporary file beside path
// (so that the rename stays on one file system), with permissions perm,
// synced and closed. When write or a file operation fails, the temporary
// file is removed and an *Error returned.
//
// The temporary file is named "." + base name + ".tmp-" + process id + "-"
// + random digits. A process killed before Commit or Abort leaves it
// behind: Prepare first removes those of path's that are stale, left by
// a process that is no longer running or last written over StaleAge ago
// (a live writer keeps its file's time fresh; a process id reused by
// another process is caught by the age).
func Prepare(path string, perm fs.FileMode, write func(w io.Writer) error) (_ *Pending, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStaleFor(dir, base)
	f, err := os.CreateTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, fail("creating a file beside", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	// Every error of a write names path, not the temporary file, even
	// through the callback's own wrapping ("no space left on device"
	// while rendering).
	bw := bufio.NewWriterSize(namedWriter{f, path}, 64<<10)
	if err := write(bw); err != nil {
		return nil, &Error{Op: "writing", Path: path, Err: err}
	}
	if err := bw.Flush(); err != nil {
		return nil, fail("writing", path, err)
	}
	if err := f.Chmod(perm); err != nil && !isUnsupported(err) {
		return nil, fail("writing", path, err)
	}
	if err := f.Sync(); err != nil {
		return nil, fail("syncing", path, err)
	}
	if err := f.Close(); err != nil {
		return nil, fail("writing", path, err)
	}
	return &Pending{path: path, tmp: f.Name()}, nil
}

// Commit renames the prepared content over the file. When the rename
// fails the temporary file is removed and the file left as it was.
func (p *Pending) Commit() error {
	if err := os.Rename(p.tmp, p.path); err != nil {
		os.Remove(p.tmp)
		return fail("renaming onto", p.path, err)
	}
	// The rename is durable only once the directory entry is on disk. Not
	// every platform can sync a directory (Windows cannot open one for
	// writing); there the rename is as durable as the OS makes it.
	if d, err := os.Open(filepath.Dir(p.path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Abort removes the prepared content; the file is left as it was.
func (p *Pending) Abort() { os.Remove(p.tmp) }

// WriteFile is Write for content already in memory, like os.WriteFile.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// RemoveStale deletes temporary files left in dir by writers that died
// before renaming them, when they are older than minAge (so that a write in
// progress in another process is not disturbed). It returns the number of
// files removed and the first error met.
func RemoveStale(dir string, minAge time.Duration) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("atomicfile: %w", err)
	}
	n := 0
	var first error
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, ".") || !strings.Contains(name, tempInfix) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < minAge {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			if first == nil {
				first = fmt.Errorf("atomicfile: %w", err)
			}
			continue
		}
		n++
	}
	return n, first
}

// StaleAge is how long after its last write a temporary file of Prepare
// is stale whatever its process id says.
const StaleAge = time.Hour

// tempPrefix starts the name of every temporary file for a file named base.
func tempPrefix(base string) string { return "." + base + tempInfix }

// removeStaleFor removes the stale temporary files of the file base in
// dir (see Prepare). Failures are ignored: a file left is only disk space,
// and the write itself will report a directory it cannot use.
func removeStaleFor(dir, base string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	prefix := tempPrefix(base)
	for _, name := range names {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		full := filepath.Join(dir, name)
		info, err := os.Lstat(full)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if pid, named := tempOwner(rest); stale(pid, named, time.Since(info.ModTime())) {
			os.Remove(full)
		}
	}
}

// stale reports whether a temporary file last written age ago, by the
// process pid when named, is left over: this process's own never are
// (they are writes in progress), others are once over StaleAge old or
// once their process has ended; a name without an owner, of an earlier
// version, goes by its age alone.
func stale(pid int, named bool, age time.Duration) bool {
	switch {
	case named && pid == os.Getpid():
		return false
	case age >= StaleAge:
		return true
	case named:
		return !processRunning(pid)
	default:
		return false
	}
}

// tempOwner reads the process id from what follows a temporary file's
// prefix: "<pid>-<random>".
func tempOwner(rest string) (int, bool) {
	digits, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}

// namedWriter is a temporary file whose errors name the file it will
// replace: the temporary name would mean nothing to the user.
type namedWriter struct {
	f    *os.File
	path string
}

func (w namedWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = &fs.PathError{Op: pe.Op, Path: w.path, Err: pe.Err}
	}
	return n, err
}

// IsTemp reports whether name (a base name) is a temporary file of Write.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempInfix)
}

func isUnsupported(err error) bool {
	// Chmod fails on some file systems (FAT, some network mounts) that
	// cannot store Unix permissions; the write is still good.
	return os.IsPermission(err) || strings.Contains(err.Error(), "not supported")
}
