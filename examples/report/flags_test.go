package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"
)

func TestFlagErrorMessages(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-currency", "GBp"}, "-currency GBp: that is a minor unit (1/100 of GBP): report in GBP instead"},
		{[]string{"-currency", "GBX"}, "report in GBP instead"},
		{[]string{"-currency", "Gbp"}, `-currency "Gbp": want a 3-letter ISO code`},
		{[]string{"-currency", "pounds"}, `-currency "pounds": want a 3-letter ISO code`},
		{[]string{"-riskfree", "3"}, "-riskfree 3: want a fraction, e.g. 0.03 for 3%, from -0.1 to 1"},
		{[]string{"-riskfree", "4.5"}, "for 4.5% give 0.045"},
		{[]string{"-riskfree", "-1.5"}, "-riskfree -1.5: want a fraction, e.g. 0.03 for 3%, from -0.1 to 1; for -1.5% give -0.015"},
		{[]string{"-riskfree", "-0.5"}, "-riskfree -0.5: want a fraction, e.g. 0.03 for 3%, from -0.1 to 1; for -0.5% give -0.005"},
		{[]string{"-riskfree", "-50"}, "-riskfree -50: want a fraction, e.g. 0.03 for 3%, from -0.1 to 1"},
		{[]string{"-riskfree", "NaN"}, "-riskfree NaN: want a finite annual rate"},
		{[]string{"-riskfree", "abc"}, "-riskfree abc: want a finite annual rate as a fraction, e.g. 0.03 for 3%"},
		{[]string{"-echarts", "ftp://example.org/echarts.min.js"}, `-echarts ftp://example.org/echarts.min.js: "ftp" URLs are not supported`},
		{[]string{"-echarts", "file:///tmp/echarts.min.js"}, `"file" URLs are not supported`},
		{[]string{"-echarts", "https://"}, "not a valid URL"},
		{[]string{"-prices", "dir", "-source", "yahoo"}, "-prices dir and -source yahoo both name the market data"},
		{[]string{"-timeout", "0"}, "-timeout 0s: want a positive duration such as 45s"},
		{[]string{"-timeout", "-5s"}, "-timeout -5s: want a positive duration"},
		{[]string{"-settle", "GBp"}, "-settle GBp: that is a minor unit (1/100 of GBP): settle in GBP instead"},
		{[]string{"-settle", "pounds"}, `-settle "pounds": want a 3-letter ISO code`},
	} {
		var stderr bytes.Buffer
		_, err := parseFlags(c.args, &stderr)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("parseFlags(%q) = %v, want an error containing %q", c.args, err, c.want)
		}
	}
}

func TestFlagsAccepted(t *testing.T) {
	for _, c := range []struct {
		args                []string
		currency, url, file string
		riskFree            float64
	}{
		{args: []string{"-currency", "gbp"}, currency: "GBP"},
		{args: []string{"-currency", " eur "}, currency: "EUR"},
		{args: []string{"-riskfree", "1"}, currency: "GBP", riskFree: 1},
		{args: []string{"-riskfree", "-0.005"}, currency: "GBP", riskFree: -0.005},
		{args: []string{"-riskfree", "-0.1"}, currency: "GBP", riskFree: -0.1},
		{args: []string{"-echarts", "HTTPS://cdn.example.org/e.js"}, currency: "GBP", url: "HTTPS://cdn.example.org/e.js"},
		{args: []string{"-echarts", "js/echarts.min.js"}, currency: "GBP", file: "js/echarts.min.js"},
	} {
		var stderr bytes.Buffer
		o, err := parseFlags(c.args, &stderr)
		if err != nil {
			t.Errorf("parseFlags(%q): %v", c.args, err)
			continue
		}
		if o.currency != c.currency || o.echartsURL != c.url || o.echartsFile != c.file || o.riskFree != c.riskFree {
			t.Errorf("parseFlags(%q) = currency %q, echarts URL %q file %q, riskfree %v", c.args, o.currency, o.echartsURL, o.echartsFile, o.riskFree)
		}
		if stderr.Len() != 0 {
			t.Errorf("parseFlags(%q) warned: %s", c.args, stderr.String())
		}
	}
}

func TestFlagsWarnWhenIneffective(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string // "" for no warning
	}{
		{[]string{"-offline"}, "warning: -offline has no effect without -source yahoo\n"},
		{[]string{"-offline", "-source", "yahoo"}, ""},
		{[]string{"-split-adjusted"}, "warning: -split-adjusted has no effect without -source csv:DIR (or -prices DIR)\n"},
		{[]string{"-split-adjusted", "-prices", "dir"}, ""},
		{[]string{"-sheet", "Trades"}, "warning: -sheet has no effect without -tx (the embedded sample is CSV)\n"},
		{[]string{"-sheet", "Trades", "-tx", "my.CSV"}, "warning: -sheet has no effect on a CSV file (my.CSV)\n"},
		{[]string{"-sheet", "Trades", "-tx", "my.xlsx"}, ""},
		{[]string{"-echarts", "e.js", "-out", ""}, "warning: -echarts has no effect without an HTML report (-out is empty)\n"},
		{[]string{"-timeout", "45s"}, "warning: -timeout has no effect without -source yahoo\n"},
		{[]string{"-timeout", "45s", "-source", "yahoo"}, ""},
	} {
		var stderr bytes.Buffer
		if _, err := parseFlags(c.args, &stderr); err != nil {
			t.Errorf("parseFlags(%q): %v", c.args, err)
			continue
		}
		if stderr.String() != c.want {
			t.Errorf("parseFlags(%q) stderr = %q, want %q", c.args, stderr.String(), c.want)
		}
	}
}

func TestUsage(t *testing.T) {
	var stderr bytes.Buffer
	_, err := parseFlags([]string{"-h"}, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("parseFlags(-h) = %v", err)
	}
	usage := stderr.String()
	if !strings.Contains(usage, "-source source\n") || !strings.Contains(usage, "sample, yahoo or csv:DIR") {
		t.Errorf("usage of -source:\n%s", usage)
	}
	var out bytes.Buffer
	if code := exitCode(context.Background(), err, &out); code != 0 || out.Len() != 0 {
		t.Errorf("-h: exit status %d, printed %q; want 0 and nothing more", code, out.String())
	}
}

func TestExitCode(t *testing.T) {
	var stderr bytes.Buffer
	if code := exitCode(context.Background(), nil, &stderr); code != 0 || stderr.Len() != 0 {
		t.Errorf("success: exit status %d, printed %q", code, stderr.String())
	}
	// Package report's errors start with "report: " too.
	if code := exitCode(context.Background(), errors.New("report: rendering: boom"), &stderr); code != 1 || stderr.String() != "report: rendering: boom\n" {
		t.Errorf("failure: exit status %d, printed %q", code, stderr.String())
	}
}

func TestFlagParseErrorPrintedOnce(t *testing.T) {
	for _, c := range []struct {
		args  []string
		want  string // the one error line
		usage bool   // whether the usage comes before it
	}{
		{[]string{"-riskfree", "abc"}, "report: -riskfree abc: want a finite annual rate as a fraction, e.g. 0.03 for 3%\n", false},
		{[]string{"-offline=maybe"}, "report: invalid boolean value \"maybe\" for -offline: parse error\n", false},
		{[]string{"-out"}, "report: flag needs an argument: -out\n", false},
		{[]string{"-bogus"}, "report: flag provided but not defined: -bogus\n", true},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), c.args, &stdout, &stderr)
		if code := exitCode(context.Background(), err, &stderr); code != 1 {
			t.Errorf("%q: exit status %d", c.args, code)
		}
		got := stderr.String()
		usage, line, _ := strings.Cut(got, "report: ")
		if line = "report: " + line; line != c.want {
			t.Errorf("%q: error line %q, want %q", c.args, line, c.want)
		}
		if hasUsage := strings.HasPrefix(usage, "usage: ") && strings.Contains(usage, "-riskfree rate"); hasUsage != c.usage || (!c.usage && usage != "") {
			t.Errorf("%q: stderr before the error line (usage wanted: %v):\n%s", c.args, c.usage, usage)
		}
		if strings.Count(got, strings.TrimPrefix(c.want, "report: ")) != 1 {
			t.Errorf("%q: the error is printed more than once:\n%s", c.args, got)
		}
	}
}

func TestBenchmarksFlag(t *testing.T) {
	for _, c := range []struct {
		args      []string
		want      []string
		isDefault bool
	}{
		{nil, []string{"^DJI"}, true},
		{[]string{"-benchmarks", ""}, []string{"^DJI"}, true},
		{[]string{"-benchmarks", " "}, []string{"^DJI"}, true},
		{[]string{"-benchmarks", "", "-prices", "dir"}, []string{"^GSPC"}, true},
		{[]string{"-benchmarks", ","}, nil, false},
		{[]string{"-benchmarks", "^DJI,^DJI"}, []string{"^DJI"}, false},
		{[]string{"-benchmarks", " KO, ^DJI ,KO,,IBM"}, []string{"KO", "^DJI", "IBM"}, false},
	} {
		var stderr bytes.Buffer
		o, err := parseFlags(c.args, &stderr)
		if err != nil {
			t.Errorf("parseFlags(%q): %v", c.args, err)
			continue
		}
		if !slices.Equal(o.benchmarks, c.want) || o.defaultBenchmarks != c.isDefault {
			t.Errorf("parseFlags(%q): benchmarks %q (default %v), want %q (default %v)", c.args, o.benchmarks, o.defaultBenchmarks, c.want, c.isDefault)
		}
	}
	var stderr bytes.Buffer
	if _, err := parseFlags([]string{"-h"}, &stderr); !strings.Contains(stderr.String(), `empty for the default: ^DJI on the sample, else ^GSPC; "," for none`) {
		t.Errorf("-benchmarks usage does not say what empty and \",\" do:\n%s", stderr.String())
	} else if !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

// TestPrintWarnings: the engine's warnings reach stderr one line each
// (issues 13.2, 13.5).
func TestPrintWarnings(t *testing.T) {
	var stderr bytes.Buffer
	printWarnings(&stderr, []string{"IBM: no close after 1999-01-04", "KO: stale"})
	if got := stderr.String(); got != "warning: IBM: no close after 1999-01-04\nwarning: KO: stale\n" {
		t.Errorf("stderr %q", got)
	}
}
