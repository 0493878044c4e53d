package notebook

import (
	"context"
	"errors"
	"fmt"
	"html"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
)

// Model is targets as a model portfolio named name, for
// analysis.Options.Model: its series are the portfolio's (series, from
// portfolio.Fetch) and, fetched from src over the transactions' dates
// (portfolio.FetchBenchmarks), those of the targets the portfolio does not
// hold. series itself is left as it is.
func Model(ctx context.Context, src quotes.Source, txs []portfolio.Transaction, series map[string]*quotes.Series,
	name string, targets rebalance.Targets) (*analysis.Model, error) {
	if len(targets) == 0 {
		return nil, errors.New("notebook: model: no targets (notebook.Targets)")
	}
	fetched, err := fetchTargets(ctx, src, txs, series, targets, func(rebalance.Target) bool { return true })
	if err != nil {
		return nil, fmt.Errorf("notebook: model %q: %w", name, err)
	}
	out := maps.Clone(series)
	if out == nil {
		out = map[string]*quotes.Series{}
	}
	maps.Copy(out, fetched)
	return &analysis.Model{Name: name, Targets: targets, Series: out}, nil
}

// fetchTargets fetches from src, over the transactions' dates
// (portfolio.FetchBenchmarks: from a few days before the first), the
// series of the targets that series lacks (the portfolio never traded
// them), but the cash and those need leaves out; nil when there are none.
// Model and TargetSeries share it.
func fetchTargets(ctx context.Context, src quotes.Source, txs []portfolio.Transaction, series map[string]*quotes.Series,
	targets rebalance.Targets, need func(rebalance.Target) bool) (map[string]*quotes.Series, error) {
	var more []string
	for _, t := range targets {
		if _, held := series[t.Symbol]; !held && t.Symbol != rebalance.Cash && need(t) {
			more = append(more, t.Symbol)
		}
	}
	if len(more) == 0 {
		return nil, nil
	}
	fetched, err := portfolio.FetchBenchmarks(ctx, src, more, txs, time.Time{})
	if err != nil {
		return nil, err
	}
	out := make(map[string]*quotes.Series, len(more))
	for i, s := range fetched {
		out[more[i]] = s
	}
	return out, nil
}

// Attribution shows the Brinson-Fachler attribution of an analysis run
// with a model (analysis.Options.Model), as the report's "Attribution
// against" section does: a line with the portfolio's and the model's TWR
// over the window, then for each grouping (analysis.Contributions) each
// group's allocation, selection and interaction effects and their total,
// linked over the window (Frongello) so that each table's Total row adds
// up to the portfolio's TWR less the model's.
func Attribution(a *analysis.Analysis) error { return gonb.Attribution(a) }

// Attribution is the package-level Attribution on d.
func (d *Display) Attribution(a *analysis.Analysis) error {
	if a == nil || a.Model == nil {
		return errors.New("notebook: attribution: no analysis against a model (analysis.Options.Model)")
	}
	var h, txt string
	for _, c := range a.Contributions {
		e := c.Effects
		if e == nil {
			continue
		}
		if h == "" {
			head := fmt.Sprintf("The portfolio's TWR of %s against %s's %s: a difference of %s, split by each grouping.",
				signedPercent(e.PortfolioReturn), a.Model.Name, signedPercent(e.BenchmarkReturn), signedPercent(e.PortfolioReturn-e.BenchmarkReturn))
			h, txt = "<p>"+html.EscapeString(head)+"</p>", head+"\n"
		}
		t := &table{header: []string{c.Title, "Allocation", "Selection", "Interaction", "Total"}}
		for _, x := range append(slices.Clip(e.Effects), e.Totals()) {
			t.rows = append(t.rows, tableRow{name: x.Group, cells: []cell{{text: signedPercent(x.Allocation)},
				{text: signedPercent(x.Selection)}, {text: signedPercent(x.Interaction)}, {text: signedPercent(x.Total())}}})
		}
		title := "By " + strings.ToLower(c.Title)
		h += "<h4>" + html.EscapeString(title) + "</h4>" + t.html()
		txt += "\n" + title + "\n" + t.text()
	}
	if h == "" {
		return fmt.Errorf("notebook: attribution: the analysis against %q has no effects", a.Model.Name)
	}
	return d.HTML(h, txt)
}
