package rebalance

import (
	"strings"
	"testing"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestParseTargets(t *testing.T) {
	in := "Symbol,Weight,Price\nKO,40%,\nIBM, 35 ,\nNEW,15,12.5\nCASH,10\n"
	tg, err := ParseTargets(strings.NewReader(in), "targets.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := Targets{{"KO", 0.4, 0}, {"IBM", 0.35, 0}, {"NEW", 0.15, 12.5}, {"CASH", 0.1, 0}}
	if len(tg) != len(want) {
		t.Fatalf("%+v, want %+v", tg, want)
	}
	for i := range want {
		if tg[i].Symbol != want[i].Symbol || !near(tg[i].Weight, want[i].Weight) || tg[i].Price != want[i].Price {
			t.Errorf("row %d: %+v, want %+v", i+2, tg[i], want[i])
		}
	}
}

// TestParseTargetsProblems: every problem of the file at once, with its
// row, column and value.
func TestParseTargetsProblems(t *testing.T) {
	in := "symbol,weight,price\nKO,forty,\n,10,\nKO,20,\nCASH,10,3\nX,10,-2\n"
	_, err := ParseTargets(strings.NewReader(in), "t.csv")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`t.csv, row 2, column weight: "forty": a percentage from 0 to 100`,
		`t.csv, row 3, column symbol: "": a symbol, or CASH`,
		`t.csv, row 4, column symbol: "KO": each symbol once`,
		`t.csv, row 5, column price: "3": no price for CASH`,
		`t.csv, row 6, column price: "-2": a price per share above 0`,
	} {
		if !contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestParseTargetsSum: 40 + 35 + 20 = 95: the error names the sum; a file
// of fractions (sum 1%) too.
func TestParseTargetsSum(t *testing.T) {
	for in, want := range map[string]string{
		"symbol,weight\nA,40\nB,35\nC,20\n":    `column weight: "sum 95%": weights that sum to 100% within 0.01`,
		"symbol,weight\nA,0.5\nB,0.5\n":        `"sum 1%"`,
		"symbol,weight\nA,33.33\nB,66.67\n":    "",
		"symbol,weight\nA,33.333\nB,66.6665\n": "",
		"symbol,weight\nA,33.3\nB,66.6\n":      `"sum 99.9%"`,
		"symbol,wieght\nA,100\n":               `column wieght: "wieght": a column symbol, weight or price`,
		"":                                     "the file is empty",
		"symbol,weight\n":                      "a row per symbol after the header: there is none",
		"symbol,weight\nA,90\nB,10,12.5\n":     `row 3, column field 3: "12.5": at most 2 fields, as the header has (a price needs a price column)`,
	} {
		_, err := ParseTargets(strings.NewReader(in), "t.csv")
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", in, err)
			}
			continue
		}
		if err == nil || !contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", in, err, want)
		}
	}
}

func TestNewTargets(t *testing.T) {
	if _, err := NewTargets(map[string]float64{"A": 0.6, "CASH": 0.4}); err != nil {
		t.Error(err)
	}
	_, err := NewTargets(map[string]float64{"A": 0.6, "B": 1.5})
	if err == nil || !contains(err.Error(), `column weight: "1.5": a fraction from 0 to 1`) {
		t.Errorf("error %v", err)
	}
}

// TestParseTargetsRowsAreLines: a problem's row is the file's line, blank
// lines and a quoted field over two lines counted: "forty" is on line 3,
// "-2" on line 8 (csv.Reader skips the blank lines and reads "IB\nM" as
// one record, which once made them rows 2 and 5).
func TestParseTargetsRowsAreLines(t *testing.T) {
	in := "symbol,weight,price\n\nKO,forty,\n\"IB\nM\",10,\nX,10,\n\nY,10,-2\n"
	_, err := ParseTargets(strings.NewReader(in), "t.csv")
	for _, want := range []string{`t.csv, row 3, column weight: "forty"`, `t.csv, row 8, column price: "-2"`} {
		if err == nil || !contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestParseTargetsRepeatedColumn: a column given twice is a problem (the
// second weight column silently won before), as in a transactions file.
func TestParseTargetsRepeatedColumn(t *testing.T) {
	_, err := ParseTargets(strings.NewReader("symbol,weight,Weight\nKO,100,50\n"), "t.csv")
	if want := `t.csv, row 1, column Weight: "Weight": each column once: weight is column 2 and 3`; err == nil || !contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}
