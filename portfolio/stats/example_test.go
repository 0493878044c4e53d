package stats_test

import (
	"fmt"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
)

func Example() {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	// 1000 deposited on 2 January, 500 more on the 4th, 200 taken out on the 5th.
	perf := &perf.Frame{
		Currency:    "USD",
		Dates:       []time.Time{day(2), day(3), day(4), day(5), day(8)},
		Value:       []float64{1000, 1020, 1540, 1320, 1350},
		Deposits:    []float64{1000, 0, 500, 0, 0},
		Withdrawals: []float64{0, 0, 0, 200, 0},
	}
	s, err := stats.Compute(perf, stats.Options{RiskFree: 0.03})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Deposits count from the start of the day, withdrawals from its end:
	// r = 1000/(0+1000)−1, 1020/1000−1, 1540/(1020+500)−1,
	// (1320+200)/1540−1, 1350/1320−1;
	// TWR = 1.02 × (1540/1520) × (1520/1540) × (1350/1320) − 1
	//     = 1.02 × 1.0227273 − 1 = 0.0431818.
	fmt.Printf("TWR %.4f, PnL %.0f\n", s.TWR.Value, s.PnL)
	fmt.Printf("worst day %s %.4f\n", s.WorstDay.Date.Format(time.DateOnly), s.WorstDay.Return.Value)
	fmt.Println("annualised:", s.TWRAnnualised)
	// The money-weighted return over the 6 days solves
	// 1000 (1 + R) + 500 (1 + R)^(4/6) − 200 (1 + R)^(3/6) = 1350: R = 0.04058
	// (Modified Dietz, 50 / (1000 + 500 × 4/6 − 200 × 3/6) = 0.04054, is close).
	// Six days are not annualised.
	fmt.Printf("MWR %.4f\n", s.MWR.Value)
	fmt.Println("IRR:", s.IRR)
	// Four daily returns (the first day has none) are too few for a volatility.
	fmt.Println("volatility:", s.Volatility)
	// Output:
	// TWR 0.0432, PnL 50
	// worst day 2024-01-05 -0.0130
	// annualised: NaN (a period shorter than a year is not annualised)
	// MWR 0.0406
	// IRR: NaN (a period shorter than a year is not annualised)
	// volatility: NaN (fewer than 20 daily returns: there are 4)
}

func ExampleXIRR() {
	flows := []perf.Flow{
		{Date: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Amount: 1000},
		{Date: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), Amount: -550},
	}
	// 1000 × 1.1² − 550 × 1.1 = 605
	r, err := stats.XIRR(flows, time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), 605)
	fmt.Printf("%.6f %v\n", r, err)
	// Output: 0.100000 <nil>
}
