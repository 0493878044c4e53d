package stats

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

func flow(y, m, d int, amount float64) perf.Flow {
	return perf.Flow{Date: date(y, time_(m), d), Amount: amount}
}

func TestXIRR(t *testing.T) {
	tests := []struct {
		name     string
		flows    []perf.Flow
		end      [3]int
		endValue float64
		want     float64
	}{{
		// 1000 × (1 + r)^(366/365) = 1100 (2020 is a leap year)
		// → r = 1.1^(365/366) − 1 = 0.0997377
		name:  "one deposit over a leap year",
		flows: []perf.Flow{flow(2020, 1, 1, 1000)}, end: [3]int{2021, 1, 1}, endValue: 1100,
		want: math.Pow(1.1, 365.0/366) - 1,
	}, {
		// Two 365-day years: 1000 × 1.1² + 1000 × 1.1 = 1210 + 1100 = 2310 at r = 10 %.
		name:  "two deposits",
		flows: []perf.Flow{flow(2021, 1, 1, 1000), flow(2022, 1, 1, 1000)}, end: [3]int{2023, 1, 1}, endValue: 2310,
		want: 0.1,
	}, {
		// 1000 × 1.1² − 550 × 1.1 = 1210 − 605 = 605 at r = 10 %.
		name:  "deposit and withdrawal",
		flows: []perf.Flow{flow(2021, 1, 1, 1000), flow(2022, 1, 1, -550)}, end: [3]int{2023, 1, 1}, endValue: 605,
		want: 0.1,
	}, {
		// 1000 × (1 + r) = 500 over 365 days → r = −0.5.
		name:  "loss",
		flows: []perf.Flow{flow(2021, 1, 1, 1000)}, end: [3]int{2022, 1, 1}, endValue: 500,
		want: -0.5,
	}, {
		// Excel's documented XIRR example: −10000 on 2008-01-01, then 2750
		// (2008-03-01), 4250 (2008-10-30), 3250 (2009-02-15) and 2750
		// (2009-04-01) → 0.373362535 (Excel rounds its iteration to ~1e-8).
		name: "Excel documentation example",
		flows: []perf.Flow{flow(2008, 1, 1, 10000), flow(2008, 3, 1, -2750),
			flow(2008, 10, 30, -4250), flow(2009, 2, 15, -3250)},
		end: [3]int{2009, 4, 1}, endValue: 2750,
		want: 0.373362535,
	}, {
		// 100 doubles in one day: (1 + r)^(1/365) = 2 → r = 2^365 − 1 ≈ 7.5e109,
		// absurd but finite.
		name:  "doubling in a day",
		flows: []perf.Flow{flow(2021, 1, 1, 100)}, end: [3]int{2021, 1, 2}, endValue: 200,
		want: math.Pow(2, 365) - 1,
	}, {
		// Two sign changes: 100 paid in, 230 taken out a year later, 132
		// owed at the end: 100 (1+r)² − 230 (1+r) + 132 = 0 has roots
		// 1 + r = (230 ± sqrt(52900 − 52800)) / 200 = 1.1 or 1.2. The one
		// nearer 0 is 10 %.
		name:  "two roots",
		flows: []perf.Flow{flow(2021, 1, 1, 100), flow(2022, 1, 1, -230)}, end: [3]int{2023, 1, 1}, endValue: -132,
		want: 0.1,
	}, {
		// Same-day deposit and end: money paid in on the end date counts
		// at face value. 1000 × 1.1 + 500 = 1600 at r = 10 %.
		name:  "deposit on the end date",
		flows: []perf.Flow{flow(2021, 1, 1, 1000), flow(2022, 1, 1, 500)}, end: [3]int{2022, 1, 1}, endValue: 1600,
		want: 0.1,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := XIRR(tc.flows, date(tc.end[0], time_(tc.end[1]), tc.end[2]), tc.endValue)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got, tc.want, 1e-8) {
				t.Errorf("XIRR = %.12g, want %.12g", got, tc.want)
			}
		})
	}
}

func TestXIRRTotalLoss(t *testing.T) {
	// 100 paid in, 1e-200 left a day later: the rate is −100 % to the
	// precision of a float64, and must be found, not reported as no root.
	got, err := XIRR([]perf.Flow{flow(2021, 1, 1, 100)}, date(2021, 1, 2), 1e-200)
	if err != nil || got != -1 {
		t.Errorf("got %v, %v; want −1", got, err)
	}
}

func TestXIRRNoRoot(t *testing.T) {
	end := date(2022, 1, 1)
	for name, tc := range map[string]struct {
		flows    []perf.Flow
		endValue float64
	}{
		"deposits and nothing left": {[]perf.Flow{flow(2021, 1, 1, 100), flow(2021, 6, 1, 100)}, 0},
		"only an end value":         {nil, 100},
		"only withdrawals":          {[]perf.Flow{flow(2021, 1, 1, -100)}, 50},
		"everything on the end day": {[]perf.Flow{flow(2022, 1, 1, 100)}, 110},
		// 100 (1+r)² − 230 (1+r) + 133 > 0 for every r (discriminant 52900 − 53200 < 0).
		"no real root": {[]perf.Flow{flow(2020, 1, 1, 100), flow(2021, 1, 1, -230)}, -133},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := XIRR(tc.flows, end, tc.endValue)
			if !errors.Is(err, ErrNoIRR) || !math.IsNaN(got) {
				t.Errorf("got %v, %v; want NaN and ErrNoIRR", got, err)
			}
		})
	}
}

func TestXIRRBadInput(t *testing.T) {
	end := date(2022, 1, 1)
	flows := []perf.Flow{flow(2021, 1, 1, math.NaN()), flow(2023, 1, 1, 100), flow(2021, 2, 1, math.Inf(1))}
	got, err := XIRR(flows, end, math.NaN())
	if err == nil || errors.Is(err, ErrNoIRR) || !math.IsNaN(got) {
		t.Fatalf("got %v, %v; want NaN and an input error", got, err)
	}
	// Every problem is reported at once.
	for _, want := range []string{"flow 0", "flow 1 on 2023-01-01 is after", "flow 2", "end value NaN"} {
		if !contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestMWR(t *testing.T) {
	for _, tc := range []struct {
		name       string
		flows      []perf.Flow
		start, end time.Time
		endValue   float64
		want       float64
	}{{
		// 100 in, 110 out 73 days later: 10 % over the period (XIRR
		// 1.1^(365/73) − 1 = 1.1^5 − 1 a year).
		name:  "one deposit",
		flows: []perf.Flow{flow(2023, 1, 1, 100)}, start: date(2023, 1, 1), end: date(2023, 3, 15), endValue: 110,
		want: 0.1,
	}, {
		// The period runs from start, not from the first flow: 100 paid in
		// after 73 of 146 days grows to 110, XIRR 1.1^5 − 1, so over the 146
		// days (1 + r)^(146/365) − 1 = 1.1^2 − 1 = 0.21.
		name:  "deposit after the start",
		flows: []perf.Flow{flow(2023, 3, 15, 100)}, start: date(2023, 1, 1), end: date(2023, 5, 27), endValue: 110,
		want: 0.21,
	}, {
		// Two 365-day years at 10 % a year (TestXIRR's "deposit and
		// withdrawal"): 1.1² − 1 = 0.21 over the two years.
		name:  "two years",
		flows: []perf.Flow{flow(2021, 1, 1, 1000), flow(2022, 1, 1, -550)}, start: date(2021, 1, 1), end: date(2023, 1, 1), endValue: 605,
		want: 0.21,
	}, {
		// 100 in, 80 two days later: −20 %, although the annual rate,
		// 0.8^182.5 − 1, is −1 to a float64.
		name:  "steep loss",
		flows: []perf.Flow{flow(2023, 6, 1, 100)}, start: date(2023, 6, 1), end: date(2023, 6, 3), endValue: 80,
		want: -0.2,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := MWR(tc.flows, tc.start, tc.end, tc.endValue)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got, tc.want, 1e-9) {
				t.Errorf("MWR = %.12g, want %.12g", got, tc.want)
			}
		})
	}
	// 1.1^(365/73) − 1 = 0.61051 is what the same flows give as an annual rate.
	r, err := XIRR([]perf.Flow{flow(2023, 1, 1, 100)}, date(2023, 3, 15), 110)
	if err != nil || !near(r, 0.61051, 1e-9) {
		t.Errorf("XIRR = %v, %v; want 0.61051", r, err)
	}
}

func TestMWRErrors(t *testing.T) {
	one := []perf.Flow{flow(2023, 1, 1, 100)}
	if _, err := MWR(one, date(2023, 2, 1), date(2023, 1, 15), 110); err == nil || !contains(err.Error(), "start 2023-02-01 is after the end date 2023-01-15") {
		t.Errorf("start after end: %v", err)
	}
	if got, err := MWR(one, date(2023, 1, 1), date(2023, 2, 1), 0); !errors.Is(err, ErrNoIRR) || !math.IsNaN(got) {
		t.Errorf("nothing left: %v, %v; want NaN and ErrNoIRR", got, err)
	}
	// A start long before the flows stretches e^(x days/365) past a float64:
	// 100 → 200 in a day is x = 365 ln 2 = 253 a year, and over the 10
	// years from start e^(253 × 10) overflows.
	if got, err := MWR(one, date(2013, 1, 1), date(2023, 1, 2), 200); !errors.Is(err, ErrNoIRR) || !math.IsNaN(got) {
		t.Errorf("overflow: %v, %v; want NaN and ErrNoIRR", got, err)
	}
}
