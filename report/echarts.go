package report

import (
	"math"
	"strconv"
	"time"
)

// The ECharts options are small typed structs marshalled with encoding/json:
// only the fields gofolio sets, so the JSON embedded in the page stays small
// and readable. The page's script adds what JSON cannot carry (formatter
// functions) and the performance chart's rebased data.

// num is a number in chart JSON: NaN and infinities are written as null
// (a gap in ECharts), others with at most 7 significant digits.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if !known(f) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', 7, 64), nil
}

func nums(v []float64, scale float64) []num {
	out := make([]num, len(v))
	for i, x := range v {
		out[i] = num(x * scale)
	}
	return out
}

type ecOption struct {
	Animation bool          `json:"animation"`
	Color     []string      `json:"color,omitempty"`
	Grid      ecGrid        `json:"grid"`
	Legend    *ecLegend     `json:"legend,omitempty"`
	Tooltip   ecTooltip     `json:"tooltip"`
	XAxis     ecAxis        `json:"xAxis"`
	YAxis     ecAxis        `json:"yAxis"`
	DataZoom  []ecDataZoom  `json:"dataZoom,omitempty"`
	VisualMap []ecVisualMap `json:"visualMap,omitempty"`
	Series    []ecSeries    `json:"series"`
}

type ecGrid struct {
	Left         int  `json:"left"`
	Right        int  `json:"right"`
	Top          int  `json:"top"`
	Bottom       int  `json:"bottom"`
	ContainLabel bool `json:"containLabel"`
}

type ecLegend struct {
	Top  int    `json:"top"`
	Type string `json:"type,omitempty"`
}

type ecTooltip struct {
	Trigger string `json:"trigger"`
}

type ecAxis struct {
	Type        string       `json:"type"`
	Data        []string     `json:"data,omitempty"`
	BoundaryGap *bool        `json:"boundaryGap,omitempty"`
	Scale       bool         `json:"scale,omitempty"`
	Max         *float64     `json:"max,omitempty"`
	Min         *float64     `json:"min,omitempty"`
	Inverse     bool         `json:"inverse,omitempty"`
	AxisLabel   *ecAxisLabel `json:"axisLabel,omitempty"`
	SplitArea   *ecShow      `json:"splitArea,omitempty"`
}

type ecAxisLabel struct {
	Formatter string `json:"formatter,omitempty"`
	Interval  *int   `json:"interval,omitempty"`
}

type ecShow struct {
	Show bool `json:"show"`
}

type ecDataZoom struct {
	Type       string `json:"type"`
	StartValue *int   `json:"startValue,omitempty"`
	EndValue   *int   `json:"endValue,omitempty"`
}

type ecVisualMap struct {
	Show        bool     `json:"show"`
	SeriesIndex int      `json:"seriesIndex"`
	Min         float64  `json:"min"`
	Max         float64  `json:"max"`
	Dimension   int      `json:"dimension"`
	InRange     ecColors `json:"inRange"`
}

type ecColors struct {
	Color []string `json:"color"`
}

type ecSeries struct {
	Name       string       `json:"name"`
	Type       string       `json:"type"`
	Data       any          `json:"data"`
	ShowSymbol *bool        `json:"showSymbol,omitempty"`
	Step       string       `json:"step,omitempty"`
	Sampling   string       `json:"sampling,omitempty"`
	AreaStyle  *ecAreaStyle `json:"areaStyle,omitempty"`
	LineStyle  *ecLineStyle `json:"lineStyle,omitempty"`
	Label      *ecLabel     `json:"label,omitempty"`
	BarWidth   string       `json:"barMaxWidth,omitempty"`
}

type ecAreaStyle struct {
	Opacity float64 `json:"opacity"`
}

type ecLineStyle struct {
	Width float64 `json:"width,omitempty"`
	Type  string  `json:"type,omitempty"`
}

type ecLabel struct {
	Show      bool   `json:"show"`
	Position  string `json:"position,omitempty"`
	Formatter string `json:"formatter,omitempty"`
	FontSize  int    `json:"fontSize,omitempty"`
}

// palette matches report/chart.Palette so both renderings agree.
var palette = []string{"#1a56db", "#e8710a", "#0e9f6e", "#9b1c9c", "#c81e1e", "#6b7280", "#8c6d1f", "#0694a2"}

func ptr[T any](v T) *T { return &v }

// dateLabels writes dates as YYYY-MM-DD, the category axis' labels and the
// format the page's script parses for the range presets.
func dateLabels(dates []time.Time) []string {
	out := make([]string, len(dates))
	for i, d := range dates {
		out[i] = d.Format(time.DateOnly)
	}
	return out
}

func timeSeriesOption(dates []string, yFormatter string) ecOption {
	return ecOption{
		Color:   palette,
		Grid:    ecGrid{Left: 12, Right: 24, Top: 40, Bottom: 64, ContainLabel: true},
		Legend:  &ecLegend{Top: 4, Type: "scroll"},
		Tooltip: ecTooltip{Trigger: "axis"},
		XAxis:   ecAxis{Type: "category", Data: dates, BoundaryGap: ptr(false)},
		YAxis:   ecAxis{Type: "value", Scale: true, AxisLabel: &ecAxisLabel{Formatter: yFormatter}},
		DataZoom: []ecDataZoom{
			{Type: "slider"},
			{Type: "inside"},
		},
	}
}

// performanceOption is the performance chart without data: the page's
// script fills each series with the lines rebased to the range shown.
func performanceOption(in *Input, dates []string) ecOption {
	o := timeSeriesOption(dates, "{value}%")
	for i, l := range in.Lines {
		s := ecSeries{Name: l.Name, Type: "line", Data: []num{}, ShowSymbol: ptr(false), Sampling: "lttb"}
		if i == 0 {
			s.LineStyle = &ecLineStyle{Width: 2.5}
		} else {
			s.LineStyle = &ecLineStyle{Width: 1.5}
		}
		o.Series = append(o.Series, s)
	}
	return o
}

func valueOption(in *Input, dates []string) ecOption {
	o := timeSeriesOption(dates, "")
	o.YAxis.Scale = false
	o.Series = []ecSeries{
		{Name: "Value", Type: "line", Data: nums(in.Value, 1), ShowSymbol: ptr(false), Sampling: "lttb", AreaStyle: &ecAreaStyle{Opacity: 0.18}},
		{Name: "Net contributions", Type: "line", Data: nums(in.Contributions, 1), ShowSymbol: ptr(false), Step: "end", LineStyle: &ecLineStyle{Type: "dashed"}},
	}
	o.Color = []string{palette[0], palette[5]}
	return o
}

func drawdownOption(in *Input, dates []string) ecOption {
	o := timeSeriesOption(dates, "{value}%")
	o.YAxis.Scale = false
	o.YAxis.Max = ptr(0.0)
	o.Legend = nil
	o.Color = []string{palette[4]}
	o.Series = []ecSeries{{Name: "Drawdown", Type: "line", Data: nums(in.Drawdown, 100), ShowSymbol: ptr(false), Sampling: "lttb", AreaStyle: &ecAreaStyle{Opacity: 0.25}}}
	return o
}

// monthlyOption is a heatmap of years × months plus a Year column, coloured
// on two scales (months, years) from red through white to green.
func monthlyOption(in *Input) ecOption {
	years := make([]string, len(in.Monthly))
	var months, totals [][3]num
	var maxMonth, maxYear float64
	for y, row := range in.Monthly {
		years[y] = strconv.Itoa(row.Year)
		for m, v := range row.Months {
			if known(v) {
				months = append(months, [3]num{num(m), num(y), num(math.Round(v*1e4) / 100)})
				maxMonth = math.Max(maxMonth, math.Abs(v*100))
			}
		}
		if known(row.Total) {
			totals = append(totals, [3]num{12, num(y), num(math.Round(row.Total*1e4) / 100)})
			maxYear = math.Max(maxYear, math.Abs(row.Total*100))
		}
	}
	colors := ecColors{Color: []string{"#d63a3a", "#ffffff", "#1e9e4a"}}
	label := &ecLabel{Show: true, FontSize: 10}
	return ecOption{
		Grid:    ecGrid{Left: 12, Right: 12, Top: 12, Bottom: 12, ContainLabel: true},
		Tooltip: ecTooltip{Trigger: "item"},
		XAxis:   ecAxis{Type: "category", Data: []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Year"}, SplitArea: &ecShow{Show: true}},
		YAxis:   ecAxis{Type: "category", Data: years, Inverse: true, SplitArea: &ecShow{Show: true}},
		VisualMap: []ecVisualMap{
			{SeriesIndex: 0, Min: -nonZero(maxMonth), Max: nonZero(maxMonth), Dimension: 2, InRange: colors},
			{SeriesIndex: 1, Min: -nonZero(maxYear), Max: nonZero(maxYear), Dimension: 2, InRange: colors},
		},
		Series: []ecSeries{
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

// allocationOption is horizontal bars of each slice's weight in percent,
// largest at the top.
func allocationOption(slices []weighted) ecOption {
	names := make([]string, len(slices))
	weights := make([]num, len(slices))
	for i, s := range slices {
		names[i] = s.Name
		weights[i] = num(math.Round(s.Weight*1e4) / 100)
	}
	return ecOption{
		Color:   []string{palette[0]},
		Grid:    ecGrid{Left: 12, Right: 48, Top: 12, Bottom: 12, ContainLabel: true},
		Tooltip: ecTooltip{Trigger: "axis"},
		XAxis:   ecAxis{Type: "value", AxisLabel: &ecAxisLabel{Formatter: "{value}%"}},
		YAxis:   ecAxis{Type: "category", Data: names, Inverse: true, AxisLabel: &ecAxisLabel{Interval: ptr(0)}},
		Series: []ecSeries{{Name: "Weight", Type: "bar", Data: weights, BarWidth: "60%",
			Label: &ecLabel{Show: true, Position: "right", Formatter: "{c}%", FontSize: 10}}},
	}
}
