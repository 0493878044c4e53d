package broker

import (
	"sort"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// raw is cgt-calc's own simple CSV: date, action, symbol, quantity,
// price, fees, currency; newest first. Its header is exactly those seven
// names (gofolio's own format shares them, so any other column makes the
// file gofolio's).
var raw = &Layout{
	Key: "raw", Name: "cgt-calc raw CSV",
	Header: []string{"date", "action", "symbol", "quantity", "price", "fees", "currency"},
	Exact:  true,
	read:   readRaw,
}

const rawActions = `BUY, SELL, DIVIDEND (quantity × price), STOCK_SPLIT (quantity: shares added), INTEREST, FEE, TAX, TRANSFER (deposit or withdrawal of quantity × price)`

// rawRow is a raw row read, before it is mapped.
type rawRow struct {
	r    *row
	date time.Time
}

// readRaw reads the rows oldest first (a STOCK_SPLIT gives the shares it
// adds, so its ratio depends on the shares held before it).
func readRaw(p *parser, t *table) {
	var rows []rawRow
	for _, rec := range t.records[t.head+1:] {
		r := t.row(p, rec)
		r.action = r.get("action")
		if len(headerSet(rec.cells)) == 0 || !r.complete() {
			continue
		}
		if d, ok := r.date("date", "2006-01-02", "YYYY-MM-DD", false); ok {
			rows = append(rows, rawRow{r, d})
		}
	}
	// Newest first: reverse, then sort stably by date.
	for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
		rows[i], rows[j] = rows[j], rows[i]
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].date.Before(rows[j].date) })
	held := map[string]float64{}
	for _, rr := range rows {
		rawMap(rr.r, rr.date, held)
	}
}

func rawMap(r *row, date time.Time, held map[string]float64) {
	symbol, ccy := r.get("symbol"), r.get("currency")
	qty, price, fees := r.optional("quantity"), r.optional("price"), r.optional("fees")
	switch strings.ToUpper(r.action) {
	case "BUY", "SELL":
		k, cash := txn.Buy, qty*price+fees
		if strings.EqualFold(r.action, "SELL") {
			k, cash = txn.Sell, qty*price-fees
		}
		if r.checkTrade(symbol, qty, cash, fees) {
			r.p.add(r.line, r.action, txn.Transaction{Date: date, Kind: k, Symbol: symbol, Quantity: qty, Price: price, Commission: fees, Currency: ccy}, "")
			if k == txn.Buy {
				held[symbol] += qty
			} else {
				held[symbol] -= qty
			}
		}
	case "DIVIDEND":
		r.cash(date, qty*price-fees, txn.Dividend, txn.Tax, symbol, ccy, "")
	case "STOCK_SPLIT":
		before := held[symbol]
		if before <= 0 || qty <= 0 {
			r.problem("quantity", r.get("quantity"), "the shares a split adds, to shares held before it (none are held)")
			return
		}
		r.p.add(r.line, r.action, txn.Transaction{Date: date, Kind: txn.Split, Symbol: symbol, Quantity: before + qty, Price: before}, "")
		held[symbol] = before + qty
	case "INTEREST":
		r.cash(date, qty*price, txn.Interest, txn.Fee, "", ccy, "")
	case "FEE":
		r.cash(date, -(qty*price + fees), txn.Interest, txn.Fee, symbol, ccy, "")
	case "TAX":
		r.cash(date, -(qty*price + fees), txn.Interest, txn.Tax, symbol, ccy, "")
	case "TRANSFER":
		r.cash(date, qty*price-fees, txn.Deposit, txn.Withdrawal, "", ccy, "")
	default:
		r.unknown("action", rawActions)
	}
}
