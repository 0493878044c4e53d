package notebook

import (
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// TestGains: 2,000 X bought at £10 in 2001, 100 sold at £20 in 2005, 2006
// and 2010 (UK method: the Section 104 pool at £10 a share): each sale's
// proceeds 100 × 20 = 2,000.00, costs 100 × 10 = 1,000.00, gain
// +1,000.00. 2005/06 and 2006/07 are before 2008/09: marked *, and the
// note is written once, naming both years; 2010/11 is not marked.
func TestGains(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	rep, err := lots.Match([]txn.Transaction{
		{Date: day(2001, 5, 1), Kind: txn.Buy, Symbol: "X", Quantity: 2000, Price: 10},
		{Date: day(2005, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 100, Price: 20},
		{Date: day(2006, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 100, Price: 20},
		{Date: day(2010, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 100, Price: 20},
	}, lots.Options{Method: lots.UK, Currency: "GBP"})
	if err != nil {
		t.Fatal(err)
	}
	h, plain := shown(t, func(d *Display) error { return d.Gains(rep) })
	note := "* 2005/06, 2006/07: " + lots.NoteBefore2008
	if n := strings.Count(plain, lots.NoteBefore2008); n != 1 {
		t.Errorf("the note %d times; want once:\n%s", n, plain)
	}
	for _, want := range []string{
		note,
		"2005/06 * 1 2,000.00 1,000.00 1,000.00 0.00 +1,000.00",
		"2010/11 1 2,000.00 1,000.00 1,000.00 0.00 +1,000.00",
		"2010-06-01 X 100 2,000.00 1,000.00 +1,000.00",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("no %q in\n%s", want, plain)
		}
	}
	if !strings.Contains(h, "<th>Exempt GBP</th>") {
		t.Errorf("no exempt amount column for the UK method in\n%s", h)
	}
	if err := New(func(Bundle) error { return nil }).Gains(nil); err == nil {
		t.Error("no report: no error")
	}
}
