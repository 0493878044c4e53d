package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gofolio/gofolio/portfolio"
)

func TestWriteRoundTrip(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	y := testSeries("Y", "USD", days(d1, d2, d3), 10, 10, 10)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 55, Commission: 5},
		{Date: d1, Kind: Buy, Symbol: "Y", Quantity: 1, Price: 10},
	}
	res := build(t, txs, Config{Currency: "USD", Series: market(x, y)})
	f := writeAndOpen(t, res)
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "performance" || got[1] != "holdings" {
		t.Fatalf("sheets %v, want [performance holdings]", got)
	}
	perf, _ := f.GetRows("performance")
	// Header + 3 days; day 3 value: cash 1000 − 555 − 10 = 435, X 600, Y 10.
	if len(perf) != 4 || perf[3][3] != "1045" {
		t.Errorf("performance rows %q, want 4 rows with value 1045 on the last", perf)
	}
	hold, _ := f.GetRows("holdings")
	// X from day 2 (2 rows), Y from day 1 (3 rows); X sorts first.
	if len(hold) != 6 || hold[1][1] != "X" || hold[1][2] != "10" || hold[3][1] != "Y" {
		t.Errorf("holdings rows %q", hold)
	}
	// Dates are real Excel dates: 2024-01-02 is serial 45293.
	if hold[1][0] != "45293" {
		t.Errorf("first holdings date cell %q, want the serial 45293", hold[1][0])
	}
}

// TestWriteNamesCurrencies: the money columns' units are named in
// trailing columns, the reporting currency for every money column and the
// quote currency for close, and the columns before them are unchanged.
func TestWriteNamesCurrencies(t *testing.T) {
	l := testSeries("DDD.L", "GBp", days(d1, d2), 510, 540)
	rates := fixedRates{to: "GBP", rate: map[string]float64{"GBp": 0.01}}
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 2000},
		{Date: d1, Kind: Buy, Symbol: "DDD.L", Quantity: 200, Price: 510},
	}
	res := build(t, txs, Config{Currency: "GBP", Series: market(l), Rates: rates})
	f := writeAndOpen(t, res)
	for _, tc := range []struct {
		sheet  string
		header string
		row    string // the first data row
	}{
		{"performance",
			"date,market_value,cash,value,deposits,withdrawals,net_contributions,pnl,daily_return,cumulative_return,drawdown,currency",
			// 2024-01-01 (serial 45292): 2000 − 200 × 510p = 980 cash, 1020 of shares
			"45292,1020,980,2000,2000,0,2000,0,0,0,0,GBP"},
		{"holdings",
			"date,symbol,quantity,close,value,cost_basis,unrealized_pnl,realized_pnl,dividends,commissions,quote_currency,currency",
			// close 510 in pence, value 200 × 510p = £1020
			"45292,DDD.L,200,510,1020,1020,0,0,0,0,GBp,GBP"},
	} {
		rows, err := f.GetRows(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 {
			t.Fatalf("%s: %d rows, want a header and 2 days", tc.sheet, len(rows))
		}
		if got := strings.Join(rows[0], ","); got != tc.header {
			t.Errorf("%s header\n%s, want\n%s", tc.sheet, got, tc.header)
		}
		if got := strings.Join(rows[1], ","); got != tc.row {
			t.Errorf("%s first row\n%s, want\n%s", tc.sheet, got, tc.row)
		}
	}
}

// writeAndOpen writes res as a workbook and opens it again, raw values.
func writeAndOpen(t *testing.T, res *portfolio.Result) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
