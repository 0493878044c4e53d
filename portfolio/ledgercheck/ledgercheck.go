// Package ledgercheck computes, from transactions alone and without any
// market data, the final holdings per account and the cash per account
// and currency, with the dividends and interest received: what a user
// compares with the broker's statement before fetching a single price
// (`go run ./examples/report -tx FILE -source none`).
//
// It imports only the standard library and portfolio/txn; it is not the
// engine (package portfolio), which values the holdings day by day.
package ledgercheck

import (
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// Holding is the shares of a symbol held in an account.
type Holding struct {
	Account, Symbol string
	Quantity        float64
}

// Cash is the cash of an account in one currency.
type Cash struct {
	Account, Currency string
	Amount            float64
}

// Income is the dividends of a symbol (or the interest of an account) in
// one currency, with the tax withheld on them.
type Income struct {
	Name, Currency string // the symbol, or the account for interest
	Amount, Tax    float64
}

// Balances is what Compute finds.
type Balances struct {
	Holdings  []Holding // quantity ≠ 0, by account then symbol
	Cash      []Cash    // by account then currency
	Dividends []Income  // by symbol then currency
	Interest  []Income  // by account then currency
}

// Blank currencies are named for what they stand for.
const (
	QuoteCurrency     = "(quote currency)"
	ReportingCurrency = "(reporting currency)"
)

// Compute runs through txs in date order (stable: the file's order within
// a day) and sums, per account:
//
//	shares:  + quantity (BUY), − quantity (SELL), × new/old (SPLIT)
//	cash:    − (quantity × price + commission) (BUY)
//	         + (quantity × price − commission) (SELL)
//	         + amount (DEPOSIT, DIVIDEND, INTEREST)
//	         − amount (WITHDRAWAL, FEE, TAX)
//	TRANSFER: − quantity (shares) or amount (cash, no symbol) from
//	         account, + the same to the account To
//
// A TAX row with a symbol is also counted as tax on that symbol's
// dividends. A BUY or SELL with no price (the day's close) needs market
// data: its cash is unknown, and Compute returns an error naming it.
func Compute(txs []txn.Transaction) (Balances, error) { return ComputeFor(txs, nil) }

// ComputeFor is Compute for the given accounts (nil or empty: every
// account): every row still moves its own account's shares and cash, so
// that a TRANSFER from another account brings what it held, but only the
// accounts given are listed (holdings, cash, interest), only their
// DIVIDEND and TAX rows count in the dividends, and only their BUY and
// SELL rows need a price (another account's cash is not shown).
func ComputeFor(txs []txn.Transaction, accounts []string) (Balances, error) {
	keep := func(string) bool { return true }
	if len(accounts) > 0 {
		keep = func(a string) bool { return slices.Contains(accounts, a) }
	}
	sorted := append([]txn.Transaction(nil), txs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date.Before(sorted[j].Date) })
	shares := map[[2]string]float64{}
	cash := map[[2]string]float64{}
	divs := map[[2]string]*Income{}
	interest := map[[2]string]*Income{}
	var unpriced []txn.Problem
	for _, t := range sorted {
		acct := t.Account
		switch t.Kind {
		case txn.Buy, txn.Sell:
			if t.Price == 0 && keep(acct) {
				unpriced = append(unpriced, txn.Problem{Origin: t.Origin, Column: "price", Expected: "a price: without market data a trade at the day's close has no known cash"})
				continue
			}
			ccy := currencyOr(t.Currency, QuoteCurrency)
			v := t.Quantity * t.Price
			if t.Kind == txn.Buy {
				shares[[2]string{acct, t.Symbol}] += t.Quantity
				cash[[2]string{acct, ccy}] -= v + t.Commission
			} else {
				shares[[2]string{acct, t.Symbol}] -= t.Quantity
				cash[[2]string{acct, ccy}] += v - t.Commission
			}
		case txn.Split:
			shares[[2]string{acct, t.Symbol}] *= t.Quantity / t.Price
		case txn.Transfer:
			transfer(t, shares, cash)
		default:
			if keep(acct) {
				cashRow(t, cash, divs, interest)
			}
		}
	}
	if len(unpriced) > 0 {
		return Balances{}, &txn.ValidationError{Problems: unpriced}
	}
	return collect(shares, cash, divs, interest, keep), nil
}

// transfer moves t's shares (a symbol) or cash (none, in t's currency)
// from t.Account to t.To.
func transfer(t txn.Transaction, shares, cash map[[2]string]float64) {
	if t.Symbol != "" {
		shares[[2]string{t.Account, t.Symbol}] -= t.Quantity
		shares[[2]string{t.To, t.Symbol}] += t.Quantity
		return
	}
	ccy := currencyOr(t.Currency, ReportingCurrency)
	cash[[2]string{t.Account, ccy}] -= t.Amount
	cash[[2]string{t.To, ccy}] += t.Amount
}

// cashRow adds a cash transaction.
func cashRow(t txn.Transaction, cash map[[2]string]float64, divs, interest map[[2]string]*Income) {
	ccy := currencyOr(t.Currency, ReportingCurrency)
	if t.Kind == txn.Dividend {
		ccy = currencyOr(t.Currency, QuoteCurrency)
	}
	key := [2]string{t.Account, ccy}
	switch t.Kind {
	case txn.Deposit, txn.Interest:
		cash[key] += t.Amount
	case txn.Dividend:
		cash[key] += t.Amount
		income(divs, t.Symbol, ccy).Amount += t.Amount
	case txn.Withdrawal, txn.Fee, txn.Tax:
		cash[key] -= t.Amount
	}
	switch {
	case t.Kind == txn.Interest:
		income(interest, t.Account, ccy).Amount += t.Amount
	case t.Kind == txn.Tax && t.Symbol != "":
		income(divs, t.Symbol, ccy).Tax += t.Amount
	}
}

func income(m map[[2]string]*Income, name, ccy string) *Income {
	k := [2]string{name, ccy}
	if m[k] == nil {
		m[k] = &Income{Name: name, Currency: ccy}
	}
	return m[k]
}

func currencyOr(c, blank string) string {
	if c == "" {
		return blank
	}
	return c
}

// collect lists the balances of the accounts keep keeps.
func collect(shares, cash map[[2]string]float64, divs, interest map[[2]string]*Income, keep func(string) bool) Balances {
	var b Balances
	for k, q := range shares {
		if (q > 1e-9 || q < -1e-9) && keep(k[0]) {
			b.Holdings = append(b.Holdings, Holding{Account: k[0], Symbol: k[1], Quantity: q})
		}
	}
	sort.Slice(b.Holdings, func(i, j int) bool {
		x, y := b.Holdings[i], b.Holdings[j]
		return x.Account < y.Account || x.Account == y.Account && x.Symbol < y.Symbol
	})
	for k, v := range cash {
		if !keep(k[0]) {
			continue
		}
		b.Cash = append(b.Cash, Cash{Account: k[0], Currency: k[1], Amount: v})
	}
	sort.Slice(b.Cash, func(i, j int) bool {
		x, y := b.Cash[i], b.Cash[j]
		return x.Account < y.Account || x.Account == y.Account && x.Currency < y.Currency
	})
	b.Dividends, b.Interest = incomes(divs), incomes(interest)
	return b
}

func incomes(m map[[2]string]*Income) []Income {
	out := make([]Income, 0, len(m))
	for _, v := range m {
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Name < out[j].Name || out[i].Name == out[j].Name && out[i].Currency < out[j].Currency
	})
	return out
}

// Write prints the balances for a terminal: holdings per account, cash per
// account and currency, dividends and interest; amounts to the cent,
// quantities to 8 decimals without trailing zeros. A negative holding
// (shares sold that the file never bought) is marked.
func (b Balances) Write(w io.Writer) error {
	p := &printer{w: w}
	p.line("Final holdings (from the transactions alone, no market data)")
	if len(b.Holdings) == 0 {
		p.line("  (none)")
	}
	for _, h := range b.Holdings {
		mark := ""
		if h.Quantity < 0 {
			mark = "  <- negative: sold more than the file buys"
		}
		p.line(fmt.Sprintf("  %s, %s: %s%s", txn.Escape(h.Account), txn.QuoteName(h.Symbol), quantity(h.Quantity), mark))
	}
	p.line("Cash")
	for _, c := range b.Cash {
		p.line(fmt.Sprintf("  %s: %.2f %s", txn.Escape(c.Account), cents(c.Amount), c.Currency))
	}
	p.incomes("Dividends (tax withheld in brackets)", b.Dividends, txn.QuoteName)
	p.incomes("Interest", b.Interest, txn.Escape)
	return p.err
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = fmt.Fprintln(p.w, s)
	}
}

// incomes prints a list of income; name writes a symbol (cut when long)
// or an account (whole).
func (p *printer) incomes(title string, in []Income, name func(string) string) {
	if len(in) == 0 {
		return
	}
	p.line(title)
	for _, i := range in {
		s := fmt.Sprintf("  %s: %.2f %s", name(i.Name), cents(i.Amount), i.Currency)
		if i.Tax != 0 {
			s += fmt.Sprintf(" (%.2f)", i.Tax)
		}
		p.line(s)
	}
}

// cents is v with a balance that rounds to no cent written 0.00, not
// -0.00 (a currency whose flows cancel, like a withholding grossed up).
func cents(v float64) float64 {
	if v > -0.005 && v < 0.005 {
		return 0
	}
	return v
}

// quantity writes shares with up to 8 decimals, no trailing zeros.
func quantity(q float64) string {
	s := fmt.Sprintf("%.8f", q)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
