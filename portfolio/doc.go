// Package portfolio turns an investor's transactions into holdings and
// performance frames.
//
// ReadFile, ReadExcel and ReadCSV read the transactions (the columns and
// the rules for each kind are documented on ReadCSV) and report every
// problem of a file at once, with its file, sheet, row, column, value and
// what was expected. Fetch gets the market data they need from a
// quotes.Source, and Build lays them over it: splits, dividends,
// commissions and cash in every currency, valued each day in one reporting
// currency, into a Holdings frame (per symbol and date) and a Performance
// frame (per date, with the time-weighted return). Build checks what only
// the market data can tell (unknown symbols, sells of more than is held,
// dates without prices or rates) before computing anything.
//
// The frames are typed columns ([]float64, []time.Time) for speed. The
// performance frame's are fields; the holdings frame's per-day columns are
// methods, filled from each symbol's positions on first use, so that Build
// pays only for the closes and the performance frame, and a caller for the
// columns it reads (Holdings.At reads one row). Their
// DataFrame methods give gota DataFrames for display, and WriteExcel a
// workbook. Package portfolio/stats computes the statistics of a
// Performance frame, and package benchmark compares it with indices.
package portfolio
