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
// 20-year portfolio are 160 MB). Quantity, which every reader of the
// holdings uses, is the exception: Build fills it as it books each symbol,
// in memory allocated while it checks the transactions. A column is shared by every caller: do not
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

	// closes[s] is Symbols[s]'s closes on Dates, read only: it may be the
	// market data's own array (see calendar.align). The Close column
	// lays them end to end on first use.
	closes [][]float64
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
