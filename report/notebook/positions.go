package notebook

import (
	"errors"
	"sort"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
)

// Positions shows the holdings on the analysis' last date (a.Holdings),
// largest first, then one cash row per currency held (a.CashByCurrency;
// one "Cash" row of the performance frame's cash when a rate is missing)
// and a total, as an HTML table and as aligned text. Money is in the
// reporting currency with thousands separators and two decimals, except
// each symbol's price, in its quote currency. Every weight is
//
//	weight = value / V,   V = a.Performance.Value on the last date,
//
// the portfolio's value, cash included, so that the weights of the
// holdings and cash rows add up to 100%. Unrealized % is unrealized / cost
// basis, blank when nothing is held; the total's is the total unrealized
// over the total cost basis.
func Positions(a *analysis.Analysis) error { return gonb.Positions(a) }

// Positions is the package-level Positions on d.
func (d *Display) Positions(a *analysis.Analysis) error {
	t, err := positionsTable(a)
	if err != nil {
		return err
	}
	return d.HTML(t.html(), t.text())
}

// positionsTable lays a's holdings and cash out as Positions describes.
func positionsTable(a *analysis.Analysis) (*table, error) {
	if a == nil || a.Performance == nil || a.Performance.Len() == 0 || a.Result == nil {
		return nil, errors.New("notebook: positions: no analysis, or an empty performance frame")
	}
	cur := a.Result.Currency
	last := a.Performance.Len() - 1
	total := a.Performance.Value[last]
	weight := func(v float64) cell {
		if total == 0 {
			return cell{text: missing, reason: "the portfolio is worth nothing"}
		}
		return cell{text: percent(v / total)}
	}
	t := &table{header: []string{"", "Currency", "Quantity", "Price", "Value " + cur, "Weight",
		"Cost basis " + cur, "Unrealized " + cur, "Unrealized %", "Realized " + cur, "Dividends " + cur}}
	var sum portfolio.Position
	for _, p := range a.Holdings {
		t.rows = append(t.rows, tableRow{name: p.Symbol, cells: []cell{
			{text: p.QuoteCurrency}, {text: quantity(p.Quantity)}, {text: money(p.Close)}, {text: money(p.Value)},
			weight(p.Value), {text: money(p.CostBasis)}, {text: money(p.Unrealized)}, unrealizedPercent(p),
			{text: money(p.Realized)}, {text: money(p.Dividends)},
		}})
		sum.CostBasis += p.CostBasis
		sum.Unrealized += p.Unrealized
		sum.Realized += p.Realized
		sum.Dividends += p.Dividends
	}
	for _, c := range cashRows(a) {
		t.rows = append(t.rows, tableRow{name: c.name, cells: []cell{
			{text: c.currency}, {}, {}, {text: money(c.value)}, weight(c.value), {}, {}, {}, {}, {},
		}})
	}
	t.rows = append(t.rows, tableRow{name: "Total", cells: []cell{
		{}, {}, {}, {text: money(total)}, weight(total), {text: money(sum.CostBasis)}, {text: money(sum.Unrealized)},
		unrealizedPercent(portfolio.Position{Quantity: 1, CostBasis: sum.CostBasis, Unrealized: sum.Unrealized}),
		{text: money(sum.Realized)}, {text: money(sum.Dividends)},
	}})
	return t, nil
}

// unrealizedPercent is p.Unrealized / p.CostBasis, blank when p holds
// nothing or cost nothing.
func unrealizedPercent(p portfolio.Position) cell {
	if p.Quantity == 0 || p.CostBasis == 0 {
		return cell{}
	}
	return cell{text: percent(p.Unrealized / p.CostBasis)}
}

// cashRow is one row of cash: its name, the currency held and its value in
// the reporting currency.
type cashRow struct {
	name, currency string
	value          float64
}

// cashRows are a's cash by currency held, sorted by currency, or one row
// of the performance frame's cash when a.CashByCurrency is nil (a rate is
// missing); none when no cash is held.
func cashRows(a *analysis.Analysis) []cashRow {
	if a.CashByCurrency == nil {
		v := a.Performance.Cash[a.Performance.Len()-1]
		if v == 0 {
			return nil
		}
		return []cashRow{{name: "Cash", value: v}}
	}
	currencies := make([]string, 0, len(a.CashByCurrency))
	for c := range a.CashByCurrency {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	out := make([]cashRow, len(currencies))
	for i, c := range currencies {
		out[i] = cashRow{name: "Cash " + c, currency: c, value: a.CashByCurrency[c]}
	}
	return out
}
