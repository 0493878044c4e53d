// Package shared finds the project's real recorded data for tests: the
// folder ../shared beside the repository (marketdata, yahoo, reference).
// It is not part of the repository, so people who clone the project do not
// have it: a test that needs it is skipped with the reason logged, unless
// GOFOLIO_REQUIRE_SHARED=1 (set by test.sh when the folder exists), which
// turns a missing file into a failure so that CI cannot skip silently.
package shared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// EnvRequire makes a missing shared file fail the test instead of skipping it.
const EnvRequire = "GOFOLIO_REQUIRE_SHARED"

// Path returns the path of ../shared/parts... seen from the repository root
// (found by walking up from the working directory to go.mod).
func Path(t testing.TB, parts ...string) string {
	t.Helper()
	path, err := find(parts...)
	if err != nil {
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("shared data required (%s=1): %v", EnvRequire, err)
		}
		t.Skipf("skipping: shared data not available: %v", err)
	}
	return path
}

func find(parts ...string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test directory, so no ../shared beside the repository")
		}
		dir = parent
	}
	path := filepath.Join(append([]string{dir, "..", "shared"}, parts...)...)
	if _, err := os.Stat(path); err != nil {
		return "", err
	}
	return path, nil
}
