package main

import (
	"fmt"
	"io"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// compareAccounts is -compare: each account alone (each of -accounts,
// else every account of the transactions) beside the portfolio, a line of
// the performance chart and a column of the statistics table
// (report.Input.AddPortfolio), built with the same market data and
// analysed over the same window. A TRANSFER from or to another account is
// a flow of the account alone (see portfolio.Config.Accounts). With one
// account there is nothing to compare, and stderr says so.
func compareAccounts(j *job, stderr io.Writer) error {
	o := j.opts
	if !o.compare {
		return nil
	}
	names := o.accounts
	if len(names) == 0 {
		names = portfolio.Accounts(j.txs)
	}
	if len(names) < 2 {
		fmt.Fprintln(stderr, "warning: -compare has no effect with one account (give several -tx files, an account column, or -accounts)")
		return nil
	}
	for _, name := range names {
		cfg := j.config
		cfg.Accounts = []string{name}
		res, err := portfolio.Build(j.txs, cfg)
		if err != nil {
			return fmt.Errorf("-compare: account %s alone: %w", txn.QuoteValue(name), err)
		}
		a, err := analysis.Run(res, nil, analysis.Options{From: o.from, To: o.to, RiskFree: o.riskFree})
		if err != nil {
			return fmt.Errorf("-compare: account %s alone: %w", txn.QuoteValue(name), err)
		}
		if err := j.input.AddPortfolio(name, a); err != nil {
			return err
		}
	}
	return nil
}
