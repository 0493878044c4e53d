package portfolio

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// TestBuildMatchesReference compares Build with refBook, a plain day-by-day
// average-cost simulation written from Build's doc comment, on random
// valid histories: two USD symbols and one EUR symbol (EUR→USD moving),
// splits (reverse ones too) and dividends in the market data (but for B,
// which has DIVIDEND rows instead), and BUY,
// SELL (part or all of a holding), DIVIDEND, DEPOSIT, WITHDRAWAL and FEE
// rows. Every holdings figure of every symbol and day, and the portfolio's
// cash and market value, agree to 1e-9 relative.
func TestBuildMatchesReference(t *testing.T) {
	for seed := range uint64(300) {
		m := refMarket(seed)
		txs := m.transactions(seed)
		res, err := Build(txs, Config{Currency: "USD", Series: m.series, Rates: m.rates, AutoDeposit: true})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		want := refBook(m, txs, res.Holdings.Dates)
		h := res.Holdings
		for s, sym := range h.Symbols {
			for d, date := range h.Dates {
				got, w := h.At(s, d), want.pos[sym][d]
				for _, f := range []struct {
					name      string
					got, want float64
				}{
					{"quantity", got.Quantity, w.qty}, {"value", got.Value, w.value}, {"cost basis", got.CostBasis, w.cost},
					{"realized", got.Realized, w.realized}, {"dividends", got.Dividends, w.dividends}, {"commissions", got.Commissions, w.commissions},
				} {
					if !refClose(f.got, f.want) {
						t.Fatalf("seed %d: %s on %s: %s = %v, want %v", seed, sym, date.Format(time.DateOnly), f.name, f.got, f.want)
					}
				}
			}
		}
		for d, date := range h.Dates {
			if p := res.Performance; !refClose(p.MarketValue[d], want.marketValue[d]) || !refClose(p.Cash[d], want.cash[d]) {
				t.Fatalf("seed %d: on %s market value %v and cash %v, want %v and %v",
					seed, date.Format(time.DateOnly), p.MarketValue[d], p.Cash[d], want.marketValue[d], want.cash[d])
			}
		}
	}
}

func refClose(got, want float64) bool {
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// refMarketData is a random market over 60 weekdays, every symbol trading
// on every day.
type refMarketData struct {
	dates   []time.Time
	symbols []string
	series  map[string]*quotes.Series
	rates   fakeRates
	eurUSD  map[time.Time]float64 // every day's rate, forward-filled
}

func refMarket(seed uint64) *refMarketData {
	r := rand.New(rand.NewPCG(seed, 11))
	m := &refMarketData{symbols: []string{"A", "B", "E"}, series: map[string]*quotes.Series{}, eurUSD: map[time.Time]float64{}}
	for d := quotes.Date(2024, 1, 1); len(m.dates) < 60; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			m.dates = append(m.dates, d)
		}
	}
	table := map[time.Time]float64{}
	rate := 1.1
	for k, d := range m.dates {
		if k%7 == 0 {
			rate *= 1 + 0.02*r.NormFloat64()
			table[d] = rate
		}
		m.eurUSD[d] = rate
	}
	m.rates = fakeRates{to: "USD", rates: map[string]map[time.Time]float64{"EUR": table}}
	for s, sym := range m.symbols {
		closes := make([]float64, len(m.dates))
		p := 20 + 80*r.Float64()
		for k := range closes {
			p *= math.Exp(0.02 * r.NormFloat64())
			closes[k] = math.Round(p*100) / 100
		}
		se := &quotes.Series{Symbol: sym, Currency: []string{"USD", "USD", "EUR"}[s], Dates: m.dates, Close: closes}
		if r.IntN(2) == 0 {
			num, den := float64(1+r.IntN(3)), float64(1+r.IntN(2))
			if num != den { // the closes as traded fall (rise) by the ratio
				at := 10 + r.IntN(40)
				se.Splits = []quotes.Split{{Date: m.dates[at], Numerator: num, Denominator: den}}
				for k := at; k < len(closes); k++ {
					closes[k] = math.Round(closes[k]*den/num*100) / 100
				}
			}
		}
		for k := 5; sym != "B" && k < len(m.dates); k += 15 + r.IntN(10) {
			se.Dividends = append(se.Dividends, quotes.Dividend{Date: m.dates[k], Amount: 0.1 + r.Float64()})
		}
		m.series[sym] = se
	}
	return m
}

// transactions is a valid random history over m: no sale of more than is
// held (splits counted), dividends only on a holding.
func (m *refMarketData) transactions(seed uint64) []Transaction {
	r := rand.New(rand.NewPCG(seed, 12))
	var txs []Transaction
	held := map[string]float64{}
	add := func(tx Transaction) {
		tx.Origin = Origin{File: "reference", Row: len(txs) + 2}
		txs = append(txs, tx)
	}
	for k, d := range m.dates {
		for _, sym := range m.symbols {
			for _, sp := range m.series[sym].Splits {
				if sp.Date.Equal(d) {
					held[sym] *= sp.Ratio()
				}
			}
		}
		for range r.IntN(3) {
			sym := m.symbols[r.IntN(3)]
			price := m.series[sym].Close[k] * (1 + 0.01*r.NormFloat64())
			commission := float64(r.IntN(5))
			switch op := r.IntN(10); {
			case op < 4:
				q := float64(1 + r.IntN(40))
				add(Transaction{Date: d, Kind: Buy, Symbol: sym, Quantity: q, Price: price, Commission: commission})
				held[sym] += q
			case op < 7 && held[sym] > 0:
				q := held[sym] * r.Float64()
				if r.IntN(3) == 0 {
					q = held[sym] // all of it
				}
				add(Transaction{Date: d, Kind: Sell, Symbol: sym, Quantity: q, Price: price, Commission: math.Min(commission, q*price)})
				held[sym] -= q
			case op < 8 && held["B"] > 0: // B: the data has no dividends for it
				add(Transaction{Date: d, Kind: Dividend, Symbol: "B", Amount: float64(1 + r.IntN(50))})
			case op < 9:
				add(Transaction{Date: d, Kind: Deposit, Amount: float64(100 + r.IntN(5000))})
			default:
				add(Transaction{Date: d, Kind: Fee, Amount: float64(1 + r.IntN(10))})
			}
		}
	}
	return txs
}

// refPosition is one symbol's figures at a day's close, in USD.
type refPosition struct{ qty, value, cost, realized, dividends, commissions float64 }

type refResult struct {
	pos         map[string][]refPosition
	marketValue []float64
	cash        []float64 // USD + EUR cash, in USD
}

// refBook replays txs day by day over dates (Build's calendar): on each
// day each symbol's splits (shares × ratio), then its dividends (shares ×
// amount, in its currency), then the day's rows in file order, a sale
// taking cost / shares × quantity of the cost. Amounts convert at the
// day's rate; with AutoDeposit a currency's cash below zero at the end of
// a day is topped up to zero.
func refBook(m *refMarketData, txs []Transaction, dates []time.Time) refResult {
	out := refResult{pos: map[string][]refPosition{}}
	cur := map[string]*refPosition{}
	for _, sym := range m.symbols {
		cur[sym] = &refPosition{}
	}
	ccyOf := func(sym string) string { return m.series[sym].Currency }
	rateOf := func(c string, d time.Time) float64 {
		if c == "EUR" {
			return m.eurUSD[d]
		}
		return 1
	}
	cash := map[string]float64{}
	next := 0
	for _, d := range dates {
		k := refIndex(m.dates, d)
		for _, sym := range m.symbols {
			p, s := cur[sym], m.series[sym]
			for _, sp := range s.Splits {
				if sp.Date.Equal(d) {
					p.qty *= sp.Ratio()
				}
			}
			for _, dv := range s.Dividends {
				if dv.Date.Equal(d) && p.qty != 0 {
					cash[ccyOf(sym)] += p.qty * dv.Amount
					p.dividends += p.qty * dv.Amount * rateOf(ccyOf(sym), d)
				}
			}
		}
		for ; next < len(txs) && txs[next].Date.Equal(d); next++ {
			rate := 1.0 // DEPOSIT and FEE rows are in USD
			if sym := txs[next].Symbol; sym != "" {
				rate = rateOf(ccyOf(sym), d)
			}
			refApply(&txs[next], cur, cash, ccyOf, rate)
		}
		var mv, cashValue float64
		for _, c := range []string{"EUR", "USD"} {
			if cash[c] < -1e-6 { // AutoDeposit tops it up at the end of the day
				cash[c] = 0
			}
			cashValue += cash[c] * rateOf(c, d)
		}
		for _, sym := range m.symbols {
			p := cur[sym]
			p.value = p.qty * m.series[sym].Close[k] * rateOf(ccyOf(sym), d)
			mv += p.value
			out.pos[sym] = append(out.pos[sym], *p)
		}
		out.marketValue = append(out.marketValue, mv)
		out.cash = append(out.cash, cashValue)
	}
	return out
}

// refApply books one row; rate converts the symbol's currency to USD.
func refApply(tx *Transaction, cur map[string]*refPosition, cash map[string]float64, ccyOf func(string) string, rate float64) {
	switch tx.Kind {
	case Deposit:
		cash["USD"] += tx.Amount
	case Fee:
		cash["USD"] -= tx.Amount
	case Buy:
		p := cur[tx.Symbol]
		p.qty += tx.Quantity
		p.cost += (tx.Quantity*tx.Price + tx.Commission) * rate
		p.commissions += tx.Commission * rate
		cash[ccyOf(tx.Symbol)] -= tx.Quantity*tx.Price + tx.Commission
	case Sell:
		p := cur[tx.Symbol]
		avg := p.cost / p.qty
		p.realized += (tx.Quantity*tx.Price-tx.Commission)*rate - avg*tx.Quantity
		p.cost -= avg * tx.Quantity
		p.qty -= tx.Quantity
		if math.Abs(p.qty) < 1e-9 {
			p.qty, p.cost = 0, 0
		}
		p.commissions += tx.Commission * rate
		cash[ccyOf(tx.Symbol)] += tx.Quantity*tx.Price - tx.Commission
	case Dividend:
		cur[tx.Symbol].dividends += tx.Amount * rate
		cash[ccyOf(tx.Symbol)] += tx.Amount
	default:
		panic(fmt.Sprintf("refApply: %v", tx.Kind))
	}
}

func refIndex(dates []time.Time, d time.Time) int {
	for k, x := range dates {
		if x.Equal(d) {
			return k
		}
	}
	panic("refIndex: " + d.String())
}
