package workbook

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestWriteGainsNoteBefore2008: the tax_years sheet's last column, note,
// carries a UK year's note (lots.NoteBefore2008 for 2005/06) and is
// blank for 2010/11.
func TestWriteGainsNoteBefore2008(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3), 50, 55, 60)
	res := build(t, []Transaction{{Date: d1, Kind: Deposit, Amount: 1000}}, Config{Currency: "USD", Series: market(x)})
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	g, err := lots.Match([]Transaction{
		{Date: day(2001, 5, 1), Kind: Buy, Symbol: "X", Quantity: 100, Price: 10},
		{Date: day(2005, 6, 1), Kind: portfolio.Sell, Symbol: "X", Quantity: 10, Price: 20},
		{Date: day(2010, 6, 1), Kind: portfolio.Sell, Symbol: "X", Quantity: 10, Price: 20},
	}, lots.Options{Method: lots.UK, Currency: "GBP"})
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
	years, _ := f.GetRows("tax_years")
	if len(years) != 3 || years[0][len(years[0])-1] != "note" {
		t.Fatalf("tax_years rows %q, want a note column and two years", years)
	}
	last := len(years[0]) - 1
	if years[1][1] != "2005/06" || len(years[1]) <= last || years[1][last] != lots.NoteBefore2008 {
		t.Errorf("2005/06 row %q, want its note last", years[1])
	}
	if years[2][1] != "2010/11" || len(years[2]) > last && years[2][last] != "" {
		t.Errorf("2010/11 row %q, want no note", years[2])
	}
}
