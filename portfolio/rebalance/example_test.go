package rebalance_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// ExampleCompute rebalances £1,120 (60 A at £12, bought as 30 at £8 and 30
// at £12; 40 B at £5; £200 of cash) to 50% each, in whole shares, the
// sales matched FIFO: A sells 14 (the £8 lot first: 168 − 112 = 56 of
// gain), B buys 72, £8 is left.
func ExampleCompute() {
	closes := func(sym string, c ...float64) *quotes.Series {
		return &quotes.Series{Symbol: sym, Currency: "GBP", Dates: []time.Time{quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3)}, Close: c}
	}
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 1000},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 8},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 30, Price: 12},
		{Date: d, Kind: portfolio.Buy, Symbol: "B", Quantity: 40, Price: 5},
	}, portfolio.Config{Currency: "GBP", Lots: lots.FIFO,
		Series: map[string]*quotes.Series{"A": closes("A", 10, 12), "B": closes("B", 5, 5)}})
	if err != nil {
		log.Fatal(err)
	}
	targets, err := rebalance.ParseTargets(strings.NewReader("symbol,weight\nA,50%\nB,50%\n"), "targets.csv")
	if err != nil {
		log.Fatal(err) // every problem of the file, with its row and column
	}
	plan, err := rebalance.Compute(res, targets, rebalance.Options{Lots: lots.FIFO})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range plan.Trades {
		fmt.Printf("%s %g %s at %.2f: %.2f, gain %.2f\n", t.Side, t.Quantity, t.Symbol, t.Price, t.Value, t.Gain)
	}
	fmt.Printf("cash left %.2f\n", plan.CashAfter)
	// Output:
	// SELL 14 A at 12.00: 168.00, gain 56.00
	// BUY 72 B at 5.00: 360.00, gain 0.00
	// cash left 8.00
}
