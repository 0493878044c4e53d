package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchmarkErrors(t *testing.T) {
	// ^GSPC has prices only before the portfolio's dates.
	prices := t.TempDir()
	for name, text := range map[string]string{
		"IBM.csv":   "date,close\n2024-01-02,150\n2024-01-03,151\n",
		"^GSPX.csv": "date,close\n2020-01-02,3000\n2020-01-03,3010\n",
	} {
		if err := os.WriteFile(filepath.Join(prices, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	csvTx := writeTx(t, "2024-01-02,DEPOSIT,,,,,10000", "2024-01-03,BUY,IBM,10,,5,")
	// An unknown symbol in the transactions: the benchmarks are checked
	// before the build, which would report it.
	sampleTx := writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,NOSUCH,10,,5,")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-tx", csvTx, "-prices", prices},
			"benchmark ^GSPC (the default; choose others with -benchmarks, or -benchmarks , for none): the CSV directory " + prices + " has no ^GSPC.csv (did you mean ^GSPX? known: ^GSPX, IBM)"},
		{[]string{"-tx", sampleTx, "-currency", "USD", "-benchmarks", "^DJX"},
			"benchmark ^DJX: not in the sample market (did you mean ^DJI? known: ^DJI, AA, AXP, BA, C, CAT, DD, DIS, EK, GE, GM, HD and 19 more)"},
		{[]string{"-tx", sampleTx, "-currency", "USD", "-benchmarks", "^DJX,KO,xom"},
			"2 benchmarks cannot be used:\n\tbenchmark ^DJX: not in the sample market (did you mean ^DJI? known: ^DJI, AA, "},
		{[]string{"-tx", csvTx, "-prices", prices, "-benchmarks", "^GSPX"},
			"benchmark ^GSPX: no data for the report's dates: ^GSPX has data from 2020-01-02 to 2020-01-03"},
	} {
		_, _, err := runReport(t, c.args...)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: err = %v\nwant %s", c.args, err, c.want)
			continue
		}
		// The sources' internal names are no use to the user.
		if msg := err.Error(); strings.Contains(msg, "memory:") || strings.Contains(msg, "csv dir") || strings.Contains(msg, "quotes:") {
			t.Errorf("%q: err names the source's internals: %v", c.args, err)
		}
	}
}

func TestRunRepeatedBenchmarkOnce(t *testing.T) {
	stdout, stderr, err := runReport(t, "-benchmarks", "^DJI,^DJI")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	header := stdout[strings.Index(stdout, "Statistics from"):]
	header = header[strings.Index(header, "\n")+1:]
	header = header[:strings.Index(header, "\n")]
	if n := strings.Count(header, "Same cash flows in ^DJI"); n != 1 {
		t.Errorf("the statistics have %d columns for ^DJI:\n%s", n, header)
	}
}
