package chart

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MonthlyGrid is a table of returns by year and month, as fractions
// (0.012 is +1.2%). Months[i][m] is the return of month m+1 of Years[i], NaN
// when the portfolio did not exist for that whole month... or at all;
// YearTotal[i] is the return of the year (NaN when unknown).
type MonthlyGrid struct {
	Years     []int
	Months    [][12]float64
	YearTotal []float64
}

func (g MonthlyGrid) check() error {
	var errs []error
	if len(g.Years) == 0 {
		errs = append(errs, errors.New("chart: monthly grid: no years"))
	}
	if len(g.Months) != len(g.Years) {
		errs = append(errs, fmt.Errorf("chart: monthly grid: %d rows of months for %d years", len(g.Months), len(g.Years)))
	}
	if len(g.YearTotal) != len(g.Years) {
		errs = append(errs, fmt.Errorf("chart: monthly grid: %d yearly totals for %d years", len(g.YearTotal), len(g.Years)))
	}
	return errors.Join(errs...)
}

// monthNames label the heatmap's columns; the 13th is the yearly total.
var monthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Year"}

// MonthlyHeatmap draws the grid as coloured cells with their percentages,
// one row per year (earliest at the top), a column per month and a last
// column for the year. Gains are green and losses red, deeper the larger
// they are relative to the largest monthly (or, for the last column,
// yearly) move in the grid.
func MonthlyHeatmap(title string, g MonthlyGrid) (*Plot, error) {
	if err := g.check(); err != nil {
		return nil, err
	}
	p := newPlot(title)
	p.NominalX(monthNames...)
	years := make([]string, len(g.Years))
	for i, y := range g.Years {
		years[len(g.Years)-1-i] = strconv.Itoa(y)
	}
	p.NominalY(years...)
	p.X.Tick.Label.Font.Size = vg.Points(9)
	p.Add(&heatCells{grid: g})
	return p, nil
}

type heatCells struct{ grid MonthlyGrid }

func (h *heatCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, 12.5, -0.5, float64(len(h.grid.Years)) - 0.5
}

func (h *heatCells) Plot(c draw.Canvas, p *plot.Plot) {
	var maxMonth, maxYear float64
	for i := range h.grid.Years {
		for _, v := range h.grid.Months[i] {
			if finite(v) {
				maxMonth = math.Max(maxMonth, math.Abs(v))
			}
		}
		if v := h.grid.YearTotal[i]; finite(v) {
			maxYear = math.Max(maxYear, math.Abs(v))
		}
	}
	tx, ty := p.Transforms(&c)
	sty := text.Style{
		Color:   color.Black,
		Font:    p.X.Tick.Label.Font,
		XAlign:  draw.XCenter,
		YAlign:  draw.YCenter,
		Handler: p.X.Tick.Label.Handler,
	}
	sty.Font.Size = vg.Points(7.5)
	n := len(h.grid.Years)
	for i := range h.grid.Years {
		row := float64(n - 1 - i)
		for m := 0; m < 13; m++ {
			v, scale := h.grid.YearTotal[i], maxYear
			if m < 12 {
				v, scale = h.grid.Months[i][m], maxMonth
			}
			x0, x1 := tx(float64(m)-0.48), tx(float64(m)+0.48)
			y0, y1 := ty(row-0.46), ty(row+0.46)
			cell := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(heatColor(v, scale), cell)
			if finite(v) {
				c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, percent1(v))
			}
		}
	}
}

// heatColor is white for 0 and shades toward green (gains) or red (losses)
// in proportion to |v|/scale; light grey for a missing value.
func heatColor(v, scale float64) color.Color {
	if !finite(v) {
		return color.Gray{Y: 0xf0}
	}
	t := 0.0
	if scale > 0 {
		t = math.Min(math.Abs(v)/scale, 1)
	}
	target := [3]float64{0x1e, 0x9e, 0x4a} // green
	if v < 0 {
		target = [3]float64{0xd6, 0x3a, 0x3a} // red
	}
	mix := func(to float64) uint8 { return uint8(math.Round(255 + (to-255)*0.85*t)) }
	return color.RGBA{R: mix(target[0]), G: mix(target[1]), B: mix(target[2]), A: 0xff}
}

// Slice is one part of an allocation: a holding or a currency and its value.
type Slice struct {
	Name  string
	Value float64
}

// maxBars is the number of bars Allocation draws; smaller slices are summed
// into one "Other" bar.
const maxBars = 25

// Allocation draws each slice's weight, Value / Σ Value, in percent as
// horizontal bars, largest at the top. Slices with a negative or non-finite
// value are an error (a short position has no weight in this sense).
func Allocation(title string, slices []Slice) (*Plot, error) {
	var errs []error
	var total float64
	if len(slices) == 0 {
		errs = append(errs, fmt.Errorf("chart: allocation %q: no slices", title))
	}
	for _, s := range slices {
		if !finite(s.Value) || s.Value < 0 {
			errs = append(errs, fmt.Errorf("chart: allocation %q: slice %q has value %v", title, s.Name, s.Value))
			continue
		}
		total += s.Value
	}
	if len(errs) == 0 && total <= 0 {
		errs = append(errs, fmt.Errorf("chart: allocation %q: total value is 0", title))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sorted := append([]Slice(nil), slices...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Value > sorted[j].Value })
	if len(sorted) > maxBars {
		other := Slice{Name: fmt.Sprintf("Other (%d)", len(sorted)-maxBars+1)}
		for _, s := range sorted[maxBars-1:] {
			other.Value += s.Value
		}
		sorted = append(sorted[:maxBars-1], other)
	}
	weights := make([]Weight, len(sorted))
	for i, s := range sorted {
		w := s.Value / total
		weights[i] = Weight{Name: s.Name, Weight: w, Label: percent1(w) + "%"}
	}
	return Weights(title, weights)
}

// RollingVolatility draws lines of annualised volatility, fractions (0.15
// is 15%, as stats.RollingVolatility computes them from daily returns), in
// percent from 0 up; NaN (before a line's first full window) leaves a gap.
func RollingVolatility(title string, lines ...Line) (*Plot, error) {
	if err := check("rolling volatility", lines); err != nil {
		return nil, err
	}
	p := newLinesPlot(title, lines)
	p.Y.Tick.Marker = PercentTicks{}
	p.Y.Min = 0
	p.Add(newGrid())
	if err := addLines(p, lines, 100); err != nil {
		return nil, err
	}
	return p, nil
}

// percent1 writes a fraction as a percentage with one decimal, without the
// "-0.0" that rounding a tiny loss would give.
func percent1(v float64) string {
	s := strconv.FormatFloat(v*100, 'f', 1, 64)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}
