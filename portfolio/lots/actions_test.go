package lots_test

import (
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

func action(d txn.Transaction, k txn.Kind, sym, to string, qty, price, amount, fraction float64) txn.Transaction {
	return txn.Transaction{Date: d.Date, Kind: k, Symbol: sym, To: to, Quantity: qty, Price: price, Amount: amount, Fraction: fraction}
}

func on(y, m, d int) txn.Transaction { return txn.Transaction{Date: day(y, time.Month(m), d)} }

func bought(sym string, d txn.Transaction, qty, price float64) txn.Transaction {
	t := buy(d.Date, qty, price, 0)
	t.Symbol = sym
	return t
}

func sold(sym string, d txn.Transaction, qty, price float64) txn.Transaction {
	t := sell(d.Date, qty, price, 0)
	t.Symbol = sym
	return t
}

// openCost is the cost of every lot still held, and disposedCost the cost
// of the shares the disposals took: the cost paid is their sum whatever
// the corporate actions did (each conserves cost).
func openCost(rep *lots.Report) (open, disposed float64) {
	for _, ls := range rep.Open {
		for _, l := range ls {
			open += l.Cost
		}
	}
	for _, d := range rep.Disposals {
		for _, p := range d.Parts {
			disposed += p.Cost
		}
	}
	return open, disposed
}

func conserves(t *testing.T, rep *lots.Report, paid float64) {
	t.Helper()
	open, disposed := openCost(rep)
	near(t, "open + disposed cost", open+disposed, paid)
}

func heldOf(rep *lots.Report, sym string) (qty, cost float64) {
	for _, l := range rep.Open[sym] {
		qty += l.Quantity
		cost += l.Cost
	}
	return qty, cost
}

// TestSpinOff: 100 P at 10 (2 Jan 2020) and 50 at 12 (1 June 2020): cost
// 1,600. On 1 March 2021 P spins off C: 30 C shares for the 150 P held,
// 20% of P's cost moving to them (320). Sold: 10 C at 15 on 1 May 2021.
// fifo: C's lots mirror P's, 20 shares (200, 2 Jan 2020) and 10 (120):
// the sale takes 10 of the first, cost 100, gain 50. uk: C's pool is 30
// shares for 320; 10 cost 106.67, gain 150 − 320/3.
func TestSpinOff(t *testing.T) {
	txs := []txn.Transaction{bought("P", on(2020, 1, 2), 100, 10), bought("P", on(2020, 6, 1), 50, 12),
		action(on(2021, 3, 1), txn.SpinOff, "P", "C", 30, 0, 0, 0.2), sold("C", on(2021, 5, 1), 10, 15)}
	for m, gain := range map[lots.Method]float64{lots.FIFO: 50, lots.UK: 150 - 320.0/3, lots.Average: 150 - 320.0/3} {
		rep := match(t, m, txs...)
		near(t, m.String()+" gain", rep.Disposals[0].Gain, gain)
		_, pCost := heldOf(rep, "P")
		near(t, m.String()+" P cost", pCost, 1280)
		conserves(t, rep, 1600)
	}
	rep := match(t, lots.FIFO, txs...)
	if p := rep.Disposals[0].Parts[0]; !p.Acquired.Equal(day(2020, 1, 2)) {
		t.Errorf("fifo: C's lot acquired %v, want P's date 2020-01-02", p.Acquired)
	}
}

// TestMerger: 100 T at 10 (1,000) and 10 A at 25 (250). T merges into A:
// 50 A worth 30 each (1,500) plus 500 cash. The cash is a part disposal of
// 500 / (500 + 1,500) = 25% of T: 25 shares, cost 250, gain 250. The 75
// left become 50 A costing 750: A holds 60 shares costing 1,000.
//
// us: the cash is boot (IRC §356): T's gain, 500 + 1,500 − 1,000 = 1,000,
// is recognised up to the cash, 500; the new shares' basis is 1,000 −
// 500 + 500 = 1,000 (§358): A holds 60 shares costing 1,250. (This
// changed with the boot rule: before, us took the part disposal too.)
func TestMerger(t *testing.T) {
	txs := []txn.Transaction{bought("T", on(2020, 1, 2), 100, 10), bought("A", on(2020, 2, 3), 10, 25),
		action(on(2021, 3, 1), txn.Merger, "T", "A", 50, 30, 500, 0)}
	for _, m := range []lots.Method{lots.FIFO, lots.Average, lots.UK, lots.US} {
		rep := match(t, m, txs...)
		if len(rep.Disposals) != 1 {
			t.Fatalf("%s: disposals %+v, want the cash part", m, rep.Disposals)
		}
		gain, aCost := 250.0, 1000.0
		if m == lots.US {
			gain, aCost = 500, 1250
		}
		d := rep.Disposals[0]
		near(t, m.String()+" proceeds", d.Proceeds, 500)
		near(t, m.String()+" gain", d.Gain, gain)
		q, c := heldOf(rep, "A")
		near(t, m.String()+" A shares", q, 60)
		near(t, m.String()+" A cost", c, aCost)
		if q, _ := heldOf(rep, "T"); q != 0 {
			t.Errorf("%s: T still holds %v", m, q)
		}
		conserves(t, rep, 1250)
	}
}

// TestSymbolChange: 10 FB at 100; FB becomes META; 5 META sold at 120:
// cost 500 (the FB lot's), gain 100; META holds the other 5 (500).
func TestSymbolChange(t *testing.T) {
	txs := []txn.Transaction{bought("FB", on(2021, 1, 4), 10, 100), action(on(2022, 6, 9), txn.SymbolChange, "FB", "META", 0, 0, 0, 0),
		sold("META", on(2022, 8, 1), 5, 120)}
	for _, m := range []lots.Method{lots.FIFO, lots.UK} {
		rep := match(t, m, txs...)
		near(t, m.String()+" gain", rep.Disposals[0].Gain, 100)
		q, c := heldOf(rep, "META")
		near(t, m.String()+" META shares", q, 5)
		near(t, m.String()+" META cost", c, 500)
		conserves(t, rep, 1000)
	}
}

// TestStockDividend: 100 at 10 (1,000), then 10 new shares at no cost:
// 110 shares for 1,000. 55 sold at 12: cost 500, gain 160.
func TestStockDividend(t *testing.T) {
	txs := []txn.Transaction{bought("X", on(2021, 1, 4), 100, 10), action(on(2021, 6, 1), txn.StockDividend, "X", "", 10, 0, 0, 0),
		sold("X", on(2021, 9, 1), 55, 12)}
	for _, m := range []lots.Method{lots.FIFO, lots.Average, lots.UK} {
		rep := match(t, m, txs...)
		near(t, m.String()+" gain", rep.Disposals[0].Gain, 160)
		q, _ := heldOf(rep, "X")
		near(t, m.String()+" shares", q, 55)
		conserves(t, rep, 1000)
	}
}

// TestReturnOfCapital: 100 at 10 (1,000); 300 returned: cost 700; then
// 800 more: the cost falls to 0 and the 100 beyond it is a gain.
func TestReturnOfCapital(t *testing.T) {
	for _, m := range []lots.Method{lots.FIFO, lots.UK} {
		rep := match(t, m, bought("X", on(2021, 1, 4), 100, 10), action(on(2021, 6, 1), txn.ReturnOfCapital, "X", "", 0, 0, 300, 0))
		_, c := heldOf(rep, "X")
		near(t, m.String()+" cost", c, 700)
		conserves(t, rep, 1000-300)
		rep = match(t, m, bought("X", on(2021, 1, 4), 100, 10), action(on(2021, 6, 1), txn.ReturnOfCapital, "X", "", 0, 0, 300, 0),
			action(on(2021, 9, 1), txn.ReturnOfCapital, "X", "", 0, 0, 800, 0))
		_, c = heldOf(rep, "X")
		near(t, m.String()+" cost after the excess", c, 0)
		if len(rep.Disposals) != 1 || rep.Disposals[0].Gain != 100 || rep.Disposals[0].Parts[0].Rule != lots.RuleDistribution {
			t.Errorf("%s: disposals %+v, want a gain of 100", m, rep.Disposals)
		}
	}
}

// TestCapitalGainsDistribution: a fund's 50 distribution is a gain with
// no cost (US: long term whatever the holding period); the cost is
// unchanged.
func TestCapitalGainsDistribution(t *testing.T) {
	rep := match(t, lots.US, bought("F", on(2021, 1, 4), 100, 10), action(on(2021, 3, 1), txn.CapitalGains, "F", "", 0, 0, 50, 0))
	near(t, "gain", rep.Disposals[0].Gain, 50)
	near(t, "long term", rep.Years[0].LongTerm, 50)
	conserves(t, rep, 1000)
}
