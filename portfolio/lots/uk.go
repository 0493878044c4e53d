package lots

import (
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// ukDay is one day's trades of a symbol under HMRC's share
// identification: all shares bought on a day are one acquisition, all
// sold one disposal (TCGA92/S105(1)(a)).
type ukDay struct {
	date              time.Time
	factor            float64 // the product of the splits up to this day, included
	ratio             float64 // the split applied at the start of the day (1: none)
	buyQty, buyCost   float64 // cost with commissions
	sellQty, sellFee  float64
	sellGross         float64
	buyLeft, sellLeft float64 // not yet matched
	parts             []Part
	rows              []txn.Origin
	sellTx            *trade
	actions           []trade // corporate actions, applied to the pool first
}

// thirtyDays is the bed-and-breakfast window: acquisitions within the
// 30 days after a disposal (TCGA92/S106A(5)(b)).
const thirtyDays = 30

// matchUK matches one symbol's trades by HMRC's share identification
// rules (TCGA92/S105, S106A; CG51560): a day's disposal is matched first
// with the same day's acquisition, then with acquisitions of the
// following 30 days, earliest first, then with the Section 104 pool
// (every other share, at its average cost). Amounts are in the reporting
// currency (GBP for a return). A split multiplies the pool's shares and
// is undone on quantities matched across it.
func matchUK(trades []trade) ([]Disposal, []Lot, []txn.Problem) {
	days := ukDays(trades)
	for i := range days {
		matchSameDay(&days[i])
	}
	for i := range days {
		matchThirtyDays(days, i)
	}
	return ukPool(days)
}

// ukDays groups trades (in date order) by day.
func ukDays(trades []trade) []ukDay {
	days := make([]ukDay, 0, len(trades))
	factor := 1.0
	for _, t := range trades {
		tx := t.tx
		if len(days) == 0 || !days[len(days)-1].date.Equal(tx.Date) {
			days = append(days, ukDay{date: tx.Date, factor: factor, ratio: 1})
		}
		d := &days[len(days)-1]
		switch t.kind {
		case txn.Split:
			factor *= t.ratio
			d.factor, d.ratio = factor, d.ratio*t.ratio
		case txn.Buy:
			d.buyQty += t.qty
			d.buyCost += t.gross + t.fee
		case txn.Sell:
			d.sellQty += t.qty
			d.sellGross += t.gross
			d.sellFee += t.fee
			d.rows = append(d.rows, tx.Origin)
			if d.sellTx == nil {
				d.sellTx = &t
			}
		default:
			d.actions = append(d.actions, t)
		}
	}
	for i := range days {
		days[i].buyLeft, days[i].sellLeft = days[i].buyQty, days[i].sellQty
	}
	return days
}

// matchSameDay matches a day's disposal with its acquisition
// (TCGA92/S105(1)(b)): min(sold, bought) shares at the acquisition's cost
// per share.
func matchSameDay(d *ukDay) {
	q := min(d.sellLeft, d.buyLeft)
	if q <= 0 {
		return
	}
	d.parts = append(d.parts, Part{Rule: RuleSameDay, Acquired: d.date, Quantity: q, Cost: d.buyCost * q / d.buyQty})
	d.sellLeft -= q
	d.buyLeft -= q
}

// matchThirtyDays matches what is left of day i's disposal with the
// acquisitions of the next 30 days not yet matched, earliest first
// (TCGA92/S106A(5)): a quantity bought on day j is worth
// factor_i / factor_j shares of day i.
func matchThirtyDays(days []ukDay, i int) {
	d := &days[i]
	last := d.date.AddDate(0, 0, thirtyDays)
	for j := i + 1; j < len(days) && d.sellLeft > 0 && !days[j].date.After(last); j++ {
		b := &days[j]
		if b.buyLeft <= 0 {
			continue
		}
		toI := d.factor / b.factor
		q := min(d.sellLeft, b.buyLeft*toI)
		bought := q / toI
		d.parts = append(d.parts, Part{Rule: RuleThirtyDays, Acquired: b.date, Quantity: q, Cost: b.buyCost * bought / b.buyQty})
		d.sellLeft -= q
		b.buyLeft -= bought
	}
}

// ukPool runs the Section 104 pool through the days: each day its split,
// then its acquisition's unmatched shares join the pool (cost pro rata),
// then its disposal's unmatched shares leave it at the pool's average
// cost, poolCost × sold / poolQty (TCGA92/S104, CG51575).
func ukPool(days []ukDay) ([]Disposal, []Lot, []txn.Problem) {
	var qty, cost float64
	var ds []Disposal
	var problems []txn.Problem
	apply := func(d *ukDay, whole bool) {
		for _, t := range d.actions {
			if movesWhole(t) != whole {
				continue
			}
			var x Disposal
			var ok bool
			if qty, cost, x, ok = ukAction(qty, cost, t); ok {
				ds = append(ds, x)
			}
		}
	}
	for i := range days {
		d := &days[i]
		qty *= d.ratio
		apply(d, false)
		if d.buyLeft > 0 {
			qty += d.buyLeft
			cost += d.buyCost * d.buyLeft / d.buyQty
		}
		if d.sellQty > 0 {
			if d.sellLeft > qty*(1+Epsilon)+Epsilon {
				problems = append(problems, oversold(*d.sellTx, qty+d.sellQty-d.sellLeft))
			} else {
				qty, cost = poolSale(d, qty, cost)
				ds = append(ds, ukDisposal(d))
			}
		}
		// A holding moving whole (a symbol change, a merger) moves what
		// the day's trades left.
		apply(d, true)
	}
	var open []Lot
	if qty > 0 {
		open = []Lot{{Quantity: qty, Cost: cost}}
	}
	return ds, open, problems
}

// poolSale takes what is left of day d's disposal from the pool of qty
// shares costing cost, at cost × sold / qty, and returns the pool left.
func poolSale(d *ukDay, qty, cost float64) (float64, float64) {
	if d.sellLeft <= 0 {
		return qty, cost
	}
	c := cost * min(d.sellLeft/qty, 1)
	d.parts = append(d.parts, Part{Rule: RuleSection104, Quantity: d.sellLeft, Cost: c})
	cost -= c
	if qty -= d.sellLeft; qty <= Epsilon*(1+d.sellLeft) {
		qty, cost = 0, 0
	}
	return qty, cost
}

// ukDisposal is day d's disposal: Costs = Σ parts + the day's sale
// commissions, Gain = Proceeds − Costs.
func ukDisposal(d *ukDay) Disposal {
	out := Disposal{Date: d.date, Symbol: d.sellTx.sym, Quantity: d.sellQty, Proceeds: d.sellGross,
		Parts: d.parts, Rows: d.rows}
	out.Costs = out.partsCost() + d.sellFee
	out.Gain = out.Proceeds - out.Costs
	return out
}
