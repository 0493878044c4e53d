package chart

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Weight is one bar of Weights: a group's weight, a fraction of a total
// (0.25 is 25%; below 0 for borrowed cash), and its label as the page
// writes it, so that the image and the page show one number format.
type Weight struct {
	Name   string
	Weight float64
	Label  string
}

// Weights draws weights as horizontal bars in percent, in the order given,
// the first at the top, each labelled at its end (at 0 for a negative
// one). The caller orders them and sums the smallest into one when there
// are many: it draws every bar it is given. No weights, or a weight not
// finite, is an error.
func Weights(title string, weights []Weight) (*Plot, error) {
	var errs []error
	if len(weights) == 0 {
		errs = append(errs, fmt.Errorf("chart: weights %q: no weights", title))
	}
	for _, w := range weights {
		if !finite(w.Weight) {
			errs = append(errs, fmt.Errorf("chart: weights %q: %q has weight %v", title, w.Name, w.Weight))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	n := len(weights)
	values := make(plotter.Values, n)
	names := make([]string, n)
	labels := plotter.XYLabels{XYs: make(plotter.XYs, n), Labels: make([]string, n)}
	lo, hi := 0.0, 0.0
	for i, w := range weights {
		row := n - 1 - i // the first at the top
		values[row] = w.Weight * 100
		names[row] = w.Name
		labels.XYs[row] = plotter.XY{X: math.Max(values[row], 0), Y: float64(row)}
		labels.Labels[row] = " " + w.Label
		lo, hi = math.Min(lo, values[row]), math.Max(hi, values[row])
	}
	p := newPlot(title)
	p.Y.Tick.Label.Font.Size = vg.Points(math.Max(6, math.Min(9, 220/float64(n))))
	bars, err := plotter.NewBarChart(values, pixels(330)/vg.Length(n)*0.7)
	if err != nil {
		return nil, fmt.Errorf("chart: weights %q: %w", title, err)
	}
	bars.Horizontal = true
	bars.Color = lineColor(0)
	bars.LineStyle.Width = 0
	p.Add(newGrid(), bars)
	lb, err := plotter.NewLabels(labels)
	if err != nil {
		return nil, fmt.Errorf("chart: weights %q: %w", title, err)
	}
	for i := range lb.TextStyle {
		lb.TextStyle[i].Font.Size = vg.Points(7.5)
		lb.TextStyle[i].YAlign = draw.YCenter
	}
	p.Add(lb)
	p.NominalY(names...)
	p.X.Tick.Marker = PercentTicks{}
	// room for the last label to the right of the longest bar
	p.X.Min = lo * 1.05
	p.X.Max = math.Max(hi, 1) * 1.2
	return p, nil
}
