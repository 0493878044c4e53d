package chart

import (
	"errors"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Counts is one series of a Histogram: how many values fell in each bin.
type Counts struct {
	Name   string
	Counts []int
}

// Histogram draws the counts of one or more series in common bins: bin i
// spans Edges[i] to Edges[i+1] (returns as fractions, drawn in percent).
// The series are drawn over each other, translucent, the first (the
// portfolio) in the palette's first colour, so that two distributions
// compare bin by bin. Edges not ascending, or a series whose counts do not
// match the bins or are negative, are errors, all reported at once.
func Histogram(title string, edges []float64, series ...Counts) (*Plot, error) {
	var errs []error
	if len(edges) < 2 || len(series) == 0 {
		errs = append(errs, fmt.Errorf("chart: histogram %q: %d edges and %d series: want at least 2 edges and a series", title, len(edges), len(series)))
	}
	for i := 1; i < len(edges); i++ {
		if !(edges[i] > edges[i-1]) || !finite(edges[i]) {
			errs = append(errs, fmt.Errorf("chart: histogram %q: edge %d (%v) is not above %v", title, i, edges[i], edges[i-1]))
			break
		}
	}
	for _, s := range series {
		if len(s.Counts) != len(edges)-1 {
			errs = append(errs, fmt.Errorf("chart: histogram %q: series %q has %d counts for %d bins", title, s.Name, len(s.Counts), len(edges)-1))
			continue
		}
		for i, c := range s.Counts {
			if c < 0 {
				errs = append(errs, fmt.Errorf("chart: histogram %q: series %q has count %d in bin %d", title, s.Name, c, i))
				break
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	p := newPlot(title)
	p.X.Tick.Marker = PercentTicks{}
	p.Y.Label.Text = "Count"
	p.Y.Tick.Marker = plot.TickerFunc(niceTicks)
	p.Y.Min = 0
	p.Add(newGrid(), zeroVLine())
	legend := newLegendBox()
	for i, s := range series {
		b := &bins{edges: edges, counts: s.Counts, fill: translucent(lineColor(i), 0x90), edge: lineColor(i)}
		p.Add(b)
		legend.add(s.Name, b)
	}
	p.Add(legend)
	headroom(p, len(series))
	return p, nil
}

// zeroVLine marks x = 0: gains to its right, losses to its left.
func zeroVLine() plot.Plotter { return vline{x: 0} }

type vline struct{ x float64 }

func (v vline) Plot(c draw.Canvas, p *plot.Plot) {
	if v.x < p.X.Min || v.x > p.X.Max {
		return
	}
	tx, _ := p.Transforms(&c)
	x := tx(v.x)
	c.StrokeLine2(draw.LineStyle{Color: zeroColor, Width: vg.Points(0.8)}, x, c.Min.Y, x, c.Max.Y)
}

func translucent(c color.Color, alpha uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}

// bins draws one series of a histogram as adjoining bars, edges in
// fractions drawn in percent.
type bins struct {
	edges      []float64
	counts     []int
	fill, edge color.Color
}

func (b *bins) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for i, n := range b.counts {
		if n == 0 {
			continue
		}
		x0, x1 := tx(b.edges[i]*100), tx(b.edges[i+1]*100)
		y0, y1 := ty(0), ty(float64(n))
		box := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		c.FillPolygon(b.fill, c.ClipPolygonXY(box))
		c.StrokeLines(draw.LineStyle{Color: b.edge, Width: vg.Points(0.4)}, c.ClipLinesXY(append(box, box[0]))...)
	}
}

func (b *bins) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, n := range b.counts {
		ymax = max(ymax, float64(n))
	}
	return b.edges[0] * 100, b.edges[len(b.edges)-1] * 100, 0, ymax
}

// Thumbnail draws the series' colour in the legend.
func (b *bins) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(b.fill, pts)
}
