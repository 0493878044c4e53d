package attribution

import (
	"math"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

func closes(sym string, c ...float64) *quotes.Series {
	s := &quotes.Series{Symbol: sym, Currency: "EUR"}
	for i, x := range c {
		s.Dates = append(s.Dates, date(i))
		s.Close = append(s.Close, x)
	}
	return s
}

func build(t *testing.T, txs []portfolio.Transaction, series ...*quotes.Series) *portfolio.Result {
	t.Helper()
	m := map[string]*quotes.Series{}
	for _, s := range series {
		m[s.Symbol] = s
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "EUR", Series: m})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestFromResultIsTheHandPortfolio: fourDays' trades booked by the engine
// (a commission of 2 on the buy of A and 3 on its sale, a DIVIDEND row of
// 5 on B) give fourDays' figures (see TestDecomposeByHand).
func TestFromResultIsTheHandPortfolio(t *testing.T) {
	res := build(t, []portfolio.Transaction{
		{Date: date(0), Kind: portfolio.Deposit, Amount: 1000},
		{Date: date(0), Kind: portfolio.Buy, Symbol: "A", Quantity: 10, Price: 50, Commission: 2},
		{Date: date(1), Kind: portfolio.Buy, Symbol: "B", Quantity: 5, Price: 20},
		{Date: date(2), Kind: portfolio.Sell, Symbol: "A", Quantity: 10, Price: 60, Commission: 3},
		{Date: date(2), Kind: portfolio.Dividend, Symbol: "B", Amount: 5},
		{Date: date(3), Kind: portfolio.Withdrawal, Amount: 100},
	}, closes("A", 50, 55, 60, 60), closes("B", 20, 22, 24, 21))
	d, err := FromResult(res, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "TWR", d.TWR(), 0.105)
	checkHoldings(t, d.Holdings(), []HoldingReturn{
		{Symbol: "A", TWR: 95.0 / 502, MWR: 95.0 / 502, Contribution: 0.095, Bought: 502, Sold: 597},
		{Symbol: "B", TWR: 0.09375, MWR: 0.1025, Contribution: 0.01, End: 105, Bought: 100, Dividends: 5},
		{Symbol: Cash, TWR: math.NaN(), MWR: math.NaN(), Contribution: 0, End: 900},
	})
}

// TestFromResultPricesASymbolChangeAtValue: 20 X bought at 20 (400) close
// at 25 (500, +25 %); the next day they become 20 Y at 26 (520). Re-priced
// at the 520 Y received, X returns 1.25 × 520/500 − 1 = 30 % and
// contributes all of the portfolio's 30 % (100/400, then 20/500 × 1.25),
// Y, received at its value, 0 %.
func TestFromResultPricesASymbolChangeAtValue(t *testing.T) {
	res := build(t, []portfolio.Transaction{
		{Date: date(0), Kind: portfolio.Deposit, Amount: 400},
		{Date: date(0), Kind: portfolio.Buy, Symbol: "X", Quantity: 20, Price: 20},
		{Date: date(1), Kind: portfolio.SymbolChange, Symbol: "X", To: "Y"},
	}, closes("X", 25, 26), closes("Y", 24, 26))
	d, err := FromResult(res, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "TWR", d.TWR(), 0.3)
	checkHoldings(t, d.Holdings(), []HoldingReturn{
		{Symbol: "X", TWR: 0.3, MWR: 0.3, Contribution: 0.3, Bought: 400, Sold: 520},
		{Symbol: "Y", TWR: 0, MWR: 0, Contribution: 0, Bought: 520, End: 520},
		{Symbol: Cash, TWR: math.NaN(), MWR: math.NaN(), Contribution: 0},
	})
}
