package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Plot is a gonum/plot plot, what every chart constructor returns: callers
// (package report, the notebooks) name it here and need not import
// gonum/plot themselves.
type Plot = plot.Plot

// Width and Height are the size, in pixels, of the images WritePNG and
// WriteSVG produce.
const (
	Width  = 800
	Height = 450
)

// dpi is the resolution of PNG output: gonum/plot measures in points (1/72
// inch), so 800 pixels at 96 dpi are 600 points.
const dpi = 96

func pixels(n int) vg.Length { return vg.Length(n) * vg.Inch / dpi }

// WritePNG renders p as an 800x450 PNG image.
func WritePNG(w io.Writer, p *Plot) error { return WritePNGAt(w, p, 1) }

// WritePNGAt renders p as a PNG image of scale times 800x450 pixels, drawn
// at scale times 96 dpi: the same picture as WritePNG with scale times the
// detail, for screens with several pixels to the CSS pixel (scale 2 shown at
// 800x450 CSS pixels stays sharp on them and when zoomed). Scale below 1 is
// taken as 1.
func WritePNGAt(w io.Writer, p *Plot, scale float64) error {
	scale = math.Max(scale, 1)
	c := vgimg.NewWith(vgimg.UseWH(pixels(Width), pixels(Height)), vgimg.UseDPI(int(math.Round(dpi*scale))))
	p.Draw(draw.New(c))
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(w); err != nil {
		return fmt.Errorf("chart: writing PNG: %w", err)
	}
	return nil
}

// WriteSVG renders p as an SVG document 800x450 pixels (600x337.5 points)
// in size, with the fonts it uses embedded (Typeface), so that it shows the
// text as it was measured wherever it is opened.
func WriteSVG(w io.Writer, p *Plot) error {
	c := vgsvg.NewWith(vgsvg.UseWH(pixels(Width), pixels(Height)), vgsvg.EmbedFonts(true))
	p.Draw(draw.New(c))
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("chart: writing SVG: %w", err)
	}
	return nil
}

// Palette is the colour of each line in order; the first is the portfolio's.
var Palette = []color.Color{
	color.RGBA{R: 0x1a, G: 0x56, B: 0xdb, A: 0xff}, // blue
	color.RGBA{R: 0xe8, G: 0x71, B: 0x0a, A: 0xff}, // orange
	color.RGBA{R: 0x0e, G: 0x9f, B: 0x6e, A: 0xff}, // green
	color.RGBA{R: 0x9b, G: 0x1c, B: 0x9c, A: 0xff}, // purple
	color.RGBA{R: 0xc8, G: 0x1e, B: 0x1e, A: 0xff}, // red
	color.RGBA{R: 0x6b, G: 0x72, B: 0x80, A: 0xff}, // grey
	color.RGBA{R: 0x8c, G: 0x6d, B: 0x1f, A: 0xff}, // brown
	color.RGBA{R: 0x06, G: 0x94, B: 0xa2, A: 0xff}, // teal
}

func lineColor(i int) color.Color { return Palette[i%len(Palette)] }

var (
	gridColor  = color.Gray{Y: 0xe0}
	zeroColor  = color.Gray{Y: 0x80}
	legendFill = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xe6}
	legendEdge = color.Gray{Y: 0xc0}
)

// newPlot is a plot with gofolio's title, font sizes and grid.
func newPlot(title string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(13)
	p.Title.Padding = vg.Points(6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Label.Font.Size = vg.Points(9)
		a.Label.TextStyle.Font.Size = vg.Points(10)
		a.Padding = vg.Points(2)
	}
	return p
}

// newLinesPlot is a plot (newPlot) whose X axis spans the dates of lines.
func newLinesPlot(title string, lines []Line) *plot.Plot {
	p := newPlot(title)
	first, last := span(lines)
	dateAxis(p, first, last)
	return p
}

// dateAxis sets p's X axis to calendar ticks over [first, last].
func dateAxis(p *plot.Plot, first, last time.Time) {
	p.X.Tick.Marker = DateTicks{}
	p.X.Min, p.X.Max = TimeValue(first), TimeValue(last)
}

// legendBox draws a legend inside the data area, at its top left, over a
// white, slightly transparent box so that lines behind it do not obscure
// the names (plot.Legend draws no background).
type legendBox struct {
	legend     plot.Legend
	n          int
	entryNames []string
}

func newLegendBox() *legendBox {
	l := plot.NewLegend()
	l.Top, l.Left = true, true
	l.TextStyle.Font.Size = vg.Points(9)
	l.ThumbnailWidth = vg.Points(18)
	return &legendBox{legend: l}
}

func (b *legendBox) add(name string, t plot.Thumbnailer) {
	b.legend.Add(name, t)
	b.entryNames = append(b.entryNames, name)
	b.n++
}

// Plot implements plot.Plotter.
func (b *legendBox) Plot(c draw.Canvas, _ *plot.Plot) {
	if b.n == 0 {
		return
	}
	const inset, pad = 6, 4
	sty := b.legend.TextStyle
	var textW, entryH vg.Length
	for _, name := range b.names() {
		if w := sty.Width(" " + name); w > textW {
			textW = w
		}
	}
	entryH = sty.Rectangle("Xg").Max.Y
	w := b.legend.ThumbnailWidth + textW + sty.Width(" ")
	h := entryH*vg.Length(b.n) + b.legend.Padding*vg.Length(b.n-1) + sty.FontExtents().Descent
	r := vg.Rectangle{
		Min: vg.Point{X: c.Min.X + inset, Y: c.Max.Y - inset - h - 2*pad},
		Max: vg.Point{X: c.Min.X + inset + w + 2*pad, Y: c.Max.Y - inset},
	}
	box := []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min}
	c.FillPolygon(legendFill, box)
	c.StrokeLines(draw.LineStyle{Color: legendEdge, Width: vg.Points(0.5)}, box)
	inner := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: r.Min.X + pad, Y: r.Min.Y + pad},
		Max: vg.Point{X: r.Max.X - pad, Y: r.Max.Y - pad},
	}}
	b.legend.Draw(inner)
}

// names is kept beside the legend because plot.Legend does not export its
// entries.
func (b *legendBox) names() []string { return b.entryNames }

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
