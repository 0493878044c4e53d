package quality

import (
	"context"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// TestCleanSampleMarket checks the embedded sample market: its only
// findings are the three below, each real.
func TestCleanSampleMarket(t *testing.T) {
	explained := map[string]string{
		// Home Depot fell 28.7% on 2000-10-12 on a profit warning: a move
		// of 3:2-split size that lasted. Reported (it would be a missing
		// 3:2 split if no news explained it), not repairable: 48.76/34.75 =
		// 1.403 is 6.7% from 1.5, beyond the 2% Repair requires.
		"HD " + string(MissingSplit) + " 2000-10-12": "real crash",
		// Procter & Gamble fell 30.2% on 2000-03-07 (its profit warning):
		// 85.55/59.68 = 1.433, 4.5% from 1.5: reported, not repairable.
		"PG " + string(MissingSplit) + " 2000-03-07": "real crash",
		// J.P. Morgan's adjusted close is 6.43 on six trading days in a
		// row (1991-08-29 to 09-06) while the Dow moved; around it fewer
		// than one close in five equals the one before. Most likely a stale
		// stretch in the source's (Yahoo via fBasics) history; it stays.
		"JPM " + string(Stale) + " 1991-08-29": "stale in the source",
	}
	seen := map[string]bool{}
	for _, f := range Check(sampleMarket(t), Options{}) {
		key := f.Symbol + " " + string(f.Kind) + " " + f.From.Format(time.DateOnly)
		if _, ok := explained[key]; !ok || f.Repairable {
			t.Errorf("unexplained finding on the sample market: %v", f)
		}
		seen[key] = true
	}
	for key := range explained {
		if !seen[key] {
			t.Errorf("no finding %q any more: update the explanations", key)
		}
	}
}

// TestRecordedYahooClean checks the real recorded Yahoo responses, among
// them AAPL's 4:1 split of 2020-08-31 and MSFT's four dividends: none is
// at fault.
func TestRecordedYahooClean(t *testing.T) {
	rec := recorded(t)
	if len(rec) < 6 {
		t.Fatalf("%d recorded series, want 6", len(rec))
	}
	for _, f := range Check(rec, Options{}) {
		t.Errorf("finding on real recorded data: %v", f)
	}
}

// TestCSVFolder runs the checks on a folder of CSV prices (quotes.Dir):
// ACME's closes go 124.80, 129.00 over its 4:1 split of 2020-08-31, so
// they are adjusted; read as traded, the split has no jump.
func TestCSVFolder(t *testing.T) {
	for _, adjusted := range []bool{false, true} {
		dir, err := quotes.NewDir(filepath.Join("..", "testdata", "dir"), quotes.DirOptions{SplitAdjusted: adjusted})
		if err != nil {
			t.Fatal(err)
		}
		s, err := dir.Series(context.Background(), "ACME", time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		found := Check(map[string]*quotes.Series{"ACME": s}, Options{})
		if adjusted && len(found) != 0 {
			t.Errorf("adjusted: findings %v, want none", found)
		}
		if !adjusted && (len(found) != 1 || found[0].Kind != SplitWithoutJump || found[0].Impact != 3) {
			t.Errorf("as traded: findings %v, want one %s of impact 4−1 = 3", found, SplitWithoutJump)
		}
	}
}

// weekdays returns n weekdays from 2020-01-06 (a Monday).
func weekdays(n int) []time.Time {
	var out []time.Time
	for d := quotes.Date(2020, 1, 6); len(out) < n; d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			out = append(out, d)
		}
	}
	return out
}

// wobble is n closes around 10 that move every day: 10, 10.1, 10, 10.1 …
func wobble(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = 10 + 0.1*float64(i%2)
	}
	return out
}

func one(t *testing.T, s *quotes.Series) Finding {
	t.Helper()
	found := Check(map[string]*quotes.Series{s.Symbol: s}, Options{})
	if len(found) != 1 {
		t.Fatalf("findings %v, want one", found)
	}
	return found[0]
}

// TestHandMadeFaults pins each kind's finding on a small series whose
// figures are worked out by hand in the comments.
func TestHandMadeFaults(t *testing.T) {
	d := weekdays(30)
	t.Run("unit", func(t *testing.T) {
		s := &quotes.Series{Symbol: "U", Dates: d, Close: wobble(30)}
		s.Close[12], s.Close[13] = 1000, 1010 // 10·100 and 10.1·100
		f := one(t, s)
		// Impact |100 − 1| = 99; days 12..13.
		if f.Kind != UnitSwitch || f.Impact != 99 || !f.From.Equal(d[12]) || !f.To.Equal(d[13]) || !f.Repairable {
			t.Errorf("got %v", f)
		}
	})
	t.Run("missing split", func(t *testing.T) {
		s := &quotes.Series{Symbol: "S", Dates: d, Close: wobble(30)}
		for i := 15; i < 30; i++ {
			s.Close[i] /= 2 // 10.1 then 5: a fall of 2.02, 1% from 2
		}
		f := one(t, s)
		if f.Kind != MissingSplit || f.Impact != 1 || !f.From.Equal(d[15]) || !f.Repairable {
			t.Errorf("got %v", f)
		}
	})
	t.Run("doubled adjustment", func(t *testing.T) {
		s := &quotes.Series{Symbol: "D", Dates: d, Close: wobble(30), SplitAdjusted: true,
			Splits: []quotes.Split{{Date: d[10], Numerator: 3, Denominator: 1}}}
		for i := range 10 {
			s.Close[i] /= 3 // 10.1/3 = 3.367 then 10: a rise of 2.97, x = −ln 2.97/ln 3 = −0.99
		}
		f := one(t, s)
		if f.Kind != DoubledAdjustment || f.Impact != 2 || !f.Repairable {
			t.Errorf("got %v", f)
		}
	})
	t.Run("dividends", func(t *testing.T) {
		s := &quotes.Series{Symbol: "V", Dates: d, Close: wobble(30), Dividends: []quotes.Dividend{
			{Date: d[5], Amount: 3},    // 3/10 (day 4's close) = 30% > 25%
			{Date: d[9], Amount: 1.5},  // 1.5/10 = 15% ≥ 10%; close moves +1% > −7.5%
			{Date: d[20], Amount: 0.5}, // 5%: too small to check its drop
		}}
		found := Check(map[string]*quotes.Series{"V": s}, Options{})
		if len(found) != 2 || found[0].Kind != DividendTooLarge || math.Abs(found[0].Impact-0.3) > 1e-12 ||
			found[1].Kind != DividendNoDrop || math.Abs(found[1].Impact-0.15) > 1e-12 {
			t.Errorf("got %v", found)
		}
	})
	t.Run("stale, zero, gap", func(t *testing.T) {
		closes := wobble(30)
		for i := 3; i < 9; i++ {
			closes[i] = 10.1 // days 3..8 and the 10.1 of day 3: six equal closes
		}
		closes[3], closes[20] = 10.1, 0
		dates := append([]time.Time(nil), d...)
		for i := 25; i < 30; i++ {
			dates[i] = dates[i].AddDate(0, 1, 0) // day 24 to 25: over a month
		}
		found := Check(map[string]*quotes.Series{"Z": {Symbol: "Z", Dates: dates, Close: closes}}, Options{})
		var kinds []string
		for _, f := range found {
			kinds = append(kinds, string(f.Kind))
		}
		// Impact: zero 1; stale |10/10.1 − 1| = 0.0099; gap |10.1/10 − 1| = 0.01.
		want := []string{string(NotPositive), string(Gap), string(Stale)}
		if !reflect.DeepEqual(kinds, want) {
			t.Errorf("kinds %v, want %v (by impact)", kinds, want)
		}
	})
}

// TestBadShapesDoNotPanic feeds series that break Series' invariants.
func TestBadShapesDoNotPanic(t *testing.T) {
	d := weekdays(3)
	Check(map[string]*quotes.Series{
		"nil": nil, "empty": {}, "short": {Dates: d, Close: []float64{1}},
		"nan":    {Dates: d, Close: []float64{math.NaN(), math.Inf(1), -1}},
		"split0": {Dates: d, Close: []float64{1, 2, 3}, Splits: []quotes.Split{{Date: d[1]}}},
	}, Options{})
}

// TestFindingString pins the one-line form.
func TestFindingString(t *testing.T) {
	f := Finding{Symbol: "X", Kind: Gap, From: quotes.Date(2020, 1, 2), To: quotes.Date(2020, 2, 3), Seen: "s", Likely: "l"}
	if got, want := f.String(), "X 2020-01-02 to 2020-02-03: gap in the closes: s; likely l"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	f.From, f.Repairable = f.To, true
	if got := f.String(); !strings.HasPrefix(got, "X 2020-02-03: ") || !strings.HasSuffix(got, " (repairable)") {
		t.Errorf("got %q", got)
	}
}
