package workbook

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestWriteGainsSheets: the capital gains go to a disposals and a
// tax_years sheet after the frames. 10 X at 55 + 5 (d2), 4 sold at 60 on
// d3 with fifo: proceeds 240, costs (550 + 5) × 4 / 10 = 222, gain 18.
func TestWriteGainsSheets(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d2, Kind: Buy, Symbol: "X", Quantity: 10, Price: 55, Commission: 5},
		{Date: d3, Kind: portfolio.Sell, Symbol: "X", Quantity: 4, Price: 60},
	}
	res := build(t, txs, Config{Currency: "USD", Series: market(x)})
	g, err := lots.Match(res.Transactions, lots.Options{Method: lots.FIFO, Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteGains(&buf, res, g); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 4 || got[2] != "disposals" || got[3] != "tax_years" {
		t.Fatalf("sheets %v, want [performance holdings disposals tax_years]", got)
	}
	disp, _ := f.GetRows("disposals")
	want := []string{"45294", "X", "4", "240", "222", "18", "0", "lot 2024-01-02 4", "USD"}
	if len(disp) != 2 || len(disp[1]) != len(want) {
		t.Fatalf("disposals rows %q", disp)
	}
	for i, w := range want {
		if disp[1][i] != w {
			t.Errorf("disposals column %s = %q, want %q", disp[0][i], disp[1][i], w)
		}
	}
	years, _ := f.GetRows("tax_years")
	if len(years) != 2 || years[1][1] != "2024" || years[1][2] != "1" || years[1][7] != "18" || years[1][8] != "" {
		t.Errorf("tax_years rows %q, want 2024: 1 disposal, net 18, no exempt amount", years)
	}
}
