// Package notebook shows gofolio's charts and tables in a Jupyter notebook run
// by the Go kernel gonb (github.com/janpfeifer/gonb), so that each notebook
// cell is one call per chart or table:
//
//	var loaded = must.M1(notebook.Load(ctx, notebook.Settings{Market: notebook.Sample, Benchmarks: []string{"^DJI"}, Currency: "GBP"}))
//	must.M(notebook.Chart(chart.Drawdown("Drawdown", notebook.DrawdownLine("Portfolio", perf))))
//	must.M(notebook.Interactive("Performance", lines...))
//	must.M(notebook.Positions(loaded.Analysis))
//	must.M(notebook.Frame(dataframe.Performance(loaded.Analysis.Performance), 10))
//
// Settings are what a notebook's reader sets (their transactions file, the
// Market: Sample or Yahoo, benchmarks, currency, risk-free rate); Load, or
// its steps ReadTransactions, OpenMarket, FetchBenchmarks and MarketRates,
// turn them into a built and analysed portfolio.
//
// Chart sends a gonum/plot plot (package report/chart) as an <img> of its
// PNG in a text/html output, with the PNG as the image/png alternative:
// jupyter nbconvert --to html copies text/html as it is but cleans
// image/svg+xml outputs with lxml into blank charts. Interactive sends an
// Apache ECharts chart with the report's range presets as text/html, with
// the same chart drawn as a static PNG inside it until ECharts has loaded
// (and for viewers that run no script), and as an image/png alternative in
// the same output. Frame, Positions, Statistics, Allocation, HoldingReturns,
// Attribution, Gains and Rebalance send tables as text/html with a
// text/plain alternative, formatted as people read them (thousands
// separators, percentages: 10.9608 is "1,096.08%"). Model makes the
// analysis.Model of rebalancing targets, fetching the series of the
// targets the portfolio does not hold; TargetSeries fetches, for
// rebalance.Options.Series, those a rebalancing plan must price. Compare
// shows several portfolios side by side (Compared: the portfolio, each
// account alone, the model) in one performance chart and one statistics
// table.
//
// The package-level functions send to gonb and fail with ErrNotNotebook in a
// program gonb did not start; New makes a Display that sends anywhere, which
// is how the package is tested.
//
// The line helpers (CumulativeLine, IndexLine, ReturnsLine,
// RollingVolatilityLine, ...) turn the frames of packages portfolio,
// benchmark and stats into the chart.Line and chart.MonthlyGrid values the
// charts take (rolling statistics computed by package stats). Statistics
// also sends each column's figures as StatsRecord and RelativeRecord lines
// in a MIME type no front end shows (MIMERecords), which the notebooks'
// checker compares with what the Go API returns.
package notebook
