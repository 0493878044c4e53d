package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		src, _, err := marketSource(o, &stderr)
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
