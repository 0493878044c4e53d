package portfolio

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// perfColumns is how many columns of the performance frame run allocates
// with the holdings; perfColumn returns the k-th.
const perfColumns = 10

func (e *engine) perfColumn(k int) []float64 {
	n := len(e.cal.days)
	return e.perfBlock[k*n : (k+1)*n : (k+1)*n]
}

// result sums the frames into the performance frame.
func (e *engine) result() *Result {
	n := len(e.cal.days)
	h := e.holdings
	p := &Performance{
		Currency:         e.cfg.Currency,
		Dates:            e.cal.dates,
		MarketValue:      e.perfColumn(2),
		Cash:             e.perfColumn(3),
		Value:            e.perfColumn(4),
		Deposits:         e.deposits,
		Withdrawals:      e.withdrawals,
		NetContributions: e.perfColumn(5),
		PnL:              e.perfColumn(6),
		DailyReturn:      e.perfColumn(7),
		CumulativeReturn: e.perfColumn(8),
		Drawdown:         e.perfColumn(9),
	}
	cash := e.cashBalances(p)
	var net, prev, index, peak float64 = 0, 0, 1, 1
	negative := -1
	for d := 0; d < n; d++ {
		p.Value[d] = p.MarketValue[d] + p.Cash[d]
		net += p.Deposits[d] - p.Withdrawals[d]
		p.NetContributions[d] = net
		p.PnL[d] = p.Value[d] - net
		p.DailyReturn[d] = DailyReturn(prev, p.Value[d], p.Deposits[d], p.Withdrawals[d])
		r := p.DailyReturn[d]
		index *= 1 + r
		p.CumulativeReturn[d] = index - 1
		peak = math.Max(peak, index)
		p.Drawdown[d] = index/peak - 1
		prev = p.Value[d]
		if negative < 0 && (p.Value[d] < -halfCent || (p.MarketValue[d] > minDenominator && p.Value[d] <= minDenominator)) {
			negative = d
		}
	}
	// An overdrawn withdrawal (reported by cashBalances) is the cause of
	// the negative value that may follow it; one problem is enough.
	if negative >= 0 && len(e.problems) == 0 {
		e.reportNegativeValue(p, cash, negative)
	}
	sortWarnings(e.warnings)
	return &Result{
		Currency:       e.cfg.Currency,
		Holdings:       h,
		Performance:    p,
		Transactions:   e.txs,
		Rates:          e.cfg.Rates,
		Cash:           cash,
		Accounts:       e.shownAccounts(),
		ShareTransfers: e.shareTransfers,
		lots:           e.cfg.Lots,
		openLots:       e.openLotsBySymbol(),
		Warnings:       e.warnings,
	}
}

// cashBalances sums each currency's cash changes into balances and adds
// their value to p.Cash. With Config.AutoDeposit a balance that would go
// below zero is topped up by a deposit of the shortfall that day (an
// external flow), as when a broker's export lists trades but not the money
// paid in for them. Currencies are summed in sorted order so that the
// result is the same to the last bit on every run.
func (e *engine) cashBalances(p *Performance) map[string][]float64 {
	n := len(e.cal.days)
	currencies := make([]string, 0, len(e.cash.cashDelta))
	for c := range e.cash.cashDelta {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	cash := make(map[string][]float64, len(currencies))
	for _, c := range currencies {
		bal := make([]float64, n)
		rate := e.rate[c]
		var b float64
		for d, x := range e.cash.cashDelta[c] {
			b += x
			if e.cfg.AutoDeposit && b < -minDenominator {
				in := -b * rate[d]
				e.deposits[d] += in
				b = 0
			}
			bal[d] = b
			if b != 0 {
				p.Cash[d] += b * rate[d]
			}
		}
		cash[c] = bal
	}
	e.checkWithdrawals(cash)
	e.borrowedWarnings(cash)
	return cash
}

// checkWithdrawals reports each withdrawal that leaves its currency's cash
// below zero: money cannot be taken out that is not there, so a DEPOSIT or
// SELL is missing from the file (or the amount is wrong). The balance is
// the one just after the withdrawal, in file order within its day, so that
// a purchase on credit later that day does not count against it; half a
// cent is allowed for brokers' rounding. Buying on credit stays allowed
// (see reportNegativeValue); with AutoDeposit the shortfall has been
// counted as a deposit instead.
func (e *engine) checkWithdrawals(cash map[string][]float64) {
	for i, k := range e.kinds {
		if k != Withdrawal && k != Transfer {
			continue
		}
		tx := &e.txs[i]
		if !(tx.Kind == Withdrawal && e.side(i) == inside || tx.Kind == Transfer && tx.Symbol == "" && e.crossing(i) < 0) {
			continue // only money leaving the accounts selected
		}
		c, _ := cashCurrency(e.txCurrency(i))
		d := e.txIndex[i]
		b := cash[c][d] // at the end of the day: take off what came after
		for j := i + 1; j < len(e.txs) && e.txIndex[j] == d; j++ {
			cj, amount := e.txCash(j)
			if major, factor := cashCurrency(cj); major == c {
				b -= amount * factor
			}
		}
		if b < -halfCent {
			e.problem(tx, "amount", formatNumber(tx.Amount), fmt.Sprintf(
				"a withdrawal of at most the cash held: after it, cash in %s is %.2f on %s; "+
					"add the DEPOSIT or SELL that provided the money, or correct the amount",
				c, b, e.cal.dates[d].Format(time.DateOnly)))
		}
	}
}

// halfCent is the rounding a cash balance is allowed, in major units.
const halfCent = 0.005

// txCash is the change txs[i] makes to the cash: its currency and the
// amount in it (cashAmount); for a cash TRANSFER, + amount into the
// accounts selected, − amount out of them, 0 within one side; 0 for a row
// of an account not selected. run books it (ledger.add holds minor units
// in their major currency), and checkWithdrawals replays a day with it.
func (e *engine) txCash(i int) (string, float64) {
	tx := &e.txs[i]
	switch {
	case tx.Kind == Transfer && tx.Symbol == "":
		return e.txCurrency(i), float64(e.crossing(i)) * tx.Amount
	case e.side(i) == outside:
		return e.txCurrency(i), 0
	}
	return e.txCurrency(i), cashAmount(tx)
}

// cashAmount is the change tx makes to the cash, in its currency:
// + amount for a DEPOSIT, INTEREST, DIVIDEND, RETURNOFCAPITAL,
// CAPITALGAINS or MERGER (its cash part), − amount for a WITHDRAWAL, FEE or TAX, −(quantity × price
// + commission) for a BUY, quantity × price − commission for a SELL, 0 for
// a SPLIT, STOCKDIVIDEND, SPINOFF or SYMBOLCHANGE.
func cashAmount(tx *Transaction) float64 {
	switch tx.Kind {
	case Deposit, Interest, Dividend, ReturnOfCapital, CapitalGains, Merger:
		return tx.Amount
	case Withdrawal, Fee, Tax:
		return -tx.Amount
	case Buy:
		return -(tx.Quantity*tx.Price + tx.Commission)
	case Sell:
		return tx.Quantity*tx.Price - tx.Commission
	}
	return 0
}

// reportNegativeValue reports the first day on which the portfolio is worth
// nothing or less while it holds shares: bought with money that was never
// deposited. A time-weighted return divides by the value, so it has no
// meaning there; the problem points at the last transaction before it.
func (e *engine) reportNegativeValue(p *Performance, cash map[string][]float64, d int) {
	last := 0
	for i, idx := range e.txIndex {
		if idx <= d {
			last = i
		}
	}
	var owed []string
	for _, c := range sortedKeys(cash) {
		if b := cash[c][d]; b < 0 {
			owed = append(owed, c+" "+strconv.FormatFloat(b, 'f', 2, 64))
		}
	}
	e.problem(&e.txs[last], "", strconv.FormatFloat(p.Value[d], 'f', 2, 64), fmt.Sprintf(
		"a portfolio worth more than nothing: on %s its value in %s is %.2f (shares %.2f, cash %s); "+
			"add the DEPOSIT rows that paid for the purchases, or set Config.AutoDeposit (-auto-deposit) to count each shortfall as a deposit",
		e.cal.dates[d].Format(time.DateOnly), e.cfg.Currency, p.Value[d], p.MarketValue[d], strings.Join(owed, ", ")))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// minDenominator is the smallest starting value (in the reporting currency)
// a day's return is computed on: below it the portfolio is empty and the
// day's return is 0, so that rounding residue left after selling everything
// cannot produce a huge return.
const minDenominator = 1e-6
