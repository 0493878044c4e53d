package attribution

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/synth"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes/sample"
)

// buildSample builds the embedded sample portfolio.
func buildSample(t testing.TB) *portfolio.Result {
	t.Helper()
	txs, err := txfile.ReadCSV(bytes.NewReader(sample.Transactions()), txfile.Options{Name: sample.TransactionsFile})
	if err != nil {
		t.Fatal(err)
	}
	series, err := portfolio.Fetch(context.Background(), sample.Market(), txs, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: sample.Currency, Series: series, Rates: sample.FX()})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// checkAddsUp checks that the linked contributions add up to the TWR of
// perf.Frame.Window to 1e-12, and that the daily contributions add up to
// the day's return to 1e-13; relative beyond a return of 100 % when
// relative is set (random columns make returns of thousands of percent).
// On the sample the worst error over 300 windows is 1.8e-14.
func checkAddsUp(t *testing.T, what string, f *perf.Frame, d *Daily, from, to time.Time, relative bool) {
	t.Helper()
	scale := func(x float64) float64 {
		if relative {
			return math.Max(1, math.Abs(x))
		}
		return 1
	}
	w := f.Window(from, to)
	want := w.CumulativeReturn[w.Len()-1]
	var sum float64
	for _, c := range d.Contributions() {
		sum += c
	}
	if math.Abs(sum-want) > 1e-12*scale(want) {
		t.Errorf("%s: Σ contributions = %.17g, TWR of the window = %.17g (off by %.3g)", what, sum, want, sum-want)
	}
	for k := range d.Dates {
		var day float64
		for i := range d.Names {
			day += d.DailyContribution(i, k)
		}
		if math.Abs(day-w.DailyReturn[k]) > 1e-13*scale(w.DailyReturn[k]) {
			t.Errorf("%s: on %s Σ c = %.17g, r = %.17g", what, d.Dates[k].Format(time.DateOnly), day, w.DailyReturn[k])
			return
		}
	}
}

// TestContributionsAddUpOnTheSample: over the whole sample and 200 random
// windows of it, the contributions add up to the window's TWR to 1e-12.
func TestContributionsAddUpOnTheSample(t *testing.T) {
	res := buildSample(t)
	dates := res.Performance.Dates
	rng := rand.New(rand.NewPCG(19, 2026))
	windows := [][2]time.Time{{}}
	for range 200 {
		a, b := rng.IntN(len(dates)), rng.IntN(len(dates))
		windows = append(windows, [2]time.Time{dates[min(a, b)], dates[max(a, b)]})
	}
	for _, w := range windows {
		d, err := FromResult(res, w[0], w[1])
		if err != nil {
			t.Fatal(err)
		}
		checkAddsUp(t, day(w[0])+" to "+day(w[1]), res.Performance, d, w[0], w[1], false)
	}
}

// TestContributionsAddUpOnRandomPortfolios: the identity holds for any
// columns, whatever the holdings did: random values, costs, realized and
// dividends (cumulative), random deposits and withdrawals, a frame value
// that is the holdings' plus a random cash, and random moves.
func TestContributionsAddUpOnRandomPortfolios(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 19))
	for trial := range 100 {
		f, cols := randomPortfolio(rng, 2+rng.IntN(6), 20+rng.IntN(300))
		a, b := rng.IntN(f.Len()), rng.IntN(f.Len())
		from, to := f.Dates[min(a, b)], f.Dates[max(a, b)]
		if trial%4 == 0 {
			from = time.Time{}
		}
		d, err := Decompose(f, cols, from, to)
		if err != nil {
			t.Fatal(err)
		}
		checkAddsUp(t, "random portfolio", f, d, from, to, true)
	}
}

// randomPortfolio makes columns of symbols held, bought and sold at random
// over n days, with the frame's columns computed from them as the engine
// does (Value = Σ holdings + cash; TWR with perf.DailyReturn).
func randomPortfolio(rng *rand.Rand, symbols, n int) (*perf.Frame, Columns) {
	cols := Columns{Symbols: make([]string, symbols)}
	for _, col := range []*[]float64{&cols.Value, &cols.CostBasis, &cols.Realized, &cols.Dividends} {
		*col = make([]float64, symbols*n)
	}
	f := &perf.Frame{Currency: "EUR", Value: make([]float64, n), Deposits: make([]float64, n), Withdrawals: make([]float64, n)}
	for d := range n {
		f.Dates = append(f.Dates, date(d))
		if rng.IntN(5) == 0 || d == 0 {
			f.Deposits[d] = rng.Float64() * 1e5
		}
		if rng.IntN(7) == 0 {
			f.Withdrawals[d] = rng.Float64() * 3e4
		}
		f.Value[d] = rng.Float64() * 1e4 // cash
	}
	for s := range symbols {
		cols.Symbols[s] = string(rune('A' + s))
		var cost, realized, div float64
		for d := range n {
			row := s*n + d
			if rng.IntN(3) > 0 {
				cols.Value[row] = rng.Float64() * 5e4
			}
			cost += (rng.Float64() - 0.5) * 1e3
			realized += (rng.Float64() - 0.5) * 1e2
			if rng.IntN(20) == 0 {
				div += rng.Float64() * 50
			}
			cols.CostBasis[row], cols.Realized[row], cols.Dividends[row] = cost, realized, div
			f.Value[d] += cols.Value[row]
		}
	}
	f.DailyReturn, f.CumulativeReturn = make([]float64, n), make([]float64, n)
	prev, index := 0.0, 1.0
	for d := range n {
		f.DailyReturn[d] = perf.DailyReturn(prev, f.Value[d], f.Deposits[d], f.Withdrawals[d])
		index *= 1 + f.DailyReturn[d]
		f.CumulativeReturn[d] = index - 1
		prev = f.Value[d]
	}
	for range rng.IntN(4) { // moves re-priced at a value: the total is unchanged
		cols.Moves = append(cols.Moves, Move{Day: rng.IntN(n), From: rng.IntN(symbols), To: rng.IntN(symbols),
			Cost: rng.Float64() * 1e3, Value: rng.Float64() * 1e3})
	}
	zero := make([]float64, n)
	f.MarketValue, f.Cash, f.NetContributions, f.PnL, f.Drawdown = zero, zero, zero, zero, zero
	return f, cols
}

// TestUntradedHoldingReturnsItsValueChange: over random windows of the
// sample, a holding held from the window's opening with no trade or
// dividend in it returns End/Start − 1, time- and money-weighted alike
// (its value in the reporting currency: the closes and the exchange rate),
// and the sold-out or bought holdings have a finite TWR.
func TestUntradedHoldingReturnsItsValueChange(t *testing.T) {
	res := buildSample(t)
	dates := res.Performance.Dates
	rng := rand.New(rand.NewPCG(3, 19))
	checked := 0
	for range 100 {
		a, b := 1+rng.IntN(len(dates)-1), 1+rng.IntN(len(dates)-1)
		from, to := dates[min(a, b)], dates[max(a, b)]
		d, err := FromResult(res, from, to)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range d.Holdings() {
			if h.Symbol == Cash {
				continue
			}
			if math.IsNaN(h.TWR) || math.IsInf(h.TWR, 0) {
				t.Errorf("%s to %s: %s's TWR is %g", day(from), day(to), h.Symbol, h.TWR)
			}
			if h.Start <= 0 || h.Bought != 0 || h.Sold != 0 || h.Dividends != 0 || !from.Before(to) {
				continue
			}
			checked++
			want := h.End/h.Start - 1
			if math.Abs(h.TWR-want) > 1e-12 || math.Abs(h.MWR-want) > 1e-9 {
				t.Errorf("%s to %s: %s untraded from %g to %g: TWR %.15g, MWR %.15g, want %.15g", day(from), day(to), h.Symbol, h.Start, h.End, h.TWR, h.MWR, want)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d untraded holdings checked", checked)
	}
}

// TestContributionsAddUpOnBuiltPortfolios: random transaction histories
// (internal/synth: deposits, withdrawals, buys and sells with commissions)
// built by the engine, over random windows.
func TestContributionsAddUpOnBuiltPortfolios(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 19))
	for seed := range uint64(8) {
		w := synth.Generate(synth.Spec{Symbols: 2 + int(seed), Days: 250, Transactions: 150, Seed: seed})
		res, err := portfolio.Build(w.Transactions, portfolio.Config{Currency: "USD", Series: w.Series})
		if err != nil {
			t.Fatal(err)
		}
		dates := res.Performance.Dates
		for range 20 {
			a, b := rng.IntN(len(dates)), rng.IntN(len(dates))
			from, to := dates[min(a, b)], dates[max(a, b)]
			d, err := FromResult(res, from, to)
			if err != nil {
				t.Fatal(err)
			}
			checkAddsUp(t, "synthetic portfolio", res.Performance, d, from, to, false)
		}
	}
}
