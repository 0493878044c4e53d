package chart

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PerformanceLog draws each line's growth of 1, 1 + Values[t] (Values are
// cumulative returns, fractions, as for Performance), on a logarithmic
// y-axis (gonum/plot's LogScale): equal distances are equal ratios, so a
// doubling reads the same in 1995 as in 2025 and a long history is not
// flattened at its start. A return cannot go on a log axis (it is 0 or
// negative), its growth can. A return of −100% or less is an error (its
// growth is not positive).
func PerformanceLog(title string, lines ...Line) (*Plot, error) {
	if err := check("performance (log scale)", lines); err != nil {
		return nil, err
	}
	growth := make([]Line, len(lines))
	var errs []error
	for i, l := range lines {
		g := Line{Name: l.Name, Dates: l.Dates, Values: make([]float64, len(l.Values))}
		for t, v := range l.Values {
			g.Values[t] = 1 + v
			if finite(v) && v <= -1 {
				errs = append(errs, fmt.Errorf("chart: performance (log scale): line %q: return %v on %s: a growth of %v has no logarithm",
					l.Name, v, l.Dates[t].Format("2006-01-02"), 1+v))
				break
			}
		}
		growth[i] = g
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	p := newLinesPlot(title, lines)
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = GrowthTicks{}
	p.Y.Label.Text = "Growth of 1 (log scale)"
	p.Add(newGrid(), hline{y: 1, style: draw.LineStyle{Color: zeroColor, Width: vg.Points(0.8)}})
	if err := addLines(p, growth, 1); err != nil {
		return nil, err
	}
	// headroom for the legend, as a share of the axis' span in logarithms
	lo, hi := math.Log(p.Y.Min), math.Log(p.Y.Max)
	p.Y.Max = math.Exp(hi + (hi-lo)*(0.06+0.045*float64(len(lines))))
	return p, nil
}

// GrowthTicks is a plot.Ticker for a logarithmic axis of growth (1 is the
// start, 2 a doubling): labels at 1, 2 and 5 times the powers of ten in the
// range when there are at least three of them (a span of more than about a
// factor of 5), and otherwise niceTicks' evenly spaced round values, as a
// narrow log axis is nearly linear.
type GrowthTicks struct{}

var _ plot.Ticker = GrowthTicks{}

// Ticks implements plot.Ticker.
func (GrowthTicks) Ticks(min, max float64) []plot.Tick {
	if !(min > 0) || !(max > min) || !finite(max) {
		return nil
	}
	var ticks []plot.Tick
	for e := math.Floor(math.Log10(min)); math.Pow(10, e) <= max; e++ {
		for _, m := range []float64{1, 2, 5} {
			if v := m * math.Pow(10, e); v >= min && v <= max {
				ticks = append(ticks, plot.Tick{Value: v, Label: trimFloat(v)})
			}
		}
	}
	if len(ticks) >= 3 {
		return ticks
	}
	return niceTicks(min, max)
}
