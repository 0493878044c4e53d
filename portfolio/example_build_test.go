package portfolio_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes/sample"
)

// ExampleBuild builds the embedded sample portfolio (a sterling investor in
// US blue chips, 1991-2000) from the embedded sample market, in GBP.
func ExampleBuild() {
	txs, err := portfolio.ReadCSV(bytes.NewReader(sample.Transactions()), portfolio.ReadOptions{Name: sample.TransactionsFile})
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
	top := res.Positions(-1)[0]
	fmt.Printf("largest holding: %s, %g shares\n", top.Symbol, top.Quantity)
	// Output:
	// 53 transactions, 2520 trading days to 2001-01-02
	// value 456079.77 GBP, contributed 160973.03, time-weighted return 280.68%
	// largest holding: KO, 1100 shares
}
