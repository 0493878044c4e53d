package lots_test

import (
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// halfRates: 1 USD = 0.5 GBP every day.
type halfRates struct{}

func (halfRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	out := make([]float64, len(dates))
	for i := range out {
		out[i] = 0.5
	}
	return out, nil
}

// TestLotCostInBothCurrencies: a lot keeps its cost in the reporting
// currency and in the trade's. 10 bought at 100 USD + 2 commission: 1,002
// USD, 501 GBP; after selling 4 FIFO the lot keeps 6/10 of each: 601.2
// USD, 300.6 GBP.
func TestLotCostInBothCurrencies(t *testing.T) {
	b, s := buy(day(2023, 1, 3), 10, 100, 2), sell(day(2023, 2, 1), 4, 110, 0)
	b.Currency, s.Currency = "USD", "USD"
	rep, err := lots.Match([]txn.Transaction{b, s}, lots.Options{Method: lots.FIFO, Currency: "GBP", Rates: halfRates{}})
	if err != nil {
		t.Fatal(err)
	}
	l := rep.Open["X"][0]
	near(t, "Cost", l.Cost, 300.6)
	near(t, "TradeCost", l.TradeCost, 601.2)
	// 4 × 110 × 0.5 = 220 − 4/10 × 501 = 200.4: gain 19.6.
	near(t, "Gain", rep.Disposals[0].Gain, 19.6)
}
