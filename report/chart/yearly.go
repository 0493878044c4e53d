package chart

import (
	"errors"
	"fmt"
	"strconv"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Yearly is one series of YearlyReturns: a return (a fraction) per year,
// NaN for a year it has none.
type Yearly struct {
	Name    string
	Returns []float64
}

// YearlyReturns draws each series' calendar-year returns as bars, side by
// side per year (the portfolio first, then its benchmarks), in percent.
// Every series has one return per year; a NaN one draws no bar.
func YearlyReturns(title string, years []int, series ...Yearly) (*Plot, error) {
	var errs []error
	if len(years) == 0 || len(series) == 0 {
		errs = append(errs, fmt.Errorf("chart: yearly returns %q: no years or no series", title))
	}
	for _, s := range series {
		if len(s.Returns) != len(years) {
			errs = append(errs, fmt.Errorf("chart: yearly returns %q: series %q has %d returns for %d years", title, s.Name, len(s.Returns), len(years)))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	p := newPlot(title)
	names := make([]string, len(years))
	for i, y := range years {
		names[i] = strconv.Itoa(y)
	}
	p.NominalX(names...)
	p.Y.Tick.Marker = PercentTicks{}
	p.Add(newGrid(), zeroLine())
	width := pixels(640) / vg.Length(len(years)*(len(series)+1))
	legend := newLegendBox()
	for i, s := range series {
		v := make(plotter.Values, len(years))
		for j, r := range s.Returns {
			if finite(r) {
				v[j] = r * 100 // a missing year is a bar of height 0: none
			}
		}
		bars, err := plotter.NewBarChart(v, width)
		if err != nil {
			return nil, fmt.Errorf("chart: yearly returns %q: %w", title, err)
		}
		bars.Offset = width * (vg.Length(i) - vg.Length(len(series)-1)/2)
		bars.Color = lineColor(i)
		bars.LineStyle.Width = 0
		p.Add(bars)
		legend.add(s.Name, bars)
	}
	p.Add(legend)
	// each year's group spans one unit around it: the outer bars' offsets
	// are outside the years' own range
	p.X.Min, p.X.Max = -0.5, float64(len(years))-0.5
	if p.Y.Min < 0 {
		p.Y.Min -= (p.Y.Max - p.Y.Min) * 0.04
	}
	headroom(p, len(series))
	return p, nil
}

// YearlyAmounts draws one amount per year (such as the dividends received)
// as bars, in currency; a NaN amount draws no bar.
func YearlyAmounts(title, currency string, years []int, amounts []float64) (*Plot, error) {
	if len(years) == 0 || len(amounts) != len(years) {
		return nil, fmt.Errorf("chart: yearly amounts %q: %d amounts for %d years", title, len(amounts), len(years))
	}
	p := newPlot(title)
	names := make([]string, len(years))
	v := make(plotter.Values, len(years))
	for i, y := range years {
		names[i] = strconv.Itoa(y)
		if finite(amounts[i]) {
			v[i] = amounts[i]
		}
	}
	p.NominalX(names...)
	p.Y.Tick.Marker = MoneyTicks{}
	p.Y.Label.Text = currency
	p.Add(newGrid())
	bars, err := plotter.NewBarChart(v, pixels(640)/vg.Length(len(years))*0.6)
	if err != nil {
		return nil, fmt.Errorf("chart: yearly amounts %q: %w", title, err)
	}
	bars.Color = lineColor(2)
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.X.Min, p.X.Max = -0.5, float64(len(years))-0.5
	headroom(p, 0)
	return p, nil
}
