package attribution

import (
	"slices"
	"sort"
	"time"

	"github.com/gofolio/gofolio/portfolio"
)

// FromResult decomposes the window [from, to] (zero leaves a side open) of
// a built portfolio: Decompose of its performance frame and holdings
// columns, each SPINOFF, MERGER and SYMBOLCHANGE re-priced as a Move at the
// market value of the shares To received on its day (their quantity × To's
// Value / Quantity that day), the cost moved being the share of the
// symbol's cost at the previous close the row moves (SPINOFF: × its
// fraction; MERGER with cash A for q shares at price p: × p q / (A + p q),
// the rest sold for the cash; SYMBOLCHANGE: all of it). A symbol with other
// rows on the day of its move may have those in the cost; the portfolio's
// total is exact whatever the split between the two symbols. Each TRANSFER
// of shares that crosses the result's Config.Accounts
// (Result.ShareTransfers) is a Transfer at the value the performance frame
// counted it at.
func FromResult(res *portfolio.Result, from, to time.Time) (*Daily, error) {
	h := res.Holdings
	cols := Columns{
		Symbols: h.Symbols, Value: h.Value(), CostBasis: h.CostBasis(), Realized: h.Realized(), Dividends: h.Dividends(),
		Moves: moves(res), Transfers: transfers(res),
	}
	return Decompose(res.Performance, cols, from, to)
}

// transfers lists the result's TRANSFERs of shares that cross its
// accounts, as Transfers.
func transfers(res *portfolio.Result) []Transfer {
	var out []Transfer
	for _, st := range res.ShareTransfers {
		if s, ok := slices.BinarySearch(res.Holdings.Symbols, st.Symbol); ok {
			out = append(out, Transfer{Day: st.Day, Symbol: s, Cost: st.Cost, Value: st.Value})
		}
	}
	return out
}

// moves lists the result's corporate actions that move shares, as Moves.
func moves(res *portfolio.Result) []Move {
	h := res.Holdings
	n := len(h.Dates)
	var out []Move
	for _, tx := range res.Transactions {
		if tx.Kind != portfolio.SpinOff && tx.Kind != portfolio.Merger && tx.Kind != portfolio.SymbolChange {
			continue
		}
		from, ok1 := slices.BinarySearch(h.Symbols, tx.Symbol)
		to, ok2 := slices.BinarySearch(h.Symbols, tx.To)
		d := sort.Search(n, func(i int) bool { return !h.Dates[i].Before(tx.Date) })
		if !ok1 || !ok2 || d == 0 || d >= n || !h.Dates[d].Equal(tx.Date) {
			continue
		}
		before := h.At(from, d-1)
		received := h.At(to, d)
		if received.Quantity == 0 {
			continue
		}
		mv := Move{Day: d, From: from, To: to, Cost: before.CostBasis}
		qty := tx.Quantity
		switch tx.Kind {
		case portfolio.SpinOff:
			mv.Cost *= tx.Fraction
		case portfolio.SymbolChange:
			qty = before.Quantity
		case portfolio.Merger:
			if tx.Amount > 0 {
				mv.Cost *= tx.Quantity * tx.Price / (tx.Amount + tx.Quantity*tx.Price)
			}
		}
		mv.Value = qty * received.Value / received.Quantity
		out = append(out, mv)
	}
	return out
}
