package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/attribution"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// modelFlag is -model: a model portfolio given as weights, in the
// rebalancing targets' format (symbol,weight in percent, CASH for cash),
// rebalanced daily (analysis.Model), shown beside the portfolio as the last
// benchmark and attributed against with Brinson-Fachler (-contrib, the
// report's returns section).
type modelFlag struct {
	file    string
	targets rebalance.Targets
}

// read reads -model before anything is fetched: a bad file fails at once,
// every problem listed.
func (m *modelFlag) read() error {
	if m.file == "" {
		return nil
	}
	t, err := rebalance.ReadTargets(m.file)
	if err != nil {
		return fmt.Errorf("-model: %w", err)
	}
	m.targets = t
	return nil
}

// modelName is the model as the report and the terminal name it: "Model"
// and the file's base name.
func modelName(file string) string { return "Model " + filepath.Base(file) }

// fetchModel fetches into j.extra the model's symbols series lacks (those
// the transactions do not name), as benchmarks are (from a few days before
// the first transaction to -to); a symbol the source does not know fails.
func (j *job) fetchModel(ctx context.Context, src quotes.Source, series map[string]*quotes.Series) error {
	m := j.opts.model
	var fetch []string
	for _, t := range m.targets {
		if _, held := series[t.Symbol]; !held && !strings.EqualFold(t.Symbol, rebalance.Cash) && t.Weight > 0 {
			fetch = append(fetch, t.Symbol)
		}
	}
	got, err := portfolio.FetchBenchmarks(ctx, src, fetch, j.txs, j.opts.to)
	if err != nil {
		return fmt.Errorf("-model %s: %w", m.file, err)
	}
	for i, sym := range fetch {
		j.extra[sym] = got[i]
	}
	return nil
}

// loadModel is the analysis.Model of -model, nil without it: the
// portfolio's series for the symbols it holds, the others those fetchModel
// fetched; both checked and, with -repair, repaired (checkQuality).
func loadModel(j *job) (*analysis.Model, error) {
	m := j.opts.model
	if m.file == "" {
		return nil, nil
	}
	series := map[string]*quotes.Series{}
	for _, t := range m.targets {
		if strings.EqualFold(t.Symbol, rebalance.Cash) || t.Weight == 0 {
			continue
		}
		s, ok := j.config.Series[t.Symbol]
		if !ok {
			s = j.extra[t.Symbol]
		}
		series[t.Symbol] = s
	}
	return &analysis.Model{Name: modelName(m.file), Targets: m.targets, Series: series}, nil
}

// printEffects prints (-contrib with -model) the Brinson-Fachler effects of
// each grouping of the contributions against the model, linked over the
// window: each table's total is the portfolio's TWR less the model's.
func printEffects(w io.Writer, a *analysis.Analysis) error {
	if a.Model == nil {
		return nil
	}
	perf := a.Performance
	from, to := perf.Dates[0].Format(time.DateOnly), perf.Dates[perf.Len()-1].Format(time.DateOnly)
	for _, c := range a.Contributions {
		e := c.Effects
		if e == nil {
			continue
		}
		fmt.Fprintf(w, "Attribution by %s against %s from %s to %s (Brinson-Fachler, linked daily): portfolio %s, model %s, difference %s\n",
			strings.ToLower(c.Title), a.Model.Name, from, to, percent(e.PortfolioReturn), percent(e.BenchmarkReturn),
			percent(e.PortfolioReturn-e.BenchmarkReturn))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "group\tallocation\tselection\tinteraction\ttotal\t")
		row := func(name string, x attribution.Effect) {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", name, percent(x.Allocation), percent(x.Selection), percent(x.Interaction), percent(x.Total()))
		}
		for _, x := range e.Effects {
			row(x.Group, x)
		}
		row("total", e.Totals())
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}
