package broker

import (
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// schwab is Charles Schwab's transactions CSV (Accounts → History →
// Export): MM/DD/YYYY dates, "$" amounts, "Amount" the cash after fees.
var schwab = &Layout{
	Key: "schwab", Name: "Charles Schwab transactions CSV",
	Header: []string{"Date", "Action", "Symbol", "Quantity", "Price", "Fees & Comm", "Amount"},
	read:   readSchwab,
}

const schwabActions = `Buy, Sell, MoneyLink Transfer, Wire Funds, Wire Sent, Journal, … Dividend, … Interest, NRA Tax Adj, Foreign Tax Paid, ADR Mgmt Fee, Service Fee`

func readSchwab(p *parser, t *table) {
	if title := trim(strings.Join(t.records[0].cells, " ")); t.head > 0 && strings.HasPrefix(title, "Transactions for account ") {
		// "Transactions for account XXXX-1234 as of …"
		fields := strings.Fields(strings.TrimPrefix(title, "Transactions for account "))
		if len(fields) > 0 && p.opts.Account == "" {
			p.account = fields[0]
		}
	}
	for _, rec := range t.records[t.head+1:] {
		r := t.row(p, rec)
		r.action = r.get("Action")
		if len(headerSet(rec.cells)) == 0 || strings.HasPrefix(r.get("Date"), "Transactions Total") {
			continue
		}
		if !r.complete() {
			continue
		}
		// "03/01/2022 as of 02/28/2022": the first date is the day the
		// cash moved.
		date, ok := r.date("Date", "01/02/2006", "MM/DD/YYYY", true)
		amount, _ := r.num("Amount")
		if ok {
			schwabRow(r, date, amount)
		}
	}
}

func schwabRow(r *row, date time.Time, amount float64) {
	symbol := r.get("Symbol")
	a := strings.ToLower(r.action)
	switch {
	case a == "buy", a == "sell", a == "reinvest shares":
		k := txn.Buy
		if a == "sell" {
			k = txn.Sell
		}
		qty := r.need("Quantity")
		fees := r.optional("Fees & Comm")
		if r.checkTrade(symbol, qty, amount, fees) {
			r.p.add(r.line, r.action, trade(k, date, symbol, qty, amount, fees, "USD"), "")
		}
	case a == "moneylink transfer", a == "wire funds", a == "wire sent", a == "wire received", a == "journal", a == "moneylink deposit":
		r.cash(date, amount, txn.Deposit, txn.Withdrawal, "", "USD", "")
	case strings.Contains(a, "dividend"), a == "pr yr cash div", a == "reinvest dividend":
		r.cash(date, amount, txn.Dividend, txn.Tax, symbol, "USD", "")
	case strings.Contains(a, "interest"):
		r.cash(date, amount, txn.Interest, txn.Fee, "", "USD", "")
	case a == "nra tax adj", a == "foreign tax paid", a == "nra withholding":
		r.cash(date, amount, txn.Interest, txn.Tax, symbol, "USD", "")
	case strings.Contains(a, "fee"):
		r.cash(date, amount, txn.Interest, txn.Fee, "", "USD", "")
	default:
		r.unknown("Action", schwabActions)
	}
}
