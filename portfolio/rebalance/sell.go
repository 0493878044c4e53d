package rebalance

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// chooseLots is the parts of h's lots a sale of qty shares takes, in the
// order taken, under method m, as lots.Pool.Take takes them. The method
// decides how much choice there is:
//
//   - lots.Average and lots.UK (the Section 104 pool): every share has the
//     average cost, so any sale takes qty / held of every lot;
//   - lots.FIFO and lots.US: the oldest lots first; lots.LIFO: the newest;
//     lots.HIFO: the highest cost per share. The method fixes the order, so
//     the only choice is which holdings to sell and how many shares: whole
//     shares leave a share of slack per sale, which wholeShares spends on
//     selling one share fewer where the last one would realize the most;
//   - lots.Specific: the sale names its lots, so the plan picks the highest
//     cost per share first, which realizes the smallest gain (the largest
//     loss) for qty shares.
//
// US wash sales and the UK same-day and 30-day rules look at purchases
// around the sale: the plan makes none in the same symbol (it never buys
// and sells one symbol), and those the file has in the 30 days before are
// left out of the estimate too, with a note under lots.US (washNotes).
func chooseLots(h holding, qty float64, m lots.Method) []lots.Lot {
	if !(qty > 0) {
		return nil
	}
	if m == lots.Specific {
		m = lots.HIFO // the plan names the lots: the highest cost first
	}
	pool := lots.NewPool(m) // lots.US without a named lot is FIFO
	for _, l := range h.lots {
		pool.Add(l)
	}
	taken, err := pool.Take(qty, "")
	if err != nil {
		return nil // more than held: the solver never sells that
	}
	return taken
}

// saleGain is the estimated realized gain of selling n shares of h:
//
//	gain = n × price − Commission.On(n × price) − Σ cost of the lots taken.
func saleGain(h holding, n float64, o Options) float64 {
	if !(n > 0) {
		return 0
	}
	v := n * h.price
	g := v - o.Commission.On(v)
	for _, l := range chooseLots(h, n, o.Lots) {
		g -= l.Cost
	}
	return g
}

// plan lays s out as a Plan: the trades, the weights before and after,
// the cash and the sums.
func (b *book) plan(s solution, o Options) *Plan {
	p := &Plan{Currency: b.res.Currency, Date: b.date, Options: o, CashBefore: b.cash, CashAfter: s.cash, Accounts: selectedAccounts(b.res)}
	p.TotalBefore, p.TotalAfter = b.cash, s.cash
	var sells, buys []Trade
	for i, h := range b.holdings {
		d := s.delta[i]
		p.TotalBefore += h.qty * h.price
		p.TotalAfter += (h.qty + d) * h.price
		if d == 0 {
			continue
		}
		t := Trade{Symbol: h.symbol, Side: Buy, Quantity: math.Abs(d), Price: h.close, QuoteCurrency: h.currency}
		t.Value = t.Quantity * h.price
		t.Commission = o.Commission.On(t.Value)
		p.Commissions += t.Commission
		if d > 0 {
			buys = append(buys, t)
			continue
		}
		t.Side = Sell
		t.Lots = chooseLots(h, t.Quantity, o.Lots)
		t.Gain = saleGain(h, t.Quantity, o)
		p.Gain += t.Gain
		sells = append(sells, t)
	}
	bySymbol := func(a, b Trade) int { return strings.Compare(a.Symbol, b.Symbol) }
	slices.SortStableFunc(sells, bySymbol)
	slices.SortStableFunc(buys, bySymbol)
	p.Trades = append(sells, buys...)
	p.Weights = b.weights(s, p)
	p.Notes = append(b.notes(), b.washNotes(p)...)
	return p
}

// weights is each symbol's Weight, by target (largest first) then symbol,
// and the cash's last.
func (b *book) weights(s solution, p *Plan) []Weight {
	frac := func(v, total float64) float64 {
		if total > 0 {
			return v / total
		}
		return math.NaN()
	}
	var ws []Weight
	for i, h := range b.holdings {
		after := h.qty + s.delta[i]
		w := Weight{Symbol: h.symbol, Target: h.weight, QuantityBefore: h.qty, QuantityAfter: after,
			ValueBefore: h.qty * h.price, ValueAfter: after * h.price}
		w.Before, w.After = frac(w.ValueBefore, p.TotalBefore), frac(w.ValueAfter, p.TotalAfter)
		ws = append(ws, w)
	}
	slices.SortStableFunc(ws, func(a, b Weight) int {
		if c := cmp.Compare(b.Target, a.Target); c != 0 {
			return c
		}
		return strings.Compare(a.Symbol, b.Symbol)
	})
	return append(ws, Weight{Symbol: Cash, Target: b.cashWeight, ValueBefore: b.cash, ValueAfter: s.cash,
		Before: frac(b.cash, p.TotalBefore), After: frac(s.cash, p.TotalAfter)})
}

// washDays is the wash-sale window: a loss is disallowed when substantially
// identical shares are bought from 30 days before the sale to 30 after.
const washDays = 30

// washNotes warns, under lots.US, of each sale that takes a lot at a loss
// when the file bought the symbol in the 30 days before the plan's day:
// the loss may be disallowed as a wash sale (Publication 550), which the
// estimate leaves out. The plan cannot know the purchases after it.
func (b *book) washNotes(p *Plan) []string {
	if p.Options.Lots != lots.US {
		return nil
	}
	var ns []string
	for _, t := range p.Trades {
		if t.Side != Sell || !lossOn(t) {
			continue
		}
		if buy, ok := b.boughtWithin(t.Symbol, washDays); ok {
			ns = append(ns, fmt.Sprintf("%s: the sale takes lots at a loss, and %s was bought on %s, within %d days before: under us the loss may be a wash sale, disallowed (the estimated gain counts it)",
				t.Symbol, t.Symbol, buy.Format(time.DateOnly), washDays))
		}
	}
	return ns
}

// lossOn says whether sale t takes a lot at a loss: a lot's cost per
// share above the sale's proceeds per share net of commission.
func lossOn(t Trade) bool {
	net := (t.Value - t.Commission) / t.Quantity
	for _, l := range t.Lots {
		if l.PerShare() > net {
			return true
		}
	}
	return false
}

// boughtWithin is the latest BUY of sym in the days before the plan's day
// (the day itself included), if any.
func (b *book) boughtWithin(sym string, days int) (time.Time, bool) {
	from := b.date.AddDate(0, 0, -days)
	var last time.Time
	for _, tx := range b.res.Transactions {
		if tx.Kind == portfolio.Buy && tx.Symbol == sym && !tx.Date.Before(from) && !tx.Date.After(b.date) && tx.Date.After(last) {
			last = tx.Date
		}
	}
	return last, !last.IsZero()
}
