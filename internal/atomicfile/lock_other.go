//go:build !unix && !windows

package atomicfile

import (
	"os"
)

// Platforms without flock or LockFileEx (Plan 9, wasm) get no cross-process
// locking: every attempt succeeds at once. Writes stay atomic; only
// concurrent read-modify-write cycles from two processes may lose one update.
func tryLock(f *os.File) (bool, error) { return true, nil }

func unlock(f *os.File) error { return nil }
