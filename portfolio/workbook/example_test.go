package workbook_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/portfolio/workbook"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// ExampleWrite writes a small portfolio's frames as a workbook (to a
// buffer here; an *os.File works the same) and lists its sheets.
func ExampleWrite() {
	const csv = `date,kind,symbol,quantity,price,amount,currency
1991-01-02,DEPOSIT,,,,5000,USD
1991-01-02,BUY,IBM,10,,,
`
	txs, err := txfile.ReadCSV(strings.NewReader(csv), txfile.Options{Name: "example.csv"})
	if err != nil {
		log.Fatal(err)
	}
	series, err := portfolio.Fetch(context.Background(), sample.Market(), txs, quotes.Date(1991, 1, 31))
	if err != nil {
		log.Fatal(err)
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "USD", Series: series})
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, res); err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	head, err := f.GetRows("performance")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.GetSheetList(), len(head)-1 == res.Performance.Len())
	// Output: [performance holdings] true
}
