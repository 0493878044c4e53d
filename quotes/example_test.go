package quotes_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// A directory of CSV files: ACME.csv is a Yahoo Finance download, with
// ACME.dividends.csv and ACME.splits.csv beside it; symbols.csv says that
// VOD.L is quoted in pence in London.
func ExampleNewDir() {
	dir, err := quotes.NewDir("testdata/dir", quotes.DirOptions{Timezone: "America/New_York"})
	if err != nil {
		log.Fatal(err)
	}
	symbols, err := dir.Symbols()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(symbols)

	ctx := context.Background()
	acme, err := dir.Series(ctx, "ACME", quotes.Date(2020, 8, 28), time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	for i, d := range acme.Dates {
		fmt.Println(d.Format(time.DateOnly), acme.Close[i], acme.Currency)
	}
	fmt.Println("split", acme.Splits[0].Date.Format(time.DateOnly), acme.Splits[0].Ratio())

	vod, err := dir.Series(ctx, "VOD.L", time.Time{}, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(vod.Symbol, vod.Close, vod.Currency, vod.Timezone)
	// Output:
	// [ACME VOD.L ^IDX]
	// 2020-08-28 124.8 USD
	// 2020-08-31 129 USD
	// 2020-09-02 134 USD
	// split 2020-08-31 4
	// VOD.L [131.8 132.24] GBp Europe/London
}
