package chart

import (
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
)

// Typeface is the font every chart is measured and drawn with: Go Sans
// (golang.org/x/image/font/gofont), compiled into the program, so that a
// chart's text is laid out with the very glyphs that draw it on any machine
// (gonum/plot's default, Liberation Serif, is named in an SVG and drawn with
// whatever serif the viewer has, whose widths differ). It is sans-serif, as
// the report's page is.
const Typeface = "Go Sans"

var registerOnce sync.Once

// registerFont adds Go Sans regular and bold to gonum/plot's font cache and
// makes it plot's default font, which text styles gonum/plot creates itself
// (labels, legends) start from. It panics only if the fonts compiled into
// the program do not parse, which is a build defect.
func registerFont() {
	registerOnce.Do(func() {
		var coll font.Collection
		for _, f := range []struct {
			ttf    []byte
			weight xfont.Weight
		}{{goregular.TTF, xfont.WeightNormal}, {gobold.TTF, xfont.WeightBold}} {
			face, err := opentype.Parse(f.ttf)
			if err != nil {
				panic("chart: parsing Go Sans: " + err.Error())
			}
			coll = append(coll, font.Face{Font: font.Font{Typeface: Typeface, Weight: f.weight}, Face: face})
		}
		font.DefaultCache.Add(coll)
		plot.DefaultFont = font.Font{Typeface: Typeface}
		// plotter keeps a default of its own (Liberation Serif) for the
		// labels it makes: a Typeface alone would keep its Serif variant.
		plotter.DefaultFont = font.Font{Typeface: Typeface}
	})
}

func init() { registerFont() }
