package broker

import (
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// trading212 is Trading 212's CSV export (History → Export): one row per
// action, "Total" in the account's currency after fees.
var trading212 = &Layout{
	Key: "trading212", Name: "Trading 212 CSV",
	Header: []string{"Action", "Time", "Ticker", "No. of shares", "Total", "Currency (Total)"},
	read:   readTrading212,
}

const t212Actions = `Market/Limit/Stop buy and sell, Deposit, Withdrawal, "Dividend (…)", Interest on cash, Lending interest, Result adjustment`

func readTrading212(p *parser, t *table) {
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
		total, _ := r.num("Total")
		if !ok {
			continue
		}
		t212Row(r, date, total)
	}
}

func t212Row(r *row, date time.Time, total float64) {
	ccy := r.get("Currency (Total)")
	symbol := r.get("Ticker")
	a := strings.ToLower(r.action)
	switch {
	case strings.HasSuffix(a, " buy"), strings.HasSuffix(a, " sell"):
		k := txn.Buy
		if strings.HasSuffix(a, " sell") {
			k = txn.Sell
		}
		qty := r.need("No. of shares")
		fees := r.optional("Currency conversion fee") + r.optional("Transaction fee") + r.optional("Stamp duty reserve tax") + r.optional("Stamp duty") + r.optional("French transaction tax") + r.optional("Finra fee")
		if r.checkTrade(symbol, qty, total, fees) {
			r.p.add(r.line, r.action, trade(k, date, symbol, qty, total, fees, ccy), "")
		}
	case a == "deposit", a == "withdrawal":
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

// optional reads a number that may be absent (0).
func (r *row) optional(h string) float64 {
	v, _ := r.num(h)
	return v
}
