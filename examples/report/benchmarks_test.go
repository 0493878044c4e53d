package main

import (
	"os"
	"path/filepath"
	"regexp"
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

// TestRunStatisticsLayout: each figure sits where it means what it says
// (issue 13.7): beta and the other relative statistics in a table of
// their own headed by the benchmark they are against, not under the
// index's column; the same-cash-flows column shows money figures only,
// not the index's time-weighted ones a second time.
func TestRunStatisticsLayout(t *testing.T) {
	stdout, _, err := runReport(t)
	if err != nil {
		t.Fatal(err)
	}
	stats := stdout[strings.Index(stdout, "Statistics from"):]
	rel := strings.Index(stats, "The portfolio relative to ^DJI in GBP\n")
	if rel < 0 {
		t.Fatalf("no relative table:\n%s", stats)
	}
	if b := strings.Index(stats, "Beta"); b < rel {
		t.Errorf("Beta at %d, before the relative table at %d:\n%s", b, rel, stats)
	}
	if !strings.Contains(stats[rel:], "Portfolio against ^DJI in GBP") {
		t.Errorf("the relative table's column does not say what it compares:\n%s", stats[rel:])
	}
	fields := func(name string) []string {
		m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(name) + `\s{2,}(.*)$`).FindStringSubmatch(stats)
		if m == nil {
			t.Fatalf("no %q row:\n%s", name, stats)
		}
		return strings.Fields(m[1])
	}
	// Portfolio and index only; portfolio and same cash flows only.
	if f := fields("Time-weighted return"); len(f) != 2 {
		t.Errorf("Time-weighted return row %q: want the portfolio's and the index's", f)
	}
	if f := fields("Final value"); len(f) != 2 {
		t.Errorf("Final value row %q: want the portfolio's and the same cash flows'", f)
	}
	if f := fields("Beta"); len(f) != 1 {
		t.Errorf("Beta row %q: want one figure, the portfolio's against ^DJI", f)
	}
}
