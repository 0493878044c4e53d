package analysis_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// The embedded sample portfolio, built in sterling, analysed against the Dow
// Jones Industrial Average in one call: the currency and rates are the
// Result's, the options given once.
func Example() {
	ctx := context.Background()
	txs, err := txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
	if err != nil {
		log.Fatal(err)
	}
	market := sample.Market()
	series, err := portfolio.Fetch(ctx, market, txs, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: sample.Currency, Series: series, Rates: sample.FX()})
	if err != nil {
		log.Fatal(err)
	}
	dji, err := market.Series(ctx, sample.Benchmark, time.Time{}, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	a, err := analysis.Run(res, []*quotes.Series{dji}, analysis.Options{RiskFree: 0.03})
	if err != nil {
		log.Fatal(err)
	}
	b := a.Benchmarks[0]
	fmt.Printf("portfolio: TWR %.2f%%, IRR %.2f%% a year, Sharpe %.2f\n",
		100*a.Summary.TWR.Value, 100*a.Summary.IRR.Value, a.Summary.Sharpe.Value)
	fmt.Printf("%s in %s: TWR %.2f%%; beta %.2f\n", b.Symbol, b.Index.Currency, 100*b.Summary.TWR.Value, b.Relative.Beta.Value)
	fmt.Printf("the same cash flows in %s: %s %.2f, against %.2f\n",
		b.Symbol, res.Currency, b.SameCashFlowsSummary.EndValue, a.Summary.EndValue)

	_, err = analysis.Run(res, nil, analysis.Options{RiskFree: 3})
	fmt.Println(err)
	// Output:
	// portfolio: TWR 282.49%, IRR 15.08% a year, Sharpe 0.84
	// ^DJI in GBP: TWR 445.02%; beta 0.65
	// the same cash flows in ^DJI: GBP 539367.77, against 456079.77
	// analysis: Options.RiskFree 3: want a fraction, e.g. 0.03 for 3%, from -0.1 to 1
}
