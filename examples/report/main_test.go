package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
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
		"Money-weighted return (IRR)",
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
	if !bytes.Contains(html, []byte("^DJI")) || !bytes.Contains(html, []byte("data:image/svg")) {
		t.Error("report lacks the benchmark or the static SVG charts")
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
		"1995-01-06,SELL,IBM,50,,5,\n"
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
