package lots

import (
	"fmt"
	"slices"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Rates converts between currencies (fx.Converter is one; so is the
// engine's Config.Rates): one rate per date, units of to per unit of from.
type Rates interface {
	Rates(from, to string, dates []time.Time) ([]float64, error)
}

// Options says how Match matches and converts.
type Options struct {
	Method Method
	// Currency is the reporting currency of every amount in the report
	// (GBP for a UK return). A row's blank currency means Currency:
	// without market data there is no quote currency to fall back on.
	Currency string
	// Rates converts rows in another currency at the rate of their own
	// day (HMRC's monthly rates: fx.ReadHMRC). Nil when every row is in
	// Currency.
	Rates Rates
}

// trade is a BUY, SELL, SPLIT or corporate-action row with its money in
// the reporting currency. Its symbol, kind and quantity start as the
// row's and may be rewritten by reorganise (a symbol change moves the
// rows before it to the new symbol).
type trade struct {
	tx     *txn.Transaction
	sym    string
	kind   txn.Kind
	qty    float64
	ratio  float64 // a split's: shares after per share before
	gross  float64 // quantity × price
	fee    float64 // commission
	amount float64 // the row's Amount
	id     int     // index in the input, identifies a buy's lots
	spin   *spinOff
	// worth is a merger's cash part's: the new shares' worth, q × Price.
	worth float64
}

// Match computes the disposals of txs by o.Method, from the transactions
// alone (no market data: trade prices are in the rows), and sums them per
// tax year (see Report). BUY, SELL and SPLIT rows count; other kinds are
// ignored. Rows are taken in date order, file order within a day.
//
// Every problem (a sale of more than is held, a lot that is not open, a
// currency with no rate) is reported at once, as a *txn.ValidationError.
func Match(txs []txn.Transaction, o Options) (*Report, error) {
	trades, problems := convert(txs, o)
	if len(problems) > 0 {
		return nil, &txn.ValidationError{Problems: problems}
	}
	trades, problems = reorganise(trades)
	if len(problems) > 0 {
		return nil, &txn.ValidationError{Problems: problems}
	}
	count := map[string]int{}
	for _, t := range trades {
		count[t.sym]++
	}
	bySymbol := make(map[string][]trade, len(count))
	for _, t := range trades {
		if bySymbol[t.sym] == nil {
			bySymbol[t.sym] = make([]trade, 0, count[t.sym])
		}
		bySymbol[t.sym] = append(bySymbol[t.sym], t)
	}
	symbols := spinOrder(trades)
	rep := &Report{Method: o.Method, Currency: o.Currency, Open: map[string][]Lot{}}
	for _, s := range symbols {
		var ds []Disposal
		var open []Lot
		var ps []txn.Problem
		switch o.Method {
		case UK:
			ds, open, ps = matchUK(bySymbol[s])
		case US:
			ds, open, ps = matchUS(bySymbol[s])
		default:
			ds, open, ps = matchPool(bySymbol[s], o.Method)
		}
		rep.Disposals = append(rep.Disposals, ds...)
		rep.Open[s] = open
		problems = append(problems, ps...)
	}
	if len(problems) > 0 {
		return nil, &txn.ValidationError{Problems: problems}
	}
	slices.SortStableFunc(rep.Disposals, func(a, b Disposal) int { return a.Date.Compare(b.Date) })
	rep.Years = taxYears(rep.Disposals, o.Method)
	return rep, nil
}

// convert keeps the BUY, SELL and SPLIT rows in date order, their money
// converted to o.Currency at the rate of their day.
func convert(txs []txn.Transaction, o Options) ([]trade, []txn.Problem) {
	trades := make([]trade, 0, len(txs))
	need := map[string][]time.Time{}
	for i := range txs {
		tx := &txs[i]
		if !tx.Kind.IsTrade() && tx.Kind != txn.Split && !tx.Kind.IsCorporateAction() {
			continue
		}
		t := trade{tx: tx, sym: tx.Symbol, kind: tx.Kind, qty: tx.Quantity, gross: tx.Quantity * tx.Price, fee: tx.Commission,
			amount: tx.Amount, id: i}
		if tx.Kind == txn.Split {
			t.ratio = tx.Quantity / tx.Price
		}
		trades = append(trades, t)
		if c := currencyOf(tx, o); c != o.Currency && tx.Kind != txn.Split {
			need[c] = append(need[c], tx.Date)
		}
	}
	slices.SortStableFunc(trades, func(a, b trade) int { return a.tx.Date.Compare(b.tx.Date) })
	rates, problems := lookUp(need, o)
	for k := range trades {
		t := &trades[k]
		c := currencyOf(t.tx, o)
		if c == o.Currency || t.tx.Kind == txn.Split {
			continue
		}
		r, ok := rates[c][t.tx.Date]
		if !ok {
			continue // reported by lookUp
		}
		t.gross *= r
		t.fee *= r
		t.amount *= r
	}
	return trades, problems
}

func currencyOf(tx *txn.Transaction, o Options) string {
	if tx.Currency == "" {
		return o.Currency
	}
	return tx.Currency
}

// lookUp fetches the rate of every currency on the days it is needed.
func lookUp(need map[string][]time.Time, o Options) (map[string]map[time.Time]float64, []txn.Problem) {
	out := map[string]map[time.Time]float64{}
	var problems []txn.Problem
	for c, days := range need {
		slices.SortFunc(days, time.Time.Compare)
		days = slices.Compact(days)
		if o.Rates == nil {
			problems = append(problems, txn.Problem{Column: "currency", Value: c,
				Expected: fmt.Sprintf("rows in %s need exchange rates to %s (Options.Rates)", c, o.Currency)})
			continue
		}
		rs, err := o.Rates.Rates(c, o.Currency, days)
		if err != nil {
			problems = append(problems, txn.Problem{Column: "currency", Value: c, Expected: err.Error()})
			continue
		}
		out[c] = map[time.Time]float64{}
		for i, d := range days {
			out[c][d] = rs[i]
		}
	}
	return out, problems
}

// matchPool matches each sale of one symbol's trades against its lots by
// m (Average, FIFO, LIFO, HIFO, Specific), and returns the disposals and
// the lots left open.
func matchPool(trades []trade, m Method) ([]Disposal, []Lot, []txn.Problem) {
	pool := NewPool(m)
	var ds []Disposal
	var problems []txn.Problem
	for _, t := range trades {
		tx := t.tx
		switch t.kind {
		case txn.Buy:
			pool.Add(Lot{Date: tx.Date, Quantity: t.qty, Cost: t.gross + t.fee, TradeCost: tx.Quantity*tx.Price + tx.Commission,
				Origin: tx.Origin, buy: t.id})
		case txn.Split:
			pool.Split(t.ratio)
		case txn.Sell:
			taken, p := sell(pool, t)
			if p != nil {
				problems = append(problems, *p)
				continue
			}
			ds = append(ds, disposal(t, lotParts(taken, m)))
		default:
			d, ok, p := poolAction(pool, t)
			if ok {
				ds = append(ds, d)
			}
			problems = append(problems, p...)
		}
	}
	return ds, pool.Lots(), problems
}

// sell takes the lots t sells from pool, or says why it cannot: more
// shares than held, or a lot the row names that is not open.
func sell(pool *Pool, t trade) ([]Lot, *txn.Problem) {
	if held := pool.Quantity(); t.qty > held*(1+Epsilon)+Epsilon {
		p := oversold(t, held)
		return nil, &p
	}
	taken, err := pool.Take(t.qty, t.tx.Lot)
	if err != nil {
		return nil, &txn.Problem{Origin: t.tx.Origin, Column: "lot", Value: t.tx.Lot, Expected: err.Error()}
	}
	return taken, nil
}

func oversold(t trade, held float64) txn.Problem {
	return txn.Problem{Origin: t.tx.Origin, Column: "quantity", Value: fmt.Sprint(t.tx.Quantity),
		Expected: fmt.Sprintf("at most the %v shares of %s held on %s", held, t.sym, t.tx.Date.Format(time.DateOnly))}
}

// lotParts are the parts of a disposal that took lots.
func lotParts(taken []Lot, m Method) []Part {
	parts := make([]Part, 0, len(taken))
	rule := RuleLot
	if m == Average {
		rule = RuleAverage
	}
	for _, l := range taken {
		p := Part{Rule: rule, Acquired: l.Date, Quantity: l.Quantity, Cost: l.Cost}
		if rule == RuleAverage {
			p.Acquired = time.Time{}
		}
		parts = append(parts, p)
	}
	if rule == RuleAverage {
		return mergeParts(parts)
	}
	return parts
}

// mergeParts sums parts into one, of the first's rule and date.
func mergeParts(parts []Part) []Part {
	if len(parts) <= 1 {
		return parts
	}
	one := parts[0]
	for _, p := range parts[1:] {
		one.Quantity += p.Quantity
		one.Cost += p.Cost
	}
	return []Part{one}
}

// disposal is the sale t matched with parts: Costs = Σ part costs + the
// sale's commission, Gain = Proceeds − Costs.
func disposal(t trade, parts []Part) Disposal {
	d := Disposal{Date: t.tx.Date, Symbol: t.sym, Quantity: t.qty, Proceeds: t.gross,
		Parts: parts, Rows: []txn.Origin{t.tx.Origin}}
	d.Costs = d.partsCost() + t.fee
	d.Gain = d.Proceeds - d.Costs
	return d
}
