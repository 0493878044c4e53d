package notebook

import (
	"context"
	"errors"
	"fmt"
	"html"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/rebalance"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/report"
)

// Targets reads the targets file path (rebalance.ReadTargets: symbol,weight
// in percent, CASH for cash); "" gives every symbol held on res's last day
// the same weight, and the cash none.
func Targets(path string, res *portfolio.Result) (rebalance.Targets, error) {
	if path != "" {
		return rebalance.ReadTargets(path)
	}
	if res == nil {
		return nil, errors.New("notebook: targets: no portfolio")
	}
	held, err := res.Positions(-1)
	if err != nil {
		return nil, err
	}
	weights := map[string]float64{}
	for _, p := range held {
		if p.Quantity > 0 {
			weights[p.Symbol] = 1
		}
	}
	if len(weights) == 0 {
		return nil, errors.New("notebook: targets: nothing is held on the last day: give a targets file")
	}
	for s := range weights {
		weights[s] = 1 / float64(len(weights))
	}
	return rebalance.NewTargets(weights)
}

// TargetSeries are the series rebalance.Compute prices the targets the
// portfolio never traded with (rebalance.Options.Series): those of the
// targets without a price (Target.Price, the targets file's price column)
// that series (portfolio.Fetch's) lacks, fetched from src over the
// transactions' dates as Model fetches them; nil when there are none. A
// symbol src does not know is an error naming it: give its price.
func TargetSeries(ctx context.Context, src quotes.Source, txs []portfolio.Transaction, series map[string]*quotes.Series,
	targets rebalance.Targets) (map[string]*quotes.Series, error) {
	out, err := fetchTargets(ctx, src, txs, series, targets, func(t rebalance.Target) bool { return t.Price == 0 })
	if err != nil {
		return nil, fmt.Errorf("notebook: targets never traded (or give their price, a price column): %w", err)
	}
	return out, nil
}

// Rebalance shows a rebalancing plan (rebalance.Compute): a line saying
// what was asked, the trades (price in the quote currency, the rest in
// the reporting currency; a sale's estimated gain), then each symbol's
// and the cash's target and weight before and after, as HTML tables and
// as aligned text.
func Rebalance(p *rebalance.Plan) error { return gonb.Rebalance(p) }

// Rebalance is the package-level Rebalance on d.
func (d *Display) Rebalance(p *rebalance.Plan) error {
	if p == nil {
		return errors.New("notebook: rebalance: no plan")
	}
	head := fmt.Sprintf("Rebalancing at the closes of %s: %s; money in %s. Cash left %s, commissions %s, estimated realized gain %s.",
		day(p.Date), report.PlanMode(p), p.Currency, money(p.CashAfter), money(p.Commissions), money(p.Gain))
	for _, n := range p.Notes {
		head += " Note: " + n + "."
	}
	trades, weights := planTables(p)
	return d.HTML("<p>"+html.EscapeString(head)+"</p>"+trades.html()+weights.html(), head+"\n\n"+trades.text()+"\n"+weights.text())
}

// planTables lays p out as two tables: the trades, and the weights.
func planTables(p *rebalance.Plan) (*table, *table) {
	cur := p.Currency
	trades := &table{header: []string{"Trade", "Symbol", "Quantity", "Price", "Value " + cur, "Commission " + cur, "Est. gain " + cur}}
	namesLots := false
	for _, t := range p.Trades {
		namesLots = namesLots || report.SaleLots(p, t) != ""
	}
	if namesLots {
		trades.header = append(trades.header, "Lots sold")
	}
	for _, t := range p.Trades {
		gain := cell{}
		if t.Side == rebalance.Sell {
			gain = cell{text: money(t.Gain)}
		}
		cells := []cell{{text: t.Symbol}, {text: quantity(t.Quantity)}, {text: t.QuoteCurrency + " " + money(t.Price)},
			{text: money(t.Value)}, {text: money(t.Commission)}, gain}
		if namesLots {
			cells = append(cells, cell{text: report.SaleLots(p, t)})
		}
		trades.rows = append(trades.rows, tableRow{name: string(t.Side), cells: cells})
	}
	if len(p.Trades) == 0 {
		trades.rows = append(trades.rows, tableRow{name: "No trade", cells: make([]cell, 6)})
	}
	weights := &table{header: []string{"", "Target", "Before", "After", "Shares before", "Shares after"}}
	for _, w := range p.Weights {
		before, after := quantity(w.QuantityBefore), quantity(w.QuantityAfter)
		if w.Symbol == rebalance.Cash {
			before, after = money(w.ValueBefore), money(w.ValueAfter)
		}
		weights.rows = append(weights.rows, tableRow{name: w.Symbol, cells: []cell{
			{text: percent(w.Target)}, {text: percent(w.Before)}, {text: percent(w.After)}, {text: before}, {text: after},
		}})
	}
	return trades, weights
}
