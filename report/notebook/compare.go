package notebook

import (
	"errors"
	"fmt"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/report/chart"
)

// A Side is one portfolio of a comparison (Compare): its line in the
// performance chart and its column of the statistics table.
type Side struct {
	Line   chart.Line
	Column Column
}

// PortfolioSide is the portfolio a analyses, named name: its cumulative
// return (CumulativeLine) and its statistics, money and time-weighted.
func PortfolioSide(name string, a *analysis.Analysis) (Side, error) {
	if a == nil || a.Performance == nil || a.Summary == nil {
		return Side{}, fmt.Errorf("notebook: compare %q: no analysis (analysis.Run)", name)
	}
	return Side{Line: CumulativeLine(name, a.Performance), Column: Column{Name: name, Summary: a.Summary}}, nil
}

// ModelSide is the model a was analysed against (analysis.Options.Model,
// its last benchmark), named by the model's name: its cumulative return
// from a's first date (IndexLine) and its time-weighted statistics (its
// money figures would be its index's, so they are left blank).
func ModelSide(a *analysis.Analysis) (Side, error) {
	if a == nil || a.Model == nil || a.Model.Benchmark == nil || a.Performance.Len() == 0 {
		return Side{}, errors.New("notebook: compare: no analysis against a model (analysis.Options.Model)")
	}
	b := a.Model.Benchmark
	line := IndexLine(b.Index, a.Performance.Dates[0])
	line.Name = a.Model.Name
	return Side{Line: line, Column: Column{Name: a.Model.Name, Summary: b.Summary, TimeOnly: true}}, nil
}

// AccountSides are each account alone, as the report's -compare shows
// them: each of cfg.Accounts, else every account of txs
// (portfolio.Accounts), built with cfg but for Accounts, set to that one
// (a TRANSFER from or to another account is then a flow of its own:
// portfolio.Config.Accounts), and analysed with o without benchmarks or
// model, in that order. With fewer than two accounts there is nothing to
// compare: nil. Every account that fails is listed.
func AccountSides(txs []portfolio.Transaction, cfg portfolio.Config, o analysis.Options) ([]Side, error) {
	names := cfg.Accounts
	if len(names) == 0 {
		names = portfolio.Accounts(txs)
	}
	if len(names) < 2 {
		return nil, nil
	}
	o.Model = nil
	var sides []Side
	var errs []error
	for _, name := range names {
		one := cfg
		one.Accounts = []string{name}
		side, err := accountSide(txs, one, o)
		if err != nil {
			errs = append(errs, fmt.Errorf("notebook: account %q alone: %w", name, err))
			continue
		}
		sides = append(sides, side)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return sides, nil
}

// accountSide builds and analyses the one account of cfg.Accounts.
func accountSide(txs []portfolio.Transaction, cfg portfolio.Config, o analysis.Options) (Side, error) {
	res, err := portfolio.Build(txs, cfg)
	if err != nil {
		return Side{}, err
	}
	a, err := analysis.Run(res, nil, o)
	if err != nil {
		return Side{}, err
	}
	return PortfolioSide(cfg.Accounts[0], a)
}

// Compared are the sides of the notebook's comparison: the portfolio a
// analyses (every account of cfg consolidated) as "Portfolio", each account
// alone (AccountSides, analysed with o) when there are several, then the
// model of withModel, an analysis run with analysis.Options.Model (nil:
// none).
func Compared(txs []portfolio.Transaction, cfg portfolio.Config, o analysis.Options, a, withModel *analysis.Analysis) ([]Side, error) {
	whole, err := PortfolioSide("Portfolio", a)
	if err != nil {
		return nil, err
	}
	accounts, err := AccountSides(txs, cfg, o)
	if err != nil {
		return nil, err
	}
	sides := append([]Side{whole}, accounts...)
	if withModel != nil {
		m, err := ModelSide(withModel)
		if err != nil {
			return nil, err
		}
		sides = append(sides, m)
	}
	return sides, nil
}

// Compare shows sides side by side: their lines in one performance chart
// (chart.Performance) titled title, then their columns in one statistics
// table (Statistics, without its records: the portfolio's are the
// statistics cell's).
func Compare(title string, sides ...Side) error { return gonb.Compare(title, sides...) }

// Compare is the package-level Compare on d.
func (d *Display) Compare(title string, sides ...Side) error {
	if len(sides) == 0 {
		return errors.New("notebook: compare: nothing to compare")
	}
	lines := make([]chart.Line, len(sides))
	cols := make([]Column, len(sides))
	for i, s := range sides {
		lines[i], cols[i] = s.Line, s.Column
	}
	if err := d.Chart(chart.Performance(title, lines...)); err != nil {
		return err
	}
	return d.statistics(cols, false)
}
