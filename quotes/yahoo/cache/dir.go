package cache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofolio/gofolio/internal/atomicfile"
)

// EnvDir names the environment variable that overrides the gofolio cache
// directory (by default os.UserCacheDir()/gofolio).
const EnvDir = "GOFOLIO_CACHE_DIR"

// DefaultPath is the directory Yahoo cache files go to by default: the
// "yahoo" folder of $GOFOLIO_CACHE_DIR when set, else of
// os.UserCacheDir()/gofolio.
func DefaultPath() (string, error) {
	root := os.Getenv(EnvDir)
	if root == "" {
		user, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("cache: no cache directory (set %s): %w", EnvDir, err)
		}
		root = filepath.Join(user, "gofolio")
	}
	return filepath.Join(root, "yahoo"), nil
}

// A Dir is a directory of cache files. It is safe for concurrent use by
// goroutines and by processes.
type Dir struct {
	path string
}

// Open returns the cache directory at path, creating it when missing, and
// removes temporary files that crashed writers left there over an hour ago.
func Open(path string) (*Dir, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	atomicfile.RemoveStale(path, time.Hour)
	return &Dir{path: path}, nil
}

// Path is the directory's path.
func (d *Dir) Path() string { return d.path }

// File is the path of symbol's cache file.
func (d *Dir) File(symbol string) string { return filepath.Join(d.path, FileName(symbol)) }

// CorruptError reports a cache file that cannot be used.
type CorruptError struct {
	Path string
	Err  error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("cache file %s is corrupt and will be refetched: %v", e.Path, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// Load reads symbol's entry. It returns an error matching fs.ErrNotExist
// when there is none, and a *CorruptError when the file is truncated,
// malformed, fails validation, or holds another symbol.
func (d *Dir) Load(symbol string) (*Entry, error) {
	path := d.File(symbol)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	e, err := Decode(bytes.NewReader(data))
	if err != nil {
		return nil, &CorruptError{Path: path, Err: err}
	}
	if e.Series.Symbol != symbol {
		return nil, &CorruptError{Path: path, Err: fmt.Errorf("holds symbol %q", e.Series.Symbol)}
	}
	return e, nil
}

// lockDir is the subdirectory of the lock files. Beside the cache files, a
// lock file could have a name RemoveStale takes for a dead writer's
// temporary file (any hidden name holding ".tmp-", which symbols such as
// "X.tmp-1" or "tmp-1" give) and delete it while it is held, letting two
// processes lock two different files; RemoveStale does not look into
// subdirectories. Lock files stay (see atomicfile.Lock).
const lockDir = ".locks"

// lockFile is the path of the file locked while symbol's entry is updated.
func (d *Dir) lockFile(symbol string) string {
	return filepath.Join(d.path, lockDir, FileName(symbol)+".lock")
}

// testHookMidWrite, when set, runs after half of a cache file has been
// written to its temporary file and flushed: the crash-safety test kills
// the process there.
var testHookMidWrite func(path string)

// Update replaces symbol's entry with update(old) under the symbol's lock,
// where old is the entry on disk at that moment (nil when missing or
// corrupt). Reading and writing under the lock means that two processes
// updating the same symbol each merge into the other's result instead of
// overwriting it. The new entry is written atomically; Update returns it.
func (d *Dir) Update(ctx context.Context, symbol string, update func(old *Entry) (*Entry, error)) (*Entry, error) {
	path := d.File(symbol)
	if err := os.MkdirAll(filepath.Join(d.path, lockDir), 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	lock, err := atomicfile.Lock(ctx, d.lockFile(symbol))
	if err != nil {
		return nil, fmt.Errorf("cache: %s: %w", symbol, err)
	}
	defer lock.Unlock()
	old, err := d.Load(symbol)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.As(err, new(*CorruptError)) {
		return nil, err
	}
	e, err := update(old)
	if err != nil {
		return nil, err
	}
	if e.Series.Symbol != symbol {
		return nil, fmt.Errorf("cache: entry for %q holds symbol %q", symbol, e.Series.Symbol)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, e); err != nil {
		return nil, err
	}
	err = atomicfile.Write(path, 0o644, func(w io.Writer) error {
		data := buf.Bytes()
		if testHookMidWrite != nil {
			half := len(data) / 2
			if _, err := w.Write(data[:half]); err != nil {
				return err
			}
			if f, ok := w.(interface{ Flush() error }); ok {
				f.Flush()
			}
			testHookMidWrite(path)
			data = data[half:]
		}
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("cache: %s: %w", symbol, err)
	}
	return e, nil
}
