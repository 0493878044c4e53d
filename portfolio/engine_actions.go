package portfolio

import (
	"fmt"
	"slices"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// movesHolding reports whether k moves shares (and their cost) from its
// symbol to another, To: a SPINOFF (part of the cost), a MERGER or a
// SYMBOLCHANGE (the whole holding).
func movesHolding(k Kind) bool { return k == SpinOff || k == Merger || k == SymbolChange }

// transfer is what a SPINOFF, MERGER or SYMBOLCHANGE moves from its
// symbol's position to To's: qty shares of To, their cost in the
// reporting currency and, for a lots method, their lots.
type transfer struct {
	qty, cost float64
	lots      []lots.Lot
}

// spinOff moves fraction of the cost to q shares of another symbol:
//
//	moved = cost × fraction,  cost −= moved,
//
// each lot giving fraction of its cost to a lot of the same date of its
// shares × q / held (lots.Match's spin-off). The shares held stay.
func (p *position) spinOff(q, fraction float64) transfer {
	moved := p.cost * fraction
	t := transfer{qty: q, cost: moved, lots: p.match.spinOff(fraction, q/p.qty)}
	p.cost -= moved
	return t
}

// moveAll moves the whole holding, as q shares of another symbol (a
// symbol change, the share part of a merger): cost before = the cost
// moved; nothing is left.
func (p *position) moveAll(q float64) transfer {
	t := transfer{qty: q, cost: p.cost, lots: p.match.spinOff(1, q/p.qty)}
	p.qty, p.cost = 0, 0
	p.match.empty()
	return t
}

// receive adds what a corporate action of another symbol moved here.
func (p *position) receive(t transfer) {
	p.qty += t.qty
	p.cost += t.cost
	p.match.receive(t.lots)
}

// spinOff gives fraction of each lot's cost to a new lot of ratio × its
// shares, and returns the new lots.
func (m *lotCost) spinOff(fraction, ratio float64) []lots.Lot {
	held := m.pool.Lots()
	out := make([]lots.Lot, 0, len(held))
	for i := range held {
		l := &held[i]
		child := *l
		child.Quantity = l.Quantity * ratio
		child.Cost, child.TradeCost, child.WashAdjusted = l.Cost*fraction, l.TradeCost*fraction, l.WashAdjusted*fraction
		l.Cost -= child.Cost
		l.TradeCost -= child.TradeCost
		l.WashAdjusted -= child.WashAdjusted
		out = append(out, child)
	}
	return out
}

func (m *lotCost) receive(ls []lots.Lot) {
	for _, l := range ls {
		m.pool.Add(l)
	}
}

func (m *lotCost) empty() { m.pool.Empty() }

// resolveTo maps the To of every SPINOFF, MERGER and SYMBOLCHANGE to its
// index in symbols (txTo), reporting a To the market data does not know
// or that is the row's own symbol.
func (e *engine) resolveTo() {
	e.txTo = make([]int, len(e.txs))
	for i, k := range e.kinds {
		e.txTo[i] = -1
		if !movesHolding(k) || e.txSymbol[i] < 0 {
			continue
		}
		tx := &e.txs[i]
		si, found := slices.BinarySearch(e.symbols, tx.To)
		switch {
		case tx.To == tx.Symbol:
			e.problem(tx, "to", tx.To, "another symbol than the row's: the one its shares become")
		case !found:
			e.problem(tx, "to", tx.To, "a symbol the market data knows, with prices ("+e.knownSymbols(tx.To)+")")
		default:
			e.txTo[i] = si
		}
	}
}

// moveOrder is the order the symbols run in when a row moves shares from
// one to another: each symbol after every symbol that moves shares to it
// (its run books what theirs moved), otherwise in symbols' order; nil
// when no row moves shares (the symbols then run in parallel). A chain
// that comes back to a symbol (X to Y, later Y to X) is reported.
func (e *engine) moveOrder() []int {
	parents := make([][]int, len(e.symbols))
	moves := false
	for i, to := range e.txTo {
		if to >= 0 {
			parents[to] = append(parents[to], e.txSymbol[i])
			moves = true
		}
	}
	if !moves {
		return nil
	}
	e.transfers = map[int]transfer{}
	order := make([]int, 0, len(e.symbols))
	state := make([]uint8, len(e.symbols)) // 0 not seen, 1 visiting, 2 done
	var visit func(si int) bool
	visit = func(si int) bool {
		switch state[si] {
		case 1:
			return false
		case 2:
			return true
		}
		state[si] = 1
		for _, p := range parents[si] {
			if !visit(p) {
				return false
			}
		}
		state[si] = 2
		order = append(order, si)
		return true
	}
	for si := range e.symbols {
		if !visit(si) {
			for i, to := range e.txTo {
				if to == si || to >= 0 && e.txSymbol[i] == si {
					e.problem(&e.txs[i], "to", e.txs[i].To, "corporate actions that do not move shares back to a symbol they came from: "+
						"the engine books each symbol after those that move shares to it")
					break
				}
			}
			return []int{}
		}
	}
	return order
}

// bookMove books txs[i], a SPINOFF, MERGER or SYMBOLCHANGE, on day d:
// on its symbol's side it moves the shares' cost out (a merger's cash
// first a part disposal: f = A / (A + q × price) of the shares held sold
// for the cash A, TCGA92/S42, as lots.Match books it) and pays the cash;
// on To's side it receives what was moved.
func (e *engine) bookMove(l *ledger, st *symbolTrades, p *position, i, d int) {
	tx := &e.txs[i]
	if st.si != e.txSymbol[i] {
		p.receive(e.transfers[i])
		return
	}
	c, rate := e.tradeRate(st, i, d)
	switch tx.Kind {
	case SpinOff:
		e.transfers[i] = p.spinOff(tx.Quantity, tx.Fraction)
	case SymbolChange:
		e.transfers[i] = p.moveAll(p.qty)
	case Merger:
		if a := tx.Amount; a > 0 {
			f := a / (a + tx.Quantity*tx.Price)
			if err := p.sell(tx, f*p.qty, a, 0, rate); err != nil {
				l.problem(tx, "lot", tx.Lot, err.Error())
			}
		}
		e.transfers[i] = p.moveAll(tx.Quantity)
	}
	if e.side(i) == inside {
		l.add(c, d, cashAmount(tx))
	}
}

// checkMove is checkTrades' part for txs[i], a SPINOFF, MERGER or
// SYMBOLCHANGE, with held shares of st's symbol before it: it returns
// the shares held after it, and false when it found a problem. Its
// symbol must be held; To receives the shares its symbol's run moved
// (none when that run failed, which reported why).
func (e *engine) checkMove(l *ledger, st *symbolTrades, i int, held float64) (float64, bool) {
	tx := &e.txs[i]
	if st.si != e.txSymbol[i] {
		t, ok := e.transfers[i]
		return held + t.qty, ok
	}
	if held == 0 {
		l.problem(tx, "symbol", tx.Symbol, fmt.Sprintf("a symbol held on %s: a %s needs shares of it", tx.Date.Format(time.DateOnly), tx.Kind))
		return held, false
	}
	if tx.Kind == SpinOff {
		return held, true
	}
	return 0, true
}
