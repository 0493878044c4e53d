package rebalance

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gofolio/gofolio/internal/suggest"
	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/quotes"
)

// Options says how to rebalance. The zero value is a full rebalance in
// whole shares without commissions, sales matched by average cost.
type Options struct {
	Mode Mode
	// Invest is money added before trading, in the reporting currency:
	// the new money NewMoney spends (with the cash above its target); in
	// Full it is part of the value rebalanced. 0 or more.
	Invest float64
	// Fractional trades fractions of shares; otherwise whole shares.
	Fractional bool
	// Commission is charged on every trade and paid from the cash.
	Commission Commission
	// Lots and Settle are the portfolio's Config.Lots and Config.Settle:
	// the method that picks the lots a sale takes, for its estimated gain
	// (see chooseLots).
	Lots   lots.Method
	Settle string
	// Series are market data for targets the portfolio never traded
	// (res.Holdings has no column for them), by symbol: such a target
	// without a Price is priced at its series' last close on or before the
	// plan's date, converted at res.Rates; a close more than staleAfter (5)
	// trading days of the portfolio's calendar before that date adds a note
	// as a stale holding's does. nil: such a target needs its Price.
	Series map[string]*quotes.Series
}

// Side is a trade's direction.
type Side string

const (
	Buy  Side = "BUY"
	Sell Side = "SELL"
)

// Trade is one order of a plan.
type Trade struct {
	Symbol   string
	Side     Side
	Quantity float64 // shares, more than 0
	// Price is the price per share in QuoteCurrency: the close on the
	// plan's date (or the target's price, in the reporting currency).
	Price         float64
	QuoteCurrency string
	// Value is Quantity × Price in the reporting currency, at the day's
	// rate; Commission is Options.Commission.On(Value).
	Value      float64
	Commission float64
	// Gain is a sale's estimated realized gain in the reporting currency:
	// Value − Commission − the cost of Lots; 0 for a buy.
	Gain float64
	// Lots are the parts of the lots a sale takes (Quantity and Cost of
	// each part), in the order taken; under lots.Specific each is a
	// SELL row to write, its lot column the lot's Date.
	Lots []lots.Lot
}

// Weight is one symbol's (or the cash's, Symbol "CASH") place before and
// after the plan. Values are in the reporting currency; weights are
// fractions of the total value (the cash included) before and after.
type Weight struct {
	Symbol                        string
	Target                        float64
	QuantityBefore, QuantityAfter float64
	ValueBefore, ValueAfter       float64
	Before, After                 float64
}

// Plan is the trades that bring a portfolio to its targets.
type Plan struct {
	Currency string
	Date     time.Time // the day the positions, prices and rates are of
	Options  Options
	Trades   []Trade // sales first, then buys, each by symbol
	// Weights are every symbol held or targeted, by target then symbol,
	// and the cash last.
	Weights []Weight
	// TotalBefore is the value before (without Options.Invest);
	// TotalAfter the value after (Invest in, commissions out).
	TotalBefore, TotalAfter float64
	// CashBefore is the cash before Invest; CashAfter what is left after
	// the trades and their commissions, never below 0 unless the cash was
	// borrowed to begin with and the mode is NewMoney.
	CashBefore, CashAfter float64
	Commissions           float64 // the sum of the trades'
	Gain                  float64 // the sum of the sales' estimated gains
	// Accounts are the accounts whose positions, cash and lots the plan
	// trades when the result covers some of its transactions' accounts
	// (portfolio.Config.Accounts); nil when it covers every account.
	Accounts []string
	// Notes are what the plan computed as asked but should be checked
	// before trading: a holding priced at a stale close (the engine's
	// StalePrice warning) without a target's Price, with the fix.
	Notes []string
}

// Compute plans the trades that bring res, on its last day, to targets
// (see the package comment). Prices are each symbol's close that day
// converted at res.Rates (the value of a holding divided by its shares),
// for a symbol never traded its Options.Series' last close on or before
// that day converted at res.Rates, or the target's Price (which wins). It
// reports every problem at once: the targets', a target symbol without a
// price, a holding whose close is 0 and that has no target Price, a negative Invest or commission, a portfolio worth
// nothing, or commissions that would take all of it. A holding valued at
// a stale close (or a target at an Options.Series close more than 5
// trading days old) is planned at it, with a note in Plan.Notes.
func Compute(res *portfolio.Result, targets Targets, o Options) (*Plan, error) {
	if res == nil || res.Performance == nil || res.Holdings == nil || res.Performance.Len() == 0 {
		return nil, errors.New("rebalance: Compute needs a built portfolio (portfolio.Build)")
	}
	var errs []error
	if err := targets.Check(); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, o.check()...)
	if len(errs) > 0 {
		return nil, fmt.Errorf("rebalance: %w", errors.Join(errs...))
	}
	book, err := newBook(res, targets, o)
	if err != nil {
		return nil, fmt.Errorf("rebalance: %w", err)
	}
	p := book.problem(o)
	if total := p.value(); !(total > 0) {
		return nil, fmt.Errorf("rebalance: the portfolio with Options.Invest is worth %v %s: nothing to rebalance", total, res.Currency)
	}
	s := solve(p)
	if !(s.total > 0) || s.cash < 0 && o.Mode == Full {
		return nil, fmt.Errorf("rebalance: the commissions (%v %s) would take all the portfolio's %v %s: nothing would be left to hold",
			p.commissions(s.delta), res.Currency, p.value(), res.Currency)
	}
	return book.plan(s, o), nil
}

// check is every problem of o's numbers.
func (o Options) check() []error {
	var errs []error
	finite := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	if !(o.Invest >= 0) || !finite(o.Invest) {
		errs = append(errs, fmt.Errorf("Options.Invest %v: want an amount of 0 or more, in the reporting currency", o.Invest))
	}
	if !(o.Commission.Fixed >= 0) || !finite(o.Commission.Fixed) {
		errs = append(errs, fmt.Errorf("Options.Commission.Fixed %v: want an amount of 0 or more per trade", o.Commission.Fixed))
	}
	if !(o.Commission.Rate >= 0 && o.Commission.Rate < 1) {
		errs = append(errs, fmt.Errorf("Options.Commission.Rate %v: want a fraction of the trade's value from 0 to below 1 (0.001 for 0.1%%)", o.Commission.Rate))
	}
	if o.Mode != Full && o.Mode != NewMoney {
		errs = append(errs, fmt.Errorf("Options.Mode %d: want Full or NewMoney", o.Mode))
	}
	return errs
}

// holding is an asset as the plan shows it: its quote and its lots.
type holding struct {
	asset
	close    float64 // in currency
	currency string
	lots     []lots.Lot // open lots, their quantities summing to qty
	given    bool       // priced by the target's Price, not the market data
	// since is the date of the close of a target priced from
	// Options.Series (zero otherwise), for its stale note.
	since time.Time
}

// book is the portfolio on its last day, in the terms of a plan.
type book struct {
	res        *portfolio.Result
	date       time.Time
	holdings   []holding
	cash       float64
	cashWeight float64
}

// newBook gathers the held and targeted symbols with their prices, and
// the lots of the held ones.
func newBook(res *portfolio.Result, targets Targets, o Options) (*book, error) {
	n := res.Performance.Len()
	b := &book{res: res, date: res.Performance.Dates[n-1], cash: res.Performance.Cash[n-1]}
	positions, err := res.Positions(-1)
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	for _, p := range positions {
		if p.Quantity > 0 {
			index[p.Symbol] = len(b.holdings)
			b.holdings = append(b.holdings, holding{asset: asset{symbol: p.Symbol, qty: p.Quantity, price: p.Value / p.Quantity},
				close: p.Close, currency: p.QuoteCurrency, lots: []lots.Lot{{Quantity: p.Quantity, Cost: p.CostBasis}}})
		}
	}
	var missing []string
	for _, t := range targets {
		if strings.EqualFold(t.Symbol, Cash) {
			b.cashWeight = t.Weight
			continue
		}
		i, held := index[t.Symbol]
		if !held {
			i = len(b.holdings)
			b.holdings = append(b.holdings, holding{asset: asset{symbol: t.Symbol}})
		}
		h := &b.holdings[i]
		h.weight = t.Weight
		switch {
		case t.Price > 0:
			h.price, h.close, h.currency, h.given = t.Price, t.Price, res.Currency, true
		case !held:
			if err := b.quote(h, o.Series[t.Symbol]); err != nil {
				missing = append(missing, err.Error())
			}
		}
	}
	missing = append(missing, b.unpriced()...)
	if len(missing) > 0 {
		return nil, errors.New(strings.Join(missing, "\n"))
	}
	if o.Mode == Full && o.Lots != lots.Average && o.Lots != lots.UK {
		if err := b.loadLots(o); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// unpriced is a problem for each holding without a price to trade at (a
// close of 0, or none) and no target's Price: its shares could be neither
// valued nor sold.
func (b *book) unpriced() []string {
	var ps []string
	for _, h := range b.holdings {
		if h.qty > 0 && (!(h.price > 0) || math.IsInf(h.price, 0)) {
			ps = append(ps, fmt.Sprintf("holding %s: its close on %s is %v %s: give its price (a price column in the targets file, Target.Price)",
				h.symbol, b.date.Format(time.DateOnly), h.close, h.currency))
		}
	}
	return ps
}

// notes are the plan's Notes: each holding valued at a stale close (a
// StalePrice warning of the result) and not given a price.
func (b *book) notes() []string {
	stale := map[string]portfolio.Warning{}
	for _, w := range b.res.Warnings {
		if w.Kind == portfolio.StalePrice {
			stale[w.Symbol] = w
		}
	}
	var ns []string
	for _, h := range b.holdings {
		since := time.Time{}
		if w, ok := stale[h.symbol]; ok && h.qty > 0 && !h.given {
			since = w.Since
		} else if b.staleSeries(h) {
			since = h.since
		}
		if !since.IsZero() {
			ns = append(ns, fmt.Sprintf("%s is priced at its last close, of %s, not one of %s: give its price (a price column in the targets file, Target.Price)",
				h.symbol, since.Format(time.DateOnly), b.date.Format(time.DateOnly)))
		}
	}
	return ns
}

// staleAfter is the engine's: how many trading days of the portfolio's
// calendar a close may be behind before it is stale (portfolio.StalePrice).
const staleAfter = 5

// staleSeries says whether h, priced from Options.Series, was priced at a
// close more than staleAfter trading days of the portfolio's calendar
// before the plan's date: the days of res.Performance after h.since.
func (b *book) staleSeries(h holding) bool {
	if h.since.IsZero() {
		return false
	}
	dates := b.res.Performance.Dates
	after := len(dates) - sort.Search(len(dates), func(i int) bool { return dates[i].After(h.since) })
	return after > staleAfter
}

// quote prices h, a target not held, from the market data: its close on
// the last day in res.Holdings, else (a symbol never traded) the last
// close of series on or before the plan's date; converted at res.Rates.
func (b *book) quote(h *holding, series *quotes.Series) error {
	hs := b.res.Holdings
	s := sort.SearchStrings(hs.Symbols, h.symbol)
	switch {
	case s < len(hs.Symbols) && hs.Symbols[s] == h.symbol:
		h.close, h.currency = hs.At(s, -1).Close, hs.QuoteCurrency[s]
	case series != nil:
		i := series.Search(b.date)
		if i < 0 {
			return fmt.Errorf("target %s: its market data start on %s, after the plan's date, %s: give its price (a price column in the targets file, Target.Price)",
				h.symbol, series.First().Format(time.DateOnly), b.date.Format(time.DateOnly))
		}
		h.close, h.currency, h.since = series.Close[i], series.Currency, series.Dates[i]
	default:
		hint := ""
		if near, ok := suggest.Nearest(h.symbol, hs.Symbols, 3); ok {
			hint = " (did you mean " + near + "? symbols are matched exactly)"
		}
		return fmt.Errorf("target %s: the portfolio has no market data for it%s: give its price (a price column in the targets file, Target.Price)", h.symbol, hint)
	}
	rate := 1.0
	if h.currency != b.res.Currency {
		if b.res.Rates == nil {
			return fmt.Errorf("target %s: no rate from %s to %s (the result has no Rates): give its price", h.symbol, h.currency, b.res.Currency)
		}
		r, err := b.res.Rates.Rates(h.currency, b.res.Currency, []time.Time{b.date})
		if err != nil || len(r) != 1 {
			return fmt.Errorf("target %s: no rate from %s to %s on %s (%v): give its price", h.symbol, h.currency, b.res.Currency, b.date.Format(time.DateOnly), err)
		}
		rate = r[0]
	}
	h.price = h.close * rate
	if !(h.price > 0) || math.IsInf(h.price, 0) {
		return fmt.Errorf("target %s: its close on %s is %v: give its price", h.symbol, b.date.Format(time.DateOnly), h.close)
	}
	return nil
}

// loadLots replaces each holding's one average-cost lot by its open lots
// under o.Lots: portfolio.Result.Gains', or, for a result of some of its
// transactions' accounts (selectedAccounts), the lots Build booked for them
// (portfolio.Result.OpenLots), since Gains matches every account's rows.
// The lots' quantities are scaled to the shares held: lots.Match sees the
// file's SPLIT rows but not the market data's splits, which multiply the
// shares and leave each lot's cost as it was.
func (b *book) loadLots(o Options) error {
	open, err := b.openLots(o)
	if err != nil {
		return err
	}
	for i := range b.holdings {
		h := &b.holdings[i]
		open := open[h.symbol]
		held := 0.0
		for _, l := range open {
			held += l.Quantity
		}
		if h.qty == 0 || len(open) == 0 || !(held > 0) {
			continue
		}
		h.lots = make([]lots.Lot, len(open))
		for k, l := range open {
			l.Quantity *= h.qty / held
			h.lots[k] = l
		}
	}
	return nil
}

// openLots is the open lots of each symbol under o.Lots: those Build
// booked for the accounts selected (which must be under the same method),
// else Gains'.
func (b *book) openLots(o Options) (map[string][]lots.Lot, error) {
	if accounts := selectedAccounts(b.res); accounts != nil {
		m, open := b.res.OpenLots()
		if m != o.Lots {
			return nil, fmt.Errorf("the lots of accounts %s are those Build booked under Config.Lots (%s): plan with Options.Lots %s too, not %s",
				strings.Join(accounts, ", "), m, m, o.Lots)
		}
		return open, nil
	}
	rep, err := b.res.Gains(o.Lots, o.Settle)
	if err != nil {
		return nil, fmt.Errorf("the lots (%s): %w", o.Lots, err)
	}
	return rep.Open, nil
}

// selectedAccounts is res.Accounts when they leave out some account of
// res.Transactions (portfolio.Config.Accounts), else nil.
func selectedAccounts(res *portfolio.Result) []string {
	if res.Accounts == nil {
		return nil
	}
	for _, a := range portfolio.Accounts(res.Transactions) {
		if !slices.Contains(res.Accounts, a) {
			return slices.Clone(res.Accounts)
		}
	}
	return nil
}

// problem is the book as solve takes it.
func (b *book) problem(o Options) problem {
	p := problem{cash: b.cash + o.Invest, cashWeight: b.cashWeight, mode: o.Mode, fractional: o.Fractional, comm: o.Commission}
	for _, h := range b.holdings {
		p.assets = append(p.assets, h.asset)
	}
	p.marginalGain = func(i int, n float64) float64 {
		h := b.holdings[i]
		return saleGain(h, n, o) - saleGain(h, n-1, o)
	}
	return p
}
