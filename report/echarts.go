package report

import (
	"math"
	"strconv"
	"time"

	"github.com/gofolio/gofolio/internal/echarts"
	"github.com/gofolio/gofolio/report/chart"
)

// The ECharts options are typed structs (package internal/echarts)
// marshalled with encoding/json. The page's script adds what JSON cannot
// carry (formatter functions) and the performance chart's rebased data.

// palette is chart.Palette as CSS colours, so both renderings agree.
var palette = echarts.HexColors(chart.Palette)

func ptr[T any](v T) *T { return &v }

// dateLabels writes dates as YYYY-MM-DD, the format the page's script
// parses into the time axis' values and the range presets' dates.
func dateLabels(dates []time.Time) []string {
	out := make([]string, len(dates))
	for i, d := range dates {
		out[i] = d.Format(time.DateOnly)
	}
	return out
}

// timeSeriesOption is a chart over the report's dates on a time axis, whose
// ticks fall on calendar boundaries (months, years) as the static charts'
// do. Its series carry values only, one per date: the page's script pairs
// them with the dates (sent once), so the JSON does not repeat the dates
// in every series. The script also fits the y-axis to the range shown
// (with headroom above the peaks) and drives every time chart's range from
// the presets. No series is sampled: a sampled series has no point at
// most dates, and an axis tooltip then leaves it out.
func timeSeriesOption(yFormatter string) echarts.Option {
	return echarts.Option{
		UseUTC:  true,
		Color:   palette,
		Grid:    echarts.Grid{Left: 12, Right: 28, Top: 40, Bottom: 64, ContainLabel: true},
		Legend:  &echarts.Legend{Top: 4, Type: "scroll"},
		Tooltip: echarts.Tooltip{Trigger: "axis", Confine: true},
		XAxis:   echarts.Axis{Type: "time", AxisLabel: &echarts.AxisLabel{HideOverlap: true}},
		YAxis:   echarts.Axis{Type: "value", Scale: true, AxisLabel: &echarts.AxisLabel{Formatter: yFormatter}},
		DataZoom: []echarts.DataZoom{
			{Type: "slider", FilterMode: "filter"},
			{Type: "inside", FilterMode: "filter"},
		},
	}
}

// performanceOption is the performance chart without data: the page's
// script fills each series with the lines rebased to the range shown.
func performanceOption(in *Input) echarts.Option {
	o := timeSeriesOption("{value}%")
	for i, l := range in.Lines {
		s := echarts.Series{Name: l.Name, Type: "line", Data: []echarts.Num{}, ShowSymbol: ptr(false)}
		if i == 0 {
			s.LineStyle = &echarts.LineStyle{Width: 2.5}
		} else {
			s.LineStyle = &echarts.LineStyle{Width: 1.5}
		}
		o.Series = append(o.Series, s)
	}
	return o
}

// performanceGrowth is each line's growth of 1, g[t] = 1 + v[t] (NaN as
// null), from which the page's script rebases every line to the first date
// s of the range shown: g[t] / g[s'] − 1, s' the line's first date with a
// value on or after s.
func performanceGrowth(lines []Line) [][]echarts.Num {
	out := make([][]echarts.Num, len(lines))
	for i, l := range lines {
		out[i] = make([]echarts.Num, len(l.Values))
		for t, v := range l.Values {
			out[i][t] = echarts.Num(1 + v)
		}
	}
	return out
}

func valueOption(in *Input) echarts.Option {
	o := timeSeriesOption("")
	o.Series = []echarts.Series{
		{Name: "Value", Type: "line", Data: echarts.Nums(in.Value, 1), ShowSymbol: ptr(false), AreaStyle: &echarts.AreaStyle{Opacity: 0.18}},
		{Name: "Net contributions", Type: "line", Data: echarts.Nums(in.Contributions, 1), ShowSymbol: ptr(false), Step: "end", LineStyle: &echarts.LineStyle{Type: "dashed"}},
	}
	o.Color = []string{palette[0], palette[5]}
	return o
}

func drawdownOption(in *Input) echarts.Option {
	o := timeSeriesOption("{value}%")
	o.Legend = nil
	o.Color = []string{palette[4]}
	o.Series = []echarts.Series{{Name: "Drawdown", Type: "line", Data: echarts.Nums(in.Drawdown, 100), ShowSymbol: ptr(false), AreaStyle: &echarts.AreaStyle{Opacity: 0.25}}}
	return o
}

// monthlyOption is a heatmap of years × months plus a Year column, coloured
// on two scales (months, years) from red through white to green.
func monthlyOption(in *Input) echarts.Option {
	years := make([]string, len(in.Monthly))
	var months, totals [][3]echarts.Num
	var maxMonth, maxYear float64
	for y, row := range in.Monthly {
		years[y] = strconv.Itoa(row.Year)
		for m, v := range row.Months {
			if known(v) {
				months = append(months, [3]echarts.Num{echarts.Num(m), echarts.Num(y), echarts.Num(math.Round(v*1e4) / 100)})
				maxMonth = math.Max(maxMonth, math.Abs(v*100))
			}
		}
		if known(row.Total) {
			totals = append(totals, [3]echarts.Num{12, echarts.Num(y), echarts.Num(math.Round(row.Total*1e4) / 100)})
			maxYear = math.Max(maxYear, math.Abs(row.Total*100))
		}
	}
	colors := echarts.Colors{Color: []string{"#d63a3a", "#ffffff", "#1e9e4a"}}
	label := &echarts.Label{Show: true, FontSize: 10}
	return echarts.Option{
		Grid:    echarts.Grid{Left: 12, Right: 12, Top: 12, Bottom: 12, ContainLabel: true},
		Tooltip: echarts.Tooltip{Trigger: "item", Confine: true},
		XAxis:   echarts.Axis{Type: "category", Data: []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Year"}, SplitArea: &echarts.Show{Show: true}},
		YAxis:   echarts.Axis{Type: "category", Data: years, Inverse: true, SplitArea: &echarts.Show{Show: true}},
		VisualMap: []echarts.VisualMap{
			{SeriesIndex: 0, Min: -nonZero(maxMonth), Max: nonZero(maxMonth), Dimension: 2, InRange: colors},
			{SeriesIndex: 1, Min: -nonZero(maxYear), Max: nonZero(maxYear), Dimension: 2, InRange: colors},
		},
		Series: []echarts.Series{
			{Name: "Month", Type: "heatmap", Data: months, Label: label},
			{Name: "Year", Type: "heatmap", Data: totals, Label: label},
		},
	}
}

func nonZero(v float64) float64 {
	if v == 0 {
		return 1
	}
	return v
}

// groupedBarsOption is the layout of bars grouped by category, labels on
// the X axis and yAxis the values' axis, a series per legend entry
// (Series left to the caller); gridRight is the right margin in pixels.
func groupedBarsOption(labels []string, gridRight int, yAxis echarts.Axis) echarts.Option {
	return echarts.Option{
		Color:   palette,
		Grid:    echarts.Grid{Left: 12, Right: gridRight, Top: 40, Bottom: 12, ContainLabel: true},
		Legend:  &echarts.Legend{Top: 4, Type: "scroll"},
		Tooltip: echarts.Tooltip{Trigger: "axis", Confine: true},
		XAxis:   echarts.Axis{Type: "category", Data: labels},
		YAxis:   yAxis,
	}
}

// yearLabels writes years as the X axis' labels.
func yearLabels(years []int) []string {
	labels := make([]string, len(years))
	for i, y := range years {
		labels[i] = strconv.Itoa(y)
	}
	return labels
}

// yearlyOption is bars of each series' calendar-year returns in percent,
// side by side per year.
func yearlyOption(in *Input) echarts.Option {
	o := groupedBarsOption(yearLabels(in.YearlyYears), 12, echarts.Axis{Type: "value", AxisLabel: &echarts.AxisLabel{Formatter: "{value}%"}})
	for _, s := range in.Yearly {
		o.Series = append(o.Series, echarts.Series{Name: s.Name, Type: "bar", Data: echarts.Nums(s.Returns, 100)})
	}
	return o
}

// dividendsOption is bars of the dividends received each year.
func dividendsOption(in *Input) echarts.Option {
	years := yearLabels(in.DividendYears)
	return echarts.Option{
		Color:   []string{palette[2]},
		Grid:    echarts.Grid{Left: 12, Right: 12, Top: 16, Bottom: 12, ContainLabel: true},
		Tooltip: echarts.Tooltip{Trigger: "axis", Confine: true},
		XAxis:   echarts.Axis{Type: "category", Data: years},
		YAxis:   echarts.Axis{Type: "value"},
		Series:  []echarts.Series{{Name: "Dividends", Type: "bar", Data: echarts.Nums(in.Dividends, 1), BarWidth: "60%"}},
	}
}

// rollingOption is the rolling volatility lines in percent on the time
// axis.
func rollingOption(in *Input) echarts.Option {
	o := timeSeriesOption("{value}%")
	for _, l := range in.RollingVolatility {
		o.Series = append(o.Series, echarts.Series{Name: l.Name, Type: "line", Data: echarts.Nums(l.Values, 100), ShowSymbol: ptr(false)})
	}
	return o
}
