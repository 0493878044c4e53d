package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

func TestCurrencyCheckedAgainstSource(t *testing.T) {
	t.Setenv(cache.EnvDir, t.TempDir()) // -source yahoo opens its cache
	prices := t.TempDir()
	for _, name := range []string{"GBPUSD=X.csv", "JPY=X.csv", "IBM.csv", "eurusd=X.csv"} {
		if err := os.WriteFile(filepath.Join(prices, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		want string // "" when the currency is accepted
	}{
		{[]string{"-currency", "XYZ"}, "-currency XYZ: the sample market has no exchange rates for it; accepted with -source sample: AUD, CAD, CHF, EUR, GBP, JPY, USD"},
		{[]string{"-currency", "chf"}, ""},
		{[]string{"-currency", "XYZ", "-source", "yahoo", "-offline"}, "-currency XYZ: not an ISO 4217 currency code; accepted with -source yahoo: AED, AFN,"},
		{[]string{"-currency", "SEK", "-source", "yahoo", "-offline"}, ""},
		{[]string{"-currency", "EUR", "-prices", prices}, "-currency EUR: the CSV directory " + prices + " has no EURUSD=X.csv to convert with; accepted with -source csv:" + prices + ": GBP, USD"},
		{[]string{"-currency", "GBP", "-prices", prices}, ""},
	} {
		var stderr bytes.Buffer
		o, err := parseFlags(c.args, &stderr)
		if err != nil {
			t.Fatalf("parseFlags(%q): %v", c.args, err)
		}
		src, _, err := marketSource(context.Background(), o, &stderr)
		if err != nil {
			t.Fatalf("%q: market source: %v", c.args, err)
		}
		accepted, err := reportingCurrencies(o, src)
		if err != nil {
			t.Fatalf("%q: %v", c.args, err)
		}
		err = checkCurrency(o, accepted)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.args, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%q: err = %v, want %q", c.args, err, c.want)
		}
	}
}

func TestNeedsConversion(t *testing.T) {
	for _, c := range []struct {
		reporting  string
		currencies []string
		want       bool
	}{
		{"GBP", []string{"GBP", "GBp"}, false},
		{"USD", nil, false},
		{"EUR", []string{"EUR", "USD"}, true},
		{"GBP", []string{"not a code"}, true},
	} {
		if got := needsConversion(c.reporting, c.currencies); got != c.want {
			t.Errorf("needsConversion(%s, %q) = %v", c.reporting, c.currencies, got)
		}
	}
}

func TestRunCSVDirCurrency(t *testing.T) {
	prices := t.TempDir()
	var ibm, gbp strings.Builder
	ibm.WriteString("date,close\n")
	gbp.WriteString("date,close\n")
	for d := 2; d <= 12; d++ {
		fmt.Fprintf(&ibm, "2024-01-%02d,%d\n", d, 150+d)
		fmt.Fprintf(&gbp, "2024-01-%02d,1.2%d\n", d, d%10)
	}
	for name, text := range map[string]string{"IBM.csv": ibm.String(), "GBPUSD=X.csv": gbp.String(), "^GSPC.csv": ibm.String()} {
		if err := os.WriteFile(filepath.Join(prices, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tx := writeTx(t, "2024-01-02,DEPOSIT,,,,,10000", "2024-01-03,BUY,IBM,10,,5,")
	_, _, err := runReport(t, "-tx", tx, "-prices", prices, "-currency", "EUR")
	want := "-currency EUR: the CSV directory " + prices + " has no EURUSD=X.csv to convert with; accepted with -source csv:" + prices + ": GBP, USD"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	stdout, stderr, err := runReport(t, "-tx", tx, "-prices", prices, "-currency", "gbp")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "reporting currency: GBP") {
		t.Errorf("output:\n%s", stdout)
	}
}

func TestRunCurrencyRatesStartTooLate(t *testing.T) {
	// The sample's EUR rates start on 1999-01-04; its portfolio in 1991.
	_, _, err := runReport(t, "-currency", "eur")
	want := "-currency EUR: the sample's exchange rates to EUR start on 1999-01-04, after the first transaction (1991-01-14); choose one of: AUD, CAD, CHF, GBP, JPY, USD"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	// A portfolio that starts once the rates do is reported in EUR.
	tx := writeTx(t, "1999-02-01,DEPOSIT,,,,,10000", "1999-02-02,BUY,IBM,10,,5,")
	stdout, stderr, err := runReport(t, "-tx", tx, "-currency", "EUR")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "reporting currency: EUR") {
		t.Errorf("output:\n%s", stdout)
	}
	// Transactions in EUR before its rates start are the file's problem,
	// whatever the reporting currency: the build names their rows.
	tx = filepath.Join(t.TempDir(), "eur.csv")
	csv := "date,kind,symbol,quantity,price,commission,amount,currency\n1995-01-03,DEPOSIT,,,,,10000,EUR\n1995-01-04,BUY,IBM,10,,5,,\n"
	if err := os.WriteFile(tx, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = runReport(t, "-tx", tx, "-currency", "GBP")
	if err == nil || !strings.Contains(err.Error(), `row 2, column currency: "EUR"`) || strings.Contains(err.Error(), "-currency") {
		t.Errorf("err = %v, want the build's problem naming the row", err)
	}
	// Reported in EUR, the USD purchase lacks a rate; but no other
	// currency would do either, the deposit in EUR being as early.
	_, _, err = runReport(t, "-tx", tx, "-currency", "EUR")
	if err == nil || !strings.Contains(err.Error(), `row 3, column currency: "USD"`) || strings.Contains(err.Error(), "choose") {
		t.Errorf("err = %v, want the build's problem naming the row", err)
	}
}

func TestRateStart(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	c, err := fx.NewConverter(fx.Pair{Base: "EUR", Quote: "USD", Dates: []time.Time{day("1999-01-04"), day("1999-01-05")}, Rates: []float64{1.18, 1.17}})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := rateStart(c, "USD", "EUR", day("1991-01-14"), day("2001-01-02")); !ok || !got.Equal(day("1999-01-04")) {
		t.Errorf("rateStart = %v, %v; want 1999-01-04", got, ok)
	}
	if _, ok := rateStart(c, "USD", "EUR", day("1991-01-14"), day("1995-01-02")); ok {
		t.Error("rateStart found a start after the end")
	}
}
