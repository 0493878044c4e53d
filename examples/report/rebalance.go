package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/report"
)

// rebalanceFlags are -targets, -invest, -fractional and -commission: the
// trades that bring the portfolio to target weights (package
// portfolio/rebalance), printed and in the report.
type rebalanceFlags struct {
	file       string // -targets: symbol,weight[,price] in percent; "" = no rebalancing
	invest     string // -invest: new money only, this amount; "" = a full rebalance
	fractional bool
	commission string // -commission: FIXED, RATE% or FIXED+RATE%
	targets    rebalance.Targets
	options    rebalance.Options
}

// define adds the flags to fs.
func (r *rebalanceFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&r.file, "targets", "", "rebalance to the target weights in this CSV `file` (symbol,weight[,price]; weights in percent, CASH for cash): print the trades and add them to the report")
	fs.StringVar(&r.invest, "invest", "", "with -targets: invest this `amount` (reporting currency) with buys only, never selling; without it the rebalance sells too")
	fs.BoolVar(&r.fractional, "fractional", false, "with -targets: trade fractions of shares (default: whole shares)")
	fs.StringVar(&r.commission, "commission", "", "with -targets: each trade's commission, in the reporting currency: `FIXED`, RATE% or FIXED+RATE% (5+0.1%)")
}

// parse checks the flags once parsed: set holds the flags given.
func (r *rebalanceFlags) parse(set map[string]bool, stderr io.Writer) error {
	if r.file == "" {
		for _, f := range []string{"invest", "fractional", "commission"} {
			if set[f] {
				fmt.Fprintf(stderr, "warning: -%s has no effect without -targets\n", f)
			}
		}
		return nil
	}
	r.options.Fractional = r.fractional
	if set["invest"] {
		x, err := strconv.ParseFloat(strings.TrimSpace(r.invest), 64)
		if err != nil || !(x >= 0) || math.IsInf(x, 0) {
			return fmt.Errorf("-invest %q: want an amount of 0 or more in the reporting currency (0: invest only the cash above its target)", r.invest)
		}
		r.options.Mode, r.options.Invest = rebalance.NewMoney, x
	}
	c, err := parseCommission(r.commission)
	if err != nil {
		return err
	}
	r.options.Commission = c
	return nil
}

// parseCommission reads -commission: "5" (fixed), "0.1%" (a rate of the
// trade's value) or "5+0.1%" (both).
func parseCommission(s string) (rebalance.Commission, error) {
	var c rebalance.Commission
	if strings.TrimSpace(s) == "" {
		return c, nil
	}
	bad := fmt.Errorf("-commission %q: want FIXED, RATE%% or FIXED+RATE%% (5+0.1%% is 5 a trade plus 0.1%% of its value), amounts of 0 or more", s)
	parts := strings.Split(s, "+")
	if len(parts) > 2 {
		return c, bad
	}
	seen := map[bool]bool{}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		rate := strings.HasSuffix(p, "%")
		x, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(p, "%")), 64)
		if err != nil || !(x >= 0) || math.IsInf(x, 0) || seen[rate] || rate && x >= 100 {
			return c, bad
		}
		seen[rate] = true
		if rate {
			c.Rate = x / 100
		} else {
			c.Fixed = x
		}
	}
	return c, nil
}

// readTargets reads -targets, before anything is fetched: a bad file
// fails at once, every problem listed.
func (r *rebalanceFlags) readTargets() error {
	if r.file == "" {
		return nil
	}
	t, err := rebalance.ReadTargets(r.file)
	if err != nil {
		return fmt.Errorf("-targets: %s", strings.TrimPrefix(err.Error(), "rebalance: targets: "))
	}
	r.targets = t
	return nil
}

// fetchTargets fetches into j.extra the targets' symbols without a price
// that series lacks (those the transactions do not name), over the
// benchmarks' dates: rebalance.Compute prices them at their last close
// (Options.Series). A symbol the source does not know is left out: the
// plan then asks for its price.
func (j *job) fetchTargets(ctx context.Context, src quotes.Source, series map[string]*quotes.Series) error {
	var fetch []string
	for _, t := range j.opts.rebal.targets {
		_, held := series[t.Symbol]
		_, fetched := j.extra[t.Symbol]
		if !held && !fetched && t.Price == 0 && !strings.EqualFold(t.Symbol, rebalance.Cash) {
			fetch = append(fetch, t.Symbol)
		}
	}
	if len(fetch) == 0 {
		return nil
	}
	from, to := portfolio.FirstDate(j.txs).AddDate(0, 0, -fx.LoadLookback), j.opts.to
	got, err := quotes.FetchAll(ctx, src, fetch, from, to)
	var fe *quotes.FetchError
	if errors.As(err, &fe) {
		unknown := map[string]bool{}
		for _, se := range fe.Errs {
			if !errors.Is(se, quotes.ErrUnknownSymbol) {
				return fmt.Errorf("-targets %s: fetching the symbols without a price (or give their price, a price column): %w", j.opts.rebal.file, err)
			}
			unknown[se.Symbol] = true
		}
		fetch = slices.DeleteFunc(fetch, func(sym string) bool { return unknown[sym] })
		got, err = quotes.FetchAll(ctx, src, fetch, from, to)
	}
	if err != nil {
		return fmt.Errorf("-targets %s: fetching the symbols without a price (or give their price, a price column): %w", j.opts.rebal.file, err)
	}
	maps.Copy(j.extra, got)
	return nil
}

// planRebalance computes the plan for -targets (nil without it) and puts
// it in the report. It runs before anything is printed, so that a target
// the plan cannot price fails the command at once, not after the summary.
func planRebalance(j *job) (*rebalance.Plan, error) {
	r := &j.opts.rebal
	if r.file == "" {
		return nil, nil
	}
	o := r.options
	o.Lots, o.Settle, o.Series = j.opts.lots, j.opts.settle, j.extra
	plan, err := rebalance.Compute(j.result, r.targets, o)
	if err != nil {
		return nil, fmt.Errorf("-targets %s: %s", r.file, strings.TrimPrefix(err.Error(), "rebalance: "))
	}
	if j.input != nil {
		j.input.Rebalance = report.NewRebalance(plan)
	}
	return plan, nil
}

// printPlan writes the trades, then the weights before and after; nothing
// for no plan.
func printPlan(w io.Writer, file string, p *rebalance.Plan) error {
	if p == nil {
		return nil
	}
	of := ""
	if p.Accounts != nil {
		of = " " + report.AccountsLabel(p.Accounts, true) + " (its positions and cash)"
		if len(p.Accounts) > 1 {
			of = " " + report.AccountsLabel(p.Accounts, true) + " (their positions and cash)"
		}
	}
	fmt.Fprintf(w, "\nRebalancing%s to %s at the closes of %s (%s; money in %s, price in the quote currency)\n",
		of, file, p.Date.Format(time.DateOnly), report.PlanMode(p), p.Currency)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "side\tsymbol\tquantity\tprice\tvalue\tcommission\test. gain\t")
	for _, t := range p.Trades {
		gain := ""
		if t.Side == rebalance.Sell {
			gain = money(t.Gain)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s %s\t%s\t%s\t%s\t\n", t.Side, t.Symbol, shares(t.Quantity), t.QuoteCurrency,
			money(t.Price), money(t.Value), money(t.Commission), gain)
	}
	if len(p.Trades) == 0 {
		fmt.Fprintln(tw, "no trade\t\t\t\t\t\t\t")
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
	fmt.Fprintln(tw, "symbol\ttarget\tbefore\tafter\tshares before\tshares after\t\t")
	for _, x := range p.Weights {
		before, after := shares(x.QuantityBefore), shares(x.QuantityAfter)
		if x.Symbol == rebalance.Cash {
			before, after = money(x.ValueBefore), money(x.ValueAfter)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\t\n", x.Symbol, percent(x.Target), percent(x.Before), percent(x.After), before, after)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	printLots(w, p)
	fmt.Fprintf(w, "cash left %s; commissions %s; estimated realized gain %s\n", money(p.CashAfter), money(p.Commissions), money(p.Gain))
	for _, n := range p.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	return nil
}

// printLots lists the lots each sale takes (report.SaleLots), for the
// methods that name them (every lot method but average and uk, whose
// sales take the pool's average): under specific they are what the SELL
// rows' lot column names.
func printLots(w io.Writer, p *rebalance.Plan) {
	for _, t := range p.Trades {
		if lots := report.SaleLots(p, t); lots != "" {
			fmt.Fprintf(w, "lots sold (%s): %s: %s\n", p.Options.Lots, t.Symbol, lots)
		}
	}
}

// shares writes a plan's number of shares with 4 decimals at most, trailing
// zeros dropped, as the report's Rebalancing section does: a fractional
// plan's 13.333333333333334 is 13.3333, a whole one's 14 is 14.
func shares(q float64) string {
	s := strconv.FormatFloat(q, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
