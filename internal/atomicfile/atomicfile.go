package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
func Prepare(path string, perm fs.FileMode, write func(w io.Writer) error) (_ *Pending, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+tempInfix+"*")
	if err != nil {
		return nil, fail("creating a file beside", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
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

// IsTemp reports whether name (a base name) is a temporary file of Write.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempInfix)
}

func isUnsupported(err error) bool {
	// Chmod fails on some file systems (FAT, some network mounts) that
	// cannot store Unix permissions; the write is still good.
	return os.IsPermission(err) || strings.Contains(err.Error(), "not supported")
}
