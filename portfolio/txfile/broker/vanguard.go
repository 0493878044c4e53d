package broker

import (
	"regexp"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// vanguard is Vanguard UK's report CSV (My account → Reports → Cash
// transactions, or Cash & investment transactions): an optional title line
// (the account's name), a "Cash Transactions" table (DD/MM/YYYY, Details,
// Amount, Balance) ended by a "Balance" row, and an optional "Investment
// Transactions" table repeating the trades.
var vanguard = &Layout{
	Key: "vanguard", Name: "Vanguard UK report CSV",
	Header: []string{"Date", "Details", "Amount", "Balance"},
	read:   readVanguard,
}

const vanguardActions = `Bought N NAME (SYMBOL), Sold N NAME (SYMBOL), DIV: SYMBOL.… @ CCY X, Cash Account Interest, Deposit…, Regular Deposit, Payment by…, Account Fee…, ETF dealing fee, Reversal of … (cancels the row it reverses)`

var (
	vgBought   = regexp.MustCompile(`^(Bought|Sold) ([\d,]*\.?\d+) (.+?)(?:\s*\(([^()]+)\))?$`)
	vgDividend = regexp.MustCompile(`^DIV: ([^.]+)\.\S* @ ([A-Z]{3}) `)
	vgDeposit  = regexp.MustCompile(`(?i)^(Regular Deposit|Deposit |Cash transfer)`)
	vgWithdraw = regexp.MustCompile(`(?i)^(Payment by|Withdrawal)`)
	vgFee      = regexp.MustCompile(`(?i)^(Account fee|ETF dealing fee)`)
)

func readVanguard(p *parser, t *table) {
	if t.head > 0 && p.opts.Account == "" {
		if title := trim(t.records[0].cells[0]); title != "" && title != "Cash Transactions" {
			p.account = title
		}
	}
	trades := map[string]int{} // cash rows' trade details -> count
	i := t.head + 1
	for ; i < len(t.records); i++ {
		rec := t.records[i]
		first := ""
		if len(rec.cells) > 0 {
			first = trim(rec.cells[0])
		}
		if first == "Balance" || len(headerSet(rec.cells)) == 0 {
			break // the end of the cash table
		}
		r := t.row(p, rec)
		r.action = r.get("Details")
		if !r.complete() {
			continue
		}
		date, ok := r.date("Date", "02/01/2006", "DD/MM/YYYY", false)
		amount, _ := r.num("Amount")
		if ok && vanguardRow(r, date, amount) {
			trades[r.action]++
		}
	}
	checkInvestments(p, t.records[i:], trades)
}

// vanguardRow maps a cash row; it reports whether the row was a trade.
func vanguardRow(r *row, date time.Time, amount float64) bool {
	d := r.action
	switch {
	case strings.HasPrefix(d, "Reversal of "):
		// The reversed row has the same details and the opposite amount.
		r.p.offsets = append(r.p.offsets, offset{origin: r.p.origin(r.line, d), key: strings.TrimPrefix(d, "Reversal of "), amount: -amount})
	case vgBought.MatchString(d):
		m := vgBought.FindStringSubmatch(d)
		qty, _, exp := parseAmount(m[2], '.', ',')
		symbol := m[4]
		if symbol == "" {
			symbol = strings.TrimSpace(m[3])
		}
		k := txn.Buy
		if m[1] == "Sold" {
			k = txn.Sell
		}
		if exp != "" {
			r.problem("Details", m[2], exp)
			return false
		}
		if r.checkTrade(symbol, qty, amount, 0) {
			r.p.add(r.line, d, trade(k, date, symbol, qty, amount, 0, "GBP"), "")
		}
		return true
	case vgDividend.MatchString(d):
		m := vgDividend.FindStringSubmatch(d)
		r.cash(date, amount, txn.Dividend, txn.Tax, m[1], "GBP", d)
	case d == "Cash Account Interest":
		r.cash(date, amount, txn.Interest, txn.Fee, "", "GBP", d)
	case vgDeposit.MatchString(d), vgWithdraw.MatchString(d):
		r.cash(date, amount, txn.Deposit, txn.Withdrawal, "", "GBP", d)
	case vgFee.MatchString(d):
		if amount > 0 {
			// "Account fee cleared": the refund of a fee charged.
			r.p.offsets = append(r.p.offsets, offset{origin: r.p.origin(r.line, d), key: "fee", amount: amount})
			return false
		}
		r.cash(date, amount, txn.Interest, txn.Fee, "", "GBP", "fee")
	default:
		r.unknown("Details", vanguardActions)
	}
	return false
}

// checkInvestments reads the investment table, if any: each of its trades
// repeats a cash row's ("Bought 294 Bar ETF (BAR)"), so it adds nothing;
// one without a cash row is a problem (cash moved that the file does not
// show).
func checkInvestments(p *parser, rest []record, trades map[string]int) {
	start := -1
	for i, rec := range rest {
		if len(rec.cells) > 2 && trim(rec.cells[0]) == "Date" && trim(rec.cells[1]) == "InvestmentName" {
			start = i
			break
		}
	}
	if start < 0 {
		return
	}
	t := &table{records: rest, head: start, col: map[string]int{}}
	for i, c := range rest[start].cells {
		t.col[strings.ToLower(trim(c))] = i
	}
	for _, rec := range rest[start+1:] {
		if len(rec.cells) == 0 || trim(rec.cells[0]) == "Cost" || len(headerSet(rec.cells)) == 0 {
			break
		}
		r := t.row(p, rec)
		r.action = r.get("TransactionDetails")
		if trades[r.action] > 0 {
			trades[r.action]--
			continue
		}
		r.problem("TransactionDetails", r.action, "a trade of the cash table: this investment row has no cash row, so its cash is unknown")
	}
}
