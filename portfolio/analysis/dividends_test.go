package analysis

import (
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// TestDividendsByYear: 10 A held from 28 Dec 2023 pay £5 on 29 Dec and £7
// on 3 Jan 2024: 2023 received 5, 2024 received 7. A window from 2 Jan
// 2024 counts only 2024's 7 (the 5 were paid before it).
func TestDividendsByYear(t *testing.T) {
	days := []time.Time{quotes.Date(2023, 12, 28), quotes.Date(2023, 12, 29), quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3)}
	a := &quotes.Series{Symbol: "A", Currency: "GBP", Dates: days, Close: []float64{10, 10, 10, 10}}
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: days[0], Kind: portfolio.Deposit, Amount: 100, Currency: "GBP"},
		{Date: days[0], Kind: portfolio.Buy, Symbol: "A", Quantity: 10, Price: 10},
		{Date: days[1], Kind: portfolio.Dividend, Symbol: "A", Amount: 5},
		{Date: days[3], Kind: portfolio.Dividend, Symbol: "A", Amount: 7},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": a}})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Run(res, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := whole.DividendsByYear; len(d) != 2 || d[0] != (YearAmount{2023, 5}) || d[1] != (YearAmount{2024, 7}) {
		t.Errorf("whole history: %+v, want 2023: 5, 2024: 7", d)
	}
	window, err := Run(res, nil, Options{From: days[2]})
	if err != nil {
		t.Fatal(err)
	}
	if d := window.DividendsByYear; len(d) != 1 || d[0] != (YearAmount{2024, 7}) {
		t.Errorf("window from 2024-01-02: %+v, want 2024: 7", d)
	}
}
