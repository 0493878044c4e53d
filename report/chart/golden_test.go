package chart

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/plot"

	"github.com/gofolio/gofolio/portfolio/stats"
)

var regen = flag.Bool("regen", false, "regenerate the golden images in testdata")

// artifactDir is where images that differ from their golden are written:
// $GOFOLIO_ARTIFACTS when set, else a temporary directory.
func artifactDir(t *testing.T) string {
	if d := os.Getenv("GOFOLIO_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// checkGolden renders p as PNG and compares it pixel by pixel with
// testdata/name_golden.png, as gonum's cmpimg does; with -regen it
// rewrites the golden instead.
func checkGolden(t *testing.T, name string, p *plot.Plot) {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePNG(&buf, p); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", name+"_golden.png")
	if *regen {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -regen to create it)", err)
	}
	got, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if b := got.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("%s: image is %dx%d, want %dx%d", name, b.Dx(), b.Dy(), Width, Height)
	}
	wantImg, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatalf("%s: %v", golden, err)
	}
	if n := differentPixels(got, wantImg); n > 0 {
		out := filepath.Join(artifactDir(t), name+".png")
		_ = os.WriteFile(out, buf.Bytes(), 0o644)
		t.Errorf("%s: %d pixels differ from %s; got written to %s", name, n, golden, out)
	}
}

func differentPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				n++
			}
		}
	}
	return n
}

// business days from first for n days, weekends skipped.
func businessDays(first time.Time, n int) []time.Time {
	out := make([]time.Time, 0, n)
	for t := first; len(out) < n; t = t.AddDate(0, 0, 1) {
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			out = append(out, t)
		}
	}
	return out
}

// randomWalk is a deterministic cumulative-return path (fractions) with
// the given daily drift and volatility.
func randomWalk(seed uint64, n int, drift, vol float64) (cum, daily []float64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	cum, daily = make([]float64, n), make([]float64, n)
	index := 1.0
	for i := range cum {
		if i > 0 {
			daily[i] = drift + vol*rng.NormFloat64()
			index *= 1 + daily[i]
		}
		cum[i] = index - 1
	}
	return cum, daily
}

var tenYears = businessDays(time.Date(2015, 1, 2, 0, 0, 0, 0, time.UTC), 2610)

func sampleLines() (perf, daily []Line) {
	p, pd := randomWalk(1, len(tenYears), 0.0004, 0.011)
	b, bd := randomWalk(2, len(tenYears), 0.0003, 0.010)
	// the second benchmark starts two years late: NaN before
	c, cd := randomWalk(3, len(tenYears), 0.0002, 0.006)
	for i := 0; i < 520; i++ {
		c[i], cd[i] = math.NaN(), math.NaN()
	}
	perf = []Line{{"Portfolio", tenYears, p}, {"^DJI", tenYears, b}, {"Bonds <b>&\"x\"", tenYears, c}}
	daily = []Line{{"Portfolio", tenYears, pd}, {"^DJI", tenYears, bd}}
	return perf, daily
}

func TestGoldenPerformance(t *testing.T) {
	perf, _ := sampleLines()
	p, err := Performance("Performance", perf...)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "performance", p)
}

func TestGoldenPerformanceOneYear(t *testing.T) {
	perf, _ := sampleLines()
	for i := range perf {
		n := len(perf[i].Dates)
		perf[i].Dates, perf[i].Values = perf[i].Dates[n-261:], perf[i].Values[n-261:]
	}
	p, err := Performance("Performance, one year", perf...)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "performance_1y", p)
}

func TestGoldenValueVsContributions(t *testing.T) {
	perf, _ := sampleLines()
	value, contrib := make([]float64, len(tenYears)), make([]float64, len(tenYears))
	for i := range tenYears {
		// £10,000 paid in at the start and £500 every 21 trading days
		contrib[i] = 10000 + 500*float64(i/21)
		value[i] = contrib[i] * (1 + perf[0].Values[i]*0.6)
	}
	p, err := ValueVsContributions("Value and net contributions", "GBP", tenYears, value, contrib)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "value", p)
}

func TestGoldenDrawdown(t *testing.T) {
	perf, _ := sampleLines()
	dd := make([]float64, len(tenYears))
	peak := 1.0
	for i, c := range perf[0].Values {
		peak = math.Max(peak, 1+c)
		dd[i] = (1+c)/peak - 1
	}
	p, err := Drawdown("Drawdown", Line{Name: "Portfolio", Dates: tenYears, Values: dd})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "drawdown", p)
}

func sampleGrid() MonthlyGrid {
	rng := rand.New(rand.NewPCG(4, 7))
	var g MonthlyGrid
	for y := 2015; y <= 2024; y++ {
		var row [12]float64
		total := 1.0
		for m := range row {
			row[m] = 0.04 * rng.NormFloat64()
			if y == 2015 && m < 3 {
				row[m] = math.NaN() // before the first deposit
				continue
			}
			total *= 1 + row[m]
		}
		g.Years = append(g.Years, y)
		g.Months = append(g.Months, row)
		g.YearTotal = append(g.YearTotal, total-1)
	}
	return g
}

func TestGoldenMonthlyHeatmap(t *testing.T) {
	p, err := MonthlyHeatmap("Monthly returns (%)", sampleGrid())
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "monthly", p)
}

func TestGoldenAllocation(t *testing.T) {
	var slices []Slice
	for i, name := range []string{"VWRL.L", "AAPL", "MSFT", "BRK-B", "IGLT.L", "GOOG", "NVDA", "SHEL.L"} {
		slices = append(slices, Slice{Name: name, Value: float64(1000 * (i + 1) * (i%3 + 1))})
	}
	p, err := Allocation("Allocation by holding", slices)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "allocation", p)
}

func TestGoldenRollingVolatility(t *testing.T) {
	_, daily := sampleLines()
	vols := make([]Line, len(daily))
	for i, l := range daily {
		v, err := stats.RollingVolatility(l.Values, 63, stats.TradingDaysPerYear)
		if err != nil {
			t.Fatal(err)
		}
		vols[i] = Line{Name: l.Name, Dates: l.Dates, Values: v}
	}
	p, err := RollingVolatility("Rolling volatility, 63 days", vols...)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "rolling_vol", p)
}

func TestWriteSVG(t *testing.T) {
	perf, _ := sampleLines()
	p, err := Performance("Performance", perf...)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSVG(&buf, p); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{`width="600pt"`, `height="337.5pt"`, "2016", "2024", "Bonds &lt;b&gt;&amp;&#34;x&#34;"} {
		if !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if bytes.Contains(buf.Bytes(), []byte("<b>")) {
		t.Error("SVG holds an unescaped <b> from a line name")
	}
	if len(svg) > 400_000 {
		t.Errorf("SVG of a ten-year chart is %d bytes; decimation should keep it well under 400 kB", len(svg))
	}
}

// TestGoldenYearlyReturns: the portfolio's and a benchmark's returns per
// year, side by side; the benchmark has no 2019 (no bar).
func TestGoldenYearlyReturns(t *testing.T) {
	years := []int{2019, 2020, 2021, 2022, 2023, 2024}
	p, err := YearlyReturns("Yearly returns",
		years,
		Yearly{Name: "Portfolio", Returns: []float64{0.12, -0.05, 0.21, -0.18, 0.09, 0.15}},
		Yearly{Name: "^DJI", Returns: []float64{math.NaN(), 0.07, 0.19, -0.09, 0.14, 0.13}},
	)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "yearly", p)
	if _, err := YearlyReturns("x", years, Yearly{Name: "short", Returns: []float64{0.1}}); err == nil {
		t.Error("a series with fewer returns than years drew")
	}
}

// TestGoldenYearlyAmounts: dividends per year, none in 2020.
func TestGoldenYearlyAmounts(t *testing.T) {
	p, err := YearlyAmounts("Dividends per year", "GBP", []int{2019, 2020, 2021, 2022}, []float64{120.5, 0, 310, 1250})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "yearly_amounts", p)
	if _, err := YearlyAmounts("x", "GBP", []int{2019}, nil); err == nil {
		t.Error("no amounts drew")
	}
}
