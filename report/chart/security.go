package chart

import (
	"errors"
	"fmt"
	"image/color"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RollingRatio draws lines of a rolling ratio (Sharpe, Sortino, beta:
// plain numbers, not percentages, as stats.RollingSharpe,
// stats.RollingSortino and stats.RollingBeta compute them) with a line at
// 0; NaN (before a line's first full window) leaves a gap.
func RollingRatio(title string, lines ...Line) (*Plot, error) {
	if err := check("rolling ratio", lines); err != nil {
		return nil, err
	}
	p := newLinesPlot(title, lines)
	p.Y.Tick.Marker = plot.TickerFunc(niceTicks)
	p.Add(newGrid(), zeroLine())
	if err := addLines(p, lines, 1); err != nil {
		return nil, err
	}
	headroom(p, len(lines))
	return p, nil
}

// Trade is a transaction marked on a Security chart: Kind is "BUY", "SELL"
// or "DIVIDEND"; Price is where the mark sits (the trade's price, or for a
// dividend the day's close), in the security's currency.
type Trade struct {
	Date     time.Time
	Kind     string
	Quantity float64
	Price    float64
}

// tradeMarks are how each kind is marked: buys as green triangles
// pointing up, sells as red triangles pointing down, dividends as purple
// circles.
var tradeMarks = []struct {
	kind, name string
	color      color.Color
	shape      draw.GlyphDrawer
}{
	{"BUY", "Buy", Palette[2], draw.PyramidGlyph{}},
	{"SELL", "Sell", Palette[4], downTriangle{}},
	{"DIVIDEND", "Dividend", Palette[3], draw.CircleGlyph{}},
}

// Security draws a security's close in its currency (close.Values are
// prices, not returns) with its trades marked on it, as tradeMarks says;
// the legend names each kind marked. A trade of another kind, or not at a
// positive finite price, is an error, as is a close line that check
// refuses; every problem is reported at once.
func Security(title, currency string, close Line, trades []Trade) (*Plot, error) {
	var errs []error
	if err := check("security", []Line{close}); err != nil {
		errs = append(errs, err)
	}
	byKind := map[string]plotter.XYs{}
	for i, t := range trades {
		if !(t.Price > 0) || !finite(t.Price) {
			errs = append(errs, fmt.Errorf("chart: security %q: trade %d (%s on %s) at price %v", close.Name, i, t.Kind, t.Date.Format(time.DateOnly), t.Price))
		}
		known := false
		for _, m := range tradeMarks {
			known = known || m.kind == t.Kind
		}
		if !known {
			errs = append(errs, fmt.Errorf("chart: security %q: trade %d has kind %q: want BUY, SELL or DIVIDEND", close.Name, i, t.Kind))
		}
		byKind[t.Kind] = append(byKind[t.Kind], plotter.XY{X: TimeValue(t.Date), Y: t.Price})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	p := newLinesPlot(title, []Line{close})
	p.Y.Tick.Marker = MoneyTicks{}
	p.Y.Label.Text = currency
	p.Add(newGrid())
	legend := newLegendBox()
	for _, xy := range segments(close, 1) {
		l, err := plotter.NewLine(xy)
		if err != nil {
			return nil, fmt.Errorf("chart: security %q: %w", close.Name, err)
		}
		l.LineStyle = draw.LineStyle{Color: lineColor(0), Width: vg.Points(1.2)}
		p.Add(l)
		if legend.n == 0 {
			legend.add("Close", l)
		}
	}
	for _, m := range tradeMarks {
		xy := byKind[m.kind]
		if len(xy) == 0 {
			continue
		}
		s, err := plotter.NewScatter(xy)
		if err != nil {
			return nil, fmt.Errorf("chart: security %q: %w", close.Name, err)
		}
		s.GlyphStyle = draw.GlyphStyle{Color: m.color, Radius: vg.Points(4.5), Shape: m.shape}
		p.Add(s)
		legend.add(m.name, s)
	}
	p.Add(legend)
	headroom(p, legend.n)
	return p, nil
}

// downTriangle is a filled triangle pointing down, the mark of a sale.
type downTriangle struct{}

func (downTriangle) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	var path vg.Path
	path.Move(vg.Point{X: pt.X - r, Y: pt.Y + r*0.6})
	path.Line(vg.Point{X: pt.X + r, Y: pt.Y + r*0.6})
	path.Line(vg.Point{X: pt.X, Y: pt.Y - r*1.1})
	path.Close()
	c.SetColor(sty.Color)
	c.Fill(path)
}
