package main

import (
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestGainsNoteBefore2008: -gains -lots uk prints, after the tax years,
// the note of each year before 2008/09 (lots.NoteBefore2008), and none
// for the years after: 100 bought in 2001, 10 sold on 1 June 2005
// (2005/06) and 10 on 1 June 2010 (2010/11).
func TestGainsNoteBefore2008(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	txs := []portfolio.Transaction{
		{Date: day(2001, 5, 1), Kind: portfolio.Buy, Symbol: "X", Quantity: 100, Price: 10},
		{Date: day(2005, 6, 1), Kind: portfolio.Sell, Symbol: "X", Quantity: 10, Price: 20},
		{Date: day(2010, 6, 1), Kind: portfolio.Sell, Symbol: "X", Quantity: 10, Price: 20},
	}
	rep, err := lots.Match(txs, lots.Options{Method: lots.UK, Currency: "GBP"})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := writeGains(&out, rep, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\n2005/06: "+lots.NoteBefore2008+"\n") {
		t.Errorf("no 2005/06 note in\n%s", out.String())
	}
	if strings.Contains(out.String(), "2010/11: ") {
		t.Errorf("a 2010/11 note in\n%s", out.String())
	}
}

// TestGainsNoteOnce: two years before 2008/09 (2005/06 and 2006/07) share
// one note: -gains -lots uk prints it once, after both years' labels.
func TestGainsNoteOnce(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	rep, err := lots.Match([]portfolio.Transaction{
		{Date: day(2001, 5, 1), Kind: portfolio.Buy, Symbol: "X", Quantity: 100, Price: 10},
		{Date: day(2005, 6, 1), Kind: portfolio.Sell, Symbol: "X", Quantity: 10, Price: 20},
		{Date: day(2006, 6, 1), Kind: portfolio.Sell, Symbol: "X", Quantity: 10, Price: 20},
	}, lots.Options{Method: lots.UK, Currency: "GBP"})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := writeGains(&out, rep, ""); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), lots.NoteBefore2008); n != 1 {
		t.Errorf("the note %d times, want once, in\n%s", n, out.String())
	}
	if !strings.Contains(out.String(), "\n2005/06, 2006/07: "+lots.NoteBefore2008+"\n") {
		t.Errorf("no note naming 2005/06 and 2006/07 in\n%s", out.String())
	}
}
