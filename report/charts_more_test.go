package report

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/report/chart"
)

// dailyOf is the daily returns of a performance line (cumulative
// returns): (1 + c[t]) / (1 + c[t−1]) − 1, NaN where either is unknown.
func dailyOf(l Line) []float64 {
	c := l.Values
	out := make([]float64, len(c))
	out[0] = math.NaN()
	for i := 1; i < len(c); i++ {
		out[i] = (1+c[i])/(1+c[i-1]) - 1
	}
	return out
}

// withMoreCharts adds to a synthetic input the rolling ratios (against
// its second line, ^DJI), the daily and monthly histograms and a security
// chart per holding, the first with a buy, a sell and a dividend.
func withMoreCharts(t *testing.T, in *Input) *Input {
	t.Helper()
	p, b := dailyOf(in.Lines[0]), dailyOf(in.Lines[1])
	p[0], b[0] = 0, 0
	for _, w := range []struct {
		name string
		n    int
	}{{"6 months", 126}, {"12 months", 252}} {
		sh, err1 := stats.RollingSharpe(p, w.n, 0, stats.TradingDaysPerYear)
		so, err2 := stats.RollingSortino(p, w.n, 0, stats.TradingDaysPerYear)
		be, err3 := stats.RollingBeta(p, b, w.n)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		in.RollingSharpe = append(in.RollingSharpe, Line{Name: w.name, Dates: in.Dates, Values: sh})
		in.RollingSortino = append(in.RollingSortino, Line{Name: w.name, Dates: in.Dates, Values: so})
		in.RollingBeta = append(in.RollingBeta, Line{Name: "^DJI " + w.name, Dates: in.Dates, Values: be})
	}
	h, err := stats.NewHistogram(p[1:], b[1:])
	if err != nil {
		t.Fatal(err)
	}
	in.Distributions = append(in.Distributions, Distribution{Name: "daily", Rule: h.Rule, Edges: h.Edges,
		Series: []chart.Counts{{Name: "Portfolio", Counts: h.Counts[0]}, {Name: "^DJI", Counts: h.Counts[1]}}})
	var months []float64
	for _, r := range in.Monthly {
		months = append(months, r.Months[:]...)
	}
	if h, err = stats.NewHistogram(months); err != nil {
		t.Fatal(err)
	}
	in.Distributions = append(in.Distributions, Distribution{Name: "monthly", Rule: h.Rule, Edges: h.Edges,
		Series: []chart.Counts{{Name: "Portfolio", Counts: h.Counts[0]}}})
	n := len(in.Dates)
	for s, hr := range in.Holdings {
		from := s * 21 // each bought on the month of its BUY
		sc := SecurityChart{Symbol: hr.Symbol, Currency: hr.Currency, Dates: in.Dates[from:]}
		for i := from; i < n; i++ {
			sc.Close = append(sc.Close, 10*(1+in.Lines[0].Values[i]))
		}
		sc.Trades = []SecurityTrade{{Trade: chart.Trade{Date: in.Dates[from], Kind: "BUY", Quantity: hr.Quantity, Price: sc.Close[0]}}}
		if s == 0 {
			sc.Trades = append(sc.Trades,
				SecurityTrade{Trade: chart.Trade{Date: in.Dates[n/2], Kind: "SELL", Quantity: 3, Price: sc.Close[n/2]}},
				SecurityTrade{Trade: chart.Trade{Date: in.Dates[n/3], Kind: "DIVIDEND", Price: sc.Close[n/3]}, Amount: 12.5, PerShare: 0.25})
		}
		in.Securities = append(in.Securities, sc)
	}
	return in
}

func TestWriteMoreCharts(t *testing.T) {
	in := withMoreCharts(t, synthetic(8, 3))
	var plain, logged bytes.Buffer
	if err := Write(&plain, in, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&logged, in, Options{LogScale: true}); err != nil {
		t.Fatal(err)
	}
	page := plain.String()
	for _, want := range []string{`id="rolling-sharpe"`, `id="rolling-sortino"`, `id="rolling-beta"`, "Rolling beta against ^DJI",
		`id="distribution-daily"`, `id="distribution-monthly"`, "Freedman–Diaconis", `id="security"`,
		`<option value="7">SYM07</option>`, "(printed: the 6 largest holdings)", `"securities":[{"symbol":"SYM00"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// six static images of securities, the largest first
	if n := strings.Count(page, `alt="SYM`); n != maxStaticSecurities {
		t.Errorf("%d static security images, want %d", n, maxStaticSecurities)
	}
	if strings.Contains(page, `"log":true`) || !strings.Contains(logged.String(), `"log":true`) {
		t.Error("Options.LogScale does not reach the page's data")
	}
	// the static performance image differs: growth on a log axis
	img := func(s string) string {
		i := strings.Index(s, `alt="Performance`)
		return s[strings.LastIndex(s[:i], "<img"):i]
	}
	if img(page) == img(logged.String()) {
		t.Error("the static performance chart is the same with LogScale")
	}
}

func TestValidateMoreCharts(t *testing.T) {
	in := withMoreCharts(t, synthetic(3, 2))
	in.RollingBeta[0].Values = in.RollingBeta[0].Values[1:]
	in.Distributions[0].Series[1].Counts = in.Distributions[0].Series[1].Counts[1:]
	in.Securities[1].Close = in.Securities[1].Close[1:]
	in.Securities[2].Dates, in.Securities[2].Close = in.Dates[:5], in.Securities[2].Close[:5]
	err := in.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`rolling beta "^DJI 6 months" has`, `daily returns histogram: series "^DJI" has`,
		`security "SYM01" has`, `security "SYM02": its 5 dates are not the last of the report's`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestNewInputMoreCharts(t *testing.T) {
	in, err := NewInput(builtPortfolio(t), InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// four days: no window of 126 returns, so no rolling lines
	if len(in.RollingSharpe)+len(in.RollingSortino)+len(in.RollingBeta) != 0 {
		t.Errorf("rolling lines from 3 returns: %v %v %v", in.RollingSharpe, in.RollingSortino, in.RollingBeta)
	}
	// the daily histogram of the 3 returns, with ^DJI's; one month: no
	// monthly one
	if len(in.Distributions) != 1 || in.Distributions[0].Name != "daily" || len(in.Distributions[0].Series) != 2 ||
		in.Distributions[0].Series[1].Name != "^DJI" {
		t.Fatalf("distributions %+v: want the daily one of Portfolio and ^DJI", in.Distributions)
	}
	for _, s := range in.Distributions[0].Series {
		if n := sum(s.Counts); n != 3 {
			t.Errorf("%s: %d returns counted, want 3", s.Name, n)
		}
	}
	if len(in.Securities) != 1 || in.Securities[0].Symbol != "A" || len(in.Securities[0].Trades) != 1 ||
		in.Securities[0].Trades[0].Kind != "BUY" || in.Securities[0].Trades[0].Price != 10 {
		t.Errorf("securities %+v: want A with its BUY at 10", in.Securities)
	}
}

func sum(c []int) int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// TestSecurityChartsMarkDividendsAtTheClose: a dividend has no price; it
// is marked at the day's close (the last on or before its date), and the
// securities come largest holding first.
func TestSecurityChartsMarkDividendsAtTheClose(t *testing.T) {
	an := builtPortfolio(t)
	d := an.Securities[0].Dates
	sec := an.Securities[0]
	sec.Dividends = append(sec.Dividends, analysis.SecurityDividend{Date: d[2], PerShare: 0.15, Total: 7.5})
	small := analysis.Security{Symbol: "B", Currency: "USD", Dates: d, Close: []float64{1, 2, 3, 4}}
	an.Securities = []analysis.Security{small, sec}
	an.Holdings = []portfolio.Position{{Symbol: "B", Value: 10}, {Symbol: "A", Value: 450}}
	got := securityCharts(an)
	if len(got) != 2 || got[0].Symbol != "A" || got[1].Symbol != "B" {
		t.Fatalf("securities %+v: want A (450) before B (10)", got)
	}
	// A closes 10, 11, 12, 9: the dividend on the third day sits at 12
	div := got[0].Trades[1]
	if div.Kind != "DIVIDEND" || div.Price != 12 || div.Amount != 7.5 || div.PerShare != 0.15 || div.Quantity != 0 {
		t.Errorf("dividend mark %+v, want at 12, amount 7.5 (0.15 a share), no quantity", div)
	}
}
