package lots

import (
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// washWindow is the wash-sale window: substantially identical shares
// bought from 30 days before to 30 days after a sale at a loss (IRC
// §1091, IRS Publication 550 "Wash Sales").
const washWindow = 30

// usBuy is a BUY row as a candidate replacement for a wash sale.
type usBuy struct {
	t    trade
	used float64 // shares already replacing an earlier sale's
	// pending are the wash-sale adjustments of sales before this buy,
	// applied when it joins the pool.
	pending []washAdj
}

// washAdj is a disallowed loss carried to qty replacement shares: their
// basis grows by loss, their holding period starts shift earlier.
type washAdj struct {
	qty, loss float64
	shift     time.Duration
}

// matchUS matches one symbol's sales FIFO (or by the lot named, when
// the row names one), then applies the wash-sale rule to each loss: the
// loss on as many of the sold shares as were replaced (bought from 30
// days before to 30 days after, not themselves sold by this sale, nor
// already replacing an earlier sale's) is disallowed, loss × replaced /
// sold, and added to the replacement shares' basis, their holding period
// including the sold shares' (Publication 550). A part is long term when
// sold more than a year after its holding period starts.
func matchUS(trades []trade) ([]Disposal, []Lot, []txn.Problem) {
	buys := map[int]*usBuy{}
	var order []*usBuy
	for _, t := range trades {
		if t.kind == txn.Buy {
			b := &usBuy{t: t}
			buys[t.id] = b
			order = append(order, b)
		}
	}
	pool := NewPool(US)
	var ds []Disposal
	var problems []txn.Problem
	for _, t := range trades {
		tx := t.tx
		switch t.kind {
		case txn.Buy:
			addUSBuy(pool, buys[t.id])
		case txn.Split:
			pool.Split(t.ratio)
		case txn.Merger:
			ds = append(ds, usBoot(pool, t))
		default:
			d, ok, p := poolAction(pool, t)
			if ok {
				ds = append(ds, d)
			}
			problems = append(problems, p...)
		case txn.Sell:
			taken, p := sell(pool, t)
			if p != nil {
				problems = append(problems, *p)
				continue
			}
			d := disposal(t, usParts(taken, tx.Date))
			washSale(&d, taken, pool, order)
			ds = append(ds, d)
		}
	}
	return ds, pool.Lots(), problems
}

// addUSBuy adds a buy to the pool: a lot per wash-sale adjustment
// waiting for it (its shares' cost + the loss, the holding period moved
// back), and one for the rest.
func addUSBuy(pool *Pool, b *usBuy) {
	tx := b.t.tx
	whole := Lot{Date: tx.Date, Quantity: b.t.qty, Cost: b.t.gross + b.t.fee, TradeCost: tx.Quantity*tx.Price + tx.Commission,
		Origin: tx.Origin, buy: b.t.id}
	left := whole.Quantity
	for _, a := range b.pending {
		l := whole.part(a.qty)
		l.Cost += a.loss
		l.WashAdjusted = a.loss
		l.Date = l.Date.Add(-a.shift)
		pool.Add(l)
		left -= a.qty
	}
	if left > 0 {
		pool.Add(whole.part(left))
	}
}

// usParts are the lots a sale on day sold took, long term when held more
// than a year.
func usParts(taken []Lot, sold time.Time) []Part {
	parts := make([]Part, 0, len(taken))
	for _, l := range taken {
		parts = append(parts, Part{Rule: RuleLot, Acquired: l.Date, Quantity: l.Quantity, Cost: l.Cost,
			LongTerm: sold.After(l.Date.AddDate(1, 0, 0)), WashAdjusted: l.WashAdjusted})
	}
	return parts
}

// lossLot is a lot a sale took at a loss, and its loss per share.
type lossLot struct {
	Lot
	perShare float64
	part     int // the disposal's part that took it
}

// lossLots are the lots of taken (one per part of d, in order) sold at a
// loss, in the order taken (acquisition order: the order in which Treas.
// Reg. §1.1091-1(d) matches sold shares with replacements), each with its
// loss per share: its cost per share less the sale's proceeds net of
// commission per share, (Proceeds − commission) / Quantity.
func lossLots(d *Disposal, taken []Lot) []lossLot {
	net := (d.Proceeds - (d.Costs - d.partsCost())) / d.Quantity
	var out []lossLot
	for i, l := range taken {
		if loss := l.PerShare() - net; loss > 0 {
			out = append(out, lossLot{l, loss, i})
		}
	}
	return out
}

// washSale disallows the loss of each lot d took at a loss on as many of
// its shares as were replaced: each replacement share (bought from 30
// days before to 30 days after, in the order bought) takes one sold
// share's loss, lots at a loss in the order sold, for its basis and that
// share's holding period. A loss on one lot never reduces the gain on
// another sold the same day (Publication 550, "Loss and gain on same
// day"), so a sale with a gain overall may still have a loss disallowed.
func washSale(d *Disposal, taken []Lot, pool *Pool, order []*usBuy) {
	losses := lossLots(d, taken)
	if len(losses) == 0 {
		return
	}
	from, to := d.Date.AddDate(0, 0, -washWindow), d.Date.AddDate(0, 0, washWindow)
	k, usedOfK := 0, 0.0 // the lot at a loss the next replacement pairs with
	for _, b := range order {
		bd := b.t.tx.Date
		if bd.Before(from) || bd.After(to) {
			continue
		}
		avail := available(b, pool, taken, d.Date)
		for avail > Epsilon && k < len(losses) {
			q := min(avail, losses[k].Quantity-usedOfK)
			a := washAdj{qty: q, loss: losses[k].perShare * q, shift: d.Date.Sub(losses[k].Date)}
			if !bd.After(d.Date) {
				adjustHeld(pool, b.t.id, a)
			} else {
				b.pending = append(b.pending, a)
			}
			b.used += q
			avail -= q
			d.WashDisallowed += a.loss
			d.Parts[losses[k].part].Disallowed += a.loss
			if usedOfK += q; usedOfK >= losses[k].Quantity-Epsilon {
				k, usedOfK = k+1, 0
			}
		}
	}
	d.Gain += d.WashDisallowed
}

// available is how many of b's shares can replace those of a sale on day
// sold: for a buy after it, those not already replacing; for one before,
// those still held (the sale's own are gone from the pool) not already
// replacing.
func available(b *usBuy, pool *Pool, taken []Lot, sold time.Time) float64 {
	if b.t.tx.Date.After(sold) {
		return b.t.qty - b.used
	}
	held := 0.0
	for _, l := range pool.lots {
		if l.buy == b.t.id && l.WashAdjusted == 0 {
			held += l.Quantity
		}
	}
	return max(0, min(held, b.t.qty-b.used))
}

// adjustHeld carries a to a.qty of the held shares of buy id: their lot
// is cut in two, the replacement part's cost raised by the loss.
func adjustHeld(pool *Pool, id int, a washAdj) {
	for i := range pool.lots {
		l := pool.lots[i]
		if l.buy != id || l.WashAdjusted != 0 {
			continue
		}
		rep := l.part(a.qty)
		rep.Cost += a.loss
		rep.WashAdjusted = a.loss
		rep.Date = rep.Date.Add(-a.shift)
		rest := l.part(l.Quantity - a.qty)
		pool.lots[i] = rep
		if rest.Quantity > 0 {
			pool.lots = append(pool.lots[:i+1], append([]Lot{rest}, pool.lots[i+1:]...)...)
		}
		return
	}
}
