package notebook

import (
	"strconv"
	"strings"

	"github.com/gofolio/gofolio/benchmark"
	"github.com/gofolio/gofolio/portfolio/stats"
)

// MIMERecords is the MIME type of the machine-readable figures Statistics
// adds to its output: StatsRecord and RelativeRecord lines. No front end
// renders it, so the reader sees the tables only.
const MIMERecords = "text/vnd.gofolio.records"

// StatsRecord formats the headline statistics of s as one machine-readable
// line, for checking a notebook's printed figures against the Go API:
//
//	STATS "name" twr=… twr_annualised=… irr=… volatility=… sharpe=… sortino=… max_drawdown=… calmar=… end_value=… net_contributions=… pnl=…
//
// The name is a Go-quoted string; each value is the float64 in the shortest
// form that reads back exactly (strconv 'g', -1), NaN for an undefined
// figure.
func StatsRecord(name string, s *stats.Summary) string {
	return record("STATS", name, []field{
		{"twr", s.TWR.Value},
		{"twr_annualised", s.TWRAnnualised.Value},
		{"irr", s.IRR.Value},
		{"volatility", s.Volatility.Value},
		{"sharpe", s.Sharpe.Value},
		{"sortino", s.Sortino.Value},
		{"max_drawdown", s.MaxDrawdown.Depth},
		{"calmar", s.Calmar.Value},
		{"end_value", s.EndValue},
		{"net_contributions", s.NetContributions},
		{"pnl", s.PnL},
	})
}

// RelativeRecord formats r as StatsRecord formats a summary:
//
//	RELATIVE "name" beta=… alpha=… correlation=… tracking_error=… information_ratio=… up_capture=… down_capture=…
func RelativeRecord(name string, r *benchmark.RelativeStats) string {
	return record("RELATIVE", name, []field{
		{"beta", r.Beta.Value},
		{"alpha", r.Alpha.Value},
		{"correlation", r.Correlation.Value},
		{"tracking_error", r.TrackingError.Value},
		{"information_ratio", r.InformationRatio.Value},
		{"up_capture", r.UpCapture.Value},
		{"down_capture", r.DownCapture.Value},
	})
}

type field struct {
	key   string
	value float64
}

func record(kind, name string, fields []field) string {
	var b strings.Builder
	b.WriteString(kind)
	b.WriteByte(' ')
	b.WriteString(strconv.Quote(name))
	for _, f := range fields {
		b.WriteByte(' ')
		b.WriteString(f.key)
		b.WriteByte('=')
		b.WriteString(strconv.FormatFloat(f.value, 'g', -1, 64))
	}
	return b.String()
}
