package lots_test

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/internal/shared"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// readCGTCalcRaw converts cgt-calc's raw CSV (date,action,symbol,
// quantity,price,fees,currency; newest first) into transactions, oldest
// first. cgt-calc renames FB to META (its TICKER_RENAMES): here a
// SYMBOLCHANGE row on 9 June 2022, the day the ticker changed, moves the
// FB holding. Its STOCK_SPLIT row's quantity is the shares received: a
// split of (held + received) : held, held counted from the rows before.
func readCGTCalcRaw(t *testing.T, path string) []txn.Transaction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var txs []txn.Transaction
	held := map[string]float64{}
	for i := len(recs) - 1; i >= 1; i-- {
		r := recs[i]
		d, err := time.Parse(time.DateOnly, r[0])
		if err != nil {
			t.Fatal(err)
		}
		sym := r[2]
		num := func(s string) float64 {
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("row %d: %v", i+1, err)
			}
			return x
		}
		tx := txn.Transaction{Date: d, Symbol: sym, Quantity: num(r[3]), Price: num(r[4]), Commission: num(r[5]),
			Currency: r[6], Origin: txn.Origin{File: "test_data.csv", Row: i + 1}}
		switch r[1] {
		case "BUY":
			tx.Kind = txn.Buy
			held[sym] += tx.Quantity
		case "SELL":
			tx.Kind = txn.Sell
			held[sym] -= tx.Quantity
		case "STOCK_SPLIT":
			tx.Kind, tx.Quantity, tx.Price, tx.Currency = txn.Split, held[sym]+tx.Quantity, held[sym], ""
			held[sym] = tx.Quantity
		default:
			continue // dividends: no capital gain
		}
		txs = append(txs, tx)
	}
	return append(txs, txn.Transaction{Date: time.Date(2022, 6, 9, 0, 0, 0, 0, time.UTC), Kind: txn.SymbolChange, Symbol: "FB", To: "META"})
}

func hmrcRates(t *testing.T) *fx.Converter {
	t.Helper()
	pairs, err := fx.ReadRatesFile(shared.Path(t, "brokers", "cgt-calc", "exchange_rates_data.csv"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := fx.NewConverter(pairs...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMatchUKAgainstCGTCalc: cgt-calc's raw test file, with HMRC's
// monthly rates, gives cgt-calc's tax-year summary for 2022/23
// (expected_output.txt): 3 disposals, proceeds £11,422.10, allowable
// costs £13,588.22, gain £0.00, loss £2,166.12, taxable £0.00.
//
// By hand (USD per GBP: May 2022 1.3048, Aug 1.1996, Nov 1.1259): FB
// (META) 104 at 198.62 = £15,831.14 into the pool. 10 Aug: 50 sold at
// 179 (fee 0.20) match 50 of the 105 bought on 15 Aug at 180.50 (30
// days): cost 50 × 180.5 / 1.1996 = £7,523.34. The other 55 join the
// pool: 159 shares, £24,105.15. 10 Nov and 14 Nov: 20 each from the pool,
// £3,032.30 each. Proceeds 8,950/1.1996 + 2,140/1.1259 + 2,320/1.1259 =
// £11,422.10; costs 13,587.95 + fees 0.2/1.1996 + 0.1/1.1259 = £13,588.21.
//
// cgt-calc prints £13,588.22: it rounds intermediate amounts to the penny
// (its normalize_amount / round_decimal), gofolio only in presentation,
// so its costs may differ by a penny; HMRC asks for the computation in
// pounds and pence but sets no rounding of intermediate steps
// (CG51575's pool computations carry exact figures). The test allows
// that penny on costs and loss, and none elsewhere.
func TestMatchUKAgainstCGTCalc(t *testing.T) {
	txs := readCGTCalcRaw(t, shared.Path(t, "brokers", "cgt-calc", "raw", "data", "test_data.csv"))
	rep, err := lots.Match(txs, lots.Options{Method: lots.UK, Currency: "GBP", Rates: hmrcRates(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Years) != 1 || rep.Years[0].Label != "2022/23" {
		t.Fatalf("years %+v, want 2022/23 only", rep.Years)
	}
	y := rep.Years[0]
	if y.Disposals != 3 {
		t.Errorf("disposals %d, want 3", y.Disposals)
	}
	pennies := func(name string, got, want, tol float64) {
		if math.Abs(math.Round(got*100)/100-want) > tol+1e-9 {
			t.Errorf("%s = %.4f, want %.2f", name, got, want)
		}
	}
	pennies("Proceeds", y.Proceeds, 11422.10, 0)
	pennies("Costs", y.Costs, 13588.22, 0.01)
	pennies("Gains", y.Gains, 0, 0)
	pennies("Losses", y.Losses, 2166.12, 0.01)
	pennies("Net", y.Net, -2166.12, 0.01)
	pennies("Taxable", y.Taxable, 0, 0)
	pennies("Exempt", y.Exempt, 12300, 0)
	// cgt-calc's final portfolio: AMZN 210, BABA 30, META 119, OPRA 120.
	for sym, want := range map[string]float64{"AMZN": 210, "BABA": 30, "META": 119, "OPRA": 120} {
		q := 0.0
		for _, l := range rep.Open[sym] {
			q += l.Quantity
		}
		if math.Abs(q-want) > 1e-9 {
			t.Errorf("%s held %v, want %v", sym, q, want)
		}
	}
}
