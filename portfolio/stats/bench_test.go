package stats

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// benchFrame is 20 years of weekday data (5040 dates + a few) with a
// monthly deposit and a yearly withdrawal, from a fixed seed.
func benchFrame() *perf.Frame {
	const n = 5040
	rng := rand.New(rand.NewPCG(1, 2))
	p := &perf.Frame{Currency: "USD"}
	v, d := 0.0, date(2005, 1, 3)
	for len(p.Dates) < n {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			var in, out float64
			if len(p.Dates)%21 == 0 {
				in = 1000
			}
			if len(p.Dates)%252 == 251 {
				out = v * 0.05
			}
			v = (v+in)*(1+rng.NormFloat64()*0.01+0.0003) - out
			p.Dates = append(p.Dates, d)
			p.Value = append(p.Value, v)
			p.Deposits = append(p.Deposits, in)
			p.Withdrawals = append(p.Withdrawals, out)
		}
		d = d.AddDate(0, 0, 1)
	}
	return p
}

func BenchmarkStatistics(b *testing.B) {
	p := benchFrame()
	daily := DailyReturns(p.Value, p.Deposits, p.Withdrawals)
	risk := daily[1:]
	cum := Cumulative(daily)
	w := make([]float64, len(cum))
	var flows []perf.Flow
	for i := range cum {
		w[i] = 1 + cum[i]
		if p.Deposits[i] > 0 {
			flows = append(flows, perf.Flow{Date: p.Dates[i], Amount: p.Deposits[i]})
		}
		if p.Withdrawals[i] > 0 {
			flows = append(flows, perf.Flow{Date: p.Dates[i], Amount: -p.Withdrawals[i]})
		}
	}
	n := len(p.Dates)
	rf := DailyRiskFree(0.03, 252)
	var sink float64
	b.Run("DailyReturns", func(b *testing.B) {
		for b.Loop() {
			sink += DailyReturns(p.Value, p.Deposits, p.Withdrawals)[n-1]
		}
	})
	b.Run("Cumulative", func(b *testing.B) {
		for b.Loop() {
			sink += Cumulative(daily)[n-1]
		}
	})
	b.Run("Drawdowns", func(b *testing.B) {
		for b.Loop() {
			sink += Drawdowns(cum)[n-1]
		}
	})
	b.Run("Volatility", func(b *testing.B) {
		for b.Loop() {
			sink += Volatility(risk, 252)
		}
	})
	b.Run("Sharpe", func(b *testing.B) {
		for b.Loop() {
			sink += Sharpe(risk, rf, 252)
		}
	})
	b.Run("Sortino", func(b *testing.B) {
		for b.Loop() {
			sink += Sortino(risk, rf, 252)
		}
	})
	b.Run("MaxDrawdown", func(b *testing.B) {
		for b.Loop() {
			sink += MaxDrawdown(p.Dates, w).Depth
		}
	})
	b.Run("CAGR", func(b *testing.B) {
		for b.Loop() {
			sink += CAGR(cum[n-1], p.Dates[0], p.Dates[n-1])
		}
	})
	b.Run("XIRR", func(b *testing.B) {
		b.ReportMetric(float64(len(flows)), "flows")
		for b.Loop() {
			r, err := XIRR(flows, p.Dates[n-1], p.Value[n-1])
			if err != nil {
				b.Fatal(err)
			}
			sink += r
		}
	})
	b.Run("Tables", func(b *testing.B) {
		invested := make([]bool, n)
		for i := range invested {
			invested[i] = true
		}
		for b.Loop() {
			m, _ := calendarReturns(p.Dates, w, invested)
			sink += m[0].Return.Value
		}
	})
	b.Run("Periods", func(b *testing.B) {
		for b.Loop() {
			sink += periodReturns(p.Dates, w)[0].Return.Value
		}
	})
	b.Run("Compute", func(b *testing.B) {
		for b.Loop() {
			s, err := Compute(p, Options{RiskFree: 0.03})
			if err != nil {
				b.Fatal(err)
			}
			sink += s.TWR.Value
		}
	})
	_ = sink
}
