package analysis

import (
	"fmt"
	"strings"

	"github.com/gofolio/gofolio/portfolio/attribution"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// Model is a model portfolio to compare the portfolio with (Options.Model):
// target weights, as a rebalancing targets file gives them
// (rebalance.ReadTargets: weights of the total value, CASH for cash), held
// at every close of the window (rebalanced daily), from the market data of
// Series, in the reporting currency at the Result's rates.
type Model struct {
	// Name names the model in the report (its file, say).
	Name    string
	Targets rebalance.Targets
	// Series are the market data of the model's symbols, by symbol (the
	// portfolio's own and the others': the Result keeps none). Each must
	// cover the window's first date. A target's Price is not used.
	Series map[string]*quotes.Series
}

// ModelAnalysis is the model's analysis over the window.
type ModelAnalysis struct {
	Name string
	// Daily is the model's daily returns over Performance's dates
	// (attribution.NewModel: R[t] = Σ w r[s,t], none on the first date).
	Daily *attribution.ModelDaily
	// Benchmark is the model analysed as a benchmark (its index, its
	// statistics, the portfolio's relative to it, the same cash flows
	// invested in it): the last of Analysis.Benchmarks.
	Benchmark *Benchmark
}

// attributionModel is m's targets as an attribution.Model: the cash
// (rebalance.Cash) named attribution.Cash.
func attributionModel(m *Model) attribution.Model {
	am := attribution.Model{Name: m.Name, Weights: make(map[string]float64, len(m.Targets))}
	for _, t := range m.Targets {
		sym := t.Symbol
		if strings.EqualFold(sym, rebalance.Cash) {
			sym = attribution.Cash
		}
		am.Weights[sym] += t.Weight
	}
	return am
}

// analyseModel lays Options.Model over the window (its Daily), analyses
// its index as a benchmark, appended to a.Benchmarks, and sets a.Model.
// Its index starts at the portfolio's first value in the window.
func (a *Analysis) analyseModel() error {
	m := a.Options.Model
	if m == nil {
		return nil
	}
	perf := a.Performance
	md, err := attribution.NewModel(attributionModel(m), m.Series, perf.Dates, a.Result.Currency, a.Result.Rates)
	if err != nil {
		return err
	}
	b, err := analyseIndex(perf, md.Index(perf.Value[0]), a.Options.StatsOptions())
	if err != nil {
		return fmt.Errorf("model %s: %w", m.Name, err)
	}
	a.Benchmarks = append(a.Benchmarks, *b)
	a.Model = &ModelAnalysis{Name: m.Name, Daily: md, Benchmark: &a.Benchmarks[len(a.Benchmarks)-1]}
	return nil
}
