package txfile_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/portfolio/txn"
)

func ExampleReadCSV() {
	// The original notebook's layout: yyyymmdd dates, BUY/SELL in "tx", and
	// a cash amount without kind or symbol for a deposit.
	in := `date,tx,symbol,quantity,price,commission,cash
20160201,BUY,IBM,10,125.50,8.99,
20150105,,,,,,10000
20170703,sell,TSLA,10,320.40,30.01,
`
	txs, err := txfile.ReadCSV(strings.NewReader(in), txfile.Options{Name: "transactions.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, tx := range txs {
		fmt.Println(tx.Date.Format("2006-01-02"), tx.Kind, tx.Symbol, tx.Quantity, tx.Price, tx.Commission, tx.Amount, "from", tx.Origin)
	}
	// Output:
	// 2015-01-05 DEPOSIT  0 0 0 10000 from transactions.csv, row 3
	// 2016-02-01 BUY IBM 10 125.5 8.99 0 from transactions.csv, row 2
	// 2017-07-03 SELL TSLA 10 320.4 30.01 0 from transactions.csv, row 4
}

func ExampleReadCSV_problems() {
	in := `Date,Kind,Symbol,Quantity,Price
01/02/2016,BUY,IBM,10,125.50
2016-02-01,BUY,,-10,"12,5"
`
	_, err := txfile.ReadCSV(strings.NewReader(in), txfile.Options{Name: "t.csv"})
	var ve *txn.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("row %d, %s %q: want %s\n", p.Row, p.Column, p.Value, p.Expected)
		}
	}
	// Output:
	// row 2, Date "01/02/2016": want an unambiguous ISO date such as 2016-02-01 (is 01/02/2016 the 1st of February or the 2nd of January?)
	// row 3, Symbol "": want a symbol: BUY rows need one
	// row 3, Quantity "-10": want a number of shares greater than 0 (the kind gives the direction)
	// row 3, Price "12,5": want a number with '.' as the decimal separator, such as 12.5
}
