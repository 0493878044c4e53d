package benchmark

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// SameCashFlows is the "same cash flows" benchmark: a portfolio that holds
// only the index and receives the same external flows, each on the first
// date of dates on or after the flow's date (several flows on one date are
// added up, and netted as the portfolio's own are: see
// perf.DailyReturn). On date t with the index at P[t] (its value on
// the last index date on or before t) and u units held, the day's net
// deposit In[t] buys units at the start of the day, at P[t−1], and its net
// withdrawal Out[t] sells them at its end, at P[t]:
//
//	u[t]     = u[t−1] + In[t] / P[t−1] − Out[t] / P[t]
//	Value[t] = u[t] × P[t]
//
// (a deposit before the index's first value, or on the first date, buys at
// P[t]). This is the timing the portfolio's TWR gives flows (deposits from
// the start of the day, withdrawals at its end), so the two compare like
// for like and the benchmark's TWR is the index's own return: r[t] =
// (u[t]P[t] + Out[t]) / (u[t−1]P[t−1] + In[t]) − 1 = P[t]/P[t−1] − 1. The
// frame's DailyReturn, CumulativeReturn and Drawdown are computed with
// perf.DailyReturn.
//
// A withdrawal larger than the benchmark holds sells every unit, and the
// Withdrawals column records what was actually paid out, so that
// stats.Compute gives the benchmark's true TWR and IRR.
//
// The result has Cash 0 and MarketValue = Value. A flow after the last
// date, one that falls before the index has data, or a NaN, infinite or zero
// amount is an error; every such flow is reported.
func SameCashFlows(idx *Index, flows []perf.Flow, dates []time.Time) (*perf.Frame, error) {
	if idx == nil || idx.Len() == 0 {
		return nil, errors.New("benchmark: same cash flows: empty index")
	}
	if err := ascending(dates); err != nil {
		return nil, fmt.Errorf("benchmark: same cash flows vs %s: %w", idx.Symbol, err)
	}
	n := len(dates)
	in, out := make([]float64, n), make([]float64, n)
	var errs []error
	for i, f := range flows {
		day := f.Date.Format(time.DateOnly)
		t := sort.Search(n, func(k int) bool { return !dates[k].Before(f.Date) })
		switch {
		case math.IsNaN(f.Amount) || math.IsInf(f.Amount, 0) || f.Amount == 0:
			errs = append(errs, fmt.Errorf("flow %d on %s: amount %v is not a non-zero number", i, day, f.Amount))
		case t == n:
			errs = append(errs, fmt.Errorf("flow %d on %s is after the last date %s", i, day, dates[n-1].Format(time.DateOnly)))
		case dates[t].Before(idx.Dates[0]):
			errs = append(errs, fmt.Errorf("flow %d on %s: %s has no data before %s", i, day, idx.Symbol, idx.Dates[0].Format(time.DateOnly)))
		case f.Amount > 0:
			in[t] += f.Amount
		default:
			out[t] -= f.Amount
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("benchmark: same cash flows vs %s: %w", idx.Symbol, errors.Join(errs...))
	}

	p := &perf.Frame{
		Currency:         idx.Currency,
		Dates:            dates,
		MarketValue:      make([]float64, n),
		Cash:             make([]float64, n),
		Value:            make([]float64, n),
		Deposits:         in,
		Withdrawals:      out,
		NetContributions: make([]float64, n),
		PnL:              make([]float64, n),
	}
	holdIndex(p, idx)
	net := 0.0
	for t := range dates {
		net += in[t] - out[t]
		p.MarketValue[t] = p.Value[t]
		p.NetContributions[t] = net
		p.PnL[t] = p.Value[t] - net
	}
	p.DailyReturn = stats.DailyReturns(p.Value, in, out)
	p.CumulativeReturn = stats.Cumulative(p.DailyReturn)
	p.Drawdown = stats.Drawdowns(p.CumulativeReturn)
	return p, nil
}

// holdIndex fills p.Value with the units the day's net flows buy (at the
// previous date's index value) and sell (at the day's), and lowers
// p.Withdrawals where the units held fetch less than was to be withdrawn.
func holdIndex(p *perf.Frame, idx *Index) {
	in, out := p.Deposits, p.Withdrawals
	units, j := 0.0, -1
	for t, d := range p.Dates {
		before := j // the index on the previous date, −1 if none yet
		for j+1 < idx.Len() && !idx.Dates[j+1].After(d) {
			j++
		}
		if j < 0 {
			continue
		}
		price, start := idx.Values[j], idx.Values[j]
		if before >= 0 {
			start = idx.Values[before]
		}
		if in[t] >= out[t] {
			units += (in[t] - out[t]) / start
		} else if sold := (out[t] - in[t]) / price; sold >= units {
			out[t] = in[t] + units*price // sell everything, pay out what it fetches
			units = 0
		} else {
			units -= sold
		}
		p.Value[t] = units * price
	}
}
