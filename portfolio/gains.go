package portfolio

import "github.com/gofolio/gofolio/portfolio/lots"

// Gains matches the result's trades by m (lots.Match) and returns the
// disposals and their sums per tax year, in the reporting currency: the
// transactions as applied (with the close as the price where the file
// left it blank), each converted with Rates at the rate of its day. A
// row's blank currency is the one Build settled it in: settle when not ""
// (give Config.Settle), else the symbol's quote currency.
func (r *Result) Gains(m lots.Method, settle string) (*lots.Report, error) {
	quote := make(map[string]string, len(r.Holdings.Symbols))
	for s, sym := range r.Holdings.Symbols {
		quote[sym] = r.Holdings.QuoteCurrency[s]
	}
	txs := make([]Transaction, len(r.Transactions))
	copy(txs, r.Transactions)
	for i := range txs {
		tx := &txs[i]
		if tx.Currency != "" || !tx.Kind.IsTrade() && tx.Kind != ReturnOfCapital && tx.Kind != CapitalGains && tx.Kind != Merger {
			continue
		}
		tx.Currency = quote[tx.Symbol]
		if settle != "" {
			tx.Currency = settle
		}
	}
	return lots.Match(txs, lots.Options{Method: m, Currency: r.Currency, Rates: r.Rates})
}
