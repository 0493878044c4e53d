package report_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/gofolio/gofolio/quotes/sample"
	"github.com/gofolio/gofolio/report"
)

// The whole report from a transactions file in one call, here the sample
// portfolio's CSV priced from the embedded sample market (offline), in
// sterling against the Dow Jones; with Yahoo Finance as src and Rates nil,
// the exchange rates are fetched from it too.
func ExampleTearsheet() {
	var page bytes.Buffer
	err := report.Tearsheet(context.Background(), &page, "../quotes/sample/data/sample-portfolio.csv", sample.Market(),
		report.TearsheetOptions{Currency: "GBP", Benchmarks: []string{"^DJI"}, Rates: sample.FX()})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(page.String(), "Same cash flows in ^DJI"))
	fmt.Println(strings.Contains(page.String(), "456,079.77")) // the final value, as the command prints it
	// Output:
	// true
	// true
}
