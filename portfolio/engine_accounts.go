package portfolio

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// The two sides of Config.Accounts a row's account can be on.
const (
	inside  = 0 // an account of Config.Accounts, or any account when it is empty
	outside = 1 // another account: its rows move only the shares they hold
)

// Accounts lists the accounts txs name, sorted: each row's Account and a
// TRANSFER's receiving account (To). "" is the account of rows that name
// none.
func Accounts(txs []Transaction) []string {
	seen := map[string]bool{}
	for i, tx := range txs {
		// Rows come in runs of one account: hash a name only when it
		// changes.
		if i == 0 || tx.Account != txs[i-1].Account {
			seen[tx.Account] = true
		}
		if tx.Kind == Transfer {
			seen[tx.To] = true
		}
	}
	return sortedKeys(seen)
}

// selectAccounts checks Config.Accounts against the accounts the
// transactions name and keeps the selection in e.group (nil: every
// account, consolidated).
func (e *engine) selectAccounts() error {
	if len(e.cfg.Accounts) == 0 {
		return nil
	}
	known := Accounts(e.txs)
	e.group = make(map[string]bool, len(e.cfg.Accounts))
	e.transferCost = make([]float64, len(e.txs))
	var unknown []string
	for _, a := range e.cfg.Accounts {
		if _, found := slices.BinarySearch(known, a); !found {
			unknown = append(unknown, txn.QuoteValue(a))
		}
		e.group[a] = true
	}
	if len(unknown) == 0 {
		return nil
	}
	names := make([]string, len(known))
	for i, a := range known {
		names[i] = txn.QuoteValue(a)
	}
	return fmt.Errorf("portfolio: Config.Accounts names %s: an account no transaction belongs to (the accounts: %s)",
		strings.Join(unknown, ", "), strings.Join(names, ", "))
}

// sideOf is the side of Config.Accounts account is on.
func (e *engine) sideOf(account string) int {
	if e.group == nil || e.group[account] {
		return inside
	}
	return outside
}

// side is the side of txs[i]'s account (a TRANSFER's sending account).
func (e *engine) side(i int) int {
	if e.group == nil {
		return inside // without reading the row: this runs for every trade
	}
	return e.sideOf(e.txs[i].Account)
}

// crossing is how txs[i], a TRANSFER, crosses the boundary of the
// accounts selected: +1 into them (a deposit of theirs), −1 out of them (a
// withdrawal), 0 not at all (both accounts on one side, as always without
// a selection: then it moves nothing the portfolio holds). Any other row
// is 0.
func (e *engine) crossing(i int) int {
	tx := &e.txs[i]
	if tx.Kind != Transfer {
		return 0
	}
	from, to := e.sideOf(tx.Account), e.sideOf(tx.To)
	switch {
	case from == to:
		return 0
	case to == inside:
		return 1
	}
	return -1
}

// checkTransfer is checkTrades' part for txs[i], a TRANSFER of shares:
// the sending side must hold them; they move to the receiving side.
func (e *engine) checkTransfer(l *ledger, i int, held *[2]float64) {
	tx := &e.txs[i]
	from, to := e.sideOf(tx.Account), e.sideOf(tx.To)
	if oversells(held[from], tx.Quantity) {
		l.problem(tx, "quantity", formatNumber(tx.Quantity), fmt.Sprintf(
			"at most the %s shares of %s held%s on %s: a TRANSFER moves shares the account holds",
			formatNumber(held[from]), tx.Symbol, e.sideLabel(from), tx.Date.Format(time.DateOnly)))
		return
	}
	held[from] = afterSale(held[from], tx.Quantity)
	held[to] += tx.Quantity
}

// sideLabel says where shares held on side s are, for a message: nowhere
// in particular without a selection of accounts.
func (e *engine) sideLabel(s int) string {
	switch {
	case e.group == nil:
		return ""
	case s == inside:
		return " in the accounts selected"
	}
	return " in the accounts not selected"
}

// bookTransfer moves the shares of txs[i], a TRANSFER, with their cost and
// lots, from the position of its sending side to that of its receiving
// side; within one side it changes nothing. The flow it makes is booked
// by shareTransferFlows.
func (e *engine) bookTransfer(pos [2]*position, i int) {
	tx := &e.txs[i]
	from, to := e.sideOf(tx.Account), e.sideOf(tx.To)
	if from == to {
		return
	}
	t := pos[from].transferOut(tx.Quantity)
	// Each row's cost is written by its own symbol's run only.
	e.transferCost[i] = t.cost
	pos[to].receiveTransfer(t)
}

// transferOut takes qty shares out of the position with their cost, and
// nothing realized: the cost that leaves is the one a sale would take
// (average cost: cost ÷ held × qty; a lots method: the lots its order
// takes first, oldest first for specific identification, which a TRANSFER
// row does not name). Everything held leaves at the whole cost.
func (p *position) transferOut(qty float64) transfer {
	t := transfer{qty: qty}
	if lc, ok := p.match.(*lotCost); ok {
		t.lots = lc.takeForTransfer(qty)
		for _, l := range t.lots {
			t.cost += l.Cost
		}
	} else {
		t.cost = p.cost / p.qty * qty
	}
	if p.qty = afterSale(p.qty, qty); p.qty == 0 {
		t.cost = p.cost
		p.cost = 0
		p.match.empty()
		return t
	}
	p.cost -= t.cost
	return t
}

// receiveTransfer adds shares a TRANSFER moved here; their lots keep their
// dates, in date order among the lots held, so that FIFO still takes the
// oldest first.
func (p *position) receiveTransfer(t transfer) {
	p.receive(t)
	if lc, ok := p.match.(*lotCost); ok {
		slices.SortStableFunc(lc.pool.Lots(), func(a, b lots.Lot) int { return a.Date.Compare(b.Date) })
	}
}

// takeForTransfer takes qty shares of lots in the pool's order; a pool of
// specific identification, whose order is the lot a row names, gives its
// lots oldest first, a date at a time.
func (m *lotCost) takeForTransfer(qty float64) []lots.Lot {
	if taken, err := m.pool.Take(qty, ""); err == nil {
		return taken
	}
	var taken []lots.Lot
	left := qty
	for left > shareEpsilon*(1+qty) && len(m.pool.Lots()) > 0 {
		first := m.pool.Lots()[0]
		onDay := 0.0
		for _, l := range m.pool.Lots() {
			if l.Date.Equal(first.Date) {
				onDay += l.Quantity
			}
		}
		part, err := m.pool.Take(min(left, onDay), first.Date.Format(time.DateOnly))
		if err != nil {
			break // checkTransfer made sure the shares are held
		}
		taken = append(taken, part...)
		left -= min(left, onDay)
	}
	return taken
}

// shareTransferFlows books, for each TRANSFER of shares that crosses the
// boundary of the accounts selected, its flow: the shares' value at the
// day's close, quantity × close × rate, a deposit into the accounts or a
// withdrawal out of them. It runs once every symbol has laid its closes.
func (e *engine) shareTransferFlows() {
	if e.group == nil {
		return
	}
	n := len(e.cal.days)
	for i := range e.txs {
		tx := &e.txs[i]
		dir, si, d := e.crossing(i), e.txSymbol[i], e.txIndex[i]
		if dir == 0 || tx.Symbol == "" || si < 0 || d < 0 || d >= n || e.holdings.rates[si] == nil {
			continue
		}
		v := tx.Quantity * e.holdings.closes[si][d] * e.holdings.rates[si][d]
		if dir > 0 {
			e.deposits[d] += v
		} else {
			e.withdrawals[d] += v
		}
		sign := float64(dir)
		e.shareTransfers = append(e.shareTransfers, ShareTransfer{Symbol: tx.Symbol, Day: d,
			Quantity: sign * tx.Quantity, Value: sign * v, Cost: sign * e.transferCost[i]})
	}
}

// ShareTransfer is a TRANSFER of shares that crosses Config.Accounts
// (Result.ShareTransfers): the accounts' deposit (withdrawal) of the
// shares' Value at the day's close, while the holding's cost basis
// rises (falls) by the Cost carried with them. Quantity, Value and Cost
// are positive into the accounts, negative out of them; Value and Cost are
// in the reporting currency.
type ShareTransfer struct {
	Symbol                string
	Day                   int // index into the frames' Dates
	Quantity, Value, Cost float64
}

// shownAccounts is Result.Accounts: Config.Accounts, or every account.
func (e *engine) shownAccounts() []string {
	if e.group != nil {
		return slices.Clone(e.cfg.Accounts)
	}
	if !e.accountsNamed {
		return []string{""} // Accounts(e.txs), without reading every row
	}
	return Accounts(e.txs)
}

// cashTransferFlow books v, the value of txs[i], a cash TRANSFER, in the
// reporting currency, as a deposit when it enters the accounts selected
// and a withdrawal when it leaves them.
func (e *engine) cashTransferFlow(i int, v float64) {
	d := e.txIndex[i]
	switch e.crossing(i) {
	case 1:
		e.deposits[d] += v
	case -1:
		e.withdrawals[d] += v
	}
}

// Shows reports whether tx belongs to the accounts the result covers
// (Accounts): its own account is one of them, or it is a TRANSFER into
// one. Result.Transactions holds every account's rows; a report of some
// accounts lists those it shows. A Result made without Build (no
// Accounts) shows every row.
func (r *Result) Shows(tx *Transaction) bool {
	return r.Accounts == nil || slices.Contains(r.Accounts, tx.Account) || tx.Kind == Transfer && slices.Contains(r.Accounts, tx.To)
}
