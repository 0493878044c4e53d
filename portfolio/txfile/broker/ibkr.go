package broker

import (
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// ibkr is Interactive Brokers' "Transaction History" activity statement
// CSV (Performance & Reports → Statements → Transaction History →
// CSV): sections of rows "Section,Header|Data,…"; the amounts are in
// the statement's base currency ("Summary,Data,Base Currency,GBP").
var ibkr = &Layout{
	Key: "ibkr", Name: "Interactive Brokers Transaction History CSV",
	Header: []string{"Transaction History", "Header", "Date", "Account", "Transaction Type", "Symbol", "Quantity", "Net Amount"},
	read:   readIBKR,
}

const ibkrActions = `Buy, Sell, Deposit, Withdrawal, Dividend, Payment in Lieu, Foreign Tax Withholding, Credit Interest, Debit Interest, Other Fee, Adjustment, Forex Trade Component`

func readIBKR(p *parser, t *table) {
	base := ""
	for _, rec := range t.records[:t.head] {
		if len(rec.cells) >= 4 && trim(rec.cells[0]) == "Summary" && trim(rec.cells[2]) == "Base Currency" {
			base = trim(rec.cells[3])
		}
	}
	if base == "" {
		p.problem(t.records[t.head].line, "", "Base Currency", "", "a \"Summary,Data,Base Currency,…\" row above the transactions: their amounts are in that currency")
		return
	}
	for _, rec := range t.records[t.head+1:] {
		if len(rec.cells) < 2 || trim(rec.cells[0]) != "Transaction History" {
			continue // another section
		}
		r := t.row(p, rec)
		r.action = r.get("Transaction Type")
		if trim(rec.cells[1]) != "Data" {
			r.problem("", trim(rec.cells[1]), "a Data row (a second Header in the section: are two statements joined?)")
			continue
		}
		if !r.complete() {
			continue
		}
		date, ok := r.date("Date", "2006-01-02", "YYYY-MM-DD", false)
		net, _ := r.num("Net Amount")
		if ok {
			ibkrRow(r, date, net, base)
		}
	}
}

func ibkrRow(r *row, date time.Time, net float64, ccy string) {
	symbol := r.get("Symbol")
	if symbol == "-" {
		symbol = ""
	}
	acct := r.get("Account")
	before := len(r.p.txs)
	switch r.action {
	case "Buy", "Sell":
		k := txn.Buy
		if r.action == "Sell" {
			k = txn.Sell
		}
		qty := r.need("Quantity")
		fees := r.optional("Commission")
		if r.checkTrade(symbol, qty, net, fees) {
			r.p.add(r.line, r.action, trade(k, date, symbol, qty, net, fees, ccy), "")
		}
	case "Deposit", "Withdrawal":
		r.cash(date, net, txn.Deposit, txn.Withdrawal, "", ccy, "")
	case "Dividend", "Payment in Lieu":
		r.cash(date, net, txn.Dividend, txn.Tax, symbol, ccy, "")
	case "Foreign Tax Withholding":
		ibkrWithholding(r, date, symbol, net, ccy)
	case "Credit Interest", "Debit Interest":
		r.cash(date, net, txn.Interest, txn.Fee, "", ccy, "")
	case "Other Fee", "Adjustment", "Forex Trade Component":
		// A fee, an FX translation gain or loss, or the cost in the base
		// currency of a currency conversion: income when credited, a fee
		// when debited.
		r.cash(date, net, txn.Interest, txn.Fee, symbol, ccy, "")
	default:
		r.unknown("Transaction Type", ibkrActions)
	}
	for i := before; i < len(r.p.txs); i++ {
		r.p.txs[i].Account = acct
	}
}

// ibkrWithholding: a debit is a TAX; a credit ("CANCEL WITHHOLDING …")
// cancels the withholding of the same amount on the same symbol.
func ibkrWithholding(r *row, date time.Time, symbol string, net float64, ccy string) {
	key := "withholding\x00" + symbol
	if net > 0 {
		r.p.offsets = append(r.p.offsets, offset{origin: r.p.origin(r.line, r.action), key: key, amount: net})
		return
	}
	r.cash(date, net, txn.Interest, txn.Tax, symbol, ccy, key)
}
