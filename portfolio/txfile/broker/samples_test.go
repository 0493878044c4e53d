package broker

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/internal/shared"
	"github.com/gofolio/gofolio/portfolio/ledgercheck"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// expected is what cgt-calc printed for a sample (expected_output.txt):
// its "Final portfolio", "Final balance" (per currency), and the
// dividends (gross, with the tax withheld) and interest of the tax year.
type expected struct {
	holdings  map[string]float64
	cash      map[string]float64 // currency -> amount
	dividends map[string]float64 // symbol -> gross amount
	divTax    map[string]float64 // symbol -> tax withheld ("excluding 0.15 taxed at source")
	interest  float64
}

// readExpected parses the first sections of an expected_output.txt.
func readExpected(t *testing.T, path string) expected {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := expected{holdings: map[string]float64{}, cash: map[string]float64{}, dividends: map[string]float64{}, divTax: map[string]float64{}}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "  ") {
			section = strings.TrimSpace(line)
			if strings.HasPrefix(section, "Portfolio at the end") {
				break
			}
			continue
		}
		name, rest, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok || rest == "(none)" {
			continue
		}
		num := func(s string) float64 {
			v, err := strconv.ParseFloat(strings.ReplaceAll(strings.Fields(strings.Trim(s, ","))[0], ",", ""), 64)
			if err != nil {
				t.Fatalf("%s: %q: %v", path, line, err)
			}
			return v
		}
		ccy := rest[strings.LastIndex(rest, "(")+1 : len(rest)-1]
		switch section {
		case "Final portfolio":
			e.holdings[name] = num(rest)
		case "Final balance":
			e.cash[ccy] += num(rest)
		case "Dividends":
			e.dividends[name] = num(strings.Split(rest, ",")[0])
			if _, tax, ok := strings.Cut(rest, "excluding "); ok {
				e.divTax[name] = num(tax)
			}
		case "Interest":
			e.interest += num(rest)
		}
	}
	return e
}

// sample is one broker sample, the tax year cgt-calc ran it for, and
// what differs from cgt-calc by design.
type sample struct {
	dir, file string
	taxYear   int // the first year of the UK tax year: 2022 for 2022/23
	adjust    func(t *testing.T, e *expected, txs []txn.Transaction)
}

func TestSamplesAgainstCgtCalc(t *testing.T) {
	for _, s := range []sample{
		{dir: "raw/data", file: "test_data.csv", taxYear: 2022, adjust: func(t *testing.T, e *expected, _ []txn.Transaction) {
			// cgt-calc knows that FB became META in June 2022 and sums
			// them: 104 FB + 105 − 50 − 40 META = 119. gofolio takes
			// tickers as written (a rename is a SELL and a BUY, or the
			// market data's), so it holds FB 104 and META 15.
			if e.holdings["META"] != 119 {
				t.Fatalf("expected META 119, got %v", e.holdings["META"])
			}
			e.holdings["META"], e.holdings["FB"] = 15, 104
		}},
		{dir: "trading212/data/2024", file: "inputs/transactions.csv", taxYear: 2024},
		{dir: "schwab/data/2023", file: "transactions.csv", taxYear: 2023},
		{dir: "freetrade/data", file: "transactions.csv", taxYear: 2023, adjust: freetradeByDesign},
		// cgt-calc adds the "Excess Reported Income" of the CNX1 fund
		// (£12.54) to its tax summary's dividend proceeds only, not to
		// the dividends it lists, which are compared.
		{dir: "interactive_brokers/data", file: "test_basic.csv", taxYear: 2025},
		{dir: "vanguard/data", file: "cash_investment_report.csv", taxYear: 2022},
		// The cash report alone: the same rows, plus a fee charged and
		// cleared the same day (25.00 out, 25.00 back).
		{dir: "vanguard/data", file: "cash_report.csv", taxYear: 2022},
	} {
		t.Run(s.dir, func(t *testing.T) {
			dir := shared.Path(t, "brokers", "cgt-calc", s.dir)
			e := readExpected(t, dir+"/expected_output.txt")
			txs := readFile(t, dir+"/"+s.file)
			if s.adjust != nil {
				s.adjust(t, &e, txs)
			}
			b, err := ledgercheck.Compute(txs)
			if err != nil {
				t.Fatal(err)
			}
			compareFinal(t, e, b)
			compareIncome(t, e, txs, s.taxYear)
		})
	}
}

// freetradeByDesign: the export's dividend rows say "Total Amount" 0.93
// and 0.74 GBP were credited (net of US tax), and gofolio credits that.
// cgt-calc at the commit that printed expected_output.txt converted the
// gross USD dividend by dividing by "Base FX Rate" (GBP per USD), so that
// the December 2023 dividend became 1.40 / 0.78491703 = 1.7836 GBP (its
// "NDAQ: 1.78"), and its final balance is 1.67 (0.93 + 0.74) above the
// cash the rows show: 10000 top-up − 4006.56 bought + 10.63 + 2930.36
// sold + 0.93 + 0.74 dividends + 9.02 interest = 8945.12.
// gofolio's dividend of the tax year: net 0.93 + withheld 0.21 × 0.78491703
// = 0.93 + 0.16483 = 1.09483 gross, 0.16483 tax.
func freetradeByDesign(t *testing.T, e *expected, _ []txn.Transaction) {
	if math.Abs(1.40/0.78491703-e.dividends["NDAQ"]) > 0.005 {
		t.Fatalf("cgt-calc's NDAQ dividend %v is not 1.40 / 0.78491703", e.dividends["NDAQ"])
	}
	if math.Abs(e.cash["GBP"]-(8945.12+0.93+0.74)) > 0.005 {
		t.Fatalf("cgt-calc's balance %v is not 8945.12 + 1.67", e.cash["GBP"])
	}
	e.dividends["NDAQ"] = 0.93 + 0.21*0.78491703
	e.cash["GBP"] = 8945.12
}

func readFile(t *testing.T, path string) []txn.Transaction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	txs, err := Read(f, Options{Name: path})
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range txs {
		checkTransaction(t, tx, path) // what the engine accepts
	}
	return txs
}

func compareFinal(t *testing.T, e expected, b ledgercheck.Balances) {
	got := map[string]float64{}
	for _, h := range b.Holdings {
		got[h.Symbol] += h.Quantity
	}
	for sym, q := range e.holdings {
		if math.Abs(got[sym]-q) > 0.005 {
			t.Errorf("holding %s = %v, cgt-calc %v", sym, got[sym], q)
		}
	}
	for sym, q := range got {
		if _, ok := e.holdings[sym]; !ok {
			t.Errorf("holding %s = %v, cgt-calc has none", sym, q)
		}
	}
	cash := map[string]float64{}
	for _, c := range b.Cash {
		cash[c.Currency] += c.Amount
	}
	for ccy, v := range e.cash {
		if math.Abs(cash[ccy]-v) > 0.005 {
			t.Errorf("cash %s = %.4f, cgt-calc %.2f", ccy, cash[ccy], v)
		}
	}
	for ccy, v := range cash {
		if _, ok := e.cash[ccy]; !ok && math.Abs(v) > 0.005 {
			t.Errorf("cash %s = %.4f, cgt-calc has none", ccy, v)
		}
	}
}

// compareIncome: the dividends (gross, and the tax withheld) per symbol and the interest of
// the UK tax year (6 April to 5 April), the period cgt-calc lists.
func compareIncome(t *testing.T, e expected, txs []txn.Transaction, year int) {
	from := time.Date(year, 4, 6, 0, 0, 0, 0, time.UTC)
	to := time.Date(year+1, 4, 6, 0, 0, 0, 0, time.UTC)
	var in []txn.Transaction
	for _, tx := range txs {
		if !tx.Date.Before(from) && tx.Date.Before(to) && (tx.Kind == txn.Dividend || tx.Kind == txn.Interest || tx.Kind == txn.Tax) {
			in = append(in, tx)
		}
	}
	b, err := ledgercheck.Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	divs, taxes := map[string]float64{}, map[string]float64{}
	for _, d := range b.Dividends {
		divs[d.Name] += d.Amount
		taxes[d.Name] += d.Tax
	}
	for sym, v := range e.divTax {
		if math.Abs(taxes[sym]-v) > 0.005 {
			t.Errorf("tax withheld on %s = %.4f, cgt-calc %.2f", sym, taxes[sym], v)
		}
	}
	for sym, v := range e.dividends {
		if math.Abs(divs[sym]-v) > 0.005 {
			t.Errorf("dividends %s = %.4f, cgt-calc %.2f", sym, divs[sym], v)
		}
	}
	for sym, v := range divs {
		if _, ok := e.dividends[sym]; !ok {
			t.Errorf("dividends %s = %.4f, cgt-calc has none", sym, v)
		}
	}
	if e.interest != 0 {
		var got float64
		for _, i := range b.Interest {
			got += i.Amount
		}
		if math.Abs(got-e.interest) > 0.005 {
			t.Errorf("interest = %.4f, cgt-calc %.2f", got, e.interest)
		}
	}
}
