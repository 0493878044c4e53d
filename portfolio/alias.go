package portfolio

import (
	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// The transaction types are package txn's and the performance frame is
// package perf's, so that the readers, statistics and benchmarks can use
// them without the engine. They are aliased here (the same types, not
// copies) so that a program that reads transactions and calls Build needs
// only this import: a portfolio.Transaction is a txn.Transaction.
type (
	Transaction     = txn.Transaction
	Kind            = txn.Kind
	Origin          = txn.Origin
	Problem         = txn.Problem
	ValidationError = txn.ValidationError

	Performance = perf.Frame
	Flow        = perf.Flow
)

// The transaction kinds (see txn.Kind).
const (
	Buy        = txn.Buy
	Sell       = txn.Sell
	Deposit    = txn.Deposit
	Withdrawal = txn.Withdrawal
	Dividend   = txn.Dividend
	Fee        = txn.Fee
	Interest   = txn.Interest
	Tax        = txn.Tax
	Split      = txn.Split

	SpinOff         = txn.SpinOff
	Merger          = txn.Merger
	SymbolChange    = txn.SymbolChange
	StockDividend   = txn.StockDividend
	ReturnOfCapital = txn.ReturnOfCapital
	CapitalGains    = txn.CapitalGains

	Transfer = txn.Transfer
)

// DailyReturn is perf.DailyReturn: r[t] of the time-weighted return
// documented on perf.Frame.
func DailyReturn(prevValue, value, in, out float64) float64 {
	return perf.DailyReturn(prevValue, value, in, out)
}
