package notebook

import (
	"strings"
	"testing"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/quality"
)

// TestDataQuality: each finding and repaired row is a list item, escaped,
// with a plain-text line; no finding shows the all-clear.
func TestDataQuality(t *testing.T) {
	var got []Bundle
	d := New(func(b Bundle) error { got = append(got, b); return nil })
	if err := d.DataQuality(nil, nil); err != nil || len(got) != 1 || !strings.Contains(got[0][MIMEPlain], "no fault found") {
		t.Fatalf("no findings: %v, %v", err, got)
	}
	s := &quotes.Series{Symbol: "<X>", Close: []float64{70, 0.7, 71}}
	for i := range s.Close {
		s.Dates = append(s.Dates, quotes.Date(2024, 3, 4+i))
	}
	series := map[string]*quotes.Series{"<X>": s}
	found := quality.Check(series, quality.Options{})
	_, changes := quality.Repair(series, found)
	got = nil
	if err := d.DataQuality(found, changes); err != nil || len(got) != 1 {
		t.Fatalf("%v, %d outputs", err, len(got))
	}
	h, plain := got[0][MIMEHTML], got[0][MIMEPlain]
	if !strings.Contains(h, "<li>&lt;X&gt; 2024-03-05: unit switch") || !strings.Contains(h, "1 row(s) repaired") {
		t.Errorf("HTML %s", h)
	}
	if !strings.HasPrefix(plain, "data quality: <X> 2024-03-05: unit switch") || !strings.Contains(plain, "\nrepaired: <X> 2024-03-05: close 0.7 -> 70 (unit switch)\n") {
		t.Errorf("plain %q", plain)
	}
}
