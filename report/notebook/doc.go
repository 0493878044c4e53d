// Package notebook shows gofolio's charts and tables in a Jupyter notebook run
// by the Go kernel gonb (github.com/janpfeifer/gonb), so that each notebook
// cell is one call per chart or table:
//
//	must.M(notebook.Chart(chart.Drawdown("Drawdown", notebook.DrawdownLine("Portfolio", perf))))
//	must.M(notebook.Interactive("Performance", lines...))
//	must.M(notebook.Frame(dataframe.Performance(result.Performance), 10))
//
// Chart sends a gonum/plot plot (package report/chart) as a real
// image/svg+xml output, not the text/html wrapper gonbui.DisplaySVG emits, so
// the image survives conversion and is recognised as an image by any viewer.
// Interactive sends an Apache ECharts chart as text/html, with the same chart
// drawn as a static SVG inside it until ECharts has loaded (and for viewers
// that run no script), and as an image/svg+xml alternative in the same output.
// Frame and Statistics send tables as text/html with a text/plain alternative.
//
// The package-level functions send to gonb and fail with ErrNotNotebook in a
// program gonb did not start; New makes a Display that sends anywhere, which
// is how the package is tested.
//
// The line helpers (CumulativeLine, IndexLine, ReturnsLine,
// RollingVolatilityLine, ...) turn the frames of packages portfolio,
// benchmark and stats into the chart.Line and chart.MonthlyGrid values the
// charts take (rolling statistics computed by package stats), and StatsRecord prints the
// statistics as one machine-readable line, which the notebooks' checker
// compares with what the Go API returns.
package notebook
