package lots

import "github.com/gofolio/gofolio/portfolio/txn"

// A merger paying cash A and q new shares worth B = q × Price for the h
// shares held pays every share the same: A / h in cash and B / h in new
// shares. So the cash part takes every lot, whatever the method: no lot
// is chosen (a SELL row's lot column, FIFO's order) because none is sold
// alone. What it costs differs by country:
//
//   - fifo, lifo, hifo, specific, average (cashPart): a part disposal of
//     f = A / (A + B) of each lot, the cost going with it f × its cost,
//     the general part-disposal apportionment (the A/(A+B) of TCGA92/S42;
//     as the uk method computes it);
//   - uk (ukCashPart): a part disposal of f of the Section 104 pool
//     (TCGA92/S128(3), the cost apportioned by S129 with the cash as the
//     part disposed of; HMRC CG51875, CG52587). A small amount of cash
//     (at most £3,000 or 5% of the shares' value, CG57835) may instead
//     reduce the cost, but only if the taxpayer elects so: enter it as a
//     RETURNOFCAPITAL and the MERGER without cash;
//   - us (usBoot): the reorganisation's boot (IRC §356): each lot's gain,
//     its cash and new shares' worth less its basis, is recognised up to
//     its cash, a loss not at all (§356(c)), lot by lot (a loss on one
//     block does not reduce another's gain: Tseytin v. Commissioner, T.C.
//     Memo. 2015-247); the new shares' basis is the old less the cash plus
//     the gain recognised (§358(a)(1)). A merger that is not a
//     reorganisation under §368 is taxable in full: enter it as a SELL and
//     a BUY.

// cashPart is a merger's cash part under every method but uk and us: f =
// A / (A + B) of each lot's shares disposed of for their share of the
// cash, at f × the lot's cost (one part per lot, RuleMergerCash; one for
// the average).
func cashPart(pool *Pool, t trade) Disposal {
	f := t.gross / (t.gross + t.worth)
	taken := pool.TakeEvery(f * pool.Quantity())
	parts := lotParts(taken, pool.method)
	for i := range parts {
		parts[i].Rule = RuleMergerCash
	}
	return disposal(t, parts)
}

// ukCashPart is a merger's cash part for a Section 104 pool of qty shares
// costing cost: f = A / (A + B) of it disposed of for A, at cost × f. It
// returns the pool left and the disposal.
func ukCashPart(qty, cost float64, t trade) (float64, float64, Disposal, bool) {
	f := t.gross / (t.gross + t.worth)
	sold, c := qty*f, cost*f
	d := Disposal{Date: t.tx.Date, Symbol: t.sym, Quantity: sold, Proceeds: t.gross, Costs: c, Gain: t.gross - c,
		Parts: []Part{{Rule: RuleMergerCash, Quantity: sold, Cost: c}}, Rows: []txn.Origin{t.tx.Origin}}
	return qty - sold, cost - c, d, true
}

// usBoot is a merger's cash part as boot (IRC §356, §358), lot by lot:
// for a lot of n of the h shares held, with basis c,
//
//	cash = A × n / h,  worth = B × n / h,
//	gain = min(cash, max(0, cash + worth − c)),
//	basis leaving = cash − gain,  the lot's basis after = c − cash + gain.
//
// The disposal's parts are the lots, each of f × n shares (f = A / (A +
// B), the shares the cash is worth), their cost the basis leaving, so that
// Proceeds − Costs is the gain recognised; the lots keep their shares and
// dates (the holding period carries over, §1223(1)).
func usBoot(pool *Pool, t trade) Disposal {
	held := pool.Quantity()
	f := t.gross / (t.gross + t.worth)
	parts := make([]Part, 0, len(pool.lots))
	for i := range pool.lots {
		l := &pool.lots[i]
		share := l.Quantity / held
		cash, worth := t.gross*share, t.worth*share
		gain := min(cash, max(0, cash+worth-l.Cost))
		out := cash - gain
		parts = append(parts, Part{Rule: RuleMergerCash, Acquired: l.Date, Quantity: l.Quantity * f, Cost: out,
			LongTerm: t.tx.Date.After(l.Date.AddDate(1, 0, 0))})
		if l.Cost > 0 {
			l.TradeCost -= l.TradeCost * out / l.Cost
		}
		l.Cost -= out
	}
	d := Disposal{Date: t.tx.Date, Symbol: t.sym, Quantity: held * f, Proceeds: t.gross, Parts: parts, Rows: []txn.Origin{t.tx.Origin}}
	d.Costs = d.partsCost()
	d.Gain = d.Proceeds - d.Costs
	return d
}
