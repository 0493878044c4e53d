package quality_test

import (
	"fmt"
	"time"

	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/quality"
)

// A London stock quoted in pence whose source gave two days in pounds:
// Check finds the switch, Repair fixes it and lists the rows.
func Example() {
	s := &quotes.Series{Symbol: "VOD.L", Currency: "GBp",
		Dates: []time.Time{quotes.Date(2024, 3, 4), quotes.Date(2024, 3, 5), quotes.Date(2024, 3, 6), quotes.Date(2024, 3, 7), quotes.Date(2024, 3, 8)},
		Close: []float64{70.1, 0.702, 0.699, 70.5, 70.3}}
	series := map[string]*quotes.Series{"VOD.L": s}
	found := quality.Check(series, quality.Options{})
	for _, f := range found {
		fmt.Println(f)
	}
	_, log := quality.Repair(series, found)
	for _, c := range log {
		fmt.Println(c)
	}
	// Output:
	// VOD.L 2024-03-05 to 2024-03-06: unit switch: 2 close(s) 1/100 of the rest (0.702 on 2024-03-05 after 70.1); likely prices quoted in another unit (such as pounds for pence) on those days: multiply them by 100 (repairable)
	// VOD.L 2024-03-05: close 0.702 -> 70.2 (unit switch)
	// VOD.L 2024-03-06: close 0.699 -> 69.9 (unit switch)
}
