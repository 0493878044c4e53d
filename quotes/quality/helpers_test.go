package quality

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
	"github.com/gofolio/gofolio/quotes/yahoo"
)

// sampleMarket returns the embedded sample market's series, copied so
// that a test may plant faults in them.
func sampleMarket(t testing.TB) map[string]*quotes.Series {
	t.Helper()
	m := sample.Market()
	out := map[string]*quotes.Series{}
	for _, sym := range m.Symbols() {
		s, err := m.Series(context.Background(), sym, time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		out[sym] = clone(s)
	}
	return out
}

// recorded returns the real Yahoo responses of ../shared/yahoo, parsed
// (the malformed *.fake.json ones are left out).
func recorded(t testing.TB) map[string]*quotes.Series {
	t.Helper()
	dir := shared.Path(t, "yahoo")
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*quotes.Series{}
	for _, name := range names {
		if filepath.Ext(name[:len(name)-len(".json")]) == ".fake" {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := yahoo.ParseChart(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[s.Symbol] = s
	}
	return out
}
