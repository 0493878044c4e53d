// Package synth generates deterministic synthetic portfolios for benchmarks
// and cross-implementation checks: a market of random-walk closes on a
// weekday calendar and a valid transaction history over it (deposits first,
// buys and sells that never oversell, some withdrawals).
//
// The same Spec always gives the same data, so gofolio and the pandas
// implementations in examples/perf can be fed identical inputs.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// Spec sizes a workload.
type Spec struct {
	Symbols      int
	Days         int // trading days (weekdays from Start)
	Transactions int
	Seed         uint64
	Start        time.Time // zero: 2000-01-03
}

// Workload is a generated market and transaction history, in USD.
type Workload struct {
	Spec         Spec
	Dates        []time.Time
	Series       map[string]*quotes.Series
	Symbols      []string
	Transactions []portfolio.Transaction
}

// Weekdays returns n weekdays starting on or after start.
func Weekdays(start time.Time, n int) []time.Time {
	out := make([]time.Time, 0, n)
	for d := quotes.Day(start); len(out) < n; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			out = append(out, d)
		}
	}
	return out
}

// Generate builds the workload for s.
//
// Closes follow a geometric random walk (daily σ 1.5%) from 20..220 and
// are rounded to cents. Transactions: every tenth is a deposit of 10,000,
// one in fifty a withdrawal of 1,000 (a deposit instead on a day that would
// end with less than a dollar in cash), the rest buys (60%) and sells (40%)
// of 1..100 shares at the day's close (price left blank for one in four,
// so the engine fills it), with commissions of 0..9.99. A sell is turned into
// a buy when nothing of the symbol is held, so the history is always valid.
func Generate(s Spec) *Workload {
	if s.Start.IsZero() {
		s.Start = quotes.Date(2000, 1, 3)
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0x9e3779b97f4a7c15))
	w := &Workload{Spec: s, Dates: Weekdays(s.Start, s.Days), Series: make(map[string]*quotes.Series, s.Symbols)}
	for i := 0; i < s.Symbols; i++ {
		sym := fmt.Sprintf("S%04d", i)
		closes := make([]float64, s.Days)
		p := 20 + 200*rng.Float64()
		for d := range closes {
			p *= math.Exp(0.015*rng.NormFloat64() - 0.0001)
			closes[d] = math.Max(0.01, math.Round(p*100)/100)
		}
		w.Symbols = append(w.Symbols, sym)
		w.Series[sym] = &quotes.Series{Symbol: sym, Currency: "USD", Timezone: "America/New_York", Dates: w.Dates, Close: closes}
	}
	held := make([]float64, s.Symbols)
	w.Transactions = make([]portfolio.Transaction, 0, s.Transactions)
	for i := 0; i < s.Transactions; i++ {
		// Spread the transactions evenly over the days, in date order.
		d := i * s.Days / max(1, s.Transactions)
		tx := portfolio.Transaction{Date: w.Dates[d], Origin: portfolio.Origin{File: "synthetic", Row: i + 2}}
		switch {
		case i%10 == 0:
			tx.Kind, tx.Amount = portfolio.Deposit, 10000
		case i%50 == 7:
			tx.Kind, tx.Amount = portfolio.Withdrawal, 1000
		default:
			si := rng.IntN(s.Symbols)
			q := float64(1 + rng.IntN(100))
			tx.Symbol = w.Symbols[si]
			tx.Kind = portfolio.Buy
			if rng.IntN(10) < 4 && held[si] > 0 {
				tx.Kind = portfolio.Sell
				q = math.Min(q, held[si])
			}
			tx.Quantity = q
			if rng.IntN(4) != 0 {
				tx.Price = w.Series[tx.Symbol].Close[d]
			}
			tx.Commission = float64(rng.IntN(1000)) / 100
			if tx.Kind == portfolio.Buy {
				held[si] += q
			} else {
				held[si] -= q
			}
		}
		w.Transactions = append(w.Transactions, tx)
	}
	w.keepWithdrawalsCovered()
	return w
}

// keepWithdrawalsCovered turns into deposits the withdrawals of each day
// that would end with less than a dollar in cash: buys may run the cash
// below zero (the engine allows buying on credit), but money cannot be
// taken out that is not there (portfolio.Build reports it).
func (w *Workload) keepWithdrawalsCovered() {
	txs := w.Transactions
	var cash float64
	for start := 0; start < len(txs); {
		end := start
		for end < len(txs) && txs[end].Date.Equal(txs[start].Date) {
			end++
		}
		day := txs[start:end]
		if cash+w.cashChange(day) < 1 {
			for i := range day {
				if day[i].Kind == portfolio.Withdrawal {
					day[i].Kind = portfolio.Deposit
				}
			}
		}
		cash += w.cashChange(day)
		start = end
	}
}

// cashChange is what a day's transactions add to the cash.
func (w *Workload) cashChange(day []portfolio.Transaction) float64 {
	var sum float64
	for _, tx := range day {
		price := tx.Price
		if price == 0 && tx.Symbol != "" {
			s := w.Series[tx.Symbol]
			i, _ := slices.BinarySearchFunc(s.Dates, tx.Date, func(a, b time.Time) int { return a.Compare(b) })
			price = s.Close[i]
		}
		switch tx.Kind {
		case portfolio.Deposit:
			sum += tx.Amount
		case portfolio.Withdrawal:
			sum -= tx.Amount
		case portfolio.Buy:
			sum -= tx.Quantity*price + tx.Commission
		case portfolio.Sell:
			sum += tx.Quantity*price - tx.Commission
		}
	}
	return sum
}
