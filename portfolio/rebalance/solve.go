package rebalance

import (
	"cmp"
	"math"
	"slices"
)

// Mode is what a plan may trade.
type Mode uint8

const (
	// Full buys and sells: every holding goes to its target.
	Full Mode = iota
	// NewMoney only buys, with Options.Invest and the cash above the cash
	// target: nothing is sold.
	NewMoney
)

func (m Mode) String() string {
	if m == NewMoney {
		return "new money only"
	}
	return "full"
}

// Commission is what a broker charges a trade, in the reporting currency:
// Fixed + Rate × |value| for a trade of that value, nothing for no trade.
type Commission struct {
	Fixed float64 // per trade
	Rate  float64 // a fraction of the trade's value: 0.001 for 0.1%
}

// On is the commission of a trade of value v: 0 when v is 0, else
// Fixed + Rate × |v|.
func (c Commission) On(v float64) float64 {
	if v == 0 {
		return 0
	}
	return c.Fixed + c.Rate*math.Abs(v)
}

// asset is one symbol a plan may hold: its shares now, their price in the
// reporting currency, and its target weight.
type asset struct {
	symbol string
	qty    float64
	price  float64 // per share, in the reporting currency
	weight float64
}

// problem is what solve is given: the assets, the cash (invested money
// included), the cash's target weight and the options.
type problem struct {
	assets     []asset
	cash       float64
	cashWeight float64
	mode       Mode
	fractional bool
	comm       Commission
	// marginalGain is the gain the last share of a sale of n shares of
	// asset i realizes (nil: no preference among sales).
	marginalGain func(i int, n float64) float64
}

// solution is the shares to trade of each asset (positive buys), the cash
// left, and the total value the fractional targets were set on.
type solution struct {
	delta      []float64
	cash       float64
	total      float64 // W′: the value after commissions the targets are of
	cashTarget float64
}

// iterations bounds the commission fixed point; it converges at the rate
// of Commission.Rate, so a handful of steps reach 1e-12.
const iterations = 100

// solve finds the trades. The fractional trades come first (see
// fullTrades and newMoneyTrades); whole shares then round them (see
// wholeShares).
//
// The fixed points leave the cash within rounding of its target, which
// for a target of 0 may be a hair below 0; solve then plans again with
// twice the shortfall (at least 1e-13 of the value, about an ulp
// of the sums) held back, so that the cash is never below 0.
func solve(p problem) solution {
	var s solution
	held := p
	reserve, least := 0.0, 1e-13*math.Abs(p.value())
	for range 10 {
		if p.mode == NewMoney {
			s = held.newMoneyTrades()
		} else {
			s = held.fullTrades()
		}
		if s.cash = p.cashAfter(s.delta); s.cash >= 0 || p.cash < 0 && p.mode == NewMoney {
			break
		}
		reserve = max(2*reserve, -2*s.cash, least)
		held.cash = p.cash - reserve
	}
	if !p.fractional {
		p.wholeShares(&s)
	}
	return s
}

// value is the total of the assets at their prices plus the cash.
func (p problem) value() float64 {
	v := p.cash
	for _, a := range p.assets {
		v += a.qty * a.price
	}
	return v
}

// cashAfter is the cash after trading delta: cash − Σ delta × price −
// Σ commission.
func (p problem) cashAfter(delta []float64) float64 {
	c := p.cash
	for i, a := range p.assets {
		v := delta[i] * a.price
		c -= v + p.comm.On(v)
	}
	return c
}

// commissions is Σ Commission.On(delta × price).
func (p problem) commissions(delta []float64) float64 {
	c := 0.0
	for i, a := range p.assets {
		c += p.comm.On(delta[i] * a.price)
	}
	return c
}

// fullTrades brings every asset to its target: with W the value now and C
// the trades' commissions, the value left to invest is W′ = W − C and
//
//	delta_i = (w_i × W′ − qty_i × price_i) / price_i,
//
// which leaves cash = w_cash × W′. C depends on the trades, so W′ is the
// fixed point of W′ = W − C(W′), found by iteration (C grows by at most
// Rate × W′ when W′ does, so it converges); a trade of less than a
// billionth of W is none.
func (p problem) fullTrades() solution {
	w := p.value()
	total := w
	delta := make([]float64, len(p.assets))
	for range iterations {
		for i, a := range p.assets {
			delta[i] = max((a.weight*total-a.qty*a.price)/a.price, -a.qty) // never sell more than held
			if math.Abs(delta[i]*a.price) <= 1e-9*math.Abs(w) {
				delta[i] = 0
			}
		}
		next := w - p.commissions(delta)
		if math.Abs(next-total) <= 1e-13*math.Abs(w) {
			break
		}
		total = next
	}
	return p.settle(delta, total)
}

// settle is the solution of delta on total.
func (p problem) settle(delta []float64, total float64) solution {
	s := solution{delta: delta, total: total, cashTarget: p.cashWeight * total}
	s.cash = p.cashAfter(delta)
	return s
}

// newMoneyTrades buys only. The budget is the cash above the cash
// target, less the commissions: B = cash − w_cash × W′ − C with W′ = W −
// C; fill spends it on the most underweight assets first. C depends on
// the buys, so it is a fixed point as in fullTrades.
func (p problem) newMoneyTrades() solution {
	w := p.value()
	c := 0.0
	delta := make([]float64, len(p.assets))
	for range iterations {
		total := w - c
		budget := p.cash - p.cashWeight*total - c
		values, weights := make([]float64, len(p.assets)), make([]float64, len(p.assets))
		for i, a := range p.assets {
			values[i], weights[i] = a.qty*a.price, a.weight
		}
		buys := fill(values, weights, budget)
		for i, a := range p.assets {
			delta[i] = buys[i] / a.price
		}
		next := p.commissions(delta)
		if math.Abs(next-c) <= 1e-13*math.Abs(w) {
			break
		}
		c = next
	}
	return p.settle(delta, w-c)
}

// fill spends budget on the assets of weights[i] > 0 whose values are
// values[i], the most underweight first (proportional water-filling): it
// finds the level λ at which
//
//	Σ_i max(0, λ × weights[i] − values[i]) = budget
//
// and buys max(0, λ × weights[i] − values[i]) of each. Assets are filled
// in order of values[i] / weights[i], lowest first, each up to the ratio
// of the next, so the smallest value-to-target ratio after the buys is as
// high as the budget allows. When no asset is above its target of
// W′ = Σ values + budget (+ the cash kept), λ is W′ and every asset lands
// on its target; an asset above it gets nothing and the others share its
// excess in proportion to their weights. Nothing is bought for a budget
// of 0 or less, nor of weights 0.
func fill(values, weights []float64, budget float64) []float64 {
	buys := make([]float64, len(values))
	if !(budget > 0) {
		return buys
	}
	var idx []int
	for i, w := range weights {
		if w > 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return buys
	}
	ratio := func(i int) float64 { return values[i] / weights[i] }
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ratio(a), ratio(b)) })
	sumW, sumV := 0.0, 0.0
	level := 0.0
	for k, i := range idx {
		sumW += weights[i]
		sumV += values[i]
		level = (budget + sumV) / sumW
		if k+1 == len(idx) || level <= ratio(idx[k+1]) {
			break
		}
	}
	for _, i := range idx {
		buys[i] = max(0, level*weights[i]-values[i])
	}
	return buys
}

// wholeShares rounds s's fractional trades to whole shares, each asset
// within one share of its fractional target:
//
//  1. every trade rounds down (floor: a buy one share short, a sale one
//     share more), so no asset ends above its target and the cash only
//     grows;
//  2. a sale (but for one selling the holding out: a target of 0) whose
//     last share would realize a gain sells one share fewer
//     when the cash stays at or above its target, the largest such gain
//     first (the one slack whole shares leave to realize less);
//  3. the cash above its target buys one more share of each asset still
//     below its target, the most underweight (by shortfall over target
//     value) first, while the cash allows (commission included).
func (p problem) wholeShares(s *solution) {
	target := slices.Clone(s.delta)
	for i := range s.delta {
		// Selling everything sells a fraction too.
		s.delta[i] = max(math.Floor(s.delta[i]+1e-9), -p.assets[i].qty)
	}
	floor := max(0, s.cashTarget-1e-9*math.Abs(s.total))
	p.sellFewer(s, target, floor)
	p.buyMore(s, target, floor)
	s.cash = p.cashAfter(s.delta)
}

// sellFewer is step 2 of wholeShares.
func (p problem) sellFewer(s *solution, target []float64, floor float64) {
	if p.marginalGain == nil || p.mode == NewMoney {
		return
	}
	var idx []int
	gain := map[int]float64{}
	for i, d := range s.delta {
		// A holding targeted at 0 is sold out, however large the gain.
		if d < 0 && d+1 > target[i] && p.assets[i].weight > 0 {
			if g := p.marginalGain(i, -d); g > 0 {
				idx, gain[i] = append(idx, i), g
			}
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(gain[b], gain[a]) })
	for _, i := range idx {
		s.delta[i]++
		if p.cashAfter(s.delta) < floor {
			s.delta[i]--
		}
	}
}

// buyMore is step 3 of wholeShares.
func (p problem) buyMore(s *solution, target []float64, floor float64) {
	short := func(i int) float64 {
		a := p.assets[i]
		return (target[i] - s.delta[i]) * a.price / max(a.weight*s.total, a.price)
	}
	for {
		best := -1
		for i := range p.assets {
			if target[i]-s.delta[i] <= 1e-9 || (p.mode == NewMoney && s.delta[i] < 0) {
				continue // at or above its target
			}
			s.delta[i]++
			fits := p.cashAfter(s.delta) >= floor
			s.delta[i]--
			if fits && (best < 0 || short(i) > short(best)) {
				best = i
			}
		}
		if best < 0 {
			return
		}
		s.delta[best]++
	}
}
