package portfolio

import (
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/quotes"
)

// warningLines is ws one per line.
func warningLines(ws []Warning) string {
	lines := make([]string, len(ws))
	for i, w := range ws {
		lines[i] = w.String()
	}
	return strings.Join(lines, "\n")
}

// weekdays returns the n weekdays from from on.
func weekdays(from time.Time, n int) []time.Time {
	var out []time.Time
	for d := from; len(out) < n; d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			out = append(out, d)
		}
	}
	return out
}

// TestBuildTradeAfterLastClose: X's data ends on day 2 while Y's runs on.
// A BUY, SELL or SPLIT of X after its last close is a problem, with a
// price or without: there is no close to price it, check its price against
// or value the holding at. A DIVIDEND row is cash and may come after it
// (a delisted company's last dividend is paid weeks after its ex-date).
func TestBuildTradeAfterLastClose(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2), 100, 101)
	y := testSeries("Y", "USD", days(d1, d2, d3, d4, d5), 10, 10, 10, 10, 10)
	at := func(row int) Origin { return Origin{File: "tx.csv", Row: row} }
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000, Origin: at(2)},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 2, Origin: at(3)},
		{Date: d1, Kind: Buy, Symbol: "Y", Quantity: 2, Origin: at(4)},
		{Date: d3, Kind: Buy, Symbol: "X", Quantity: 1, Origin: at(5)},
		{Date: d4, Kind: Sell, Symbol: "X", Quantity: 1, Price: 100, Origin: at(6)},
		{Date: d4, Kind: Split, Symbol: "X", Quantity: 2, Price: 1, Origin: at(7)},
		{Date: d5, Kind: Dividend, Symbol: "X", Amount: 3, Origin: at(8)},
	}
	_, err := Build(txs, Config{Currency: "USD", Series: market(x, y)})
	after := func(row int, date, kind string) string {
		return `tx.csv, row ` + row2(row) + `, column date: "` + date + `": a date on or before the last price of X (2024-01-02): ` +
			`after it there is no close to price the ` + kind + ` or value the holding; extend X's market data, or correct the date or the symbol`
	}
	wantProblems(t, err, after(5, "2024-01-03", "BUY"), after(6, "2024-01-04", "SELL"), after(7, "2024-01-04", "SPLIT"))

	// A day X's market is closed up to Config.To: X does not trade again
	// within the frames.
	x = testSeries("X", "USD", days(d1, d2, d4), 100, 101, 102)
	split := Transaction{Date: d3, Kind: Split, Symbol: "X", Quantity: 2, Price: 1, Origin: at(9)}
	_, err = Build(append(txs[:4:4], split), Config{Currency: "USD", Series: market(x, y), To: d3})
	closed := func(row int) string {
		return `tx.csv, row ` + row2(row) + `, column date: "2024-01-03": a date on which X trades on or before Config.To, ` +
			`the last day of the frames (2024-01-03): its market is closed from then to Config.To`
	}
	wantProblems(t, err, closed(5), closed(9))
}

func row2(r int) string { return string(rune('0' + r)) }

// TestBuildStalePriceWarning: a holding valued more than 5 trading days of
// the calendar past its symbol's last close is a warning naming the
// symbol, the last close and the fix; at 5 days it is not (a market's
// holiday week), nor for a symbol sold before its data ends.
func TestBuildStalePriceWarning(t *testing.T) {
	cal := weekdays(d1, 12) // 2024-01-01 .. 2024-01-16
	closes := make([]float64, len(cal))
	for i := range closes {
		closes[i] = 10
	}
	y := testSeries("Y", "USD", cal, closes...)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 2},
		{Date: d1, Kind: Buy, Symbol: "Y", Quantity: 2},
		{Date: d1, Kind: Buy, Symbol: "Z", Quantity: 1},
		{Date: d2, Kind: Sell, Symbol: "Z", Quantity: 1},
	}
	for _, c := range []struct {
		xDays int // X's closes: the first xDays days of the calendar
		want  string
	}{
		// X's last close on day 7 (index 6) of 12: valued at it on the 5
		// days after, no more.
		{7, ""},
		// Its last close on day 6 (2024-01-08): valued at it on the 6 days
		// after, to 2024-01-16.
		{6, "X is held after its last close, on 2024-01-08: it is valued at that close (50.5 USD) for the 6 trading days to 2024-01-16; " +
			"update its market data, or add the SELL that ended the holding (for a delisting, at the price paid out)"},
	} {
		xc := make([]float64, c.xDays)
		for i := range xc {
			xc[i] = 50 + float64(i)/10
		}
		x := testSeries("X", "USD", cal, xc...)
		z := testSeries("Z", "USD", cal, 5, 5) // sold on day 2, its last close
		res := build(t, txs, Config{Currency: "USD", Series: market(x, y, z)})
		if got := warningLines(res.Warnings); got != c.want {
			t.Errorf("X's data to day %d: warnings\n%s\nwant\n%s", c.xDays, got, c.want)
		}
		if c.want != "" {
			w := res.Warnings[0]
			if w.Kind != StalePrice || w.Symbol != "X" || !w.Since.Equal(quotes.Date(2024, 1, 8)) || w.Tx != nil {
				t.Errorf("warning = %+v, want StalePrice of X since 2024-01-08", w)
			}
		}
	}
}
