package analysis

import (
	"math"
	"reflect"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/quotes"
)

func TestRunSecuritiesAndDistribution(t *testing.T) {
	res, dji := fourDays(t)
	a, err := Run(res, []*quotes.Series{dji}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A's closes in GBP and its one BUY (50 at 10 on 2 Jan).
	if len(a.Securities) != 1 {
		t.Fatalf("%d securities, want 1", len(a.Securities))
	}
	s := a.Securities[0]
	if s.Symbol != "A" || s.Currency != "GBP" || !reflect.DeepEqual(s.Close, []float64{10, 11, 12, 9}) || len(s.Dates) != 4 {
		t.Errorf("security %s in %s: closes %v on %d dates; want A in GBP, 10 11 12 9 on 4", s.Symbol, s.Currency, s.Close, len(s.Dates))
	}
	if len(s.Trades) != 1 || s.Trades[0].Kind != portfolio.Buy || s.Trades[0].Quantity != 50 || s.Trades[0].Price != 10 {
		t.Errorf("trades %+v, want the BUY of 50 at 10", s.Trades)
	}

	// Daily returns of the three days after the first: portfolio 1150/1100 − 1
	// = 0.0454545, 1200/1150 − 1 = 0.0434783, 1050/1200 − 1 = −0.125;
	// ^DJI 0.02, 101/102 − 1 = −0.0098039, 103/101 − 1 = 0.0198020.
	// Portfolio quartiles (rank q × 2): Q1 = (−0.125 + 0.0434783)/2 =
	// −0.0407609, Q3 = (0.0434783 + 0.0454545)/2 = 0.0444664, IQR 0.0852273;
	// width 2 × 0.0852273 / ∛3 = 0.1181868. k0 = ⌊−0.125/0.1181868⌋ = −2,
	// last ⌊0.0454545/0.1181868⌋ = 0: 3 bins. Portfolio: −0.125 in bin 0,
	// the two gains in bin 2. ^DJI: −0.0098 in bin 1, the two gains in bin 2.
	d := a.Distribution
	if d.Benchmark != "^DJI" || d.Daily == nil {
		t.Fatalf("distribution %+v: want the daily one with ^DJI", d)
	}
	if math.Abs(d.Daily.Width-0.1181868) > 1e-6 {
		t.Errorf("daily bin width %v, want 0.1181868", d.Daily.Width)
	}
	if want := [][]int{{1, 0, 2}, {0, 1, 2}}; !reflect.DeepEqual(d.Daily.Counts, want) {
		t.Errorf("daily counts %v, want %v", d.Daily.Counts, want)
	}
	// one month (January 2024): no monthly histogram
	if d.Monthly != nil {
		t.Errorf("monthly histogram %+v from one month, want none", d.Monthly)
	}
	if len(a.Rolling.Sharpe6M) != 4 || len(a.Benchmarks[0].RollingBeta12M) != 4 || !math.IsNaN(a.Rolling.Sortino12M[3]) {
		t.Errorf("rolling series %+v: want 4 NaN values each", a.Rolling)
	}
}

// TestRunRollingAgainstItself: a portfolio wholly in A against A itself as
// the benchmark has a beta of exactly 1 once a window of both is full
// (from t = 126: the benchmark has no return on the first date), and the
// rolling Sharpe is stats.Sharpe of the window's daily returns.
func TestRunRollingAgainstItself(t *testing.T) {
	closes := make([]float64, 300)
	for i := range closes {
		closes[i] = 100 * (1 + 0.1*math.Sin(float64(i)/7))
	}
	d := quotes.Date(2024, 1, 2)
	res, err := portfolio.Build([]portfolio.Transaction{
		{Date: d, Kind: portfolio.Deposit, Amount: 100 * closes[0], Currency: "GBP"},
		{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 100, Price: closes[0]},
	}, portfolio.Config{Currency: "GBP", Series: map[string]*quotes.Series{"A": series("A", "GBP", closes...)}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Run(res, []*quotes.Series{series("A", "GBP", closes...)}, Options{RiskFree: 0.02})
	if err != nil {
		t.Fatal(err)
	}
	beta := a.Benchmarks[0].RollingBeta6M
	if !math.IsNaN(beta[125]) || math.Abs(beta[126]-1) > 1e-9 || math.Abs(beta[299]-1) > 1e-9 {
		t.Errorf("rolling beta at 125, 126, 299: %v %v %v; want NaN, 1, 1", beta[125], beta[126], beta[299])
	}
	r := a.Performance.DailyReturn
	want := stats.Sharpe(r[299-251:300], a.Summary.DailyRiskFree, stats.TradingDaysPerYear)
	if got := a.Rolling.Sharpe12M[299]; math.IsNaN(want) || math.Abs(got-want) > 1e-12 {
		t.Errorf("rolling Sharpe 12M on the last day %v, want %v", got, want)
	}
	if got, want := a.Rolling.Sortino6M[299], stats.Sortino(r[299-125:300], a.Summary.DailyRiskFree, stats.TradingDaysPerYear); math.Abs(got-want) > 1e-12 {
		t.Errorf("rolling Sortino 6M on the last day %v, want %v", got, want)
	}
	if a.Distribution.Monthly == nil || a.Distribution.Daily == nil {
		t.Errorf("distribution %+v: want daily and monthly histograms over 300 days", a.Distribution)
	}
}

// TestSecurityDividends: 50 A (quoted in USD, $1 = £0.5) bought on 2 Jan
// 2024. The market data pays $0.40 a share with ex-date 4 Jan: 50 × 0.40
// = $20 = £10, £0.20 a share. A DIVIDEND row of $5 on 2 Jan (a dividend
// the data lacks, on the shares bought that day) is £2.50, £0.05 a share.
// As a statement (Config.Statement) the data's dividends are not paid: a
// DIVIDEND row of $30 on 4 Jan, the event's day, is the one dividend
// marked, £15, £0.30 a share.
func TestSecurityDividends(t *testing.T) {
	a := series("A", "USD", 10, 11, 12, 9)
	a.Dividends = []quotes.Dividend{{Date: quotes.Date(2024, 1, 4), Amount: 0.4}}
	d := quotes.Date(2024, 1, 2)
	build := func(statement bool, div portfolio.Transaction) []SecurityDividend {
		t.Helper()
		res, err := portfolio.Build([]portfolio.Transaction{
			{Date: d, Kind: portfolio.Deposit, Amount: 1000, Currency: "USD"},
			{Date: d, Kind: portfolio.Buy, Symbol: "A", Quantity: 50, Price: 10},
			div,
		}, portfolio.Config{Currency: "GBP", Rates: halfRates{}, Statement: statement,
			Series: map[string]*quotes.Series{"A": a}})
		if err != nil {
			t.Fatal(err)
		}
		an, err := Run(res, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(an.Securities) != 1 {
			t.Fatalf("%d securities, want 1", len(an.Securities))
		}
		for _, tr := range an.Securities[0].Trades {
			if tr.Kind != portfolio.Buy {
				t.Errorf("trade %+v: want only the BUY (dividends are in Dividends)", tr)
			}
		}
		return an.Securities[0].Dividends
	}
	check := func(name string, got []SecurityDividend, want ...SecurityDividend) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: dividends %+v, want %+v", name, got, want)
		}
		for i, w := range want {
			g := got[i]
			if !g.Date.Equal(w.Date) || !near(g.Total, w.Total) || !near(g.PerShare, w.PerShare) {
				t.Errorf("%s: dividend %d %+v, want %+v", name, i, g, w)
			}
		}
	}
	check("data and a row", build(false, portfolio.Transaction{Date: d, Kind: portfolio.Dividend, Symbol: "A", Amount: 5}),
		SecurityDividend{Date: d, PerShare: 0.05, Total: 2.5},
		SecurityDividend{Date: quotes.Date(2024, 1, 4), PerShare: 0.2, Total: 10})
	check("statement", build(true, portfolio.Transaction{Date: quotes.Date(2024, 1, 4), Kind: portfolio.Dividend, Symbol: "A", Amount: 30}),
		SecurityDividend{Date: quotes.Date(2024, 1, 4), PerShare: 0.3, Total: 15})
}
