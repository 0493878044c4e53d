// Package report writes gofolio's HTML report: one self-describing HTML file
// with a summary, an interactive performance chart of the portfolio against
// its benchmarks (range presets 1M to Max that rebase every line to 0% at
// the range start, a slider, a tooltip, legend toggles), value against net
// contributions, drawdown, a monthly returns heatmap, allocation by holding
// and by currency, and tables of holdings, statistics and transactions.
//
// The charts are Apache ECharts charts whose options are generated in Go
// and embedded as JSON; every chart is also drawn with gonum/plot (package
// report/chart, the only importer of gonum/plot) as an SVG image that is
// shown until ECharts has started, so
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
