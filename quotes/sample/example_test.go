package sample_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/gofolio/gofolio/quotes/sample"
)

func ExampleMarket() {
	ibm, err := sample.Market().Series(context.Background(), "IBM", time.Time{}, time.Time{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d closes in %s, first %s %.2f\n",
		ibm.Symbol, ibm.Len(), ibm.Currency, ibm.First().Format(time.DateOnly), ibm.Close[0])
	// Output:
	// IBM: 2529 closes in USD, first 1990-12-31 27.86
}

func ExampleFX() {
	// What 100 USD was worth in pounds on the day of the sample's first trade:
	// the H.10 rate that day was 1.904 USD per GBP, and 100 / 1.904 = 52.52.
	date := time.Date(1991, 1, 15, 0, 0, 0, 0, time.UTC)
	gbp, err := sample.FX().Convert(100, "USD", sample.Currency, date)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.2f GBP\n", gbp)
	// Output:
	// 52.52 GBP
}
