package portfolio

import "time"

// Holdings is the holdings frame: one row per symbol and date, in long
// format with symbol-major blocks. Every column has len(Symbols)*len(Dates)
// values and the row for Symbols[s] on Dates[d] is s*len(Dates)+d (see Row).
//
// Money columns except Close are in the reporting currency (Currency):
// positions valued at each day's rate, flows (cost, proceeds, dividends,
// commissions) converted at the rate of their own day.
//
// The columns are methods. Build keeps each symbol's position once per
// change (a trade, a split, a dividend) and the closes; a column of every
// day is filled from them on its first call and kept, so that Build spends
// no time or memory on columns nobody reads (the eight of a 500-symbol,
// 20-year portfolio are 160 MB). A column is shared by every caller: do not
// modify it (Value and Unrealized are computed from Close when first read).
// At reads one row without filling any column. Holdings is safe for
// concurrent use, and a copy shares its columns with the original.
type Holdings struct {
	Currency string
	Symbols  []string    // sorted
	Dates    []time.Time // the portfolio calendar, same as Performance.Dates
	// QuoteCurrency[s] is the currency Symbols[s] is quoted in, as the
	// market data gives it (for example "USD" or "GBp").
	QuoteCurrency []string

	close []float64 // the Close column
	// runs[s] is the position of Symbols[s] from each day it changed on,
	// in day order; rows before the first run hold nothing.
	runs [][]positionRun
	// rates[s][d] converts Symbols[s]'s quote currency to Currency on
	// Dates[d].
	rates   [][]float64
	columns *[lazyColumns]lazyColumn // behind a pointer: Holdings may be copied
}

// Row is the index of Symbols[s] on Dates[d] in every column.
func (h *Holdings) Row(s, d int) int { return s*len(h.Dates) + d }

// Performance is the performance frame: one row per date of the portfolio
// calendar, every money column in the reporting currency.
//
// The time-weighted return values the portfolio at each close and treats the
// day's external flows as happening at that close, as trades do: a deposit
// invested at today's close earns nothing today, and a withdrawal of today's
// sale proceeds takes nothing from today's return. So
//
//	r[t] = (Value[t] + Out[t] − In[t]) / Value[t−1] − 1          when Value[t−1] > 0
//	r[t] = (Value[t] + Out[t]) / In[t] − 1                        when Value[t−1] ≤ 0 < In[t]
//	r[t] = 0                                                      otherwise
//
// where In[t] is the day's deposits and Out[t] its withdrawals (both ≥ 0).
// The second line starts (or restarts, after the portfolio was emptied) the
// series on the day money arrives, so an emptied and refilled portfolio
// never shows −100%. "≤ 0" means below a millionth of a currency unit.
// CumulativeReturn[t] = Π(1 + r[i]) − 1 over i ≤ t, and
// Drawdown[t] = (1 + CumulativeReturn[t]) / max over i ≤ t of (1 + CumulativeReturn[i]) − 1.
type Performance struct {
	Currency string
	Dates    []time.Time

	MarketValue      []float64 // value of all holdings
	Cash             []float64 // cash in every currency, converted at the day's rate
	Value            []float64 // MarketValue + Cash
	Deposits         []float64 // In[t]: deposits on the day
	Withdrawals      []float64 // Out[t]: withdrawals on the day, as a positive amount
	NetContributions []float64 // cumulative deposits − withdrawals
	PnL              []float64 // Value − NetContributions
	DailyReturn      []float64 // r[t] as above
	CumulativeReturn []float64 // time-weighted, since the first date
	Drawdown         []float64 // from the running peak of the TWR index, ≤ 0
}

// Len is the number of dates.
func (p *Performance) Len() int { return len(p.Dates) }

// Flow is an external cash flow in the reporting currency: positive into the
// portfolio (deposit), negative out of it (withdrawal). Money-weighted
// returns (IRR) and the same-cash-flows benchmark are computed from these.
type Flow struct {
	Date   time.Time
	Amount float64
}
