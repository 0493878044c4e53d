package perf

import (
	"math"
	"sort"
	"time"
)

// Window returns the performance frame restricted to the dates from from to
// to (inclusive; zero leaves a side open). A window that starts after the
// first date is computed as if the portfolio had been started on the
// window's first date with its value at that close as its only deposit
// (so the first day's return is 0); one that starts on the first date is
// the frame cut short, unchanged. Money columns keep their values;
// NetContributions and PnL count from that notional deposit; DailyReturn,
// CumulativeReturn and Drawdown are recomputed with DailyReturn so the
// window's TWR starts at 0. This is what
// statistics over a chosen range (1Y, YTD, -from) must be computed on: the
// first day's value is invested money, not a return.
//
// It returns nil when no date falls in the window.
func (p *Frame) Window(from, to time.Time) *Frame {
	lo := 0
	if !from.IsZero() {
		lo = sort.Search(len(p.Dates), func(i int) bool { return !p.Dates[i].Before(from) })
	}
	hi := len(p.Dates)
	if !to.IsZero() {
		hi = sort.Search(len(p.Dates), func(i int) bool { return p.Dates[i].After(to) })
	}
	if lo >= hi {
		return nil
	}
	if lo == 0 && hi == len(p.Dates) {
		return p
	}
	n := hi - lo
	clip := func(col []float64) []float64 { return append([]float64(nil), col[lo:hi]...) }
	if lo == 0 {
		return &Frame{
			Currency: p.Currency, Dates: p.Dates[:hi:hi],
			MarketValue: clip(p.MarketValue), Cash: clip(p.Cash), Value: clip(p.Value),
			Deposits: clip(p.Deposits), Withdrawals: clip(p.Withdrawals),
			NetContributions: clip(p.NetContributions), PnL: clip(p.PnL),
			DailyReturn: clip(p.DailyReturn), CumulativeReturn: clip(p.CumulativeReturn), Drawdown: clip(p.Drawdown),
		}
	}
	w := &Frame{
		Currency:         p.Currency,
		Dates:            p.Dates[lo:hi:hi],
		MarketValue:      clip(p.MarketValue),
		Cash:             clip(p.Cash),
		Value:            clip(p.Value),
		Deposits:         clip(p.Deposits),
		Withdrawals:      clip(p.Withdrawals),
		NetContributions: make([]float64, n),
		PnL:              make([]float64, n),
		DailyReturn:      make([]float64, n),
		CumulativeReturn: make([]float64, n),
		Drawdown:         make([]float64, n),
	}
	// The value at the first close is the window's opening deposit; the
	// day's own flows are already inside that value.
	w.Deposits[0] = math.Max(w.Value[0], 0)
	w.Withdrawals[0] = 0
	var net, prev, index, peak float64 = 0, 0, 1, 1
	for d := range n {
		net += w.Deposits[d] - w.Withdrawals[d]
		w.NetContributions[d] = net
		w.PnL[d] = w.Value[d] - net
		r := DailyReturn(prev, w.Value[d], w.Deposits[d], w.Withdrawals[d])
		w.DailyReturn[d] = r
		index *= 1 + r
		w.CumulativeReturn[d] = index - 1
		peak = math.Max(peak, index)
		w.Drawdown[d] = index/peak - 1
		prev = w.Value[d]
	}
	return w
}

// Flows returns the external flows of the frame, one per date with a
// deposit or a withdrawal (deposits positive), in the reporting currency at
// the rate of their day, for money-weighted returns and the same-cash-flows
// benchmark. It is the one source of a portfolio's flows: read from the
// Deposits and Withdrawals columns, as stats.Compute reads them, so that a
// Window's flows (its opening value as the first deposit) come with it.
func (p *Frame) Flows() []Flow {
	var out []Flow
	for d, t := range p.Dates {
		if p.Deposits[d] != 0 {
			out = append(out, Flow{Date: t, Amount: p.Deposits[d]})
		}
		if p.Withdrawals[d] != 0 {
			out = append(out, Flow{Date: t, Amount: -p.Withdrawals[d]})
		}
	}
	return out
}
