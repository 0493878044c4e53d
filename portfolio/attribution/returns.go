package attribution

import (
	"math"
	"sort"

	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// TWR is the portfolio's time-weighted return over the window,
// Π(1 + r[t]) − 1: perf.Frame.Window's last CumulativeReturn.
func (d *Daily) TWR() float64 {
	index := 1.0
	for _, r := range d.Return {
		index *= 1 + r
	}
	return index - 1
}

// DailyContribution is c[i,t] = Gain[i][t] / Base[t], 0 on a day without
// a return.
func (d *Daily) DailyContribution(i, t int) float64 {
	if d.Base[t] == 0 {
		return 0
	}
	return d.Gain[i][t] / d.Base[t]
}

// Contributions are the linked contributions C[i] of each of Names to the
// window's TWR (Frongello: C[i] = Σ_t c[i,t] × Π_{s<t}(1 + r[s])); they add
// up to TWR. Each sum is compensated (Neumaier) so that thousands of days
// add no rounding of their own.
func (d *Daily) Contributions() []float64 {
	growth := make([]float64, len(d.Dates)) // Π_{s<t}(1 + r[s])
	g := 1.0
	for t, r := range d.Return {
		growth[t] = g
		g *= 1 + r
	}
	out := make([]float64, len(d.Names))
	for i := range d.Names {
		var sum, comp float64
		for t := range d.Dates {
			sum, comp = neumaier(sum, comp, d.DailyContribution(i, t)*growth[t])
		}
		out[i] = sum + comp
	}
	return out
}

// neumaier adds x to the sum s whose lost low-order part is c.
func neumaier(s, c, x float64) (float64, float64) {
	t := s + x
	if math.Abs(s) >= math.Abs(x) {
		c += (s - t) + x
	} else {
		c += (x - t) + s
	}
	return t, c
}

// HoldingReturn is one holding's figures over the window, in the
// reporting currency.
type HoldingReturn struct {
	Symbol string
	// TWR is Π(1 + r[i,t]) − 1; NaN for Cash, whose base mixes the
	// portfolio's flows with the holdings'.
	TWR float64
	// MWR is the money-weighted return, not annualised, over the days of
	// the window the holding was held (stats.MWR of the opening value and
	// buys paid in, sells and dividends taken out, the closing value left;
	// see holdingMWR); NaN for Cash and when the flows have no rate of
	// return.
	MWR float64
	// Contribution is the linked contribution to the portfolio's TWR.
	Contribution float64
	// Start and End are the values at the window's opening and last close;
	// Bought, Sold and Dividends the money paid in and taken out over it.
	Start, End, Bought, Sold, Dividends float64
}

// Holdings returns the figures of every name (Cash last), largest
// contribution first for the holdings.
func (d *Daily) Holdings() []HoldingReturn {
	contrib := d.Contributions()
	out := make([]HoldingReturn, len(d.Names))
	last := len(d.Dates) - 1
	for i, name := range d.Names {
		h := HoldingReturn{Symbol: name, TWR: math.NaN(), MWR: math.NaN(), Contribution: contrib[i], Start: d.Start[i], End: d.Value[i][last]}
		if name != Cash {
			h.TWR = d.holdingTWR(i)
			h.MWR = d.holdingMWR(i)
			h.Bought, h.Sold, h.Dividends = d.holdingFlows(i)
		}
		out[i] = h
	}
	holdings := out[:len(out)-1]
	sort.SliceStable(holdings, func(a, b int) bool { return holdings[a].Contribution > holdings[b].Contribution })
	return out
}

// holdingTWR is Π(1 + r[i,t]) − 1, r[i,t] = gain / base (0 when the base
// is perf.MinBase or less).
func (d *Daily) holdingTWR(i int) float64 {
	index := 1.0
	for t := range d.Dates {
		if b := d.HoldingBase[i][t]; b > perf.MinBase {
			index *= 1 + d.Gain[i][t]/b
		}
	}
	return index - 1
}

// holdingFlows sums the money paid in, taken out by sales, and paid as
// dividends over the window.
func (d *Daily) holdingFlows(i int) (bought, sold, dividends float64) {
	for t := range d.Dates {
		bought += d.In[i][t]
		sold += d.Out[i][t] - d.Dividends[i][t]
		dividends += d.Dividends[i][t]
	}
	return bought, sold, dividends
}

// holdingMWR is stats.MWR of the holding as an account over the part of
// the window it was in: from its opening value or first buy to the last
// day it had a value or a flow (a holding sold out mid-window ends with its
// sale, one bought mid-window starts with its purchase), so that the
// return is over the days the money was at work, as its TWR is.
func (d *Daily) holdingMWR(i int) float64 {
	var flows []perf.Flow
	first, last := -1, -1
	for t, date := range d.Dates {
		net := d.In[i][t] - d.Out[i][t]
		if t == 0 {
			net += d.Start[i]
		}
		if net != 0 {
			flows = append(flows, perf.Flow{Date: date, Amount: net})
			if first < 0 {
				first = t
			}
		}
		if net != 0 || d.Value[i][t] != 0 {
			last = t
		}
	}
	if first < 0 {
		return math.NaN()
	}
	m, err := stats.MWR(flows, d.Dates[first], d.Dates[last], d.Value[i][last])
	if err != nil {
		return math.NaN()
	}
	return m
}
