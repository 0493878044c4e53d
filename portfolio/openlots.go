package portfolio

import (
	"slices"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// keepOpenLots keeps the lots p, the position of symbols[si] in the
// accounts covered, holds once every row is booked; nothing under
// lots.Average and lots.UK, which book the average cost. Each symbol's
// run writes its own index only.
func (e *engine) keepOpenLots(si int, p *position) {
	if lc, ok := p.match.(*lotCost); ok && p.qty > 0 {
		e.openLots[si] = slices.Clone(lc.pool.Lots())
	}
}

// openLotsBySymbol is e.openLots by symbol, the symbols holding lots only.
func (e *engine) openLotsBySymbol() map[string][]lots.Lot {
	out := map[string][]lots.Lot{}
	for si, l := range e.openLots {
		if len(l) > 0 {
			out[e.symbols[si]] = l
		}
	}
	return out
}

// OpenLots is the lots the accounts the result covers (Accounts) hold of
// each symbol on the last date, as Build booked them under m,
// Config.Lots: after every sale, split, corporate action and TRANSFER, the
// lots a transfer moves going with its shares. Under lots.Average and
// lots.UK, which book the average cost, open is empty. Unlike Gains,
// which matches the rows of every account (tax is the person's), these are
// the accounts' own: a plan for some accounts (package rebalance) sells
// the lots they hold. lots.US's are booked as FIFO's, without the wash-sale
// adjustments Gains makes. The lots are the result's: do not change them.
func (r *Result) OpenLots() (m lots.Method, open map[string][]lots.Lot) {
	return r.lots, r.openLots
}
