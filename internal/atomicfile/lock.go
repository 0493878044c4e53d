package atomicfile

import (
	"context"
	"fmt"
	"os"
	"time"
)

// A FileLock is an exclusive lock held on a lock file; see Lock.
type FileLock struct {
	f    *os.File
	path string
}

// Lock takes an exclusive lock on the file at path, creating it when
// missing, and waits until it is free or ctx is done. The lock protects
// against other processes and other goroutines alike (each Lock opens its
// own file description). Release it with Unlock. The lock file itself is
// left in place: deleting it would let two processes lock two different
// files of the same name.
func Lock(ctx context.Context, path string) (*FileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("atomicfile: lock: %w", err)
	}
	wait := time.Millisecond
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("atomicfile: lock %s: %w", path, err)
		}
		if ok {
			return &FileLock{f: f, path: path}, nil
		}
		// Polling with a non-blocking attempt keeps the wait cancellable,
		// which a blocking flock call is not.
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			f.Close()
			return nil, fmt.Errorf("atomicfile: lock %s: %w", path, ctx.Err())
		case <-t.C:
		}
		if wait < 50*time.Millisecond {
			wait *= 2
		}
	}
}

// Unlock releases the lock. It is safe to call more than once.
func (l *FileLock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	if err != nil {
		return fmt.Errorf("atomicfile: unlock %s: %w", l.path, err)
	}
	return nil
}
