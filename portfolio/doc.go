// Package portfolio is the ledger engine: it turns an investor's
// transactions into holdings and performance frames.
//
// Fetch gets the market data the transactions need from a quotes.Source,
// and Build lays them over it: splits, dividends, commissions and cash in
// every currency, valued each day in one reporting currency, into a
// Holdings frame (per symbol and date) and a Performance frame (per date,
// with the time-weighted return). Build checks what only the market data
// can tell (unknown symbols, sells of more than is held, dates without
// prices or rates) before computing anything, and holds transactions made
// in Go to the rules the file readers apply.
//
// The frames are typed columns ([]float64, []time.Time) for speed. The
// performance frame's are fields; the holdings frame's per-day columns are
// methods, filled from each symbol's positions on first use, so that Build
// pays only for the performance frame and the Quantity column (which every
// reader of the holdings uses, filled as Build books), and a caller for the
// other columns it reads (Holdings.At reads one row).
//
// The layout around the engine (README, "Packages"):
//
//   - portfolio/txn holds the transaction types and portfolio/perf the
//     performance frame; both are leaves. This package aliases them
//     (Transaction, Kind and its constants, Origin, Problem,
//     ValidationError; Performance = perf.Frame, Flow = perf.Flow) so that
//     a program calling Build needs one import.
//   - portfolio/txfile reads transactions files (Read, ReadCSV, ReadExcel).
//   - portfolio/workbook writes the frames as an .xlsx workbook and
//     portfolio/dataframe shows them as gota DataFrames.
//   - portfolio/stats computes the statistics of a performance frame and
//     package benchmark compares it with indices; neither imports this
//     package.
//
// It may import the standard library, portfolio/txn, portfolio/perf,
// quotes, fx and internal packages: no third-party module, and none of the
// packages above that import it.
package portfolio
