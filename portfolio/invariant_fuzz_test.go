package portfolio

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// The fuzz market: two symbols quoted in USD and one in EUR over the ten
// weekdays 2024-01-01 .. 2024-01-12, and EUR→USD rates that move.
var (
	fuzzDates = []time.Time{
		quotes.Date(2024, 1, 1), quotes.Date(2024, 1, 2), quotes.Date(2024, 1, 3), quotes.Date(2024, 1, 4), quotes.Date(2024, 1, 5),
		quotes.Date(2024, 1, 8), quotes.Date(2024, 1, 9), quotes.Date(2024, 1, 10), quotes.Date(2024, 1, 11), quotes.Date(2024, 1, 12),
	}
	fuzzSymbols    = []string{"A", "B", "E"}
	fuzzCurrencies = []string{"USD", "USD", "EUR"}
	fuzzCloses     = [][]float64{
		{100, 101.5, 99, 97.2, 103, 104, 98.5, 99.9, 105.3, 110},
		{20, 19.5, 19.9, 21, 22.4, 21.8, 20.1, 19.4, 18.9, 19.7},
		{50, 50.5, 51, 49, 48.2, 47.9, 52, 53.3, 54, 53.5},
	}
	fuzzRates = fakeRates{to: "USD", rates: map[string]map[time.Time]float64{
		"EUR": {fuzzDates[0]: 1.1, fuzzDates[3]: 1.05, fuzzDates[6]: 1.2},
	}}
)

func fuzzConfig(autoDeposit bool) Config {
	m := map[string]*quotes.Series{}
	for s, sym := range fuzzSymbols {
		m[sym] = testSeries(sym, fuzzCurrencies[s], fuzzDates, fuzzCloses[s]...)
	}
	return Config{Currency: "USD", Series: m, Rates: fuzzRates, AutoDeposit: autoDeposit}
}

// fuzzBook tracks cash per currency and shares per symbol while decoding,
// so that the decoded transactions are valid: no share sold that is not
// held, no cash paid out that is not there (unless AutoDeposit tops it up).
type fuzzBook struct {
	cash map[string]float64
	held []float64
	auto bool
}

// fuzzTransactions decodes data, 4 bytes a transaction (op, day step, a,
// b), into a list in date order that Build must accept. op picks the kind,
// the day moves on by step % 3 days, a and b size the amounts.
func fuzzTransactions(data []byte, auto bool) []Transaction {
	book := &fuzzBook{cash: map[string]float64{}, held: make([]float64, len(fuzzSymbols)), auto: auto}
	var txs []Transaction
	day := 0
	for i := 0; i+4 <= len(data); i += 4 {
		op, step, a, b := data[i], data[i+1], data[i+2], data[i+3]
		day = min(day+int(step%3), len(fuzzDates)-1)
		if tx, ok := book.decode(op, a, b, day); ok {
			tx.Origin = Origin{File: "fuzz", Row: len(txs) + 2}
			txs = append(txs, tx)
		}
	}
	return txs
}

// decode turns one 4-byte record into a transaction on fuzzDates[day],
// or false when it would be invalid (or a no-op), and books it.
func (k *fuzzBook) decode(op, a, b byte, day int) (Transaction, bool) {
	frac := (float64(b) + 1) / 256                                  // (0, 1]
	amount := float64(int(a)<<8|int(b))/4 + 0.01                    // 0.01 .. 16,383.76
	s := int(a) % len(fuzzSymbols)                                  // a symbol
	ccy := fuzzCurrencies[s]                                        // its currency
	price := fuzzCloses[s][day] * (1 + float64(int(a>>3)%11-5)/100) // within 5 % of the close
	commission := float64(int(a>>2) % 4)
	tx := Transaction{Date: fuzzDates[day]}
	switch op % 8 {
	case 0, 1: // DEPOSIT in USD or EUR
		tx.Kind, tx.Amount, tx.Currency = Deposit, amount, []string{"USD", "EUR"}[op%2]
		k.cash[tx.Currency] += amount
	case 2: // WITHDRAWAL of part or (b = 255) all of the dollars held
		tx.Kind, tx.Amount = Withdrawal, k.cash["USD"]*frac
		if b == 255 {
			tx.Amount = k.cash["USD"]
		}
		if !(tx.Amount > 0) {
			return tx, false
		}
		k.cash["USD"] -= tx.Amount
	case 3: // BUY with part of the cash (up to twice it with AutoDeposit)
		budget := k.cash[ccy] * frac
		if k.auto {
			budget = (math.Max(k.cash[ccy], 0) + 100) * 2 * frac
		}
		qty := (budget - commission) / price
		if !(qty >= 1e-4) {
			return tx, false
		}
		tx.Kind, tx.Symbol, tx.Quantity, tx.Price, tx.Commission = Buy, fuzzSymbols[s], qty, price, commission
		k.cash[ccy] -= qty*price + commission
		k.held[s] += qty
	case 4: // SELL part or (b = 255) all of a holding
		qty := k.held[s] * frac
		if b == 255 {
			qty = k.held[s]
		}
		if !(qty >= 1e-4) {
			return tx, false
		}
		commission = math.Min(commission, qty*price)
		tx.Kind, tx.Symbol, tx.Quantity, tx.Price, tx.Commission = Sell, fuzzSymbols[s], qty, price, commission
		k.cash[ccy] += qty*price - commission
		k.held[s] -= qty
		if b == 255 {
			k.held[s] = 0
		}
	case 5: // FEE of up to a quarter of the dollars held
		tx.Kind, tx.Amount = Fee, k.cash["USD"]*frac/4
		if !(tx.Amount >= 0.01) {
			return tx, false
		}
		k.cash["USD"] -= tx.Amount
	case 6: // DIVIDEND on a holding
		if !(k.held[s] > 0) {
			return tx, false
		}
		tx.Kind, tx.Symbol, tx.Amount = Dividend, fuzzSymbols[s], float64(b)/10+0.01
		k.cash[ccy] += tx.Amount
	case 7: // INTEREST
		tx.Kind, tx.Amount = Interest, float64(b)/100+0.01
		k.cash["USD"] += tx.Amount
	}
	return tx, true
}

// FuzzBuildInvariants (issue 14.6): for any valid transaction list over the
// fuzz market, Build succeeds and
//
//   - Cash[t] + MarketValue[t] = Value[t], and MarketValue[t] is the sum of
//     the holdings' values;
//   - no quantity is negative;
//   - every figure of the performance frame and the holdings is finite;
//   - a DEPOSIT and a WITHDRAWAL of the same amount on one day (the pair
//     day % 10, amount/4 + 0.01 dollars) leave the TWR unchanged on every
//     date, since the day's flows are netted (see Performance).
func FuzzBuildInvariants(f *testing.F) {
	// op, day step, a, b: see fuzzBook.decode.
	f.Add([]byte{
		0, 0, 3, 232, // DEPOSIT 250.01 USD on day 0
		3, 0, 0, 200, // BUY A with 200/256 of it
		4, 1, 0, 255, // SELL all of A on day 1
		2, 0, 0, 250, // WITHDRAW nearly all
		0, 1, 156, 64, // DEPOSIT 10,000.01 on day 2
		3, 0, 0, 255, // BUY A with all of it
	}, uint8(2), uint16(4000), false)
	f.Add([]byte{
		1, 0, 20, 0, // DEPOSIT 1,280.01 EUR
		3, 0, 2, 128, // BUY E with half
		0, 1, 1, 0, // DEPOSIT 64.01 USD
		3, 0, 1, 100, // BUY B
		6, 2, 2, 30, // DIVIDEND on E
		5, 1, 0, 40, // FEE
		7, 0, 0, 9, // INTEREST
		4, 2, 2, 255, // SELL all of E
		2, 1, 0, 255, // WITHDRAW every dollar
	}, uint8(7), uint16(1), false)
	f.Add([]byte{
		0, 0, 0, 4, // DEPOSIT 1.01
		3, 0, 0, 255, // BUY A beyond the cash, AutoDeposit tops it up
		3, 2, 1, 255, // and B
		2, 1, 0, 100, // WITHDRAW
	}, uint8(0), uint16(65535), true)
	f.Fuzz(func(t *testing.T, data []byte, pairDay uint8, pairAmount uint16, auto bool) {
		txs := fuzzTransactions(data, auto)
		if len(txs) == 0 {
			return
		}
		res, err := Build(txs, fuzzConfig(auto))
		if err != nil {
			t.Fatalf("a valid list is refused: %v\n%s", err, fuzzListing(txs))
		}
		checkInvariants(t, res)

		amount := float64(pairAmount)/4 + 0.01
		day := fuzzDates[int(pairDay)%len(fuzzDates)]
		paired := append(append([]Transaction(nil), txs...),
			Transaction{Date: day, Kind: Deposit, Amount: amount, Origin: Origin{File: "fuzz", Row: 1000}},
			Transaction{Date: day, Kind: Withdrawal, Amount: amount, Origin: Origin{File: "fuzz", Row: 1001}})
		res2, err := Build(paired, fuzzConfig(auto))
		if err != nil {
			t.Fatalf("the list with a deposit and a withdrawal of %v on %s is refused: %v\n%s",
				amount, day.Format(time.DateOnly), err, fuzzListing(txs))
		}
		checkInvariants(t, res2)
		sameTWR(t, res.Performance, res2.Performance)
	})
}

// checkInvariants asserts what every built portfolio satisfies.
func checkInvariants(t *testing.T, res *Result) {
	t.Helper()
	p, h := res.Performance, res.Holdings
	for name, col := range map[string][]float64{
		"MarketValue": p.MarketValue, "Cash": p.Cash, "Value": p.Value, "Deposits": p.Deposits,
		"Withdrawals": p.Withdrawals, "NetContributions": p.NetContributions, "PnL": p.PnL,
		"DailyReturn": p.DailyReturn, "CumulativeReturn": p.CumulativeReturn, "Drawdown": p.Drawdown,
		"Quantity": h.Quantity(), "holdings Value": h.Value(), "CostBasis": h.CostBasis(),
		"Realized": h.Realized(), "Unrealized": h.Unrealized(),
	} {
		for i, v := range col {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s[%d] = %v", name, i, v)
			}
		}
	}
	for i, q := range h.Quantity() {
		if q < 0 {
			t.Fatalf("Quantity[%d] = %v < 0", i, q)
		}
	}
	for d := range p.Dates {
		tol := 1e-9 * math.Max(1, math.Abs(p.Value[d]))
		if diff := p.Cash[d] + p.MarketValue[d] - p.Value[d]; math.Abs(diff) > tol {
			t.Fatalf("day %d: Cash %v + MarketValue %v ≠ Value %v", d, p.Cash[d], p.MarketValue[d], p.Value[d])
		}
		held := 0.0
		for s := range h.Symbols {
			held += h.Value()[h.Row(s, d)]
		}
		if math.Abs(held-p.MarketValue[d]) > tol {
			t.Fatalf("day %d: holdings worth %v, MarketValue %v", d, held, p.MarketValue[d])
		}
	}
}

// sameTWR asserts that b's cumulative return equals a's on every date of
// a (b may have more dates: a pair on a day a's calendar lacks).
func sameTWR(t *testing.T, a, b *Performance) {
	t.Helper()
	j := 0
	for i, d := range a.Dates {
		for j < len(b.Dates) && b.Dates[j].Before(d) {
			j++
		}
		if j == len(b.Dates) || !b.Dates[j].Equal(d) {
			t.Fatalf("date %s is missing with the pair", d.Format(time.DateOnly))
		}
		x, y := a.CumulativeReturn[i], b.CumulativeReturn[j]
		if math.Abs(x-y) > 1e-9*math.Max(1, math.Abs(x)) {
			t.Fatalf("TWR on %s: %.15g without the pair, %.15g with it", d.Format(time.DateOnly), x, y)
		}
	}
}

func fuzzListing(txs []Transaction) string {
	s := ""
	for _, tx := range txs {
		s += fmt.Sprintf("%s %s %s q=%v p=%v c=%v a=%v %s\n", tx.Date.Format(time.DateOnly), tx.Kind,
			tx.Symbol, tx.Quantity, tx.Price, tx.Commission, tx.Amount, tx.Currency)
	}
	return s
}
