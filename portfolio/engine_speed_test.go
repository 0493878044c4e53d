package portfolio

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// TestNewEngineDaysAndOrder: newEngine turns each transaction's date into
// its calendar day as quotes.Day does (through the day number, without
// Day's calendar arithmetic), for dates at midnight UTC, at other times,
// in other zones (23:00 on 2 January in UTC−5 is 3 January 04:00 UTC but
// the 2nd in its own zone), with a monotonic reading (time.Now) and
// before 1970, in the copy run reads (useCopy); then orders them by day, keeping file order within a day,
// whether the input was in order (no sort) or not.
func TestNewEngineDaysAndOrder(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	dates := []time.Time{
		quotes.Date(2024, 1, 2),
		time.Date(2024, 1, 2, 23, 0, 0, 0, est),
		time.Date(2024, 1, 3, 15, 30, 0, 1, time.UTC),
		time.Date(1969, 12, 31, 12, 0, 0, 0, time.UTC),
		time.Now(),
	}
	for _, d := range dates {
		e := newEngine([]Transaction{{Date: d}}, Config{})
		e.useCopy()
		if got, want := e.txs[0].Date, quotes.Day(d); got != want {
			t.Errorf("newEngine's day of %v = %#v, want quotes.Day's %#v", d, got, want)
		}
	}
	row := func(day, r int) Transaction {
		return Transaction{Date: quotes.Date(2024, 1, day), Origin: Origin{Row: r}}
	}
	for _, c := range []struct {
		in   []Transaction
		want []int // rows
	}{
		{[]Transaction{row(1, 1), row(2, 2), row(2, 3), row(3, 4)}, []int{1, 2, 3, 4}},
		{[]Transaction{row(3, 1), row(2, 2), row(1, 3), row(2, 4)}, []int{3, 2, 4, 1}},
	} {
		e := newEngine(c.in, Config{})
		e.useCopy()
		for k, r := range c.want {
			if e.txs[k].Origin.Row != r {
				t.Errorf("order of %v: position %d holds row %d, want %d", c.in, k, e.txs[k].Origin.Row, r)
			}
		}
	}
}

// TestBuildReadsAlignedClosesInPlace: a series that trades on every day of
// the calendar and is not split-adjusted is read where it is, not copied
// (what made the Close column cost 8 bytes per symbol-day in every Build),
// and the Close column laid out on first use is still its closes.
func TestBuildReadsAlignedClosesInPlace(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	res, err := Build([]Transaction{{Date: d1, Kind: Buy, Symbol: "X", Quantity: 1, Price: 100}}, Config{Currency: "USD", Series: market(x), AutoDeposit: true})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Holdings
	if got := h.closes[0]; len(got) != 3 || &got[0] != &x.Close[0] {
		t.Errorf("the closes of X were copied: want X's own array read in place")
	}
	if got := h.Close(); len(got) != 3 || got[0] != 100 || got[1] != 110 || got[2] != 121 {
		t.Errorf("Close() = %v, want [100 110 121]", got)
	}
}

// TestBuildLeavesAdjustedClosesAlone: the closes of a split-adjusted
// series are multiplied back in a copy, never in the market data. By hand:
// adjusted closes 50, 55, 121 with a 2:1 split on d3 were traded at
// 50 × 2 = 100 and 55 × 2 = 110 before it, 121 on its day.
func TestBuildLeavesAdjustedClosesAlone(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 121)
	x.SplitAdjusted = true
	x.Splits = []quotes.Split{{Date: d3, Numerator: 2, Denominator: 1}}
	res, err := Build([]Transaction{{Date: d1, Kind: Buy, Symbol: "X", Quantity: 1, Price: 100}}, Config{Currency: "USD", Series: market(x), AutoDeposit: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Holdings.Close(); len(got) != 3 || got[0] != 100 || got[1] != 110 || got[2] != 121 {
		t.Errorf("Close() = %v, want the closes as traded [100 110 121]", got)
	}
	if x.Close[0] != 50 || x.Close[1] != 55 || x.Close[2] != 121 {
		t.Errorf("Build changed the market data's closes to %v, want [50 55 121]", x.Close)
	}
}

// TestBuildConcurrentOnSharedSeries: builds on the same market data at
// once (a notebook's cells, a server) share the series' cached day
// numbers and read their closes in place; under -race they must not race,
// and each must give the same figures as a build alone: X bought 2 at 100
// on d1 with 200 deposited, worth 2 × 121 = 242 on d3.
func TestBuildConcurrentOnSharedSeries(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	txs := []Transaction{{Date: d1, Kind: Deposit, Amount: 200}, {Date: d1, Kind: Buy, Symbol: "X", Quantity: 2, Price: 100}}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			res, err := Build(txs, Config{Currency: "USD", Series: market(x)})
			if err != nil {
				t.Error(err)
				return
			}
			if v := res.Performance.Value; len(v) != 3 || v[2] != 242 {
				t.Errorf("value = %v, want 242 on d3", v)
			}
		})
	}
	wg.Wait()
}

// TestBuildLeavesTheRowsAlone: Build reads the caller's rows while it
// copies them (newEngine) and writes each row's day and price only into
// its copy: the rows given, a blank price and a date at noon among them,
// are as they were, in order or not, and the result's rows carry the day
// and the price applied.
func TestBuildLeavesTheRowsAlone(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 100, 110, 121)
	noon := d1.Add(12 * time.Hour)
	for _, rows := range [][]Transaction{
		{
			{Date: noon, Kind: Deposit, Amount: 1000, Origin: Origin{Row: 2}},
			{Date: noon, Kind: Buy, Symbol: "X", Quantity: 2, Origin: Origin{Row: 3}},
			{Date: d3, Kind: Sell, Symbol: "X", Quantity: 1, Price: 120, Origin: Origin{Row: 4}},
		},
		{
			{Date: d3, Kind: Sell, Symbol: "X", Quantity: 1, Price: 120, Origin: Origin{Row: 2}},
			{Date: noon, Kind: Deposit, Amount: 1000, Origin: Origin{Row: 3}},
			{Date: noon, Kind: Buy, Symbol: "X", Quantity: 2, Origin: Origin{Row: 4}},
		},
	} {
		given := slices.Clone(rows)
		res, err := Build(rows, Config{Currency: "USD", Series: market(x)})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows, given) {
			t.Errorf("Build changed the rows given:\n got %v\nwant %v", rows, given)
		}
		for _, tx := range res.Transactions {
			if tx.Kind == Buy && (tx.Price != 100 || !tx.Date.Equal(d1) || tx.Date.Location() != time.UTC) {
				t.Errorf("the result's BUY: price %v on %v, want the close 100 on %v", tx.Price, tx.Date, d1)
			}
		}
	}
}
