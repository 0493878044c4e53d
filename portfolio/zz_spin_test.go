package portfolio

import (
	"time"
	"fmt"
	"testing"
)

func TestZZSpin(t *testing.T) {
	x := testSeries("X", "EUR", days(d1, d2, d3, d4, d5), 10, 12, 9, 15, 14)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4, d5), 5, 6, 7, 8, 9)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Currency: "EUR"},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 10},
		{Date: d2, Kind: SpinOff, Symbol: "X", To: "Y", Quantity: 5, Fraction: 0.2},
		{Date: d4, Kind: Deposit, Amount: 100},
	}
	res, err := Build(txs, Config{Currency: "USD", Series: market(x, y), Rates: fakeRates{to: "USD", rates: map[string]map[time.Time]float64{"EUR": {d1: 1.1}}}})
	if err != nil {
		t.Log(err)
		return
	}
	fmt.Println("MV", res.Performance.MarketValue, "V", res.Performance.Value)
	h := res.Holdings
	fmt.Println("Q", h.Quantity(), "Val", h.Value())
	fmt.Println("At", h.At(1, 1), h.At(1, 2))
}
