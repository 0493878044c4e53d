package notebook

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	stdhtml "html"
	"image"
	"image/png"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"

	"github.com/gofolio/gofolio/report/chart"
)

// capture is a Display that keeps what it is sent.
func capture() (*Display, *[]Bundle) {
	var got []Bundle
	return New(func(b Bundle) error { got = append(got, b); return nil }), &got
}

func days(first string, n int) []time.Time {
	d, err := time.Parse(time.DateOnly, first)
	if err != nil {
		panic(err)
	}
	out := make([]time.Time, n)
	for i := range out {
		out[i] = d.AddDate(0, 0, i)
	}
	return out
}

func testLines() []chart.Line {
	return []chart.Line{
		{Name: "Portfolio", Dates: days("2020-01-01", 4), Values: []float64{0, 0.1, -0.12, 0.21}},
		{Name: "^DJI", Dates: days("2020-01-02", 3), Values: []float64{0, 0.5, math.NaN()}},
	}
}

// TestChartSendsPNGImage: a chart is an <img> of a PNG in text/html, which
// nbconvert copies as it is (an image/svg+xml output it cleans with lxml
// into a blank chart), with the PNG as image/png and the title as text.
func TestChartSendsPNGImage(t *testing.T) {
	d, got := capture()
	if err := d.Chart(chart.Performance("Cumulative <return>", testLines()...)); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 {
		t.Fatalf("sent %d bundles, want 1", len(*got))
	}
	b := (*got)[0]
	if len(b) != 3 || b[MIMESVG] != "" || b[MIMEPlain] != "[chart: Cumulative <return>]" {
		t.Errorf("bundle %v: want html, a PNG and the title as text, no SVG", keys(b))
	}
	img := decodePNG(t, b[MIMEPNG])
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != chart.Width || h != chart.Height {
		t.Errorf("PNG is %dx%d, want %dx%d", w, h, chart.Width, chart.Height)
	}
	m := pngRE.FindStringSubmatch(b[MIMEHTML])
	if m == nil || m[1] != b[MIMEPNG] {
		t.Errorf("the HTML is not an <img> of the bundle's PNG: %.200s", b[MIMEHTML])
	}
	if !strings.Contains(b[MIMEHTML], `alt="[chart: Cumulative &lt;return&gt;]"`) {
		t.Errorf("the title is not the image's escaped alternative text: %.200s", b[MIMEHTML])
	}
}

// decodePNG decodes a base64 PNG and checks that it is not blank: more
// than one colour.
func decodePNG(t *testing.T, b64 string) image.Image {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("PNG is not base64: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	first := img.At(0, 0)
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 3 {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 3 {
			if img.At(x, y) != first {
				return img
			}
		}
	}
	t.Fatal("the PNG is one colour")
	return nil
}

var pngRE = regexp.MustCompile(`^<img [^>]*src="data:image/png;base64,([^"]*)">$`)

func TestChartPassesConstructorErrors(t *testing.T) {
	d, got := capture()
	cause := errors.New("no lines")
	if err := d.Chart(nil, cause); !errors.Is(err, cause) {
		t.Errorf("Chart(nil, cause) = %v, want it wrapping cause", err)
	}
	if err := d.Chart(nil, nil); err == nil {
		t.Error("Chart(nil, nil) gave no error")
	}
	if len(*got) != 0 {
		t.Errorf("sent %d bundles after errors", len(*got))
	}
}

func TestSendErrorsAreReturned(t *testing.T) {
	broken := errors.New("pipe closed")
	d := New(func(Bundle) error { return broken })
	p := plot.New()
	if err := d.Chart(p, nil); !errors.Is(err, broken) {
		t.Errorf("Chart = %v, want the send error", err)
	}
}

func TestPackageFunctionsNeedGonb(t *testing.T) {
	// go test is not started by gonb: there is no notebook to send to.
	if err := Chart(plot.New(), nil); !errors.Is(err, ErrNotNotebook) {
		t.Errorf("Chart outside gonb = %v, want ErrNotNotebook", err)
	}
	if err := HTML("<p>x</p>", "x"); !errors.Is(err, ErrNotNotebook) {
		t.Errorf("HTML outside gonb = %v, want ErrNotNotebook", err)
	}
}

var optionRE = regexp.MustCompile(`(?m)^  var option = (.*);$`)
var growthRE = regexp.MustCompile(`(?m)^  var growth = (.*);$`)
var fallbackRE = regexp.MustCompile(`src="data:image/png;base64,([^"]*)"`)

func TestInteractive(t *testing.T) {
	d, got := capture()
	if err := d.Interactive("Perf & more", testLines()...); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 {
		t.Fatalf("sent %d bundles, want 1", len(*got))
	}
	b := (*got)[0]
	html := b[MIMEHTML]
	if len(b) != 3 || b[MIMEPlain] != "[chart: Perf & more]" {
		t.Errorf("bundle %v: want html, png and text", keys(b))
	}
	decodePNG(t, b[MIMEPNG])
	if !strings.Contains(html, `alt="Perf &amp; more"`) {
		t.Error("the title is not escaped in the HTML")
	}
	// html/template writes + in attributes as &#43;, which browsers decode.
	m := fallbackRE.FindStringSubmatch(stdhtml.UnescapeString(html))
	if m == nil {
		t.Fatal("no fallback image in the HTML")
	}
	if m[1] != b[MIMEPNG] {
		t.Error("the fallback image is not the bundle's PNG")
	}

	var opt struct {
		UseUTC bool `json:"useUTC"`
		Title  struct{ Text string }
		Series []struct {
			Name string
			Data [][2]*float64
		}
	}
	om := optionRE.FindStringSubmatch(html)
	if om == nil {
		t.Fatal("no option in the script")
	}
	if err := json.Unmarshal([]byte(om[1]), &opt); err != nil {
		t.Fatalf("option is not JSON: %v\n%s", err, om[1])
	}
	if !opt.UseUTC || opt.Title.Text != "Perf & more" || len(opt.Series) != 2 {
		t.Fatalf("option %+v", opt)
	}
	// Sampled lines keep different dates, and the tooltip then drops the
	// lines without the date hovered (issue 18.2).
	if strings.Contains(om[1], `"sampling"`) {
		t.Errorf("the lines are sampled: %s", om[1])
	}
	// Series data are the values in percent, NaN as null, at midnight UTC in ms:
	// 2020-01-02 is 18263 days after the epoch, 18263 × 86400000 = 1577923200000.
	s1 := opt.Series[1]
	if s1.Name != "^DJI" || len(s1.Data) != 3 || *s1.Data[0][0] != 1577923200000 || *s1.Data[1][1] != 50 || s1.Data[2][1] != nil {
		t.Errorf("^DJI series %+v", s1)
	}
	var growth [][][2]*float64
	gm := growthRE.FindStringSubmatch(html)
	if gm == nil {
		t.Fatal("no growth in the script")
	}
	if err := json.Unmarshal([]byte(gm[1]), &growth); err != nil {
		t.Fatal(err)
	}
	// Growth is 1 + v: 1 + (−0.12) = 0.88.
	if len(growth) != 2 || *growth[0][2][1] != 0.88 || growth[1][2][1] != nil {
		t.Errorf("growth %v", growth)
	}
}

func TestInteractiveRejectsBadLines(t *testing.T) {
	d, got := capture()
	bad := []chart.Line{{Name: "x", Dates: days("2020-01-01", 2), Values: []float64{0}}}
	if err := d.Interactive("t", bad...); err == nil {
		t.Error("no error for 1 value on 2 dates")
	}
	if err := d.Interactive("t"); err == nil {
		t.Error("no error for no lines")
	}
	if len(*got) != 0 {
		t.Errorf("sent %d bundles", len(*got))
	}
}

func TestScriptEscapesHostileTitles(t *testing.T) {
	d, got := capture()
	if err := d.Interactive(`</script><script>alert(1)</script>`, testLines()...); err != nil {
		t.Fatal(err)
	}
	html := (*got)[0][MIMEHTML]
	if strings.Count(html, "</script>") != 1 || strings.Contains(html, "<script>alert") {
		t.Error("a title closed the script element")
	}
}

func keys(b Bundle) []string {
	var out []string
	for k := range b {
		out = append(out, k)
	}
	return out
}
