package portfolio

import "math"

// position is one symbol's holding as the engine books it, one method per
// event (buy, sell, split, dividend). Money is in the reporting currency,
// each amount converted at the rate of its own day. The engine books only
// what its validation pass (checkTrades) accepted, so a sale never takes
// more shares than are held.
type position struct {
	qty float64 // shares held
	// cost is the cost basis of the shares held: what was paid for them,
	// commissions included.
	cost float64
	// realized is the profit of the shares sold: proceeds (net of
	// commission) less the cost that left with them.
	realized    float64
	dividends   float64 // paid on the shares held
	commissions float64 // paid on every trade
	// match picks the cost that leaves on a sale.
	match costMatcher
}

// costMatcher decides which part of a position's cost leaves it on a
// sale. It is the seam for tax lots (FIFO, LIFO, HIFO, specific
// identification, share identification rules): average cost is the only
// one today.
type costMatcher interface {
	// soldCost is the cost of sold of the held shares, whose cost basis
	// is cost (0 < sold ≤ held).
	soldCost(held, cost, sold float64) float64
}

// averageCost matches every sale at the average cost of the shares held.
type averageCost struct{}

// soldCost is cost / held × sold: selling 4 of 10 shares that cost 250
// takes 250 / 10 × 4 = 100 of the cost.
func (averageCost) soldCost(held, cost, sold float64) float64 { return cost / held * sold }

// newPosition is an empty position matched by average cost.
func newPosition() position { return position{match: averageCost{}} }

// buy adds qty shares bought for gross (quantity × price) plus commission,
// in the trade's currency, worth rate in the reporting currency:
//
//	cost += (gross + commission) × rate,  commissions += commission × rate.
func (p *position) buy(qty, gross, commission, rate float64) {
	p.commissions += commission * rate
	p.cost += (gross + commission) * rate
	p.qty += qty
}

// sell takes qty shares out for gross (quantity × price) less commission,
// in the trade's currency, worth rate in the reporting currency:
//
//	sold = match.soldCost(held, cost, qty)
//	realized += (gross − commission) × rate − sold,  cost −= sold.
//
// What rounding leaves after selling everything (see afterSale) is
// nothing, at no cost.
func (p *position) sell(qty, gross, commission, rate float64) {
	p.commissions += commission * rate
	proceeds := gross - commission
	sold := p.match.soldCost(p.qty, p.cost, qty)
	p.realized += proceeds*rate - sold
	p.cost -= sold
	if p.qty = afterSale(p.qty, qty); p.qty == 0 {
		p.cost = 0
	}
}

// split turns each share into ratio shares; the cost is unchanged.
func (p *position) split(ratio float64) { p.qty *= ratio }

// dividend adds amount, in the currency paid, worth rate in the reporting
// currency: dividends += amount × rate.
func (p *position) dividend(amount, rate float64) { p.dividends += amount * rate }

// exDividend books a dividend of perShare (in the quote currency, worth
// rate) on the shares held, and returns the amount paid: shares ×
// perShare.
func (p *position) exDividend(perShare, rate float64) float64 {
	amount := p.qty * perShare
	p.dividend(amount, rate)
	return amount
}

// run is the position as a run of the holdings starting on day from.
func (p *position) run(from int) positionRun {
	return positionRun{From: from, Quantity: p.qty, CostBasis: p.cost, Realized: p.realized, Dividends: p.dividends, Commissions: p.commissions}
}

// shareEpsilon is how far a quantity may fall below zero through floating
// point error (selling exactly what a split left) before it is an oversell.
const shareEpsilon = 1e-9

// oversells reports whether selling sold shares when held are held is
// selling more than held. Nothing held is an oversell whatever the
// quantity: the tolerance is for rounding left by a split, and would let a
// sale of 1e-9 shares through, its average cost 0/0.
func oversells(held, sold float64) bool {
	return held == 0 || sold > held*(1+shareEpsilon)+shareEpsilon
}

// afterSale is what is left of held shares after selling sold of them: 0
// when only rounding is left (|held − sold| ≤ shareEpsilon × (1 + sold)).
func afterSale(held, sold float64) float64 {
	left := held - sold
	if math.Abs(left) <= shareEpsilon*(1+sold) {
		return 0
	}
	return left
}
