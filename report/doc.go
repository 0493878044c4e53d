// Package report writes gofolio's HTML report: one self-describing HTML file
// with a summary, an interactive performance chart of the portfolio against
// its benchmarks (range presets 5D to Max that rebase every line to 0% at
// the range start and give each line's return over the range, a slider, a
// tooltip, legend toggles), value against net contributions, drawdown and
// rolling volatility, Sharpe, Sortino and beta (time axes whose range the
// presets drive together; the performance chart also on a log scale), a
// monthly returns heatmap, yearly returns against the benchmarks,
// histograms of daily and monthly returns, dividends per year, each
// security's close with its trades marked, the allocation (a donut and a
// table, by holding, by currency and by each field of the symbols'
// metadata: Input.Allocations), and tables of holdings
// (one cash row per currency), statistics (QuantStats' tearsheet figures
// included), the worst drawdowns and transactions, the returns per holding
// with the contributions by every grouping, and the Brinson-Fachler
// attribution against a model portfolio (Input.ModelAttribution, with
// analysis.Options.Model). It fits a 390-pixel
// phone, and prints with every table column (a print stylesheet shows the
// static images instead of the live charts).
//
// The charts are Apache ECharts charts whose options are generated in Go
// and embedded as JSON; every chart is also drawn with gonum/plot (package
// report/chart, the only importer of gonum/plot) as a PNG image, in the Go
// Sans font compiled into the program, that is shown until ECharts has
// started, so
// that a report opened offline, from an archive or with scripts blocked still
// shows every chart. Every user-supplied string goes through html/template
// and the page carries a restrictive Content-Security-Policy.
//
// A figure that cannot be computed shows as "–" with the reason why: under
// its headline card, and in the statistics table as a numbered note listed
// under the table (Statistics.Cells gives the same for text output).
//
// Write renders an Input, a view model independent of how the numbers were
// computed; NewInput lays one out from an analysis.Analysis (analysis.Run,
// where every figure is computed) and computes nothing itself. Tearsheet
// does it all in one call, from a transactions file and a market-data
// source to a written report.
// Both renderings take the same inputs: the Input's Lines and Slices are
// chart.Line and chart.Slice, returns as fractions.
package report
