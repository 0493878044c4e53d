package workbook

import (
	"fmt"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/quotes"
)

// Test days: Monday 2024-01-01 .. Wednesday 2024-01-03 (as in package
// portfolio's tests).
var (
	d1 = quotes.Date(2024, 1, 1)
	d2 = quotes.Date(2024, 1, 2)
	d3 = quotes.Date(2024, 1, 3)
)

type (
	Transaction = portfolio.Transaction
	Config      = portfolio.Config
)

const (
	Deposit = portfolio.Deposit
	Buy     = portfolio.Buy
)

func testSeries(sym, ccy string, dates []time.Time, closes ...float64) *quotes.Series {
	return &quotes.Series{Symbol: sym, Currency: ccy, Dates: dates[:len(closes)], Close: closes}
}

func days(ds ...time.Time) []time.Time { return ds }

func market(ss ...*quotes.Series) map[string]*quotes.Series {
	m := map[string]*quotes.Series{}
	for _, s := range ss {
		m[s.Symbol] = s
	}
	return m
}

func build(t *testing.T, txs []Transaction, cfg Config) *portfolio.Result {
	t.Helper()
	res, err := portfolio.Build(txs, cfg)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

// fixedRates converts every currency of rate to to at one rate, every day.
type fixedRates struct {
	to   string
	rate map[string]float64
}

func (f fixedRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	r, ok := f.rate[from]
	if to != f.to || !ok {
		return nil, fmt.Errorf("fixed: no rate from %s to %s", from, to)
	}
	out := make([]float64, len(dates))
	for i := range out {
		out[i] = r
	}
	return out, nil
}
