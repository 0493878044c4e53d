package broker

import (
	"math"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio/txn"
)

// fuzzReader feeds the layout's header and a fuzzed body to Read: it must
// not panic, and must return either an error or transactions that hold
// gofolio's rules (a known kind, finite non-negative numbers, shares for
// a trade, an amount for a cash row, the origin's file and line).
func fuzzReader(f *testing.F, head string, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		txs, err := Read(strings.NewReader(head+body), Options{Name: "f.csv"})
		if err != nil {
			if txs != nil {
				t.Fatal("transactions returned with an error")
			}
			return
		}
		for _, tx := range txs {
			checkTransaction(t, tx, "f.csv")
		}
	})
}

// checkTransaction holds tx to the engine's field rules (Build's
// checkFields) and the reader's: what a reader returns, Build accepts.
func checkTransaction(t *testing.T, tx txn.Transaction, file string) {
	t.Helper()
	for _, v := range []float64{tx.Quantity, tx.Price, tx.Commission, tx.Amount} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > txn.MaxNumber {
			t.Fatalf("bad number in %+v", tx)
		}
	}
	switch {
	case tx.Kind < txn.Buy || tx.Kind > txn.Split:
		t.Fatalf("bad kind %+v", tx)
	case (tx.Kind.IsTrade() || tx.Kind == txn.Split) && (tx.Quantity <= 0 || tx.Symbol == ""):
		t.Fatalf("trade without shares or symbol: %+v", tx)
	case tx.Kind == txn.Split && tx.Price <= 0:
		t.Fatalf("split without its shares before: %+v", tx)
	case !tx.Kind.IsTrade() && tx.Kind != txn.Split && (tx.Amount <= 0 || tx.Quantity != 0 || tx.Price != 0 || tx.Commission != 0):
		t.Fatalf("cash row without amount, or with numbers it does not use: %+v", tx)
	case tx.Kind.IsTrade() && tx.Amount != 0:
		t.Fatalf("trade with an amount: %+v", tx)
	case (tx.Kind.IsExternal() || tx.Kind == txn.Interest) && tx.Symbol != "":
		t.Fatalf("cash flow with a symbol: %+v", tx)
	case tx.Origin.File != file || tx.Origin.Row < 1:
		t.Fatalf("origin %+v", tx.Origin)
	}
}

func FuzzTrading212(f *testing.F) {
	fuzzReader(f, t212Head, t212Dep,
		"Market buy,2024-01-01 16:10:05.175,US0000000002,FOO,\"Foo\",24.0000000000,124.01,USD,1.25229,,\"GBP\",2381.35,\"GBP\",,,,,EOF9,4.71,\"GBP\",\n",
		"Dividend (Dividend),2024-03-23 18:35:26,US0,FOO,\"Foo\",24,0.03,USD,Not available,,,0.11,\"GBP\",0.02,USD,,,,,,\n")
}

func FuzzSchwab(f *testing.F) {
	fuzzReader(f, schwabHd, `"03/01/2022","MoneyLink Transfer","","Tfr BANK","","","","$1000000.00"`+"\n",
		`"10/09/2023","Buy","BAR","BAR CORP","300","$135.0075","$1.34","-$40503.61"`+"\n")
}

func FuzzFreetrade(f *testing.F) {
	fuzzReader(f, ftHead, "Top up,TOP_UP,2022-01-28T20:41:58.209Z,GBP,10000.00,,,,,,,,,,,,,,,,,,,,,,,,\n",
		"Nasdaq,DIVIDEND,2023-12-22T17:11:00.000Z,GBP,0.93,,NDAQ,US6,,,6.36,,,,USD,,,,0.78491703,0,0.00,2023-12-07,2023-12-22,6.36,0.22,1.40,1.19,15,0.21\n")
}

func FuzzIBKR(f *testing.F) {
	fuzzReader(f, ibSummary+ibHead, "Transaction History,Data,2025-01-01,U1,EFT,Deposit,-,-,-,5000.0,-,5000.0\n",
		"Transaction History,Data,2025-03-15,U1,X,Buy,CNX1,4.0,1000.0,-4000.0,-3.0,-4003.0\n")
}

func FuzzVanguard(f *testing.F) {
	fuzzReader(f, vgHead, "08/03/2022,Deposit for investment purchases,15000,15000\n",
		"09/03/2022,\"Bought 1,550 Foo ETF Distributing (FOO)\",-14982.06,17.94\n29/07/2022,Reversal of DIV: FOO.XLON.GB @ GBP 0.3106,-170.83,523\n")
}

func FuzzRaw(f *testing.F) {
	fuzzReader(f, "date,action,symbol,quantity,price,fees,currency\n", "2022-05-03,BUY,AMZN,1,2480.00,0.00,USD\n",
		"2022-06-06,STOCK_SPLIT,AMZN,209,0.00,0.00,USD\n2022-05-03,BUY,AMZN,1,2480.00,0.00,USD\n")
}

func FuzzMapping(f *testing.F) {
	f.Add(`{"columns": {"date": "d", "kind": "k", "amount": "a"}, "date_format": "DD.MM.YYYY", "decimal": ","}`, "d,k,a\n01.02.2024,DEPOSIT,\"1,5\"\n")
	f.Fuzz(func(t *testing.T, mapping, data string) {
		m, err := ParseMapping(strings.NewReader(mapping), "m.json")
		if err != nil {
			return
		}
		txs, err := Read(strings.NewReader(data), Options{Name: "f.csv", Mapping: m})
		if err != nil {
			return
		}
		for _, tx := range txs {
			checkTransaction(t, tx, "f.csv")
		}
	})
}
