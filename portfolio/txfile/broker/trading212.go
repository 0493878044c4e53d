package broker

import (
	"fmt"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// trading212 is Trading 212's CSV export (History → Export): one row per
// action, "Total" in the account's currency after fees.
var trading212 = &Layout{
	Key: "trading212", Name: "Trading 212 CSV",
	// "Total" with "Currency (Total)" since 2023; "Total (GBP)" before.
	Header: []string{"Action", "Time", "Ticker", "No. of shares"},
	read:   readTrading212,
}

const t212Actions = `Market/Limit/Stop buy and sell, Deposit, Withdrawal, Card debit, Card credit, Spending cashback, "Dividend (…)", Interest on cash, Lending interest, Result adjustment, Stock split open and close`

// t212Fees are the fee columns (each optional) and the column of the
// currency each is in, "" when the export names none (then the account's).
var t212Fees = [][2]string{
	{"Currency conversion fee", "Currency (Currency conversion fee)"},
	{"Currency conversion fee (GBP)", ""},
	{"Transaction fee", "Currency (Transaction fee)"},
	{"Transaction fee (GBP)", ""},
	{"Finra fee", "Currency (Finra fee)"},
	{"Finra fee (GBP)", ""},
	{"Stamp duty (GBP)", ""},
	{"Stamp duty reserve tax", "Currency (Stamp duty reserve tax)"},
	{"French transaction tax", "Currency (French transaction tax)"},
}

func readTrading212(p *parser, t *table) {
	total, totalCcy := "Total", ""
	if _, ok := t.col["total"]; !ok {
		if _, ok := t.col["total (gbp)"]; !ok {
			p.problem(t.records[t.head].line, "", "Total", "", `a "Total" column (with "Currency (Total)"), or "Total (GBP)" in older exports`)
			return
		}
		total, totalCcy = "Total (GBP)", "GBP"
	}
	splits := &t212Splits{}
	for _, rec := range t.records[t.head+1:] {
		r := t.row(p, rec)
		r.action = r.get("Action")
		if len(headerSet(rec.cells)) == 0 || !r.complete() {
			continue
		}
		if p.duplicate(r.get("ID"), r.action, r.line) {
			continue
		}
		date, ok := r.date("Time", "2006-01-02", "YYYY-MM-DD hh:mm:ss", true)
		amount, _ := r.num(total)
		ccy := totalCcy
		if ccy == "" {
			ccy = r.get("Currency (Total)")
		}
		switch {
		case !ok:
		case strings.HasPrefix(strings.ToLower(r.action), "stock split "):
			splits.add(r, date)
		default:
			t212Row(r, date, amount, ccy)
		}
	}
	splits.pair(p)
}

// t212Splits pairs a split's two rows: "Stock split close" takes the
// shares held before it away, "Stock split open" gives those after it, on
// one day for one ticker; together they are a SPLIT of open:close.
type t212Splits struct {
	rows []t212Split
}

type t212Split struct {
	r       *row
	date    time.Time
	symbol  string
	open    bool
	shares  float64
	matched bool
}

func (s *t212Splits) add(r *row, date time.Time) {
	a := strings.ToLower(r.action)
	if a != "stock split open" && a != "stock split close" {
		r.unknown("Action", t212Actions)
		return
	}
	shares := r.need("No. of shares")
	if shares <= 0 || r.get("Ticker") == "" {
		r.problem("No. of shares", r.get("No. of shares"), "a ticker and a number of shares above 0 for a split's row")
		return
	}
	s.rows = append(s.rows, t212Split{r: r, date: date, symbol: r.get("Ticker"), open: a == "stock split open", shares: shares})
}

// pair makes a SPLIT of each open and close of one ticker on one day; a
// row without its other half is a problem.
func (s *t212Splits) pair(p *parser) {
	for i := range s.rows {
		c := &s.rows[i]
		if c.open || c.matched {
			continue
		}
		for j := range s.rows {
			o := &s.rows[j]
			if o.open && !o.matched && o.symbol == c.symbol && o.date.Equal(c.date) {
				c.matched, o.matched = true, true
				p.add(o.r.line, o.r.action, txn.Transaction{Date: o.date, Kind: txn.Split, Symbol: o.symbol, Quantity: o.shares, Price: c.shares,
					Note: fmt.Sprintf("with line %d (%s)", c.r.line, c.r.action)}, "")
				break
			}
		}
	}
	for _, r := range s.rows {
		if !r.matched {
			r.r.problem("Action", r.r.action, "a split's two rows, Stock split close and Stock split open, on one day for one ticker: the other is missing")
		}
	}
}

func t212Row(r *row, date time.Time, total float64, ccy string) {
	symbol := r.get("Ticker")
	a := strings.ToLower(r.action)
	switch {
	case strings.HasSuffix(a, " buy"), strings.HasSuffix(a, " sell"):
		k := txn.Buy
		if strings.HasSuffix(a, " sell") {
			k = txn.Sell
		}
		qty := r.need("No. of shares")
		fees := r.t212Fees(ccy)
		if r.checkTrade(symbol, qty, total, fees) {
			r.p.add(r.line, r.action, trade(k, date, symbol, qty, total, fees, ccy), "")
		}
	case a == "deposit", a == "withdrawal", a == "card debit", a == "card credit", a == "spending cashback":
		// Money in or out of the account by its sign (a card payment
		// leaves it; a cashback comes from outside it).
		r.cash(date, total, txn.Deposit, txn.Withdrawal, "", ccy, "")
	case strings.HasPrefix(a, "dividend"):
		t212Dividend(r, date, symbol, total, ccy)
	case a == "interest on cash", a == "lending interest":
		r.cash(date, total, txn.Interest, txn.Fee, "", ccy, "")
	case a == "result adjustment":
		// A correction credited or debited by the broker (a refund of
		// withholding on interest in the sample): income in, a fee out.
		r.cash(date, total, txn.Interest, txn.Fee, "", ccy, "")
	default:
		r.unknown("Action", t212Actions)
	}
}

// t212Dividend: "Total" is the net dividend in the account's currency;
// the withholding is in its own currency, so it adds a DIVIDEND and a TAX
// of that amount in that currency (the gross is net + withholding, each
// in the currency it was counted in; the cash in the withholding's
// currency nets to zero).
func t212Dividend(r *row, date time.Time, symbol string, total float64, ccy string) {
	if symbol == "" {
		r.problem("Ticker", "", "the ticker of the dividend's shares")
		return
	}
	r.cash(date, total, txn.Dividend, txn.Tax, symbol, ccy, "")
	wht, ok := r.num("Withholding tax")
	if !ok || wht == 0 {
		return
	}
	wccy := r.get("Currency (Withholding tax)")
	if wccy == "" {
		wccy = r.get("Currency (Price / share)")
	}
	if wht < 0 {
		wht = -wht
	}
	r.p.add(r.line, r.action, txn.Transaction{Date: date, Kind: txn.Dividend, Symbol: symbol, Amount: wht, Currency: wccy, Note: "withheld at source"}, "")
	r.p.add(r.line, r.action, txn.Transaction{Date: date, Kind: txn.Tax, Symbol: symbol, Amount: wht, Currency: wccy, Note: "withholding tax"}, "")
}

// t212Fees sums the row's fees; one in another currency than the
// account's is a problem (its cash would be counted in the wrong
// currency).
func (r *row) t212Fees(ccy string) float64 {
	var sum float64
	for _, f := range t212Fees {
		v := r.optional(f[0])
		if v == 0 {
			continue
		}
		if c := r.get(f[1]); f[1] != "" && c != "" && c != ccy {
			r.problem(f[1], c, "the account's currency "+ccy+" for "+f[0])
		}
		if v < 0 {
			v = -v
		}
		sum += v
	}
	return sum
}

// optional reads a number that may be absent (0).
func (r *row) optional(h string) float64 {
	v, _ := r.num(h)
	return v
}
