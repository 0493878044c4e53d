package lots

import (
	"fmt"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// spinOff carries a SPINOFF from its parent's trades, which fill lots
// (the parent's cost that moves), to its child's.
type spinOff struct {
	fraction float64 // of the parent's cost moving to the child
	qty      float64 // child shares received
	lots     []Lot   // the child's lots, filled when the parent is matched
	// all moves the whole holding (a symbol change, a merger): the parent
	// is left with nothing.
	all bool
}

// reorganise rewrites the corporate actions for matching, taking trades
// in date order:
//
//   - STOCKDIVIDEND of q shares on h held: a split of (h + q) : h (a bonus
//     issue is a reorganisation, TCGA92/S126-S128: no acquisition);
//   - SPINOFF: the parent's trade moves Fraction of its lots' cost to the
//     child, whose trade (added) receives them, same dates;
//   - SYMBOLCHANGE: a spin-off of the whole holding and cost to To;
//   - MERGER into q shares of To worth Price each, plus cash A: first its
//     cash part (a trade of kind Merger, see mergerCash), then the
//     holding moves whole to To as q shares (TCGA92/S135, S127; IRC §358:
//     the new shares stand in the old ones' shoes, lots and dates).
func reorganise(trades []trade) ([]trade, []txn.Problem) {
	held := map[string]float64{}
	var problems []txn.Problem
	out := make([]trade, 0, len(trades))
	for _, t := range trades {
		switch t.kind {
		case txn.Buy:
			held[t.sym] += t.qty
		case txn.Sell:
			held[t.sym] -= t.qty
		case txn.Split:
			held[t.sym] *= t.ratio
		case txn.StockDividend:
			h := held[t.sym]
			if h <= 0 {
				problems = append(problems, noneHeld(t))
				continue
			}
			t.kind, t.ratio = txn.Split, (h+t.qty)/h
			held[t.sym] = h + t.qty
		case txn.SymbolChange, txn.Merger:
			h := held[t.sym]
			if h <= 0 {
				problems = append(problems, noneHeld(t))
				continue
			}
			t.spin = &spinOff{fraction: 1, qty: h, all: true}
			if t.kind == txn.Merger {
				if sold := mergerCash(t, h); sold != nil {
					out = append(out, *sold)
				}
				t.spin.qty = t.qty
			}
			t.kind = txn.SpinOff
			out = append(out, t)
			held[t.tx.To] += t.spin.qty
			held[t.sym] = 0
			t.sym = t.tx.To
		case txn.SpinOff:
			t.spin = &spinOff{fraction: t.tx.Fraction, qty: t.qty}
			out = append(out, t)
			held[t.tx.To] += t.qty
			t.sym = t.tx.To
		}
		out = append(out, t)
	}
	return out, problems
}

func noneHeld(t trade) txn.Problem {
	return txn.Problem{Origin: t.tx.Origin, Column: "symbol", Value: t.sym,
		Expected: fmt.Sprintf("a symbol held on %s: a %s needs shares of it", t.tx.Date.Format(time.DateOnly), t.tx.Kind)}
}

// mergerCash is a MERGER's cash part, nil without cash: a trade of kind
// Merger for the cash A (gross) on the h shares held, with the new
// shares' worth B = q × Price (worth) and the shares the cash is worth at
// the deal's terms, h × A / (A + B) (qty). Every lot takes part (see
// cashPart, ukCashPart and usBoot).
func mergerCash(t trade, h float64) *trade {
	a, b := t.amount, t.gross
	if a <= 0 {
		return nil
	}
	cash := t
	cash.qty, cash.gross, cash.worth, cash.fee, cash.amount = h*a/(a+b), a, b, 0, 0
	return &cash
}

// movesWhole says whether t is applied to a UK pool after its day's
// trades: a move of the whole holding, or a merger's cash part (which
// comes just before its move).
func movesWhole(t trade) bool {
	return t.kind == txn.Merger || t.spin != nil && t.spin.all
}

// spinOrder lists the symbols of trades so that a spin-off's parent comes
// before its child (whose lots the parent's matching makes), otherwise in
// order of first appearance.
func spinOrder(trades []trade) []string {
	var order []string
	seen := map[string]bool{}
	parents := map[string][]string{}
	for _, t := range trades {
		if t.kind == txn.SpinOff && t.sym == t.tx.To {
			parents[t.sym] = append(parents[t.sym], t.tx.Symbol)
		}
	}
	var visit func(s string, depth int)
	visit = func(s string, depth int) {
		if seen[s] || depth > len(parents)+1 {
			return
		}
		seen[s] = true
		for _, p := range parents[s] {
			visit(p, depth+1)
		}
		order = append(order, s)
	}
	for _, t := range trades {
		visit(t.sym, 0)
	}
	return order
}

// ReduceCost takes x off the lots' cost, pro rata to their cost, and
// returns what exceeds the cost (the lots are then at no cost).
func (p *Pool) ReduceCost(x float64) float64 {
	total := 0.0
	for _, l := range p.lots {
		total += l.Cost
	}
	if total <= 0 {
		return x
	}
	f := min(x/total, 1)
	for i := range p.lots {
		p.lots[i].Cost -= p.lots[i].Cost * f
	}
	return max(0, x-total)
}

// distribution is a cash payment that is a gain with no cost: a
// disposal of no shares.
func distribution(t trade, gain float64) Disposal {
	return Disposal{Date: t.tx.Date, Symbol: t.sym, Proceeds: gain, Gain: gain, Rows: []txn.Origin{t.tx.Origin},
		Parts: []Part{{Rule: RuleDistribution, LongTerm: true}}}
}

// poolAction applies a corporate action to a pool (every method but UK):
// a spin-off's parent moves Fraction of each lot's cost to a child lot of
// the same date (quantity × received / held), the child adds them; a
// return of capital reduces the cost (its excess is a gain); a
// capital-gains distribution is a gain; a merger's cash part is a part
// disposal of every lot (cashPart). It returns the disposal, if any.
func poolAction(pool *Pool, t trade) (Disposal, bool, []txn.Problem) {
	switch t.kind {
	case txn.SpinOff:
		if t.sym == t.tx.To {
			for _, l := range t.spin.lots {
				pool.Add(l)
			}
			return Disposal{}, false, nil
		}
		held := pool.Quantity()
		if held <= 0 {
			return Disposal{}, false, []txn.Problem{noneHeld(t)}
		}
		for i := range pool.lots {
			l := &pool.lots[i]
			child := *l
			child.Quantity = l.Quantity * t.spin.qty / held
			child.Cost, child.TradeCost, child.WashAdjusted = l.Cost*t.spin.fraction, l.TradeCost*t.spin.fraction, l.WashAdjusted*t.spin.fraction
			t.spin.lots = append(t.spin.lots, child)
			l.Cost -= child.Cost
			l.TradeCost -= child.TradeCost
			l.WashAdjusted -= child.WashAdjusted
		}
		if t.spin.all {
			pool.lots = pool.lots[:0]
		}
	case txn.ReturnOfCapital:
		if excess := pool.ReduceCost(t.amount); excess > 0 {
			return distribution(t, excess), true, nil
		}
	case txn.CapitalGains:
		return distribution(t, t.amount), true, nil
	case txn.Merger:
		return cashPart(pool, t), true, nil
	}
	return Disposal{}, false, nil
}

// ukAction applies a corporate action to a Section 104 pool of qty shares
// costing cost: a demerger moves fraction of the cost to the new
// company's pool (TCGA92/S136, S192; the apportionment the company
// announces, CG52721); a capital distribution reduces the cost, any
// excess a gain (TCGA92/S122); a fund's capital-gains distribution is a
// gain; a merger's cash part is a part disposal of the pool
// (ukCashPart).
func ukAction(qty, cost float64, t trade) (float64, float64, Disposal, bool) {
	switch t.kind {
	case txn.SpinOff:
		if t.sym == t.tx.To {
			for _, l := range t.spin.lots {
				qty += l.Quantity
				cost += l.Cost
			}
			return qty, cost, Disposal{}, false
		}
		moved := cost * t.spin.fraction
		t.spin.lots = []Lot{{Date: t.tx.Date, Quantity: t.spin.qty, Cost: moved}}
		if t.spin.all {
			return 0, 0, Disposal{}, false
		}
		return qty, cost - moved, Disposal{}, false
	case txn.ReturnOfCapital:
		if t.amount > cost {
			return qty, 0, distribution(t, t.amount-cost), true
		}
		return qty, cost - t.amount, Disposal{}, false
	case txn.CapitalGains:
		return qty, cost, distribution(t, t.amount), true
	case txn.Merger:
		return ukCashPart(qty, cost, t)
	}
	return qty, cost, Disposal{}, false
}
