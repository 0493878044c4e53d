package portfolio

import (
	"math"

	"github.com/gofolio/gofolio/portfolio/lots"
)

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
// sale. It is the seam for tax lots: averageCost is the default, lotCost
// keeps the lots (package lots) and matches by FIFO, LIFO, HIFO or
// specific identification.
type costMatcher interface {
	// bought records qty shares bought by row for cost (in the reporting
	// currency) and tradeCost (in the trade's currency).
	bought(row *Transaction, qty, cost, tradeCost float64)
	// soldCost is the cost of sold of the held shares, whose cost basis
	// is cost (0 < sold ≤ held), sold by row; an error when row names a
	// lot that does not hold them (nothing is taken then).
	soldCost(row *Transaction, held, cost, sold float64) (float64, error)
	// split turns each share into ratio shares.
	split(ratio float64)
	// reduceCost takes x (at most the cost basis) off the cost, pro
	// rata to each lot's cost.
	reduceCost(x float64)
	// spinOff gives fraction of each lot's cost to a new lot of ratio ×
	// its shares and returns the new lots (nil without lots); receive
	// adds such lots; empty drops every lot.
	spinOff(fraction, ratio float64) []lots.Lot
	receive([]lots.Lot)
	empty()
}

// averageCost matches every sale at the average cost of the shares held.
type averageCost struct{}

func (averageCost) bought(*Transaction, float64, float64, float64) {}
func (averageCost) split(float64)                                  {}
func (averageCost) reduceCost(float64)                             {}
func (averageCost) spinOff(float64, float64) []lots.Lot            { return nil }
func (averageCost) receive([]lots.Lot)                             {}
func (averageCost) empty()                                         {}

// soldCost is cost / held × sold: selling 4 of 10 shares that cost 250
// takes 250 / 10 × 4 = 100 of the cost.
func (averageCost) soldCost(_ *Transaction, held, cost, sold float64) (float64, error) {
	return cost / held * sold, nil
}

// newPosition is an empty position matched by m: average cost for
// lots.Average, and for lots.UK (the Section 104 pool is an average; the
// same-day and 30-day rules look ahead and are applied by lots.Match),
// its lots otherwise (lots.US as FIFO or the lot a row names: the
// wash-sale rule is lots.Match's).
func newPosition(m lots.Method) position {
	if m == lots.Average || m == lots.UK {
		return position{match: averageCost{}}
	}
	return position{match: &lotCost{pool: lots.NewPool(m)}}
}

// buy adds qty shares bought by row for gross (quantity × price) plus
// commission, in the trade's currency, worth rate in the reporting
// currency:
//
//	cost += (gross + commission) × rate,  commissions += commission × rate.
func (p *position) buy(row *Transaction, qty, gross, commission, rate float64) {
	p.commissions += commission * rate
	p.cost += (gross + commission) * rate
	p.qty += qty
	p.match.bought(row, qty, (gross+commission)*rate, gross+commission)
}

// sell takes qty shares out, sold by row for gross (quantity × price) less
// commission, in the trade's currency, worth rate in the reporting
// currency:
//
//	sold = match.soldCost(held, cost, qty)
//	realized += (gross − commission) × rate − sold,  cost −= sold.
//
// What rounding leaves after selling everything (see afterSale) is
// nothing, at no cost. When the matcher cannot take the shares (a lot row
// names holds fewer), the error says why and they leave at average cost.
func (p *position) sell(row *Transaction, qty, gross, commission, rate float64) error {
	p.commissions += commission * rate
	proceeds := gross - commission
	sold, err := p.match.soldCost(row, p.qty, p.cost, qty)
	if err != nil {
		sold = p.cost / p.qty * qty
	}
	p.realized += proceeds*rate - sold
	p.cost -= sold
	if p.qty = afterSale(p.qty, qty); p.qty == 0 {
		p.cost = 0
	}
	return err
}

// split turns each share (and each lot's) into ratio shares; the cost is
// unchanged.
func (p *position) split(ratio float64) {
	p.qty *= ratio
	p.match.split(ratio)
}

// stockDividend adds q shares received at no cost (a bonus issue): each
// lot becomes (held + q) / held of its shares, as lots.Match books it (a
// split); the cost is unchanged.
func (p *position) stockDividend(q float64) {
	p.match.split((p.qty + q) / p.qty)
	p.qty += q
}

// returnOfCapital books x (in the reporting currency) paid out of
// capital: it reduces the cost, and what exceeds the cost is realized,
//
//	reduced = min(x, cost),  cost −= reduced,  realized += x − reduced,
//
// so cost before = cost after + reduced (lots.Match: Pool.ReduceCost).
func (p *position) returnOfCapital(x float64) {
	reduced := min(x, p.cost)
	p.match.reduceCost(reduced)
	p.cost -= reduced
	p.realized += x - reduced
}

// capitalGains books x (in the reporting currency) of a fund's
// capital-gains distribution: realized += x; the cost is unchanged.
func (p *position) capitalGains(x float64) { p.realized += x }

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
