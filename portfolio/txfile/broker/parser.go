package broker

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// maxProblems is how many problems an error lists one by one.
const maxProblems = 1000

// parser collects the transactions and problems of one file.
type parser struct {
	opts     Options
	layout   *Layout
	account  string // the file's account (an export's own, or the file name)
	txs      []txn.Transaction
	keys     []string // cancellation key of each transaction ("" = none)
	offsets  []offset
	problems []txn.Problem
	dropped  int
	seenIDs  map[string]int // broker ID + action -> first line
}

// offset is a row that cancels an earlier (or later) row of the same key
// and amount: "Reversal of DIV: …", "CANCEL WITHHOLDING", "Account fee
// cleared". Both rows then leave the portfolio unchanged and are left
// out; an offset with nothing to cancel is a problem.
type offset struct {
	origin txn.Origin
	key    string
	amount float64
}

func newParser(opts Options) *parser {
	acct := opts.Account
	if acct == "" {
		acct = opts.DefaultAccount
	}
	if acct == "" {
		acct = defaultAccount(opts.Name)
	}
	return &parser{opts: opts, account: acct, seenIDs: map[string]int{}}
}

func (p *parser) origin(line int, action string) txn.Origin {
	return txn.Origin{File: p.opts.Name, Row: line, Action: action}
}

// problem records what is wrong at line (column "" for the whole row).
func (p *parser) problem(line int, action, column, value, expected string) {
	if len(p.problems) >= maxProblems {
		p.dropped++
		return
	}
	p.problems = append(p.problems, txn.Problem{Origin: p.origin(line, action), Column: column, Value: value, Expected: expected})
}

// add appends a transaction of the row at line; key, when not "", lets an
// offset row cancel it.
func (p *parser) add(line int, action string, t txn.Transaction, key string) {
	t.Origin = p.origin(line, action)
	if t.Account == "" {
		t.Account = p.account
	}
	if p.opts.Account != "" {
		t.Account = p.opts.Account
	}
	p.txs = append(p.txs, t)
	p.keys = append(p.keys, key)
}

// duplicate reports whether the broker's ID of a row (with its action:
// one order ID can carry a buy and a later sell) was seen on an earlier
// line: overlapping exports repeat rows, which are skipped then.
func (p *parser) duplicate(id, action string, line int) bool {
	if id == "" {
		return false
	}
	k := id + "\x00" + action
	if _, seen := p.seenIDs[k]; seen {
		return true
	}
	p.seenIDs[k] = line
	return false
}

// cancel pairs each offset with a transaction of the same key and amount
// (to the cent); both are left out.
func (p *parser) cancel() {
	gone := make([]bool, len(p.txs))
	for _, o := range p.offsets {
		found := false
		for i, t := range p.txs {
			if !gone[i] && p.keys[i] == o.key && math.Abs(t.Amount-o.amount) < 0.005 {
				gone[i], found = true, true
				break
			}
		}
		if !found {
			p.problems = append(p.problems, txn.Problem{Origin: o.origin, Value: fmt.Sprint(o.amount),
				Expected: "a reversal or cancellation of an earlier row: no row of the same amount and description to cancel (is the export cut short at its start?)"})
		}
	}
	kept := p.txs[:0]
	for i, t := range p.txs {
		if !gone[i] {
			kept = append(kept, t)
		}
	}
	p.txs = kept
}

func (p *parser) result() ([]txn.Transaction, error) {
	p.cancel()
	if p.dropped > 0 {
		p.problems = append(p.problems, txn.Problem{Origin: txn.Origin{File: p.opts.Name}, Value: "",
			Expected: fmt.Sprintf("%d more problems not listed", p.dropped)})
	}
	if len(p.problems) > 0 {
		return nil, &txn.ValidationError{Problems: p.problems}
	}
	if len(p.txs) == 0 {
		return nil, &txn.ValidationError{Problems: []txn.Problem{{Origin: txn.Origin{File: p.opts.Name},
			Expected: "at least one transaction: the export holds none (is it truncated?)"}}}
	}
	sort.SliceStable(p.txs, func(i, j int) bool { return p.txs[i].Date.Before(p.txs[j].Date) })
	return p.txs, nil
}

// row is one data record of a table, read by header name.
type row struct {
	p      *parser
	t      *table
	line   int
	cells  []string
	action string // the broker's action, for messages
	shift  int    // columns before the table's own (Interactive Brokers' section and "Data")
}

func (t *table) row(p *parser, rec record) *row {
	return &row{p: p, t: t, line: rec.line, cells: rec.cells}
}

// get returns the trimmed cell under header h ("" when the row is short).
func (r *row) get(h string) string {
	i, ok := r.t.col[strings.ToLower(h)]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return trim(r.cells[i])
}

func (r *row) problem(column, value, expected string) {
	r.p.problem(r.line, r.action, column, value, expected)
}

// complete reports a row shorter than its header (a truncated export).
func (r *row) complete() bool {
	want := len(r.t.records[r.t.head].cells)
	for want > 0 && trim(r.t.records[r.t.head].cells[want-1]) == "" {
		want--
	}
	if len(r.cells) < want {
		r.problem("", strings.Join(r.cells, ","), fmt.Sprintf("a row of %d columns like the header: it has %d (is the export truncated?)", want, len(r.cells)))
		return false
	}
	return true
}

// num reads a number under header h: blank ("" or "-") is 0 and false.
// A currency symbol, thousands commas and a sign are accepted
// ("-$1,234.50"); anything else is a problem.
func (r *row) num(h string) (float64, bool) {
	s := r.get(h)
	v, blank, err := parseAmount(s, '.', ',')
	if err != "" {
		r.problem(h, s, err)
		return 0, false
	}
	return v, !blank
}

// need reads a number that must be there.
func (r *row) need(h string) float64 {
	v, ok := r.num(h)
	if !ok && r.get(h) == "" {
		r.problem(h, "", "a number: the "+r.p.layout.Name+" row of this action has one")
	}
	return v
}

// currencySymbols are the symbols an amount may start with.
var currencySymbols = []string{"$", "£", "€", "¥", "US$", "C$", "A$"}

// parseAmount reads a number with the given decimal and thousands
// separators (thousands 0 for none), an optional sign before or after a
// currency symbol, and an exponent. Blank: "" or "-".
func parseAmount(s string, decimal, thousands rune) (v float64, blank bool, expected string) {
	s = trim(s)
	if s == "" || s == "-" || s == "--" {
		return 0, true, ""
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, s[1:len(s)-1]
	}
	if strings.HasPrefix(s, "-") {
		neg, s = !neg, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	for _, sym := range currencySymbols {
		if strings.HasPrefix(s, sym) {
			s = s[len(sym):]
			break
		}
	}
	if strings.HasPrefix(s, "-") {
		neg, s = !neg, s[1:]
	}
	if thousands != 0 {
		s = strings.ReplaceAll(s, string(thousands), "")
	}
	if decimal != '.' {
		if strings.Contains(s, ".") {
			return 0, false, fmt.Sprintf("a number with %q for decimals", decimal)
		}
		s = strings.ReplaceAll(s, string(decimal), ".")
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || s == "" || strings.ContainsAny(s, "xXpP_") || strings.EqualFold(s, "nan") || strings.Contains(strings.ToLower(s), "inf"):
		return 0, false, "a number (an optional sign and currency symbol, digits, thousands separators)"
	case math.Abs(f) > txn.MaxNumber:
		return 0, false, txn.ExpectNotHuge
	}
	if neg {
		f = -f
	}
	return f, false, ""
}

// date reads a date under header h in the Go layout given (only its first
// len(layout) characters are read when rest is true: a time follows);
// say is the layout as the broker writes it, for the message.
func (r *row) date(h, layout, say string, rest bool) (time.Time, bool) {
	s := r.get(h)
	d, expected := parseDate(s, layout, say, rest)
	if expected != "" {
		r.problem(h, s, expected)
		return time.Time{}, false
	}
	return d, true
}

func parseDate(s, layout, say string, rest bool) (time.Time, string) {
	v := s
	if rest && len(v) > len(layout) {
		v = v[:len(layout)]
	}
	d, err := time.Parse(layout, v)
	if err != nil {
		exp := "a date " + say
		if swapped, err2 := time.Parse(swapDayMonth(layout), v); err2 == nil && v != "" {
			exp += fmt.Sprintf(" (this reads as %s only day and month the other way round: is the file from another export or edited?)", swapped.Format("2 January 2006"))
		}
		return time.Time{}, exp
	}
	if d.Year() < 1900 || d.Year() > 2200 {
		return time.Time{}, "a date " + say + " between 1900 and 2200"
	}
	return d, ""
}

func swapDayMonth(layout string) string {
	switch layout {
	case "01/02/2006":
		return "02/01/2006"
	case "02/01/2006":
		return "01/02/2006"
	}
	return layout
}

// trim removes surrounding space, non-breaking spaces included.
func trim(s string) string { return strings.Trim(s, " \t\r\n\u00a0\ufeff") }

// cashKind is the kind of a cash row by its sign: in → into, out → out of.
func cashKind(v float64, in, out txn.Kind) (txn.Kind, float64) {
	if v < 0 {
		return out, -v
	}
	return in, v
}

// trade makes a BUY or SELL whose cash equals the broker's total: the
// price is (cash − fees)/quantity for a buy and (cash + fees)/quantity
// for a sell, so that quantity × price ± fees is what the broker debited
// or credited, to the cent, whatever it rounded.
func trade(k txn.Kind, date time.Time, symbol string, qty, cash, fees float64, ccy string) txn.Transaction {
	qty, cash, fees = math.Abs(qty), math.Abs(cash), math.Abs(fees)
	price := (cash - fees) / qty
	if k == txn.Sell {
		price = (cash + fees) / qty
	}
	return txn.Transaction{Date: date, Kind: k, Symbol: symbol, Quantity: qty, Price: price, Commission: fees, Currency: ccy}
}

// checkTrade reports a trade that cannot be made: no shares, no symbol,
// no cash, or a price (see trade) that is not above 0 (fees as large as a
// buy's cash) or is beyond txn.MaxNumber (a few shares for a fortune).
func (r *row) checkTrade(symbol string, qty, cash, fees float64) bool {
	ok := true
	if symbol == "" {
		r.problem("", "", "a symbol for a trade")
		ok = false
	}
	if qty == 0 {
		r.problem("", "", txn.ExpectShares)
		ok = false
	}
	if cash == 0 {
		r.problem("", "", "the trade's cash amount (not 0)")
		ok = false
	}
	if !ok {
		return false
	}
	price := (math.Abs(cash) - math.Abs(fees)) / math.Abs(qty)
	if !(price > 0) {
		r.problem("", fmt.Sprint(fees), "fees smaller than the cash of the trade: the shares would cost nothing")
		return false
	}
	if price*2 > txn.MaxNumber { // a sell's price adds the fees: at most twice the cash
		r.problem("", fmt.Sprint(qty), "a price per share no larger than 1e12 (cash / quantity)")
		return false
	}
	return true
}

// cash adds a cash row of amount v (kind in when v ≥ 0, out when < 0); a
// zero amount is a problem.
func (r *row) cash(date time.Time, v float64, in, out txn.Kind, symbol, ccy, key string) {
	if v == 0 {
		r.problem("", "0", txn.ExpectAmount)
		return
	}
	k, a := cashKind(v, in, out)
	if k.IsExternal() || k == txn.Interest {
		symbol = "" // a flow of the account's cash, not of a holding
	}
	r.p.add(r.line, r.action, txn.Transaction{Date: date, Kind: k, Symbol: symbol, Amount: a, Currency: ccy}, key)
}

// unknown reports an action the layout does not map.
func (r *row) unknown(column, known string) {
	r.problem(column, r.action, "an action gofolio maps for "+r.p.layout.Name+": "+known+" (see README, \"Broker exports\")")
}
