package portfolio

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// Test days: Monday 2024-01-01 .. Friday 2024-01-05, Monday 2024-01-08.
var (
	d1 = quotes.Date(2024, 1, 1)
	d2 = quotes.Date(2024, 1, 2)
	d3 = quotes.Date(2024, 1, 3)
	d4 = quotes.Date(2024, 1, 4)
	d5 = quotes.Date(2024, 1, 5)
	d8 = quotes.Date(2024, 1, 8)
)

func testSeries(sym, ccy string, dates []time.Time, closes ...float64) *quotes.Series {
	return &quotes.Series{Symbol: sym, Currency: ccy, Dates: dates[:len(closes)], Close: closes}
}

func days(ds ...time.Time) []time.Time { return ds }

// fakeRates converts with a fixed table: rate[currency][day] to the
// reporting currency, forward-filled like a real converter.
type fakeRates struct {
	to    string
	rates map[string]map[time.Time]float64
}

func (f fakeRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	if to != f.to {
		return nil, fmt.Errorf("fake: no rates to %s", to)
	}
	tab, ok := f.rates[from]
	if !ok {
		return nil, fmt.Errorf("fake: unknown currency %s", from)
	}
	out := make([]float64, len(dates))
	for i, d := range dates {
		best, bestDay := math.NaN(), time.Time{}
		for day, r := range tab {
			if !day.After(d) && !day.Before(bestDay) {
				best, bestDay = r, day
			}
		}
		if math.IsNaN(best) {
			return nil, fmt.Errorf("fake: no %s rate on or before %s", from, d.Format(time.DateOnly))
		}
		out[i] = best
	}
	return out, nil
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

func build(t *testing.T, txs []Transaction, cfg Config) *Result {
	t.Helper()
	res, err := Build(txs, cfg)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

func market(ss ...*quotes.Series) map[string]*quotes.Series {
	m := map[string]*quotes.Series{}
	for _, s := range ss {
		m[s.Symbol] = s
	}
	return m
}

func TestBuildBuySellWithCommissions(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 50, Commission: 5},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 5, Price: 60, Commission: 5},
	}
	res := build(t, txs, Config{Currency: "USD", Series: market(x)})
	p, h := res.Performance, res.Holdings
	// Day 1: cash 1000 − (10×50 + 5) = 495, holdings 10×50 = 500, value 995.
	// r1 = 995/1000 − 1 (the first deposit starts the series).
	// Day 2: holdings 550, value 1045, r2 = 1045/995 − 1.
	// Day 3: sell 5×60 − 5 = 295 → cash 790; holdings 5×60 = 300; value 1090.
	wantValue := []float64{995, 1045, 1090}
	wantR := []float64{995.0/1000 - 1, 1045.0/995 - 1, 1090.0/1045 - 1}
	for d := range wantValue {
		near(t, fmt.Sprintf("Value[%d]", d), p.Value[d], wantValue[d])
		near(t, fmt.Sprintf("DailyReturn[%d]", d), p.DailyReturn[d], wantR[d])
	}
	near(t, "Cash[2]", p.Cash[2], 790)
	near(t, "CumulativeReturn[2]", p.CumulativeReturn[2], 1090.0/1000-1)
	near(t, "PnL[2]", p.PnL[2], 90)
	// Average cost 505/10 = 50.5; 5 sold: cost left 252.5,
	// realized 295 − 252.5 = 42.5, unrealized 300 − 252.5 = 47.5.
	r := h.Row(0, 2)
	near(t, "Quantity", h.Quantity()[r], 5)
	near(t, "CostBasis", h.CostBasis()[r], 252.5)
	near(t, "Realized", h.Realized()[r], 42.5)
	near(t, "Unrealized", h.Unrealized()[r], 47.5)
	near(t, "Commissions", h.Commissions()[r], 10)
	// Drawdown: index 0.995, 1.045, 1.09 — day 1 is below the start (1).
	near(t, "Drawdown[0]", p.Drawdown[0], -0.005)
	near(t, "Drawdown[2]", p.Drawdown[2], 0)
}

func TestBuildSplitBetweenBuyAndSell(t *testing.T) {
	// Yahoo-style: a 2:1 split on day 3, closes before it divided by 2.
	adjusted := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	adjusted.SplitAdjusted = true
	adjusted.Splits = []quotes.Split{{Date: d3, Numerator: 2, Denominator: 1}}
	// The same history as traded, with the split written in the file.
	raw := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 60)

	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 100},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 20, Price: 61},
	}
	manual := append(append([]Transaction{}, txs...), Transaction{Date: d3, Kind: Split, Symbol: "X", Quantity: 2, Price: 1})
	for name, c := range map[string]struct {
		s   *quotes.Series
		txs []Transaction
	}{"split-adjusted series": {adjusted, txs}, "SPLIT row": {raw, manual}} {
		t.Run(name, func(t *testing.T) {
			res := build(t, c.txs, Config{Currency: "USD", Series: market(c.s)})
			h := res.Holdings
			// 10 shares at 100 (raw) = 1000; day 2 at 110 = 1100; day 3 the
			// split makes 20 shares, all sold at 61: 1220, cost 1000.
			near(t, "Close[0]", h.Close()[0], 100)
			near(t, "Value[0]", h.Value()[0], 1000)
			near(t, "Value[1]", h.Value()[1], 1100)
			near(t, "Quantity[2]", h.Quantity()[2], 0)
			near(t, "Realized[2]", h.Realized()[2], 220)
			near(t, "Value total day 3", res.Performance.Value[2], 1220)
		})
	}
	// A SPLIT row on a day the data already splits would double the shares.
	dup := append(append([]Transaction{}, txs...), Transaction{Date: d3, Kind: Split, Symbol: "X", Quantity: 2, Price: 1,
		Origin: Origin{File: "t.csv", Row: 5}})
	_, err := Build(dup, Config{Currency: "USD", Series: market(adjusted)})
	wantProblems(t, err, `t.csv, row 5, column kind: "SPLIT": no SPLIT row: the market data already has the 2:1 split of X on 2024-01-03`)
	// The same split entered a day late (the broker's date) is still the same split.
	longer := *adjusted
	longer.Dates, longer.Close = days(d1, d2, d3, d4), []float64{50, 55, 60, 61}
	dup[len(dup)-1].Date = d4
	_, err = Build(dup, Config{Currency: "USD", Series: market(&longer)})
	wantProblems(t, err, `t.csv, row 5, column kind: "SPLIT": no SPLIT row: the market data already has the 2:1 split of X on 2024-01-03`)
}

func TestBuildDividends(t *testing.T) {
	// A dividend of 0.5 (split-adjusted; 1.0 as paid) with ex-date day 2,
	// then a 2:1 split on day 3.
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	x.SplitAdjusted = true
	x.Splits = []quotes.Split{{Date: d3, Numerator: 2, Denominator: 1}}
	x.Dividends = []quotes.Dividend{{Date: d2, Amount: 0.5}}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 2000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 100},
		// Bought on the ex-date: no dividend on these.
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 5, Price: 110},
		// A dividend the data does not carry, entered by hand (Y has no
		// dividend events).
		{Date: d1, Kind: Buy, Symbol: "Y", Quantity: 1, Price: 10},
		{Date: d3, Kind: Dividend, Symbol: "Y", Amount: 3},
	}
	y := testSeries("Y", "USD", days(d1, d2, d3), 10, 10, 10)
	res := build(t, txs, Config{Currency: "USD", Series: market(x, y)})
	h, p := res.Holdings, res.Performance
	// Day 2: 10 shares held at day 1's close × 1.0 = 10 of dividends.
	near(t, "Dividends[1]", h.Dividends()[1], 10)
	near(t, "Dividends[2]", h.Dividends()[2], 10)
	near(t, "Y Dividends[2]", h.Dividends()[h.Row(1, 2)], 3)
	// Cash: 2000 − 1000 − 550 − 10 + 10 + 3 = 453; 30 X at 60 = 1800, 1 Y at 10.
	near(t, "Cash[2]", p.Cash[2], 453)
	near(t, "Value[2]", p.Value[2], 2263)
	near(t, "Quantity[2]", h.Quantity()[2], 30)

	// The broker's DIVIDEND row for the dividend the data carries, paid
	// after the ex-date, would count it twice.
	dup := append(txs, Transaction{Date: d3, Kind: Dividend, Symbol: "X", Amount: 10,
		Origin: Origin{File: "t.csv", Row: 9}})
	_, err := Build(dup, Config{Currency: "USD", Series: market(x, y)})
	wantProblems(t, err,
		`t.csv, row 9, column kind: "DIVIDEND": no DIVIDEND row: the market data already pays the 0.5 dividend of X with ex-date 2024-01-02`)
}

func TestBuildMinorUnitStockInAnotherCurrency(t *testing.T) {
	// A London stock quoted in pence, reported in EUR. GBP→EUR 1.20 on day
	// 1 and 1.25 from day 2; GBp is GBP/100.
	l := testSeries("OCDO.L", "GBp", days(d1, d2), 200, 210)
	rates := fakeRates{to: "EUR", rates: map[string]map[time.Time]float64{
		"GBp": {d1: 0.012, d2: 0.0125},
		"GBP": {d1: 1.2, d2: 1.25},
	}}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 250},
		{Date: d1, Kind: Buy, Symbol: "OCDO.L", Quantity: 100}, // at the close: 200p
	}
	res := build(t, txs, Config{Currency: "EUR", Series: market(l), Rates: rates})
	h, p := res.Holdings, res.Performance
	// Cost 100 × 200p = 20000p × 0.012 = 240 EUR; cash −20000p, held as
	// −200 GBP.
	near(t, "CostBasis[0]", h.CostBasis()[0], 240)
	near(t, "Value[0]", h.Value()[0], 240)
	near(t, "Price filled in", res.Transactions[1].Price, 200)
	// Day 2: 100 × 210p × 0.0125 = 262.5; the pounds owed −200 × 1.25 = −250;
	// EUR cash 250. Value 262.5; r2 = 262.5/250 − 1 = 0.05.
	near(t, "Value[1]", h.Value()[1], 262.5)
	near(t, "Cash[1]", p.Cash[1], 0)
	near(t, "Total[1]", p.Value[1], 262.5)
	near(t, "DailyReturn[1]", p.DailyReturn[1], 0.05)
	near(t, "Cash GBP", res.Cash["GBP"][1], -200)
	if _, ok := res.Cash["GBp"]; ok {
		t.Error("pence cash kept apart from pounds")
	}
}

// TestBuildPenceAndPoundsAreOneAccount: a sterling account buying a stock
// quoted in pence holds one GBP balance, and the withdrawal check sees it.
func TestBuildPenceAndPoundsAreOneAccount(t *testing.T) {
	l := testSeries("DDD.L", "GBp", days(d1, d2, d3), 510, 540, 540)
	rates := fakeRates{to: "GBP", rates: map[string]map[time.Time]float64{"GBp": {d1: 0.01}}}
	at := func(row int) Origin { return Origin{Row: row} }
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 2000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "DDD.L", Quantity: 200, Price: 510, Origin: at(3)},  // £1020
		{Date: d2, Kind: Sell, Symbol: "DDD.L", Quantity: 200, Price: 540, Origin: at(4)}, // £1080
		{Date: d3, Kind: Withdrawal, Amount: 2050, Origin: at(5)},                         // of £2060 held
	}
	res := build(t, txs, Config{Currency: "GBP", Series: market(l), Rates: rates})
	near(t, "GBP cash on day 3", res.Cash["GBP"][2], 10)
	near(t, "Cash[2]", res.Performance.Cash[2], 10)
	if len(res.Cash) != 1 {
		t.Errorf("cash in %d currencies, want GBP only: %v", len(res.Cash), res.Cash)
	}
	// Without the sale, £980 is left: withdrawing £1900 overdraws it.
	txs = append(txs[:2], Transaction{Date: d3, Kind: Withdrawal, Amount: 1900, Origin: at(5)})
	_, err := Build(txs, Config{Currency: "GBP", Series: market(l), Rates: rates})
	wantProblems(t, err,
		`row 5, column amount: "1900": a withdrawal of at most the cash held: after it, cash in GBP is -920.00 on 2024-01-03; add the DEPOSIT or SELL that provided the money, or correct the amount`)
}

func TestBuildDepositMidPeriodLeavesTWRUnchanged(t *testing.T) {
	// X returns +10% a day. A second deposit on day 2 counts from the start
	// of the day (issue 13.1: Portfolio Performance's TTWROR convention;
	// this test had the deposit invested at day 2's close earn nothing
	// before). Invested at the price the day started from (day 1's close,
	// 100), it earns X's return, and the TWR is X's whatever the deposits.
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10},
		{Date: d2, Kind: Deposit, Amount: 1000},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 100},
	}
	p := build(t, txs, Config{Currency: "USD", Series: market(x)}).Performance
	// r2 = 2200/(1000 + 1000) − 1 = 0.1; r3 = 2420/2200 − 1 = 0.1.
	near(t, "DailyReturn[1]", p.DailyReturn[1], 0.1)
	near(t, "DailyReturn[2]", p.DailyReturn[2], 0.1)
	near(t, "CumulativeReturn[2]", p.CumulativeReturn[2], 0.21)
	near(t, "NetContributions[2]", p.NetContributions[2], 2000)
	near(t, "PnL[2]", p.PnL[2], 420)
	if len(p.Dates) != 3 {
		t.Fatalf("%d dates, want 3", len(p.Dates))
	}

	// Invested at day 2's close (110) instead, the 1100 deposited sat idle
	// all day in the day's base: r2 = 2200/(1000 + 1100) − 1 = 0.047619.
	txs[2].Amount, txs[3].Price = 1100, 0
	p = build(t, txs, Config{Currency: "USD", Series: market(x)}).Performance
	near(t, "DailyReturn[1] bought at the close", p.DailyReturn[1], 2200.0/2100-1)
	near(t, "CumulativeReturn[2] bought at the close", p.CumulativeReturn[2], 2200.0/2100*1.1-1)
}

func TestBuildWithdrawalAndRefill(t *testing.T) {
	// Sold out and withdrawn on day 2, nothing on day 3, refilled on day 4.
	x := testSeries("X", "USD", days(d1, d2, d3, d4, d5), 100, 110, 120, 130, 117)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10},
		{Date: d2, Kind: Sell, Symbol: "X", Quantity: 10},
		{Date: d2, Kind: Withdrawal, Amount: 1100},
		{Date: d4, Kind: Deposit, Amount: 1300},
		{Date: d4, Kind: Buy, Symbol: "X", Quantity: 10},
	}
	p := build(t, txs, Config{Currency: "USD", Series: market(x)}).Performance
	// r2 = (0 + 1100 − 0)/1000 − 1 = 0.1; r3 = 0 (empty); r4 = 1300/1300 − 1
	// = 0 (restart); r5 = 1170/1300 − 1 = −0.1. Cumulative 1.1 × 0.9 − 1.
	want := []float64{0, 0.1, 0, 0, -0.1}
	for d, w := range want {
		near(t, fmt.Sprintf("DailyReturn[%d]", d), p.DailyReturn[d], w)
	}
	near(t, "CumulativeReturn[4]", p.CumulativeReturn[4], 1.1*0.9-1)
	near(t, "Value[2]", p.Value[2], 0)
	near(t, "NetContributions[4]", p.NetContributions[4], 1200)
	near(t, "Drawdown[4]", p.Drawdown[4], -0.1)
}

func TestBuildTransactionOnMarketHoliday(t *testing.T) {
	// Y trades on day 3 but X does not (its holiday): X's close is
	// forward-filled, never zero. A BUY of X placed on its holiday is
	// filled as a broker fills it, at X's next session (day 4, at its close
	// of 120), not at the close carried forward from day 2 (110, a price
	// nobody could trade at on day 3). A deposit on Saturday 2024-01-06
	// applies on Monday.
	x := testSeries("X", "USD", days(d1, d2, d4), 100, 110, 120)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4), 10, 10, 10, 10)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 2000},
		{Date: d1, Kind: Buy, Symbol: "Y", Quantity: 1},
		{Date: d3, Kind: Buy, Symbol: "X", Quantity: 10}, // X closed: on day 4, at 120
		{Date: d3, Kind: Buy, Symbol: "Y", Quantity: 1},  // Y open: on day 3, at 10
		{Date: quotes.Date(2024, 1, 6), Kind: Deposit, Amount: 50},
	}
	y.Dates = append(y.Dates, d8)
	y.Close = append(y.Close, 10)
	res := build(t, txs, Config{Currency: "USD", Series: market(x, y)})
	h, p := res.Holdings, res.Performance
	if got := len(p.Dates); got != 5 {
		t.Fatalf("calendar has %d days, want 5 (d1..d4, d8)", got)
	}
	r := h.Row(0, 2) // X on day 3
	near(t, "X close on its holiday", h.Close()[r], 110)
	near(t, "X held on its holiday, before the order is filled", h.Quantity()[r], 0)
	near(t, "X value on day 4", h.Value()[h.Row(0, 3)], 1200)
	// The transactions in the order they apply: the BUY of Y on day 3
	// comes before the BUY of X moved to day 4.
	if got := res.Transactions[2]; got.Symbol != "Y" || !got.Date.Equal(d3) {
		t.Errorf("Transactions[2] = %s on %v, want the BUY of Y on %v", got.Symbol, got.Date, d3)
	}
	buyX := res.Transactions[3]
	if buyX.Symbol != "X" || !buyX.Date.Equal(d4) {
		t.Errorf("Transactions[3] = %s on %v, want the BUY of X on %v, X's next trading day", buyX.Symbol, buyX.Date, d4)
	}
	near(t, "price filled from X's next close", buyX.Price, 120)
	// Cash: 2000 − 10 (Y, day 1) − 10 (Y, day 3) = 1980 on day 3; − 1200
	// (X, day 4) = 780 on day 4.
	near(t, "Cash on day 3", p.Cash[2], 1980)
	near(t, "Cash on day 4", p.Cash[3], 780)
	if !res.Transactions[4].Date.Equal(d8) {
		t.Errorf("Saturday deposit applied on %v, want %v", res.Transactions[4].Date, d8)
	}
	near(t, "Deposits on Monday", p.Deposits[4], 50)
	near(t, "X value on Monday, forward-filled", h.Value()[h.Row(0, 4)], 1200)
}

func wantProblems(t *testing.T, err error, want ...string) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBuildReportsEveryMarketProblem(t *testing.T) {
	x := testSeries("X", "USD", days(d2, d3), 100, 110)
	at := func(row int) Origin { return Origin{File: "tx.xlsx", Sheet: "A", Row: row} }
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 1, Origin: at(3)},
		{Date: d2, Kind: Buy, Symbol: "NOPE", Quantity: 1, Origin: at(4)},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 2, Origin: at(5)},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 3, Origin: at(6)},
		{Date: d8, Kind: Deposit, Amount: 1, Origin: at(7)},
	}
	// The unknown symbol and both dates outside the data at once, in row
	// order.
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`tx.xlsx, sheet A, row 3, column date: "2024-01-01": a date on or after the first price of X (2024-01-02)`,
		`tx.xlsx, sheet A, row 4, column symbol: "NOPE": a symbol the market data knows (known: X)`,
		`tx.xlsx, sheet A, row 7, column date: "2024-01-08": a date on or before the last day of the market data (2024-01-03)`)

	// Told what the source offers, the problem lists it and suggests the
	// nearest.
	txs[2].Symbol = "xxxx"
	_, err = Build(txs[:3], Config{Currency: "USD", Series: market(x), KnownSymbols: []string{"XXX", "X", "AB"}})
	wantProblems(t, err,
		`tx.xlsx, sheet A, row 3, column date: "2024-01-01": a date on or after the first price of X (2024-01-02)`,
		`tx.xlsx, sheet A, row 4, column symbol: "xxxx": a symbol the market data knows (did you mean XXX? known: AB, X, XXX)`)

	// A letter swap or the case alone is a slip too.
	for _, typo := range []struct{ in, want string }{{"XXXX", "XXX"}, {"xAB", "XAB"}, {"ab", "AB"}} {
		txs[2].Symbol = typo.in
		_, err = Build(txs[1:3], Config{Currency: "USD", Series: market(x), KnownSymbols: []string{"AB", "X", "XAB", "XXX"}})
		if err == nil || !strings.Contains(err.Error(), "did you mean "+typo.want+"?") {
			t.Errorf("%s: %v, want a suggestion of %s", typo.in, err, typo.want)
		}
	}
	txs[2].Symbol = "xxxx"

	// Without the unknown symbol, the calendar checks and the oversell.
	txs = append(txs[:2], txs[3:]...)
	_, err = Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`tx.xlsx, sheet A, row 3, column date: "2024-01-01": a date on or after the first price of X (2024-01-02)`,
		`tx.xlsx, sheet A, row 7, column date: "2024-01-08": a date on or before the last day of the market data (2024-01-03)`)

	// Selling more than held is caught on the day, with what was held.
	txs = []Transaction{
		{Date: d2, Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 2, Origin: at(3)},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 1.5, Origin: at(4)},
		{Date: d3, Kind: Sell, Symbol: "X", Quantity: 1, Origin: at(5)},
	}
	_, err = Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`tx.xlsx, sheet A, row 5, column quantity: "1": at most the 0.5 shares of X held on 2024-01-03`)
}

func TestBuildCurrencyWithoutRate(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2), 100, 110)
	rates := fakeRates{to: "GBP", rates: map[string]map[time.Time]float64{"USD": {d2: 0.8}}}
	txs := []Transaction{{Date: d1, Kind: Buy, Symbol: "X", Quantity: 1, Origin: Origin{Row: 2}}}
	_, err := Build(txs, Config{Currency: "GBP", Series: market(x), Rates: rates})
	wantProblems(t, err, `row 2, column currency: "USD": a currency with a rate to GBP: fake: no USD rate on or before 2024-01-01`)
}

func TestBuildBuyingWithoutDeposits(t *testing.T) {
	// A broker export: trades only. 10 X at 100 + 5 commission with no
	// money paid in leaves the portfolio worth −5.
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	txs := []Transaction{{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 100, Commission: 5,
		Origin: Origin{File: "broker.csv", Row: 2}}}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err, `broker.csv, row 2: "-5.00": a portfolio worth more than nothing: on 2024-01-01 its value in USD is -5.00 `+
		`(shares 1000.00, cash USD -1005.00); add the DEPOSIT rows that paid for the purchases, `+
		`or set Config.AutoDeposit (-auto-deposit) to count each shortfall as a deposit`)

	// With AutoDeposit the 1005 spent is deposited that day: r1 = 1000/1005 − 1
	// (the commission), then the stock's own +10 %, +10 %.
	res := build(t, txs, Config{Currency: "USD", Series: market(x), AutoDeposit: true})
	p := res.Performance
	near(t, "Deposits[0]", p.Deposits[0], 1005)
	near(t, "Cash[2]", p.Cash[2], 0)
	near(t, "Value[2]", p.Value[2], 1210)
	near(t, "CumulativeReturn[2]", p.CumulativeReturn[2], 1000.0/1005*1.21-1)
	if flows := p.Flows(); len(flows) != 1 || flows[0].Amount != 1005 || !flows[0].Date.Equal(d1) {
		t.Errorf("flows %v, want one deposit of 1005 on %v", flows, d1)
	}
}

func TestBuildOverWithdrawal(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 100, 200)
	at := func(row int) Origin { return Origin{Row: row} }
	// Withdrawing 1500 from a portfolio worth 1000 (all of it in shares)
	// leaves it at −500: one problem, the withdrawal.
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Origin: at(3)},
		{Date: d2, Kind: Withdrawal, Amount: 1500, Origin: at(4)},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`row 4, column amount: "1500": a withdrawal of at most the cash held: after it, cash in USD is -1500.00 on 2024-01-02; add the DEPOSIT or SELL that provided the money, or correct the amount`)

	// Withdrawing 600 of the 500 in cash while 500 is in shares: the value
	// stays positive, but the money was not there.
	txs = []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 5, Origin: at(3)},
		{Date: d2, Kind: Withdrawal, Amount: 600, Origin: at(4)},
		{Date: d3, Kind: Withdrawal, Amount: 100, Origin: at(5)},
	}
	_, err = Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`row 4, column amount: "600": a withdrawal of at most the cash held: after it, cash in USD is -100.00 on 2024-01-02; add the DEPOSIT or SELL that provided the money, or correct the amount`,
		`row 5, column amount: "100": a withdrawal of at most the cash held: after it, cash in USD is -200.00 on 2024-01-03; add the DEPOSIT or SELL that provided the money, or correct the amount`)

	// The balance is the one just after the withdrawal: a purchase on
	// credit later that day does not count against it.
	credit := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 5, Origin: at(3)},
		{Date: d2, Kind: Withdrawal, Amount: 100, Origin: at(4)},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 5, Origin: at(5)}, // 500 of 400: on credit
	}
	build(t, credit, Config{Currency: "USD", Series: market(x)})
	// Listed the other way round, the withdrawal comes after the purchase.
	credit[2], credit[3] = credit[3], credit[2]
	_, err = Build(credit, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`row 4, column amount: "100": a withdrawal of at most the cash held: after it, cash in USD is -100.00 on 2024-01-02; add the DEPOSIT or SELL that provided the money, or correct the amount`)

	// Emptying an account whose trades left sub-cent residue (priced to
	// four places) is not an overdraft.
	empty := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 3, Price: 33.3334, Origin: at(3)},
		{Date: d2, Kind: Sell, Symbol: "X", Quantity: 3, Price: 33.3333, Origin: at(4)},
		{Date: d3, Kind: Withdrawal, Amount: 1000, Origin: at(5)}, // 0.0003 more than held
	}
	build(t, empty, Config{Currency: "USD", Series: market(testSeries("X", "USD", days(d1, d2, d3), 33.33, 33.33, 33.33))})

	// Exactly the cash held is fine; with AutoDeposit the shortfall is a
	// deposit.
	txs[2].Amount = 500
	build(t, txs[:3], Config{Currency: "USD", Series: market(x)})
	txs[2].Amount = 600
	res := build(t, txs, Config{Currency: "USD", Series: market(x), AutoDeposit: true})
	near(t, "Deposits[1]", res.Performance.Deposits[1], 100)
}

// TestBuildCashOnly: a portfolio of cash only has no market data for a
// calendar; it runs on weekdays (and its own transaction days) to
// Config.To, not just over its transaction days.
func TestBuildCashOnly(t *testing.T) {
	sat := quotes.Date(2024, 1, 6) // d1 is Monday 2024-01-01
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 100},
		{Date: sat, Kind: Deposit, Amount: 50},
	}
	to := d8.AddDate(0, 0, 3) // Thursday 2024-01-11
	res := build(t, txs, Config{Currency: "USD", To: to})
	p := res.Performance
	var got []string
	for _, d := range p.Dates {
		got = append(got, d.Format("01-02"))
	}
	// Mon–Fri, the Saturday deposit's day, then Mon–Thu.
	want := "01-01 01-02 01-03 01-04 01-05 01-06 01-08 01-09 01-10 01-11"
	if strings.Join(got, " ") != want {
		t.Errorf("dates %s, want %s", strings.Join(got, " "), want)
	}
	near(t, "last value", p.Value[len(p.Value)-1], 150)

	// A transaction after Config.To is reported as such.
	_, err := Build(txs, Config{Currency: "USD", To: d3})
	wantProblems(t, err,
		`column date: "2024-01-06": a date on or before Config.To, the last day of the frames (2024-01-03)`)
}

// TestBuildNewestFirstDayHint: a sell listed above the same day's buy (a
// newest-first export) is an oversell in file order, and the problem says
// why.
func TestBuildNewestFirstDayHint(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2), 100, 100)
	at := func(row int) Origin { return Origin{Row: row} }
	txs := []Transaction{
		{Date: d2, Kind: Sell, Symbol: "X", Quantity: 5, Origin: at(2)},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 5, Origin: at(3)},
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(4)},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`row 2, column quantity: "5": at most the 0 shares of X held on 2024-01-02 (a day's rows apply in file order, and a BUY of it comes below this row: list the day oldest first)`)
}

// TestBuildPriceFarFromClose: a price a hundred times the close is a
// price in pence on a row in pounds (or the like), never a trade.
func TestBuildPriceFarFromClose(t *testing.T) {
	l := testSeries("DDD.L", "GBp", days(d1, d2), 505, 505)
	x := testSeries("X", "USD", days(d1, d2), 100, 100)
	rates := fakeRates{to: "GBP", rates: map[string]map[time.Time]float64{"GBp": {d1: 0.01}, "USD": {d1: 0.8}}}
	at := func(row int) Origin { return Origin{Row: row} }
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 100000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "DDD.L", Quantity: 10, Price: 505, Currency: "GBP", Origin: at(3)},
		{Date: d1, Kind: Buy, Symbol: "DDD.L", Quantity: 10, Price: 5.05, Currency: "GBP", Origin: at(4)}, // right
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 0.001, Origin: at(5)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 130, Origin: at(6)}, // a wide day, but a trade
	}
	_, err := Build(txs, Config{Currency: "GBP", Series: market(l, x), Rates: rates})
	wantProblems(t, err,
		`row 3, column price: "505": a price within a factor of 10 of the day's close of DDD.L (505 GBp), not 100 times it (DDD.L is quoted in GBp, 1/100 of GBP: is the price in the other unit?); if the price is right, the closes are split-adjusted for a split the market data does not list (add a SPLIT row for it, with the closes marked split-adjusted)`,
		`row 5, column price: "0.001": a price within a factor of 10 of the day's close of X (100 USD), not 1e-05 times it; if the price is right, the closes are split-adjusted for a split the market data does not list (add a SPLIT row for it, with the closes marked split-adjusted)`)
}

// TestBuildSplitRowMustShowInCloses: a SPLIT row is for a split the data
// lacks, which then shows in the closes as traded: a row dated off the
// move, or with no move at all, is reported; on closes marked
// split-adjusted the row's split is undone on them like the data's own.
func TestBuildSplitRowMustShowInCloses(t *testing.T) {
	at := func(row int) Origin { return Origin{Row: row} }
	txs := func(split time.Time) []Transaction {
		return []Transaction{
			{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(2)},
			{Date: d1, Kind: Buy, Symbol: "X", Quantity: 5, Origin: at(3)},
			{Date: split, Kind: Split, Symbol: "X", Quantity: 4, Price: 1, Origin: at(4)},
		}
	}
	// As traded: 100, 104, then 4:1 on d4 (26.5).
	raw := testSeries("X", "USD", days(d1, d2, d3, d4, d5), 100, 102, 104, 26.5, 27)
	build(t, txs(d4), Config{Currency: "USD", Series: market(raw)})

	_, err := Build(txs(d3), Config{Currency: "USD", Series: market(raw)})
	wantProblems(t, err,
		`row 4, column date: "2024-01-03": the date the closes show the split: they fall 3.92-fold on 2024-01-04 (from 104 to 26.5), so date the row then`)

	// A split on a day the price also fell 20 % still passes (2:1 →
	// 2.5-fold).
	moved := testSeries("X", "USD", days(d1, d2, d3, d4, d5), 100, 100, 100, 40, 40)
	split2 := txs(d4)
	split2[2].Quantity = 2
	build(t, split2, Config{Currency: "USD", Series: market(moved)})

	// Closes adjusted for the split but not marked so: no move anywhere.
	adjusted := testSeries("X", "USD", days(d1, d2, d3, d4, d5), 25, 25.5, 26, 26.5, 27)
	_, err = Build(txs(d4), Config{Currency: "USD", Series: market(adjusted)})
	wantProblems(t, err,
		`row 4, column date: "2024-01-04": a split the closes show: they rise 1.02-fold on that day (26 the day before, 26.5 that day) and nothing near a 4:1 split within 5 trading days; if the closes are split-adjusted (as a Yahoo download's Close column), mark them so (Series.SplitAdjusted, -split-adjusted) and keep the row; else check its ratio and date`)

	// Marked split-adjusted, without the split in the data: the row's
	// split is undone on the closes before it, as for the data's own.
	adjusted.SplitAdjusted = true
	res := build(t, txs(d4), Config{Currency: "USD", Series: market(adjusted)})
	h := res.Holdings
	near(t, "Close before the split, as traded", h.Close()[2], 104)
	near(t, "Close after", h.Close()[3], 26.5)
	near(t, "Quantity after", h.Quantity()[3], 20)
	near(t, "Value before", h.Value()[2], 520)
	near(t, "Value after", h.Value()[3], 530)
}

// TestBuildRateProblems: a row outside the calendar gets its date problem
// only, not a rate problem for the day it was never placed on; a rate that
// is not a positive number is a problem, not a NaN value.
func TestBuildRateProblems(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 100, 100)
	rates := fakeRates{to: "USD", rates: map[string]map[time.Time]float64{"EUR": {d4: 1.1}}}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: Origin{Row: 2}},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 1, Origin: Origin{Row: 3}},
		{Date: d8, Kind: Deposit, Amount: 10, Currency: "EUR", Origin: Origin{Row: 4}},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x), Rates: rates})
	wantProblems(t, err,
		`row 4, column date: "2024-01-08": a date on or before the last day of the market data (2024-01-03)`)

	zero := fakeRates{to: "USD", rates: map[string]map[time.Time]float64{"EUR": {d1: 0}}}
	txs[2].Date = d2
	_, err = Build(txs, Config{Currency: "USD", Series: market(x), Rates: zero})
	wantProblems(t, err,
		`row 4, column currency: "EUR": a currency with a rate to USD: Config.Rates gave 0 on 2024-01-02`)
}

// TestBuildPriceInPenceForAPoundsQuote: a stock quoted in GBP with the
// price written in pence gets the hundredfold hint too.
func TestBuildPriceInPenceForAPoundsQuote(t *testing.T) {
	x := testSeries("X.L", "GBP", days(d1, d2), 5.05, 5.05)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 10000, Origin: Origin{Row: 2}},
		{Date: d1, Kind: Buy, Symbol: "X.L", Quantity: 10, Price: 505, Origin: Origin{Row: 3}},
	}
	_, err := Build(txs, Config{Currency: "GBP", Series: market(x)})
	wantProblems(t, err,
		`row 3, column price: "505": a price within a factor of 10 of the day's close of X.L (5.05 GBP), not 100 times it (a hundredfold: is the price in pence or cents where the row's currency wants pounds or dollars, or the other way round?); if the price is right, the closes are split-adjusted for a split the market data does not list (add a SPLIT row for it, with the closes marked split-adjusted)`)
}

// TestBuildProblemsInInputOrder: files come in the order the input names
// them, not alphabetically; rows in order within each.
func TestBuildProblemsInInputOrder(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2), 100, 100)
	in := func(file string, row int) Origin { return Origin{File: file, Row: row} }
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: in("b.csv", 2)},
		{Date: d2, Kind: Buy, Symbol: "NOPE", Quantity: 1, Origin: in("b.csv", 3)},
		{Date: d1, Kind: Buy, Symbol: "NADA", Quantity: 1, Origin: in("a.csv", 2)},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x)})
	wantProblems(t, err,
		`b.csv, row 3, column symbol: "NOPE": a symbol the market data knows (known: X)`,
		`a.csv, row 2, column symbol: "NADA": a symbol the market data knows (known: X)`)
}

// TestBuildSymbolWithoutPrices: a symbol the data lists with no close is
// one problem on its row, not a calendar problem pinned on another row.
func TestBuildSymbolWithoutPrices(t *testing.T) {
	empty := &quotes.Series{Symbol: "E", Currency: "USD"}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: Origin{Row: 2}},
		{Date: d2, Kind: Buy, Symbol: "E", Quantity: 1, Origin: Origin{Row: 3}},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(empty)})
	wantProblems(t, err, `row 3, column symbol: "E": a symbol with prices: the market data has no close for it`)

	// Cash only, with Config.To before the first row: Config.To is named.
	_, err = Build(txs[:1], Config{Currency: "USD", To: quotes.Date(2023, 12, 29)})
	wantProblems(t, err, `row 2, column date: "2024-01-01": a date on or before Config.To, the last day of the frames (2023-12-29)`)
}

// TestBuildDividendOfASymbolNotHeld: a DIVIDEND row for a symbol not held
// on its day or in the 60 days before is a problem (a wrong symbol, most
// likely); one paid some weeks after the shares were sold is not.
func TestBuildDividendOfASymbolNotHeld(t *testing.T) {
	var dates []time.Time
	var closes []float64
	for d := d1; len(dates) < 70; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			dates, closes = append(dates, d), append(closes, 100)
		}
	}
	x := testSeries("X", "USD", dates, closes...)
	y := testSeries("Y", "USD", dates, closes...)
	at := func(row int) Origin { return Origin{Row: row} }
	txs := []Transaction{
		{Date: dates[0], Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: dates[0], Kind: Buy, Symbol: "X", Quantity: 1, Origin: at(3)},
		{Date: dates[1], Kind: Sell, Symbol: "X", Quantity: 1, Origin: at(4)},
		{Date: dates[20], Kind: Dividend, Symbol: "X", Amount: 5, Origin: at(5)}, // 4 weeks after the sale
		{Date: dates[20], Kind: Dividend, Symbol: "Y", Amount: 5, Origin: at(6)}, // never held
		{Date: dates[65], Kind: Dividend, Symbol: "X", Amount: 5, Origin: at(7)}, // 13 weeks after
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x, y)})
	wantProblems(t, err,
		`row 6, column symbol: "Y": a symbol held on the day or in the 60 days before: no Y was held then (is the symbol right?)`,
		`row 7, column symbol: "X": a symbol held on the day or in the 60 days before: no X was held then (is the symbol right?)`)
}

// TestBuildSplitAdjustedFlagMustMatchTheCloses: closes marked
// split-adjusted that are as traded (a price folder run with
// -split-adjusted by mistake) fall about ratio²-fold at a split once the
// adjustment is undone; closes not marked that are adjusted do not move.
// Either would value the holding wrongly by the ratio, so it is reported.
func TestBuildSplitAdjustedFlagMustMatchTheCloses(t *testing.T) {
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: Origin{Row: 2}},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 5, Origin: Origin{Row: 3}},
	}
	split := []quotes.Split{{Date: d4, Numerator: 2, Denominator: 1}}
	raw := testSeries("X", "USD", days(d1, d2, d3, d4, d5), 100, 101, 102, 51, 52)
	raw.Splits = split
	build(t, txs, Config{Currency: "USD", Series: market(raw)})
	raw.SplitAdjusted = true
	_, err := Build(txs, Config{Currency: "USD", Series: market(raw)})
	wantProblems(t, err,
		`row 3, column symbol: "X": closes that match their flag: X's are marked split-adjusted, but they fall 2-fold on 2024-01-04, the day of its 2:1 split, as closes traded do; do not mark them split-adjusted (-split-adjusted, Series.SplitAdjusted)`)

	adjusted := testSeries("X", "USD", days(d1, d2, d3, d4, d5), 50, 50.5, 51, 51, 52)
	adjusted.Splits = split
	adjusted.SplitAdjusted = true
	build(t, txs, Config{Currency: "USD", Series: market(adjusted)})
	adjusted.SplitAdjusted = false
	_, err = Build(txs, Config{Currency: "USD", Series: market(adjusted)})
	wantProblems(t, err,
		`row 3, column symbol: "X": closes that match their flag: X's do not move on 2024-01-04, the day of its 2:1 split, as split-adjusted closes do; mark them split-adjusted (-split-adjusted, Series.SplitAdjusted)`)
}
