package lots_test

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/internal/shared"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txfile/broker"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// cgtSummary is the "Capital gains" block of the "Tax summary for
// YYYY/YYYY" section of a cgt-calc expected_output.txt.
type cgtSummary struct {
	label                                string // "2024/25"
	disposals                            int
	proceeds, costs, gain, loss, taxable float64
}

// readCGTSummary parses the tax summary's capital gains block.
func readCGTSummary(t *testing.T, path string) cgtSummary {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var s cgtSummary
	inSummary := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if y, ok := strings.CutPrefix(line, "Tax summary for "); ok {
			a, b, _ := strings.Cut(y, "/")
			s.label, inSummary = a+"/"+b[len(b)-2:], true
			continue
		}
		if !inSummary {
			continue
		}
		if line == "Dividends" {
			break
		}
		name, rest, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.NewReplacer("£", "", ",", "").Replace(strings.TrimSpace(rest)), 64)
		if err != nil {
			t.Fatalf("%s: %q: %v", path, line, err)
		}
		switch name {
		case "Disposals":
			s.disposals = int(v)
		case "Disposal proceeds":
			s.proceeds = v
		case "Allowable costs":
			s.costs = v
		case "Gain":
			s.gain = v
		case "Loss":
			s.loss = v
		case "Taxable gain":
			s.taxable = v
		}
	}
	if s.label == "" {
		t.Fatalf("%s: no tax summary", path)
	}
	return s
}

func readBrokerSample(t *testing.T, path string) []txn.Transaction {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	txs, err := broker.Read(f, broker.Options{Name: path})
	if err != nil {
		t.Fatal(err)
	}
	return txs
}

// TestMatchUKAgainstCGTCalcBrokers: each broker sample of cgt-calc, read
// by the broker reader and matched with the UK rules at HMRC's monthly
// rates, gives cgt-calc's tax summary (its "Capital gains" block) for the
// tax year it was run for, to the penny.
//
// Schwab 2023/24: a penny on the gain. cgt-calc rounds each disposal's
// gain to the penny before summing them; gofolio rounds only the total.
// Its three disposals (proceeds − costs, from HMRC's monthly USD rates):
// BAR 34,046.2521 − 32,752.4460 = 1,293.8061; FOO 39,522.6306 −
// 35,946.8082 = 3,575.8224; QUX 174,513.6249 − 164,041.0796 =
// 10,472.5453. Rounded first: 1,293.81 + 3,575.82 + 10,472.55 =
// 15,342.18 (cgt-calc's); exact: 15,342.1738 → £15,342.17 (gofolio's),
// and so on the taxable gain (£15,342.17 − £6,000 exempt for 2023/24).
// Proceeds (£248,082.51) and costs (£232,740.33) agree to the penny.
//
// Interactive Brokers 2025/26: see ibkrExcessReportedIncome.
func TestMatchUKAgainstCGTCalcBrokers(t *testing.T) {
	for _, s := range []struct {
		dir, file string
		tol       float64 // pounds cgt-calc's intermediate rounding may add to the gain or loss
		adjust    func(t *testing.T, want *cgtSummary)
	}{
		{dir: "trading212/data/2024", file: "inputs/transactions.csv"},
		{dir: "schwab/data/2023", file: "transactions.csv", tol: 0.01},
		{dir: "freetrade/data", file: "transactions.csv"},
		{dir: "interactive_brokers/data", file: "test_basic.csv", adjust: ibkrExcessReportedIncome},
		{dir: "vanguard/data", file: "cash_investment_report.csv"},
	} {
		t.Run(s.dir, func(t *testing.T) {
			dir := shared.Path(t, "brokers", "cgt-calc", s.dir)
			want := readCGTSummary(t, dir+"/expected_output.txt")
			if s.adjust != nil {
				s.adjust(t, &want)
			}
			txs := readBrokerSample(t, dir+"/"+s.file)
			rep, err := lots.Match(txs, lots.Options{Method: lots.UK, Currency: "GBP", Rates: hmrcRates(t)})
			if err != nil {
				t.Fatal(err)
			}
			var y *lots.TaxYear
			for i := range rep.Years {
				if rep.Years[i].Label == want.label {
					y = &rep.Years[i]
				}
			}
			if y == nil {
				t.Fatalf("no tax year %s in %+v", want.label, rep.Years)
			}
			if y.Disposals != want.disposals {
				t.Errorf("disposals %d, want %d", y.Disposals, want.disposals)
			}
			pennies := func(name string, got, want, tol float64) {
				if math.Abs(math.Round(got*100)/100-want) > tol+1e-9 {
					t.Errorf("%s = %.4f, want %.2f", name, got, want)
				}
			}
			pennies("Proceeds", y.Proceeds, want.proceeds, 0)
			pennies("Costs", y.Costs, want.costs, 0)
			pennies("Gains", y.Gains, want.gain, s.tol)
			pennies("Losses", y.Losses, want.loss, s.tol)
			pennies("Taxable", y.Taxable, want.taxable, s.tol)
		})
	}
}

// ibkrExcessReportedIncome: cgt-calc knows (from its own table of
// offshore funds' reports, not from the export) that the CNX1 fund
// reported £12.54 of excess income for the units held, taxes it as a
// dividend and adds it to the Section 104 pool's cost, as HMRC does
// (the Offshore Funds (Tax) Regulations 2009, reg. 99: reported income
// is treated as expenditure on the holding; CG57707). The export has no
// such row, so gofolio's pool is the 4 units bought on 15 March 2025 at
// 1,000 plus £3 commission = £4,003, and the sale of 2 on 15 August
// 2025 costs 4,003 × 2/4 + £3 commission = £2,004.50; proceeds £2,002,
// loss £2.50. cgt-calc's pool cost is £4,003 + £12.54 = £4,015.54, so its
// cost is 2,007.77 + 3 = £2,010.77 and its loss £8.77: 12.54 × 2/4 =
// £6.27 more on each. By design: the excess reported income is not in
// the broker's export.
func ibkrExcessReportedIncome(t *testing.T, want *cgtSummary) {
	const eri = 12.54 * 2 / 4
	if math.Abs(want.costs-(2004.50+eri)) > 0.005 || math.Abs(want.loss-(2.50+eri)) > 0.005 {
		t.Fatalf("cgt-calc's costs %.2f and loss %.2f are not 2,004.50 and 2.50 plus %.2f", want.costs, want.loss, eri)
	}
	want.costs -= eri
	want.loss -= eri
}
