package dataframe_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/dataframe"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes/sample"
)

// ExamplePerformance shows the sample portfolio's performance frame as a
// gota DataFrame: one row per date, dates as text.
func ExamplePerformance() {
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
	df := dataframe.Performance(res.Performance)
	fmt.Println(df.Nrow() == res.Performance.Len(), df.Elem(0, 0))
	fmt.Println(df.Names())
	// Output:
	// true 1991-01-14
	// [date market_value cash value deposits withdrawals net_contributions pnl daily_return cumulative_return drawdown]
}
