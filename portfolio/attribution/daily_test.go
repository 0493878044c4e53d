package attribution

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

func date(d int) time.Time { return time.Date(2024, 1, 1+d, 0, 0, 0, 0, time.UTC) }

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

// fourDays is a portfolio worked out by hand, in one currency, on four
// consecutive calendar days:
//
//	day 0: deposit 1000; buy 10 A at 50 + commission 2 (cost 502); cash 498;
//	       A closes 50 (worth 500); value 998.
//	day 1: A closes 55 (550); buy 5 B at 20 (cost 100), B closes 22 (110);
//	       cash 398; value 1058.
//	day 2: A closes 60; sell all of A for 600 − commission 3 = 597
//	       (realized 597 − 502 = 95); B closes 24 (120) and pays a dividend
//	       of 5; cash 398 + 597 + 5 = 1000; value 1120.
//	day 3: B closes 21 (105); withdraw 100; cash 900; value 1005.
func fourDays() (*perf.Frame, Columns) {
	f := &perf.Frame{
		Currency:    "EUR",
		Dates:       []time.Time{date(0), date(1), date(2), date(3)},
		Value:       []float64{998, 1058, 1120, 1005},
		Deposits:    []float64{1000, 0, 0, 0},
		Withdrawals: []float64{0, 0, 0, 100},
	}
	f.DailyReturn = make([]float64, 4)
	f.CumulativeReturn = make([]float64, 4)
	prev, index := 0.0, 1.0
	for d := range 4 {
		f.DailyReturn[d] = perf.DailyReturn(prev, f.Value[d], f.Deposits[d], f.Withdrawals[d])
		index *= 1 + f.DailyReturn[d]
		f.CumulativeReturn[d] = index - 1
		prev = f.Value[d]
	}
	f.MarketValue, f.Cash, f.NetContributions, f.PnL, f.Drawdown = make([]float64, 4), make([]float64, 4), make([]float64, 4), make([]float64, 4), make([]float64, 4)
	cols := Columns{
		Symbols:   []string{"A", "B"},
		Value:     []float64{500, 550, 0, 0 /* B */, 0, 110, 120, 105},
		CostBasis: []float64{502, 502, 0, 0, 0, 100, 100, 100},
		Realized:  []float64{0, 0, 95, 95, 0, 0, 0, 0},
		Dividends: []float64{0, 0, 0, 0, 0, 0, 5, 5},
	}
	return f, cols
}

// TestDecomposeByHand checks every figure of fourDays over its whole
// history.
//
// A: day 0 base 502 (the buy, commission included), gain 500 − 502 = −2;
// day 1 base 500, gain 50 (r = 10 %); day 2 sold: f = ΔCost − ΔRealized =
// −502 − 95 = −597, base 550, gain 0 + 597 − 550 = 47; TWR = (500/502) ×
// 1.1 × (597/550) − 1 = 597/502 − 1 = 95/502. MWR: 502 in on day 0, 597 out
// on day 2, nothing left: 502 g² = 597 (g the daily growth), over its two
// days g² − 1 = 95/502.
// B (bought mid-window): day 1 base 100, gain 10 (10 %); day 2 base 110,
// gain 120 + 5 − 110 = 15; day 3 base 120, gain −15 (−12.5 %); TWR = 1.1 ×
// 125/110 × 0.875 − 1 = 0.09375. MWR: 100 in on day 1, 5 out on day 2, 105
// left on day 3: 100 g² − 5 g = 105, g = (5 + √42025)/200 = 1.05, over its
// two days 1.05² − 1 = 0.1025.
// Cash gains are 0 every day (498 − 0 + 502 − 1000; 398 − 498 + 100;
// 1000 − 398 − 597 − 5; 900 − 1000 + 100).
// The portfolio's bases are 1000, 998, 1058, 1120; the growth before each
// day 1, 0.998, 1.058, 1.12; so A's linked contribution is −2/1000 +
// 50/998 × 0.998 + 47/1058 × 1.058 = 0.095, B's 10/998 × 0.998 +
// 15/1058 × 1.058 − 15/1120 × 1.12 = 0.01, and the TWR 1.12 × 1105/1120 −
// 1 = 0.105 = 0.095 + 0.01.
func TestDecomposeByHand(t *testing.T) {
	f, cols := fourDays()
	d, err := Decompose(f, cols, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Names, ",") != "A,B,Cash" {
		t.Fatalf("Names = %v, want A, B, Cash", d.Names)
	}
	for k, want := range []float64{-2, 50, 47, 0} {
		near(t, "A's gain", d.Gain[0][k], want)
	}
	for k, want := range []float64{0, 10, 15, -15} {
		near(t, "B's gain", d.Gain[1][k], want)
	}
	for k := range 4 {
		near(t, "Cash's gain", d.Gain[2][k], 0)
	}
	near(t, "TWR", d.TWR(), 0.105)
	near(t, "TWR against perf", d.TWR(), f.CumulativeReturn[3])
	h := d.Holdings()
	want := []HoldingReturn{
		{Symbol: "A", TWR: 95.0 / 502, MWR: 95.0 / 502, Contribution: 0.095, End: 0, Bought: 502, Sold: 597},
		{Symbol: "B", TWR: 0.09375, MWR: 0.1025, Contribution: 0.01, End: 105, Bought: 100, Dividends: 5},
		{Symbol: Cash, TWR: math.NaN(), MWR: math.NaN(), Contribution: 0, End: 900},
	}
	checkHoldings(t, h, want)
}

func checkHoldings(t *testing.T, got, want []HoldingReturn) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d holdings, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Symbol != w.Symbol {
			t.Errorf("holding %d is %s, want %s", i, g.Symbol, w.Symbol)
			continue
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"TWR", g.TWR, w.TWR}, {"MWR", g.MWR, w.MWR}, {"Contribution", g.Contribution, w.Contribution},
			{"Start", g.Start, w.Start}, {"End", g.End, w.End}, {"Bought", g.Bought, w.Bought},
			{"Sold", g.Sold, w.Sold}, {"Dividends", g.Dividends, w.Dividends},
		} {
			if math.IsNaN(c.want) {
				if !math.IsNaN(c.got) {
					t.Errorf("%s's %s = %g, want NaN", w.Symbol, c.name, c.got)
				}
				continue
			}
			near(t, w.Symbol+"'s "+c.name, c.got, c.want)
		}
	}
}

// TestDecomposeWindowByHand: fourDays from day 1 opens with A worth 550,
// B 110 and cash 398, and day 1 has no return. A: day 2 base 550, gain 47,
// TWR 47/550; MWR 550 in on day 1, 597 out on day 2: 597/550 − 1 = 47/550.
// B: 15/110 then −12.5 %: TWR 125/110 × 0.875 − 1 = −0.625/110; MWR 110 in
// on day 1, 5 out on day 2, 105 left on day 3: 110 g² − 5 g − 105 = 0,
// g = (5 + √(25 + 46200))/220 = (5 + 215)/220 = 1, so 0. The portfolio:
// 1120/1058 × 1105/1120 − 1 = 47/1058; A contributes 47/1058, B 15/1058 −
// 15/1120 × 1120/1058 = 0.
func TestDecomposeWindowByHand(t *testing.T) {
	f, cols := fourDays()
	d, err := Decompose(f, cols, date(1), date(3))
	if err != nil {
		t.Fatal(err)
	}
	near(t, "TWR", d.TWR(), 47.0/1058)
	near(t, "TWR against perf.Window", d.TWR(), f.Window(date(1), date(3)).CumulativeReturn[2])
	checkHoldings(t, d.Holdings(), []HoldingReturn{
		{Symbol: "A", TWR: 47.0 / 550, MWR: 47.0 / 550, Contribution: 47.0 / 1058, Start: 550, Sold: 597},
		{Symbol: "B", TWR: -0.625 / 110, MWR: 0, Contribution: 0, Start: 110, End: 105, Dividends: 5},
		{Symbol: Cash, TWR: math.NaN(), MWR: math.NaN(), Contribution: 0, Start: 398, End: 900},
	})
	// From day 3, A had nothing: it is left out.
	d, err = Decompose(f, cols, date(3), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Names, ",") != "B,Cash" {
		t.Errorf("Names from day 3 = %v, want B, Cash", d.Names)
	}
}

// TestDecomposeMoveAtValue: a symbol change of 10 A (cost 400, worth 500
// at the previous close, 520 on the day as 10 C) books cost 400 out of A
// and into C. At cost, A would show (0 + 400)/500 − 1 = −20 % and C
// 520/400 − 1 = +30 % on the day; re-priced at the value received (520),
// A shows 520/500 − 1 = +4 % and C 0 %. The portfolio and the sum of the
// contributions are the same either way: (520 − 500)/500 = 4 %.
func TestDecomposeMoveAtValue(t *testing.T) {
	f := &perf.Frame{Currency: "EUR", Dates: []time.Time{date(0), date(1)},
		Value: []float64{500, 520}, Deposits: []float64{400, 0}, Withdrawals: []float64{0, 0}}
	cols := Columns{
		Symbols:   []string{"A", "C"},
		Value:     []float64{500, 0, 0, 520},
		CostBasis: []float64{400, 0, 0, 400},
		Realized:  make([]float64, 4), Dividends: make([]float64, 4),
	}
	// Bought on day 0 for 400, worth 500 at the close (a day of +25 %).
	for _, c := range []struct {
		moves      []Move
		wantA, wan float64
	}{
		{nil, 1.25*0.8 - 1, 0.3},
		{[]Move{{Day: 1, From: 0, To: 1, Cost: 400, Value: 520}}, 1.25*1.04 - 1, 0},
	} {
		cols.Moves = c.moves
		d, err := Decompose(f, cols, time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		h := d.Holdings()
		near(t, "TWR", d.TWR(), 0.3)
		near(t, "sum of contributions", h[0].Contribution+h[1].Contribution+h[2].Contribution, 0.3)
		byName := map[string]HoldingReturn{h[0].Symbol: h[0], h[1].Symbol: h[1]}
		near(t, "A's TWR", byName["A"].TWR, c.wantA)
		near(t, "C's TWR", byName["C"].TWR, c.wan)
	}
}

// TestDecomposeReportsEveryProblem: a short column, a NaN value and a
// window with no date are reported with what and where.
func TestDecomposeReportsEveryProblem(t *testing.T) {
	f, cols := fourDays()
	cols.Realized = cols.Realized[:7]
	cols.Value[5] = math.NaN()
	_, err := Decompose(f, cols, time.Time{}, time.Time{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"Realized column has 7 values, want 2 symbols × 4 dates = 8", "B's Value on 2024-01-02 is NaN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	f, cols = fourDays()
	if _, err := Decompose(f, cols, date(10), time.Time{}); err == nil || !strings.Contains(err.Error(), "no date of the portfolio (2024-01-01 to 2024-01-04) falls in the window 2024-01-11 to open") {
		t.Errorf("window after the dates: error %v", err)
	}
}

// TestByGroupByHand: fourDays with A in Tech and B unclassified: Tech
// contributes A's 0.095, Unclassified B's 0.01, Cash 0 (largest first);
// Tech opened at 0 (the window starts on the first date) and ended at 0
// (sold), Cash ended at 900.
func TestByGroupByHand(t *testing.T) {
	f, cols := fourDays()
	d, err := Decompose(f, cols, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := d.ByGroup(MapGroup(map[string]string{"A": "Tech"}))
	want := []GroupContribution{
		{Group: "Tech", Contribution: 0.095, Symbols: []string{"A"}},
		{Group: Unclassified, Contribution: 0.01, Symbols: []string{"B"}, End: 105},
		{Group: Cash, Contribution: 0, Symbols: []string{Cash}, End: 900},
	}
	if len(got) != len(want) {
		t.Fatalf("ByGroup = %+v, want %+v", got, want)
	}
	for i, w := range want {
		g := got[i]
		if g.Group != w.Group || strings.Join(g.Symbols, ",") != strings.Join(w.Symbols, ",") {
			t.Errorf("group %d = %s %v, want %s %v", i, g.Group, g.Symbols, w.Group, w.Symbols)
		}
		near(t, w.Group+" contribution", g.Contribution, w.Contribution)
		near(t, w.Group+" end", g.End, w.End)
	}
}
