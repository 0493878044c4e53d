package echarts

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
)

// Num is a number in chart JSON: NaN and infinities are written as null
// (a gap in ECharts), others with at most 7 significant digits.
type Num float64

// MarshalJSON implements json.Marshaler.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', 7, 64), nil
}

// Nums is v, each value multiplied by scale, as chart numbers.
func Nums(v []float64, scale float64) []Num {
	out := make([]Num, len(v))
	for i, x := range v {
		out[i] = Num(x * scale)
	}
	return out
}

// HexColors writes colours as CSS hex colours (#rrggbb), for Option.Color;
// alpha is dropped.
func HexColors(cs []color.Color) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		r, g, b, _ := c.RGBA()
		out[i] = fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
	}
	return out
}

// Option is a chart's option, the argument of setOption.
type Option struct {
	Animation bool        `json:"animation"`
	UseUTC    bool        `json:"useUTC,omitempty"`
	Color     []string    `json:"color,omitempty"`
	Title     *Title      `json:"title,omitempty"`
	Grid      Grid        `json:"grid"`
	Legend    *Legend     `json:"legend,omitempty"`
	Tooltip   Tooltip     `json:"tooltip"`
	XAxis     Axis        `json:"xAxis"`
	YAxis     Axis        `json:"yAxis"`
	DataZoom  []DataZoom  `json:"dataZoom,omitempty"`
	VisualMap []VisualMap `json:"visualMap,omitempty"`
	Series    []Series    `json:"series"`
}

// Title is the chart's title.
type Title struct {
	Text string `json:"text"`
	Left string `json:"left"`
}

// Grid is the plot area's margins.
type Grid struct {
	Left         int  `json:"left"`
	Right        int  `json:"right"`
	Top          int  `json:"top"`
	Bottom       int  `json:"bottom"`
	ContainLabel bool `json:"containLabel"`
}

type Legend struct {
	Top  int    `json:"top"`
	Type string `json:"type,omitempty"`
}

// Tooltip is the chart's tooltip. Confine keeps it inside the chart, so
// that on a narrow screen it is not cut at the window's edge.
type Tooltip struct {
	Trigger string `json:"trigger"`
	Confine bool   `json:"confine,omitempty"`
}

// Axis is xAxis or yAxis.
type Axis struct {
	Type        string     `json:"type"`
	Data        []string   `json:"data,omitempty"`
	BoundaryGap *bool      `json:"boundaryGap,omitempty"`
	Scale       bool       `json:"scale,omitempty"`
	Max         *float64   `json:"max,omitempty"`
	Min         *float64   `json:"min,omitempty"`
	Inverse     bool       `json:"inverse,omitempty"`
	AxisLabel   *AxisLabel `json:"axisLabel,omitempty"`
	SplitArea   *Show      `json:"splitArea,omitempty"`
}

type AxisLabel struct {
	Formatter   string `json:"formatter,omitempty"`
	Interval    *int   `json:"interval,omitempty"`
	HideOverlap bool   `json:"hideOverlap,omitempty"`
}

// Show switches a component on or off.
type Show struct {
	Show bool `json:"show"`
}

type DataZoom struct {
	Type       string `json:"type"`
	FilterMode string `json:"filterMode,omitempty"`
	StartValue *int   `json:"startValue,omitempty"`
	EndValue   *int   `json:"endValue,omitempty"`
}

type VisualMap struct {
	Show        bool    `json:"show"`
	SeriesIndex int     `json:"seriesIndex"`
	Min         float64 `json:"min"`
	Max         float64 `json:"max"`
	Dimension   int     `json:"dimension"`
	InRange     Colors  `json:"inRange"`
}

// Colors is a visual map's colour range.
type Colors struct {
	Color []string `json:"color"`
}

// Series is one series; Data is whatever JSON the series type takes, such as
// []Num for a category-axis line or [][3]Num for a heatmap.
type Series struct {
	Name       string     `json:"name"`
	Type       string     `json:"type"`
	Data       any        `json:"data"`
	ShowSymbol *bool      `json:"showSymbol,omitempty"`
	Step       string     `json:"step,omitempty"`
	Sampling   string     `json:"sampling,omitempty"`
	AreaStyle  *AreaStyle `json:"areaStyle,omitempty"`
	LineStyle  *LineStyle `json:"lineStyle,omitempty"`
	Label      *Label     `json:"label,omitempty"`
	BarWidth   string     `json:"barMaxWidth,omitempty"`
}

type AreaStyle struct {
	Opacity float64 `json:"opacity"`
}

type LineStyle struct {
	Width float64 `json:"width,omitempty"`
	Type  string  `json:"type,omitempty"`
}

type Label struct {
	Show      bool   `json:"show"`
	Position  string `json:"position,omitempty"`
	Formatter string `json:"formatter,omitempty"`
	FontSize  int    `json:"fontSize,omitempty"`
}
