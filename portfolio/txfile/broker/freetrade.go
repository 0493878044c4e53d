package broker

import (
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// freetrade is Freetrade's CSV export (Activity → Export CSV): amounts in
// the account's currency ("Total Amount", after fees), newest first.
var freetrade = &Layout{
	Key: "freetrade", Name: "Freetrade CSV",
	Header: []string{"Title", "Type", "Timestamp", "Account Currency", "Total Amount", "Buy / Sell", "Ticker", "Quantity"},
	read:   readFreetrade,
}

const freetradeActions = `ORDER (BUY, SELL), FREESHARE_ORDER, TOP_UP, WITHDRAWAL, DIVIDEND, INTEREST_FROM_CASH, MONTHLY_STATEMENT and TAX_CERTIFICATE (no money: nothing)`

func readFreetrade(p *parser, t *table) {
	for _, rec := range t.records[t.head+1:] {
		r := t.row(p, rec)
		r.action = r.get("Type")
		if len(headerSet(rec.cells)) == 0 || !r.complete() {
			continue
		}
		if p.duplicate(r.get("Order ID"), r.action+r.get("Timestamp"), r.line) {
			continue
		}
		// The timestamp is UTC; its date is the day.
		date, ok := r.date("Timestamp", "2006-01-02", "YYYY-MM-DDThh:mm:ssZ", true)
		total, _ := r.num("Total Amount")
		if ok {
			freetradeRow(r, date, total)
		}
	}
}

func freetradeRow(r *row, date time.Time, total float64) {
	ccy := r.get("Account Currency")
	symbol := r.get("Ticker")
	switch r.action {
	case "ORDER":
		freetradeOrder(r, date, symbol, total, ccy)
	case "FREESHARE_ORDER":
		// A free share is a gift worth "Total Amount": it is paid in
		// (a DEPOSIT) and bought with it, so the cash is unchanged and
		// the share costs its value.
		qty := r.need("Quantity")
		if r.checkTrade(symbol, qty, total, 0) {
			r.p.add(r.line, r.action, txn.Transaction{Date: date, Kind: txn.Deposit, Amount: total, Currency: ccy, Note: "free share " + symbol}, "")
			r.p.add(r.line, r.action, trade(txn.Buy, date, symbol, qty, total, 0, ccy), "")
		}
	case "TOP_UP", "WITHDRAWAL":
		if r.action == "WITHDRAWAL" && total > 0 {
			total = -total
		}
		r.cash(date, total, txn.Deposit, txn.Withdrawal, "", ccy, "")
	case "DIVIDEND":
		freetradeDividend(r, date, symbol, total, ccy)
	case "INTEREST_FROM_CASH":
		r.cash(date, total, txn.Interest, txn.Fee, "", ccy, "")
	case "MONTHLY_STATEMENT", "TAX_CERTIFICATE":
		// A document, not money: nothing to map.
	default:
		r.unknown("Type", freetradeActions)
	}
}

// freetradeOrder: the fees are the stamp duty and the FX fee, both in the
// account's currency.
func freetradeOrder(r *row, date time.Time, symbol string, total float64, ccy string) {
	var k txn.Kind
	switch side := r.get("Buy / Sell"); side {
	case "BUY":
		k = txn.Buy
	case "SELL":
		k = txn.Sell
	default:
		r.problem("Buy / Sell", side, "BUY or SELL for an ORDER")
		return
	}
	qty := r.need("Quantity")
	fees := r.optional("Stamp Duty") + r.optional("FX Fee Amount")
	if r.checkTrade(symbol, qty, total, fees) {
		r.p.add(r.line, r.action, trade(k, date, symbol, qty, total, fees, ccy), "")
	}
}

// freetradeDividend: "Total Amount" is the net dividend in the account's
// currency; the withheld tax, in the instrument's currency, is converted
// with "Base FX Rate" (account currency per unit of the instrument's), and
// the DIVIDEND is net + withheld with a TAX of the withheld, so that the
// cash is the net credited.
func freetradeDividend(r *row, date time.Time, symbol string, total float64, ccy string) {
	if symbol == "" {
		r.problem("Ticker", "", "the ticker of the dividend's shares")
		return
	}
	withheld := r.optional("Dividend Withheld Tax Amount")
	if withheld != 0 && !strings.EqualFold(r.get("Instrument Currency"), ccy) {
		rate, ok := r.num("Base FX Rate")
		if !ok || rate <= 0 {
			r.problem("Base FX Rate", r.get("Base FX Rate"), "the rate converting the withheld tax to the account's currency")
			return
		}
		withheld *= rate
	}
	if withheld < 0 {
		withheld = -withheld
	}
	r.cash(date, total+withheld, txn.Dividend, txn.Tax, symbol, ccy, "")
	if withheld > 0 {
		r.p.add(r.line, r.action, txn.Transaction{Date: date, Kind: txn.Tax, Symbol: symbol, Amount: withheld, Currency: ccy, Note: "withholding tax"}, "")
	}
}
