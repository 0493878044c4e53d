package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestRunSample(t *testing.T) {
	dir := t.TempDir()
	out, xlsx := filepath.Join(dir, "report.html"), filepath.Join(dir, "frames.xlsx")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-out", out, "-xlsx", xlsx}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
	}
	text := stdout.String()
	for _, want := range []string{
		"reporting currency: GBP",
		"Holdings on 2001-01-02",
		"Time-weighted return",
		"Same cash flows in ^DJI",
		"Money-weighted return (IRR, p.a.)",
		"P&L outside the holdings (fees, interest, taxes, exchange-rate changes on cash): GBP ",
		"report: " + out,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte("^DJI")) || !bytes.Contains(html, []byte("data:image/png")) {
		t.Error("report lacks the benchmark or the static PNG charts")
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "performance,holdings" {
		t.Errorf("workbook sheets %v", got)
	}
}

func TestRunBadTransactionsWritesNothing(t *testing.T) {
	dir := t.TempDir()
	tx := filepath.Join(dir, "tx.csv")
	csv := "date,kind,symbol,quantity,price,commission,amount\n" +
		"1995-01-03,DEPOSIT,,,,,10000\n" +
		"1995-01-04,BUY,IBM,10,,5,\n" +
		"1995-01-05,BUY,NOSUCH,10,,5,\n" +
		"1995-01-06,SELL,IBM,50,,5,\n" +
		"1995-01-06,BUY,IBMM,1,,,\n"
	if err := os.WriteFile(tx, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(tx)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.html")
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"-tx", tx, "-currency", "USD", "-out", out}, &stdout, &stderr)
	if err == nil {
		t.Fatal("run accepted a file with an unknown symbol")
	}
	msg := err.Error()
	if !strings.Contains(msg, "row 4, column symbol: \"NOSUCH\": a symbol the market data knows") {
		t.Errorf("error does not locate the unknown symbol:\n%s", msg)
	}
	// The sample market lists what it has, so a typo gets a suggestion.
	if !strings.Contains(msg, "row 6, column symbol: \"IBMM\": a symbol the market data knows (did you mean IBM? known: AA, ") {
		t.Errorf("error does not suggest IBM for IBMM:\n%s", msg)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a report was written for an invalid file (stat: %v)", err)
	}
	// The user's file is only read.
	after, err := os.Stat(tx)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(tx)
	if string(got) != csv || !after.ModTime().Equal(before.ModTime()) || after.Mode() != before.Mode() {
		t.Error("the transactions file was modified")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files beside the input after a failed run: %v", entries)
	}
}

func TestFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-source", "ftp"},
		{"-from", "01/02/1995"},
		{"-from", "1996-01-01", "-to", "1995-01-01"},
		{"extra"},
	} {
		var stderr bytes.Buffer
		if _, err := parseFlags(args, &stderr); err == nil {
			t.Errorf("parseFlags(%q) accepted bad flags", args)
		}
	}
}

// writeTx writes a transactions CSV for the sample market into a new
// directory and returns its path.
func writeTx(t *testing.T, rows ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tx.csv")
	csv := "date,kind,symbol,quantity,price,commission,amount\n" + strings.Join(rows, "\n") + "\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runReport runs the command without outputs unless args name some.
func runReport(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), append([]string{"-out", ""}, args...), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestRunToLeavesOutLaterTransactions(t *testing.T) {
	tx := writeTx(t,
		"1995-01-03,DEPOSIT,,,,,10000",
		"1995-01-04,BUY,IBM,10,,5,",
		"1996-06-03,BUY,KO,20,,5,",
		"1997-01-06,SELL,IBM,5,,5,")
	stdout, stderr, err := runReport(t, "-tx", tx, "-currency", "USD", "-to", "1995-06-01")
	if err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr)
	}
	if !strings.Contains(stdout, "Holdings on 1995-06-01") || strings.Contains(stdout, "KO") {
		t.Errorf("the report is not as of -to:\n%s", stdout)
	}
	want := "note: the report is as of -to 1995-06-01: left out 2 transactions dated after it (1996-06-03 to 1997-01-06)\n"
	if stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestRunToOnAClosedDay(t *testing.T) {
	// 1995-06-03 is a Saturday: a deposit then applies on Monday the 5th,
	// after -to 1995-06-04, so it is left out too.
	tx := writeTx(t,
		"1995-01-03,DEPOSIT,,,,,10000",
		"1995-01-04,BUY,IBM,10,,5,",
		"1995-06-03,BUY,KO,20,,5,")
	stdout, stderr, err := runReport(t, "-tx", tx, "-currency", "USD", "-to", "1995-06-04")
	if err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr)
	}
	if !strings.Contains(stdout, "Holdings on 1995-06-02") {
		t.Errorf("the report does not end on the last trading day before -to:\n%s", stdout)
	}
	if !strings.Contains(stderr, "left out 1 transaction dated after 1995-06-02, the last trading day on or before it (1995-06-03)") {
		t.Errorf("stderr: %s", stderr)
	}
}

func TestRunToBeforeFirstTransaction(t *testing.T) {
	_, _, err := runReport(t, "-to", "1990-01-01")
	if err == nil || !strings.Contains(err.Error(), "-to 1990-01-01 is before the first transaction, on 1991-01-14") {
		t.Errorf("err = %v, want one naming -to and the first transaction", err)
	}
}

func TestRunFromAfterEndNamesNoZeroDate(t *testing.T) {
	_, _, err := runReport(t, "-from", "2005-01-01")
	if err == nil {
		t.Fatal("run accepted -from after the market data")
	}
	if msg := err.Error(); strings.Contains(msg, "0001-01-01") || !strings.Contains(msg, "the end of the market data (2001-01-02)") {
		t.Errorf("err = %v", err)
	}
}

// headline extracts a headline figure's text from the summary.
func headline(t *testing.T, stdout, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `\s+(.+)$`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no %q line in:\n%s", name, stdout)
	}
	return strings.TrimSpace(m[1])
}

func TestRunFromHeadlineFollowsWindow(t *testing.T) {
	whole, _, err := runReport(t)
	if err != nil {
		t.Fatal(err)
	}
	windowed, _, err := runReport(t, "-from", "1995-01-03")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(windowed, "From 1995-01-03 (-from) to 2001-01-02") {
		t.Errorf("the headline does not name its period:\n%s", windowed)
	}
	// The statistics table's first rows are the same figures over the
	// window: the headline must agree with them.
	twr := headline(t, windowed, "Time-weighted return")
	if twr == headline(t, whole, "Time-weighted return") {
		t.Errorf("the headline TWR %s is the whole history's", twr)
	}
	stat := regexp.MustCompile(`(?m)^\s*Time-weighted return\s+(\S+)`).FindStringSubmatch(windowed[strings.Index(windowed, "Statistics from"):])
	if stat == nil || stat[1] != twr {
		t.Errorf("headline TWR %s, statistics %v", twr, stat)
	}
	if v := headline(t, windowed, "Opening value"); !strings.HasPrefix(v, "GBP ") {
		t.Errorf("opening value %q", v)
	}
}

func TestRunHoldingsWeightsSumToOne(t *testing.T) {
	stdout, _, err := runReport(t)
	if err != nil {
		t.Fatal(err)
	}
	table := stdout[strings.Index(stdout, "Holdings on"):strings.Index(stdout, "\ncash: ")]
	var sum float64
	var cash bool
	for _, line := range strings.Split(table, "\n")[2:] {
		fields := strings.Fields(line)
		w, err := strconv.ParseFloat(strings.TrimSuffix(fields[len(fields)-1], "%"), 64)
		if err != nil {
			t.Fatalf("weight in %q: %v", line, err)
		}
		sum += w
		cash = cash || fields[0] == "cash"
	}
	if !cash || sum < 99.95 || sum > 100.05 {
		t.Errorf("weights sum to %.2f%% (cash row: %v):\n%s", sum, cash, table)
	}
}

func TestRunChecksOutputsBeforeBuilding(t *testing.T) {
	dir := t.TempDir()
	// The transactions name an unknown symbol: a check made after the build
	// would report that instead.
	tx := writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,NOSUCH,10,,5,")
	out := filepath.Join(dir, "report.html")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-xlsx", filepath.Join(dir, "missing", "frames.xlsx")}, "-xlsx " + filepath.Join(dir, "missing", "frames.xlsx") + ": the directory " + filepath.Join(dir, "missing") + " does not exist"},
		{[]string{"-out", dir}, "-out " + dir + " is a directory"},
		{[]string{"-xlsx", filepath.Join(dir, "frames.csv")}, "-xlsx " + filepath.Join(dir, "frames.csv") + ": the frames are written as an Excel workbook: want a file name ending in .xlsx"},
		{[]string{"-xlsx", filepath.Join(dir, "frames")}, "want a file name ending in .xlsx"},
		{[]string{"-echarts", filepath.Join(dir, "echarts.min.js")}, "-echarts " + filepath.Join(dir, "echarts.min.js") + ": cannot read it"},
		{[]string{"-echarts", "ftp://example.org/echarts.min.js"}, `"ftp" URLs are not supported`},
		{[]string{"-out", filepath.Join(dir, "f.xlsx"), "-xlsx", filepath.Join(dir, "f.xlsx")}, "-out and -xlsx both name"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"-tx", tx, "-currency", "USD", "-out", out}, c.args...), &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.args, err, c.want)
		}
		if err != nil && strings.HasPrefix(err.Error(), "report:") {
			t.Errorf("%q: err %q repeats the prefix main adds", c.args, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%q: files written: %v", c.args, entries)
		}
	}
}

func TestRunChecksCurrencyBeforeBuilding(t *testing.T) {
	// An unknown symbol too: the build would report it if it ran first.
	tx := writeTx(t, "1995-01-03,DEPOSIT,,,,,10000", "1995-01-04,BUY,NOSUCH,10,,5,")
	_, _, err := runReport(t, "-tx", tx, "-currency", "xyz")
	if err == nil || !strings.Contains(err.Error(), "-currency XYZ: the sample market has no exchange rates for it; accepted with -source sample: AUD, CAD, CHF, EUR, GBP, JPY, USD") {
		t.Errorf("err = %v", err)
	}
}

// TestRunTransactionsDirectory: since issue 17 a folder is read (each of
// its transaction files an account, accounts_test.go); an empty one is
// still an error naming it.
func TestRunTransactionsDirectory(t *testing.T) {
	dir := t.TempDir()
	_, _, err := runReport(t, "-tx", dir)
	if want := "-tx " + dir + ": is a directory with no .csv, .xlsx or .xlsm file"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestXLSXExtensionAnyCase(t *testing.T) {
	o := &options{xlsx: filepath.Join(t.TempDir(), "Frames.XLSX")}
	if err := checkOutputs(o); err != nil {
		t.Errorf("checkOutputs(-xlsx %s): %v", o.xlsx, err)
	}
}
