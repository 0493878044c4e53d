package portfolio_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"slices"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes/sample"
)

// ExampleBuild builds the embedded sample portfolio (a sterling investor in
// US blue chips, 1991-2000) from the embedded sample market, in GBP.
func ExampleBuild() {
	txs, err := txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
	if err != nil {
		log.Fatal(err) // every problem of the file, with its row and column
	}
	series, err := portfolio.Fetch(context.Background(), sample.Market(), txs, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Series: series, Rates: sample.FX()})
	if err != nil {
		log.Fatal(err)
	}
	p := res.Performance
	last := p.Len() - 1
	fmt.Printf("%d transactions, %d trading days to %s\n", len(txs), p.Len(), p.Dates[last].Format(time.DateOnly))
	fmt.Printf("value %.2f GBP, contributed %.2f, time-weighted return %.2f%%\n",
		p.Value[last], p.NetContributions[last], 100*p.CumulativeReturn[last])
	positions, err := res.Positions(-1)
	if err != nil {
		log.Fatal(err)
	}
	top := positions[0]
	fmt.Printf("largest holding: %s, %g shares\n", top.Symbol, top.Quantity)
	// Output:
	// 53 transactions, 2520 trading days to 2001-01-02
	// value 456079.77 GBP, contributed 160973.03, time-weighted return 282.49%
	// largest holding: KO, 1100 shares
}

// ExampleHoldings reads the holdings frame: a whole column (filled on first
// use, then kept) and one row with At.
func ExampleHoldings() {
	res := sampleResult() // the sample built as in ExampleBuild
	h := res.Holdings
	s := slices.Index(h.Symbols, "KO")
	last := len(h.Dates) - 1
	value := h.Value() // every symbol on every day; KO's rows are h.Row(s, 0) … h.Row(s, last)
	peak, on := 0.0, 0
	for d := range h.Dates {
		if v := value[h.Row(s, d)]; v > peak {
			peak, on = v, d
		}
	}
	fmt.Printf("KO peaked at %.2f GBP on %s\n", peak, h.Dates[on].Format(time.DateOnly))
	p := h.At(s, last)
	fmt.Printf("on %s: %g shares at %.2f %s, unrealized %.2f GBP\n", h.Dates[last].Format(time.DateOnly), p.Quantity, p.Close, p.QuoteCurrency, p.Unrealized)
	// Output:
	// KO peaked at 48118.23 GBP on 2000-11-30
	// on 2001-01-02: 1100 shares at 60.36 USD, unrealized 28247.59 GBP
}

// sampleResult is the embedded sample built in GBP, as ExampleBuild does.
func sampleResult() *portfolio.Result {
	txs, err := txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
	if err != nil {
		log.Fatal(err)
	}
	series, err := portfolio.Fetch(context.Background(), sample.Market(), txs, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Series: series, Rates: sample.FX()})
	if err != nil {
		log.Fatal(err)
	}
	return res
}
