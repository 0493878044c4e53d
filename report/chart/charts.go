package chart

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Line is a named series on dates, the one line type of every gofolio
// chart: the static drawings here, the HTML report's interactive ECharts
// charts (package report) and the notebooks'. Values[i] belongs to
// Dates[i]; NaN marks a date without a value (before a benchmark's history
// starts, say) and leaves a gap in the drawn line.
//
// Returns, drawdowns and volatilities are fractions (0.25 is +25%), the
// unit of packages portfolio, stats and benchmark; the charts show them in
// percent. A performance line's Values are cumulative returns: the growth
// of 1 is 1 + Values[i].
type Line struct {
	Name   string
	Dates  []time.Time
	Values []float64
}

// maxPoints bounds the points drawn per line: more than the pixels across
// the data area only adds file size (see decimate).
const maxPoints = 1200

// check reports every problem with lines at once: a line without dates,
// values not matching dates, dates not ascending.
func check(what string, lines []Line) error {
	var errs []error
	if len(lines) == 0 {
		errs = append(errs, fmt.Errorf("chart: %s: no lines", what))
	}
	for i, l := range lines {
		name := fmt.Sprintf("chart: %s: line %d (%q)", what, i, l.Name)
		switch {
		case len(l.Dates) == 0:
			errs = append(errs, fmt.Errorf("%s: no dates", name))
		case len(l.Values) != len(l.Dates):
			errs = append(errs, fmt.Errorf("%s: %d values for %d dates", name, len(l.Values), len(l.Dates)))
		}
		for j := 1; j < len(l.Dates); j++ {
			if !l.Dates[j].After(l.Dates[j-1]) {
				errs = append(errs, fmt.Errorf("%s: date %d (%s) not after %s", name, j, l.Dates[j].Format(time.DateOnly), l.Dates[j-1].Format(time.DateOnly)))
				break
			}
		}
	}
	return errors.Join(errs...)
}

// span is the first and last date over all lines.
func span(lines []Line) (first, last time.Time) {
	for i, l := range lines {
		if i == 0 || l.Dates[0].Before(first) {
			first = l.Dates[0]
		}
		if end := l.Dates[len(l.Dates)-1]; i == 0 || end.After(last) {
			last = end
		}
	}
	return first, last
}

// segments splits a line into runs of finite values, scaled by scale, as
// plot points (x in Unix seconds), each run decimated to at most maxPoints.
func segments(l Line, scale float64) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for i, v := range l.Values {
		if !finite(v) {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: TimeValue(l.Dates[i]), Y: v * scale})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	for i := range out {
		out[i] = decimate(out[i], maxPoints)
	}
	return out
}

// decimate keeps at most about n points of xy: it splits xy into n/2
// buckets and keeps each bucket's lowest and highest point in date order,
// so peaks and troughs survive; the first and last points are always kept.
func decimate(xy plotter.XYs, n int) plotter.XYs {
	if len(xy) <= n || n < 4 {
		return xy
	}
	buckets := n / 2
	out := make(plotter.XYs, 0, n+2)
	out = append(out, xy[0])
	for b := 0; b < buckets; b++ {
		lo := 1 + b*(len(xy)-2)/buckets
		hi := 1 + (b+1)*(len(xy)-2)/buckets
		if lo >= hi {
			continue
		}
		iMin, iMax := lo, lo
		for i := lo; i < hi; i++ {
			if xy[i].Y < xy[iMin].Y {
				iMin = i
			}
			if xy[i].Y > xy[iMax].Y {
				iMax = i
			}
		}
		if iMin > iMax {
			iMin, iMax = iMax, iMin
		}
		out = append(out, xy[iMin])
		if iMax != iMin {
			out = append(out, xy[iMax])
		}
	}
	return append(out, xy[len(xy)-1])
}

// addLines draws each line in its palette colour and lists it in a legend
// with a background.
func addLines(p *plot.Plot, lines []Line, scale float64) error {
	legend := newLegendBox()
	for i, l := range lines {
		sty := draw.LineStyle{Color: lineColor(i), Width: vg.Points(1.2)}
		if i == 0 {
			sty.Width = vg.Points(1.8)
		}
		var first *plotter.Line
		for _, xy := range segments(l, scale) {
			pl, err := plotter.NewLine(xy)
			if err != nil {
				return fmt.Errorf("chart: line %q: %w", l.Name, err)
			}
			pl.LineStyle = sty
			p.Add(pl)
			if first == nil {
				first = pl
			}
		}
		if first != nil {
			legend.add(l.Name, first)
		}
	}
	p.Add(legend)
	return nil
}

// Performance draws each line's cumulative return in percent; Values are
// fractions (0.25 is +25%). The first line is the portfolio and is drawn
// thicker.
func Performance(title string, lines ...Line) (*Plot, error) {
	if err := check("performance", lines); err != nil {
		return nil, err
	}
	p := newLinesPlot(title, lines)
	p.Y.Tick.Marker = PercentTicks{}
	p.Add(newGrid(), zeroLine())
	if err := addLines(p, lines, 100); err != nil {
		return nil, err
	}
	headroom(p, len(lines))
	return p, nil
}

// headroom raises the top of p's y-axis above the highest point by 6 % of
// the axis' span plus 4.5 % per legend entry, so that the peaks do not
// touch the frame and the legend box, at the top left, sits above the data
// rather than over it. Call it after adding the data.
func headroom(p *plot.Plot, legendEntries int) {
	p.Y.Max += (p.Y.Max - p.Y.Min) * (0.06 + 0.045*float64(legendEntries))
}

// zeroLine marks y = 0.
func zeroLine() plot.Plotter {
	return hline{y: 0, style: draw.LineStyle{Color: zeroColor, Width: vg.Points(0.8)}}
}

type hline struct {
	y     float64
	style draw.LineStyle
}

func (h hline) Plot(c draw.Canvas, p *plot.Plot) {
	if h.y < p.Y.Min || h.y > p.Y.Max {
		return
	}
	_, ty := p.Transforms(&c)
	y := ty(h.y)
	c.StrokeLine2(h.style, c.Min.X, y, c.Max.X, y)
}

// newGrid is a light grid behind the data.
func newGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color, g.Horizontal.Color = gridColor, gridColor
	g.Vertical.Width, g.Horizontal.Width = vg.Points(0.5), vg.Points(0.5)
	return g
}

// ValueVsContributions draws the portfolio's value, filled, over its net
// contributions (cumulative deposits less withdrawals) drawn as steps; the
// gap between them is the profit or loss.
func ValueVsContributions(title, currency string, dates []time.Time, value, contributions []float64) (*Plot, error) {
	lines := []Line{{Name: "Value", Dates: dates, Values: value}, {Name: "Net contributions", Dates: dates, Values: contributions}}
	if err := check("value vs contributions", lines); err != nil {
		return nil, err
	}
	p := newPlot(title)
	dateAxis(p, dates[0], dates[len(dates)-1])
	p.Y.Tick.Marker = MoneyTicks{}
	p.Y.Label.Text = currency
	p.Y.Min = 0
	p.Add(newGrid())
	legend := newLegendBox()
	for i, l := range lines {
		for j, xy := range segments(l, 1) {
			pl, err := plotter.NewLine(xy)
			if err != nil {
				return nil, fmt.Errorf("chart: %s: %w", l.Name, err)
			}
			pl.LineStyle = draw.LineStyle{Color: lineColor(i * 5), Width: vg.Points(1.5)}
			if i == 0 {
				pl.FillColor = color.NRGBA{R: 0x1a, G: 0x56, B: 0xdb, A: 0x30}
			} else {
				pl.StepStyle = plotter.PreStep
				pl.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
			}
			p.Add(pl)
			if j == 0 {
				legend.add(l.Name, pl)
			}
		}
	}
	p.Add(legend)
	headroom(p, len(lines))
	return p, nil
}

// Drawdown draws the line's values (fractions ≤ 0, as in
// portfolio.Performance.Drawdown) in percent, filled from 0 down to the
// line: how far below its running peak the portfolio was on each day.
func Drawdown(title string, line Line) (*Plot, error) {
	if err := check("drawdown", []Line{line}); err != nil {
		return nil, err
	}
	p := newPlot(title)
	dateAxis(p, line.Dates[0], line.Dates[len(line.Dates)-1])
	p.Y.Tick.Marker = PercentTicks{}
	p.Y.Max = 0
	p.Add(newGrid())
	red := lineColor(4)
	// No legend: the title names the one series, and a legend box at the
	// top left would cover the data, which starts at 0 there.
	for _, xy := range segments(line, 100) {
		p.Add(&areaToZero{xy: xy, fill: color.NRGBA{R: 0xc8, G: 0x1e, B: 0x1e, A: 0x40}})
		pl, err := plotter.NewLine(xy)
		if err != nil {
			return nil, fmt.Errorf("chart: drawdown %q: %w", line.Name, err)
		}
		pl.LineStyle = draw.LineStyle{Color: red, Width: vg.Points(1.2)}
		p.Add(pl)
	}
	return p, nil
}

// areaToZero fills the area between a line and y = 0.
type areaToZero struct {
	xy   plotter.XYs
	fill color.Color
}

func (a *areaToZero) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	pts := make([]vg.Point, 0, len(a.xy)+2)
	pts = append(pts, vg.Point{X: tx(a.xy[0].X), Y: ty(0)})
	for _, xy := range a.xy {
		pts = append(pts, vg.Point{X: tx(xy.X), Y: ty(xy.Y)})
	}
	pts = append(pts, vg.Point{X: tx(a.xy[len(a.xy)-1].X), Y: ty(0)})
	c.FillPolygon(a.fill, c.ClipPolygonXY(pts))
}

func (a *areaToZero) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = plotter.XYRange(a.xy)
	return xmin, xmax, math.Min(ymin, 0), math.Max(ymax, 0)
}
