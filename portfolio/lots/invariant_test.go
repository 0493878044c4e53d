package lots_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// randomTrades is a valid history of two symbols over 200 days: buys,
// sells of part of what is held, splits, stock dividends, returns of
// capital below the cost, and a spin-off of A into C.
func randomTrades(seed uint64) (txs []txn.Transaction, paid, returned float64) {
	r := rand.New(rand.NewPCG(seed, 7))
	held := map[string]float64{}
	for d := range 200 {
		date := day(2020, 1, 1).AddDate(0, 0, d)
		sym := []string{"A", "B", "C"}[r.IntN(3)]
		switch k := r.IntN(10); {
		case k < 4 && sym != "C":
			q, p, f := float64(1+r.IntN(50)), 1+r.Float64()*99, r.Float64()*5
			txs = append(txs, txn.Transaction{Date: date, Kind: txn.Buy, Symbol: sym, Quantity: q, Price: p, Commission: f})
			held[sym] += q
			paid += q*p + f
		case k < 8 && held[sym] > 0:
			q := held[sym] * (0.1 + 0.9*r.Float64())
			if r.IntN(4) == 0 {
				q = held[sym] // sell everything
			}
			txs = append(txs, txn.Transaction{Date: date, Kind: txn.Sell, Symbol: sym, Quantity: q, Price: 1 + r.Float64()*99, Commission: r.Float64()})
			held[sym] -= q
			if held[sym] < 1e-9 {
				held[sym] = 0
			}
		case k == 8 && held[sym] > 0:
			txs = append(txs, txn.Transaction{Date: date, Kind: txn.Split, Symbol: sym, Quantity: 3, Price: 2})
			held[sym] *= 1.5
		case k == 9 && held[sym] > 0 && sym == "A" && held["C"] == 0:
			txs = append(txs, txn.Transaction{Date: date, Kind: txn.SpinOff, Symbol: "A", To: "C", Quantity: 10, Fraction: 0.3})
			held["C"] += 10
		case k == 9 && held[sym] >= 1:
			// A bonus share on a holding of dust would multiply rounding
			// by millions: a stock dividend is on a real holding.
			txs = append(txs, txn.Transaction{Date: date, Kind: txn.StockDividend, Symbol: sym, Quantity: 1})
			held[sym]++
		}
	}
	return txs, paid, returned
}

// TestMatchConservesCostAndShares: for every method, on 200 random
// histories, the cost paid is the cost of the shares still held plus the
// cost of those disposed of, and no lot is left with a negative quantity
// or cost: whichever shares a method picks, it neither makes nor loses
// cost.
func TestMatchConservesCostAndShares(t *testing.T) {
	for seed := range uint64(200) {
		txs, paid, _ := randomTrades(seed)
		for _, m := range []lots.Method{lots.Average, lots.FIFO, lots.LIFO, lots.HIFO, lots.UK, lots.US} {
			rep, err := lots.Match(txs, lots.Options{Method: m, Currency: "GBP"})
			if err != nil {
				t.Fatalf("seed %d, %s: %v", seed, m, err)
			}
			open, disposed := openCost(rep)
			wash := 0.0
			for _, d := range rep.Disposals {
				wash += d.WashDisallowed
				if math.IsNaN(d.Gain) || math.IsInf(d.Gain, 0) {
					t.Fatalf("seed %d, %s: disposal %+v", seed, m, d)
				}
			}
			// A wash sale's disallowed loss is added to the replacement
			// lots' cost on top of what was paid.
			if got := open + disposed - wash; math.Abs(got-paid) > 1e-6*paid {
				t.Fatalf("seed %d, %s: open %v + disposed %v − wash %v = %v, paid %v", seed, m, open, disposed, wash, got, paid)
			}
			for sym, ls := range rep.Open {
				for _, l := range ls {
					if l.Quantity < 0 || l.Cost < -1e-9 {
						t.Fatalf("seed %d, %s: %s lot %+v", seed, m, sym, l)
					}
				}
			}
		}
	}
}
