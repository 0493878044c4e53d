package portfolio

import (
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestResultGains: a USD stock in a GBP portfolio, its rows' currency
// blank: the gains convert each trade at its own day's rate. 10 X bought
// at 50 USD on d1 (0.8 GBP per USD: 400 GBP), sold at 60 on d3 (0.75:
// 450 GBP): gain 50 GBP. Settled in GBP instead (-settle GBP), the prices
// are GBP: 600 − 500 = 100.
func TestResultGains(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	rates := fakeRates{to: "GBP", rates: map[string]map[time.Time]float64{"USD": {d1: 0.8, d2: 0.8, d3: 0.75}}}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 50},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 10, Price: 60},
	}
	res := build(t, txs, Config{Currency: "GBP", Series: market(x), Rates: rates, AutoDeposit: true})
	g, err := res.Gains(lots.FIFO, "")
	if err != nil {
		t.Fatal(err)
	}
	near(t, "gain", g.Disposals[0].Gain, 450-400)
	g, err = res.Gains(lots.FIFO, "GBP")
	if err != nil {
		t.Fatal(err)
	}
	near(t, "gain settled in GBP", g.Disposals[0].Gain, 100)
}
