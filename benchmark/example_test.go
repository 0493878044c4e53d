package benchmark_test

import (
	"fmt"
	"time"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/quotes"
)

func Example() {
	calendar := []time.Time{quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3), quotes.Date(2024, 1, 4), quotes.Date(2024, 1, 5)}
	dji := &quotes.Series{Symbol: "^DJI", Currency: "USD",
		// No close on 4 January: the 3rd's is carried forward.
		Dates: []time.Time{quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3), quotes.Date(2024, 1, 5)},
		Close: []float64{100, 104, 99},
	}
	idx, err := benchmark.Align(dji, calendar, "USD", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, r := range benchmark.CumulativeReturn(idx.Dates, idx.Values, quotes.Date(2024, 1, 3)) {
		fmt.Printf("%s %+.4f\n", idx.Dates[i].Format(time.DateOnly), r)
	}

	// What if the 1000 deposited on the 2nd had gone into the index?
	flows := []perf.Flow{{Date: quotes.Date(2024, 1, 2), Amount: 1000}}
	perf, err := benchmark.SameCashFlows(idx, flows, calendar)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := stats.Compute(perf, stats.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("values %v, TWR %.3f\n", perf.Value, s.TWR.Value)
	// Output:
	// 2024-01-02 -0.0385
	// 2024-01-03 +0.0000
	// 2024-01-04 +0.0000
	// 2024-01-05 -0.0481
	// values [1000 1040 1040 990], TWR -0.010
}
