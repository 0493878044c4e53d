package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRunBrokerExportWithMarketData: a broker's export records the
// dividends received and the splits, which a price folder has too. Read
// alone, the export is the statement (portfolio.Config.Statement): its
// DIVIDEND and SPLIT rows are not reported as duplicates of the data's
// events, the data's dividend is not paid on top of the export's, and the
// split is taken once. By hand: 1,000 deposited, 10 X bought at 100, a 2:1
// split, a dividend of 7.50 net: 20 shares at 50 and 7.50 of cash.
func TestRunBrokerExportWithMarketData(t *testing.T) {
	dir := t.TempDir()
	prices := filepath.Join(dir, "prices")
	if err := os.Mkdir(prices, 0o755); err != nil {
		t.Fatal(err)
	}
	closes := "date,close\n"
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Month() == time.January; d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			continue
		}
		close := "100"
		if d.Day() >= 17 {
			close = "50"
		}
		closes += d.Format(time.DateOnly) + "," + close + "\n"
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(prices, "X.csv"), closes)
	write(filepath.Join(prices, "X.dividends.csv"), "date,amount\n2024-01-10,1\n")
	write(filepath.Join(prices, "X.splits.csv"), "date,ratio\n2024-01-17,2:1\n")
	export := filepath.Join(dir, "raw.csv") // cgt-calc's raw layout, newest first
	write(export, "date,action,symbol,quantity,price,fees,currency\n"+
		"2024-01-24,DIVIDEND,X,10,0.75,0,USD\n"+
		"2024-01-17,STOCK_SPLIT,X,10,,0,USD\n"+
		"2024-01-02,BUY,X,10,100,0,USD\n"+
		"2024-01-02,TRANSFER,,1,1000,0,USD\n")
	stdout, stderr, err := runReport(t, "-tx", export, "-source", "csv:"+prices, "-currency", "USD", "-benchmarks", ",")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "Total value           USD 1,007.50") {
		t.Errorf("want a total value of 1,007.50 (20 × 50 + 7.50):\n%s", stdout)
	}
}
