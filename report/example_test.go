package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/gofolio/gofolio/report"
)

func Example() {
	dates := []time.Time{
		time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC),
	}
	in := &report.Input{
		Title:         "My portfolio",
		Currency:      "GBP",
		AsOf:          dates[2],
		Dates:         dates,
		Lines:         []report.Line{{Name: "Portfolio", Dates: dates, Values: []float64{0, 0.02, 0.01}}},
		Value:         []float64{1000, 1020, 1010},
		Contributions: []float64{1000, 1000, 1000},
		Drawdown:      []float64{0, 0, 1.01/1.02 - 1},
		Summary:       report.Summary{Value: 1010, NetContributions: 1000, PnL: 10, TWR: 0.01},
		Holdings:      []report.HoldingRow{{Symbol: "VWRL.L", Currency: "GBp", Quantity: 10, Price: 10100, Value: 1010, Cost: 1000, Unrealized: 10}},
		ByHolding:     []report.Slice{{Name: "VWRL.L", Value: 1010}},
		ByCurrency:    []report.Slice{{Name: "GBP", Value: 1010}},
	}
	var buf bytes.Buffer
	// EChartsURL could point to a local copy; EChartsFile inlines one.
	if err := report.Write(&buf, in, report.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	html := buf.String()
	fmt.Println(strings.Contains(html, "<title>My portfolio</title>"))
	fmt.Println(strings.Contains(html, "1.00%")) // the TWR card, written "&#43;1.00%"
	// Output:
	// true
	// true
}
