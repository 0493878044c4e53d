package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/rebalance"
)

//go:embed rebalance.html.tmpl
var rebalanceTemplate string

// The rebalancing section's template is a file of its own, parsed into the
// page (report.html.tmpl calls it as "rebalance").
func init() { template.Must(page.Parse(rebalanceTemplate)) }

// Rebalance is the rebalancing section: the trades that bring the
// portfolio to target weights (package portfolio/rebalance), and the
// weights before and after. Money is in the report's currency.
type Rebalance struct {
	Date time.Time // the day the prices are of
	// Mode says what was asked: "full" or "new money only", whole or
	// fractional shares, the commission and the lots method.
	Mode string
	// Accounts names the accounts whose positions and cash are
	// rebalanced (rebalance.Plan.Accounts): "" for every account.
	Accounts    string
	Trades      []RebalanceTrade
	Weights     []RebalanceWeight
	Invest      float64 // new money added
	CashAfter   float64
	Commissions float64
	Gain        float64 // the sales' estimated realized gain
}

// RebalanceTrade is one trade (rebalance.Trade): Price in QuoteCurrency,
// Value, Commission and Gain in the report's currency.
type RebalanceTrade struct {
	Side, Symbol, QuoteCurrency        string
	Quantity, Price, Value, Commission float64
	Gain                               float64 // a sale's estimate; NaN for a buy
}

// RebalanceWeight is a symbol's (or the cash's) target and weight before
// and after, fractions of the total value.
type RebalanceWeight struct {
	Symbol                        string
	Target, Before, After         float64
	QuantityBefore, QuantityAfter float64 // 0 (blank) for the cash
}

// NewRebalance lays a plan out as the section.
func NewRebalance(p *rebalance.Plan) *Rebalance {
	if p == nil {
		return nil
	}
	r := &Rebalance{Date: p.Date, Mode: PlanMode(p), Invest: p.Options.Invest, CashAfter: p.CashAfter,
		Commissions: p.Commissions, Gain: p.Gain}
	if p.Accounts != nil {
		r.Accounts = AccountsLabel(p.Accounts, true)
	}
	for _, t := range p.Trades {
		row := RebalanceTrade{Side: string(t.Side), Symbol: t.Symbol, QuoteCurrency: t.QuoteCurrency, Quantity: t.Quantity,
			Price: t.Price, Value: t.Value, Commission: t.Commission, Gain: t.Gain}
		if t.Side == rebalance.Buy {
			row.Gain = math.NaN()
		}
		r.Trades = append(r.Trades, row)
	}
	for _, w := range p.Weights {
		row := RebalanceWeight{Symbol: w.Symbol, Target: w.Target, Before: w.Before, After: w.After,
			QuantityBefore: w.QuantityBefore, QuantityAfter: w.QuantityAfter}
		r.Weights = append(r.Weights, row)
	}
	return r
}

// PlanMode describes what a plan was asked for, in words: "full, whole
// shares, commission 5 + 0.1%, lots average".
func PlanMode(p *rebalance.Plan) string {
	o := p.Options
	parts := []string{o.Mode.String()}
	if o.Mode == rebalance.NewMoney && o.Invest > 0 {
		parts[0] += " (" + formatMoney(o.Invest) + " invested)"
	}
	if o.Fractional {
		parts = append(parts, "fractional shares")
	} else {
		parts = append(parts, "whole shares")
	}
	switch c := o.Commission; {
	case c.Fixed == 0 && c.Rate == 0:
		parts = append(parts, "no commission")
	default:
		parts = append(parts, fmt.Sprintf("commission %s + %s", formatMoney(c.Fixed), formatPercent(c.Rate)))
	}
	if o.Mode == rebalance.Full {
		parts = append(parts, "lots "+o.Lots.String())
	}
	return strings.Join(parts, ", ")
}
