package cache

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/atomicfile"
)

// A lock file is old when it was created long ago, however recently it was
// locked: the cleanup of dead writers' temporary files, which goes by age,
// must not take it for one of them while it is held.
func TestHeldLockSurvivesStaleFileCleanup(t *testing.T) {
	dirPath := t.TempDir()
	dir, err := Open(dirPath)
	if err != nil {
		t.Fatal(err)
	}
	// "X.tmp-1" and "tmp-1" gave hidden lock files holding ".tmp-", the
	// mark of a temporary file.
	for _, symbol := range []string{"X.tmp-1", "tmp-1", "AAPL"} {
		_, err := dir.Update(context.Background(), symbol, func(*Entry) (*Entry, error) {
			lock := dir.lockFile(symbol)
			created := time.Now().Add(-48 * time.Hour)
			if err := os.Chtimes(lock, created, created); err != nil {
				t.Fatal(err)
			}
			if _, err := atomicfile.RemoveStale(dirPath, 0); err != nil {
				t.Fatal(err)
			}
			if _, err := Open(dirPath); err != nil { // cleans up too
				t.Fatal(err)
			}
			if _, err := os.Stat(lock); err != nil {
				t.Errorf("%s: lock file removed while held: %v", symbol, err)
			}
			e := sample()
			e.Series.Symbol = symbol
			return e, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := dir.Load(symbol); err != nil {
			t.Errorf("%s: %v", symbol, err)
		}
	}
}
