package portfolio

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteExcelRoundTrip(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	y := testSeries("Y", "USD", days(d1, d2, d3), 10, 10, 10)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 55, Commission: 5},
		{Date: d1, Kind: Buy, Symbol: "Y", Quantity: 1, Price: 10},
	}
	res := build(t, txs, Config{Currency: "USD", Series: market(x, y)})
	var buf bytes.Buffer
	if err := res.WriteExcel(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
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
