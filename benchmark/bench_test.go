package benchmark

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
	"github.com/gofolio/gofolio/portfolio/stats"
	"github.com/gofolio/gofolio/quotes"
)

// benchData is 20 years of weekdays (5040 dates) from a fixed seed: an index
// quoted in USD that misses every 50th day, and a portfolio frame with a
// deposit every 21 days.
func benchData() (*quotes.Series, *perf.Frame, []perf.Flow) {
	const n = 5040
	rng := rand.New(rand.NewPCG(3, 4))
	s := &quotes.Series{Symbol: "^GSPC", Currency: "USD"}
	p := &perf.Frame{Currency: "GBP"}
	var flows []perf.Flow
	price, v := 1000.0, 0.0
	for d := date(2005, 1, 3); len(p.Dates) < n; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		in := 0.0
		if len(p.Dates)%21 == 0 {
			in = 1000
			flows = append(flows, perf.Flow{Date: d, Amount: in})
		}
		price *= 1 + rng.NormFloat64()*0.01 + 0.0002
		v = (v + in) * (1 + rng.NormFloat64()*0.012 + 0.0003)
		if len(p.Dates)%50 != 49 {
			s.Dates = append(s.Dates, d)
			s.Close = append(s.Close, price)
		}
		p.Dates = append(p.Dates, d)
		p.Value = append(p.Value, v)
		p.Deposits = append(p.Deposits, in)
	}
	return s, p, flows
}

// constRates converts every pair at the same rate.
type constRates float64

func (c constRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	out := make([]float64, len(dates))
	for i := range out {
		out[i] = float64(c)
	}
	return out, nil
}

func BenchmarkBenchmark(b *testing.B) {
	series, perf, flows := benchData()
	idx, err := Align(series, perf.Dates, "GBP", constRates(0.8))
	if err != nil {
		b.Fatal(err)
	}
	n := len(perf.Dates)
	pr := stats.DailyReturns(perf.Value, perf.Deposits, nil)[1:]
	br := Returns(idx.Values)
	var sink float64
	b.Run("Align", func(b *testing.B) {
		for b.Loop() {
			x, _ := Align(series, perf.Dates, "GBP", constRates(0.8))
			sink += x.Values[0]
		}
	})
	b.Run("CumulativeReturn", func(b *testing.B) {
		for b.Loop() {
			sink += CumulativeReturn(idx.Dates, idx.Values, perf.Dates[n/2])[0]
		}
	})
	b.Run("SameCashFlows", func(b *testing.B) {
		for b.Loop() {
			p, err := SameCashFlows(idx, flows, perf.Dates)
			if err != nil {
				b.Fatal(err)
			}
			sink += p.Value[n-1]
		}
	})
	b.Run("Relative", func(b *testing.B) {
		for b.Loop() {
			r, err := Relative(pr, br, stats.Options{RiskFree: 0.03})
			if err != nil {
				b.Fatal(err)
			}
			sink += r.Beta.Value
		}
	})
	b.Run("Against", func(b *testing.B) {
		for b.Loop() {
			r, err := Against(perf, idx, stats.Options{RiskFree: 0.03})
			if err != nil {
				b.Fatal(err)
			}
			sink += r.Beta.Value
		}
	})
	_ = sink
}
