package portfolio

import (
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// settleCase: EUR deposited, a US stock X traded with a blank currency
// and a blank price, a DIVIDEND row with a blank currency, and a dividend
// in the market data. USD→EUR 0.9, 0.8, 0.85 on days 1-3.
func settleCase() ([]Transaction, Config) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 120)
	x.Dividends = []quotes.Dividend{{Date: d3, Amount: 1}}
	rates := fakeRates{to: "EUR", rates: map[string]map[time.Time]float64{"USD": {d1: 0.9, d2: 0.8, d3: 0.85}}}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: Origin{File: "tx.csv", Row: 2}},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 5, Origin: Origin{File: "tx.csv", Row: 3}},
		{Date: d2, Kind: Dividend, Symbol: "X", Amount: 10, Origin: Origin{File: "tx.csv", Row: 4}},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 5, Origin: Origin{File: "tx.csv", Row: 5}},
	}
	return txs, Config{Currency: "EUR", Series: market(x), Rates: rates}
}

// TestBuildSettleCurrency: with Config.Settle the blank-currency rows
// settle in EUR, as at a broker converting each trade, and the EUR cash
// pays for them; nothing is borrowed in USD.
func TestBuildSettleCurrency(t *testing.T) {
	txs, cfg := settleCase()
	cfg.Settle = "EUR"
	res := build(t, txs, cfg)
	p := res.Performance
	// Day 1: BUY 5 at 100 USD × 0.9 = 90 EUR: cash 1000 − 450 = 550;
	//   holding 5 × 100 × 0.9 = 450; value 1000.
	// Day 2: the DIVIDEND row's 10 EUR: cash 560; holding 5 × 110 × 0.8
	//   = 440; value 1000.
	// Day 3: the data's dividend 5 × 1 USD × 0.85 = 4.25 EUR, then SELL 5
	//   at 120 × 0.85 = 102 EUR: cash 560 + 4.25 + 510 = 1074.25.
	// TWR: 1074.25 / 1000 − 1 = 7.425% (no flow after day 1).
	near(t, "BUY price in EUR", res.Transactions[1].Price, 90)
	near(t, "SELL price in EUR", res.Transactions[3].Price, 102)
	for d, want := range []float64{550, 560, 1074.25} {
		near(t, "EUR cash", res.Cash["EUR"][d], want)
	}
	for d, want := range []float64{1000, 1000, 1074.25} {
		near(t, "Value", p.Value[d], want)
	}
	near(t, "CumulativeReturn", p.CumulativeReturn[2], 0.07425)
	if usd, ok := res.Cash["USD"]; ok {
		t.Errorf("USD cash %v, want none: every row settles in EUR", usd)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %v, want none", res.Warnings)
	}
	// Realized: proceeds 510 − cost 450 = 60 EUR.
	near(t, "Realized", res.Holdings.Realized()[res.Holdings.Row(0, 2)], 60)
	// A settlement currency without a rate is named as Config.Settle on
	// the first row that settles in it, whose own currency is blank.
	cfg.Settle = "CHF"
	_, err := Build(txs, cfg)
	wantProblems(t, err, `tx.csv, row 3, column currency: "CHF": a currency with a rate to EUR: fake: unknown currency CHF `+
		`(Config.Settle: the currency of rows with a blank currency column)`)
}

// TestBuildBorrowedCurrencyWarning: without Config.Settle the same rows
// settle in USD, which was never deposited: the USD cash goes negative and
// Build says so, with the first row that borrowed and the fix. Deposits in
// USD, or AutoDeposit, make it deliberate and silence it.
func TestBuildBorrowedCurrencyWarning(t *testing.T) {
	txs, cfg := settleCase()
	res := build(t, txs, cfg)
	// USD: −500 on day 1 (the BUY), −490 on day 2 (the DIVIDEND row's
	// 10), −490 + 5 (the data's dividend) + 600 = 115 on day 3.
	near(t, "USD cash day 1", res.Cash["USD"][0], -500)
	near(t, "USD cash day 2", res.Cash["USD"][1], -490)
	near(t, "USD cash day 3", res.Cash["USD"][2], 115)
	want := "cash in USD is negative from 2024-01-01 (lowest -500.00 USD, on 2024-01-01), and no DEPOSIT is in USD: " +
		"the BUY of X on 2024-01-01 (tx.csv, row 3) and the rows after it borrow USD. If they were paid from cash in another currency, " +
		"write it in the rows' currency column, or settle the rows with a blank currency in it (-settle EUR, Config.Settle)"
	if got := warningLines(res.Warnings); got != want {
		t.Fatalf("warnings\n%s\nwant\n%s", got, want)
	}
	w := res.Warnings[0]
	if w.Kind != BorrowedCurrency || w.Currency != "USD" || !w.Since.Equal(d1) || w.Tx == nil || w.Tx.Origin.Row != 3 {
		t.Errorf("warning = %+v, want BorrowedCurrency USD since 2024-01-01 from row 3", w)
	}

	// The borrower is the row that takes the cash below zero, the day
	// replayed in order: 300 USD of interest, then a BUY of 2 X (−200,
	// leaving 100), then one of 3 (−300: −200).
	day := []Transaction{txs[0],
		{Date: d1, Kind: Interest, Amount: 300, Currency: "USD", Origin: Origin{Row: 10}},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 2, Origin: Origin{Row: 11}},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 3, Origin: Origin{Row: 12}},
	}
	res = build(t, day, cfg)
	if len(res.Warnings) != 1 || res.Warnings[0].Tx == nil || res.Warnings[0].Tx.Origin.Row != 12 {
		t.Errorf("warnings %+v, want one from row 12", res.Warnings)
	}

	usd := append([]Transaction{{Date: d1, Kind: Deposit, Amount: 1, Currency: "USD"}}, txs...)
	if res := build(t, usd, cfg); len(res.Warnings) != 0 {
		t.Errorf("with a USD deposit: warnings %v, want none", res.Warnings)
	}
	cfg.AutoDeposit = true
	if res := build(t, txs, cfg); len(res.Warnings) != 0 {
		t.Errorf("with AutoDeposit: warnings %v, want none", res.Warnings)
	}
}
