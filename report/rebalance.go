package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/rebalance"
)

//go:embed rebalance.html.tmpl
var rebalanceTemplate string

// The rebalancing section's template is a file of its own, parsed into the
// page (report.html.tmpl calls it as "rebalance"). Its shares are written
// 0 where a holding is sold out or new (qty leaves 0 blank, for cash rows).
func init() {
	template.Must(page.Funcs(template.FuncMap{"shares": formatShares}).Parse(rebalanceTemplate))
}

// formatShares is formatQuantity with 0 written "0".
func formatShares(v float64) string {
	if v == 0 {
		return "0"
	}
	return formatQuantity(v)
}

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
	// NamesLots says that the sales' Lots are shown: the lot method names
	// them (every method but average and uk, which take the pool's
	// average).
	NamesLots bool
	Notes     []string // rebalance.Plan.Notes: what to check before trading
}

// RebalanceTrade is one trade (rebalance.Trade): Price in QuoteCurrency,
// Value, Commission and Gain in the report's currency.
type RebalanceTrade struct {
	Side, Symbol, QuoteCurrency        string
	Quantity, Price, Value, Commission float64
	Gain                               float64 // a sale's estimate; NaN for a buy
	Lots                               string  // a sale's lots (SaleLots), where the method names them
}

// RebalanceWeight is a symbol's (or the cash's) target and weight before
// and after, fractions of the total value.
type RebalanceWeight struct {
	Symbol                        string
	Target, Before, After         float64
	QuantityBefore, QuantityAfter float64 // the shares; for the cash, its amounts
	Cash                          bool    // the cash's row: the quantities are money
}

// NewRebalance lays a plan out as the section.
func NewRebalance(p *rebalance.Plan) *Rebalance {
	if p == nil {
		return nil
	}
	r := &Rebalance{Date: p.Date, Mode: PlanMode(p), Invest: p.Options.Invest, CashAfter: p.CashAfter,
		Commissions: p.Commissions, Gain: p.Gain, NamesLots: namesLots(p.Options.Lots), Notes: p.Notes}
	if p.Accounts != nil {
		r.Accounts = AccountsLabel(p.Accounts, true)
	}
	for _, t := range p.Trades {
		row := RebalanceTrade{Side: string(t.Side), Symbol: t.Symbol, QuoteCurrency: t.QuoteCurrency, Quantity: t.Quantity,
			Price: t.Price, Value: t.Value, Commission: t.Commission, Gain: t.Gain, Lots: SaleLots(p, t)}
		if t.Side == rebalance.Buy {
			row.Gain = math.NaN()
		}
		r.Trades = append(r.Trades, row)
	}
	for _, w := range p.Weights {
		row := RebalanceWeight{Symbol: w.Symbol, Target: w.Target, Before: w.Before, After: w.After,
			QuantityBefore: w.QuantityBefore, QuantityAfter: w.QuantityAfter}
		if w.Symbol == rebalance.Cash {
			row.Cash, row.QuantityBefore, row.QuantityAfter = true, w.ValueBefore, w.ValueAfter
		}
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

// namesLots says whether a sale under m takes lots it can name: every
// method but average and uk, whose sales take the pool's average.
func namesLots(m lots.Method) bool { return m != lots.Average && m != lots.UK }

// SaleLots lists the lots a sale of p takes, in the order taken, each
// with its acquisition date, BUY row, shares and cost: "2024-01-02 (row
// 3) 14 shares (cost 112.00), …". Under lots.Specific each starts with
// what the SELL row's lot column should hold: the BUY row's number where
// known (a date may name several lots), else the date: "lot 3:
// 2024-01-02 14 shares (cost 112.00)". It is "" for a buy, and under a
// method that does not name lots (average, uk).
func SaleLots(p *rebalance.Plan, t rebalance.Trade) string {
	if t.Side != rebalance.Sell || !namesLots(p.Options.Lots) {
		return ""
	}
	parts := make([]string, 0, len(t.Lots))
	for _, l := range t.Lots {
		date := l.Date.Format(time.DateOnly)
		lot := date
		switch {
		case p.Options.Lots == lots.Specific && l.Origin.Row > 0:
			lot = fmt.Sprintf("lot %d: %s", l.Origin.Row, date)
		case p.Options.Lots == lots.Specific:
			lot = "lot " + date + ":"
		case l.Origin.Row > 0:
			lot += fmt.Sprintf(" (row %d)", l.Origin.Row)
		}
		parts = append(parts, fmt.Sprintf("%s %s shares (cost %s)", lot, formatQuantity(l.Quantity), formatMoney(l.Cost)))
	}
	return strings.Join(parts, ", ")
}
