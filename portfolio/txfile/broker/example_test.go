package broker_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txfile/broker"
)

// A bank's export in German through a column mapping: decimal commas,
// day-first dates and the bank's words for the kinds.
func ExampleRead_mapping() {
	m, err := broker.ParseMapping(strings.NewReader(`{
  "columns": {"date": "Datum", "kind": "Art", "symbol": "Wert", "quantity": "Stück",
              "price": "Kurs", "commission": "Gebühr", "amount": "Betrag"},
  "date_format": "DD.MM.YYYY", "decimal": ",", "thousands": ".", "currency": "EUR",
  "kinds": {"BUY": ["Kauf"], "DEPOSIT": ["Einzahlung"]}}`), "depot.json")
	if err != nil {
		log.Fatal(err)
	}
	csv := "Datum,Art,Wert,Stück,Kurs,Gebühr,Betrag\n" +
		"02.01.2024,Einzahlung,,,,,\"1.000,50\"\n" +
		"03.01.2024,Kauf,ABC,3,\"100,25\",\"1,50\",\n"
	txs, err := broker.Read(strings.NewReader(csv), broker.Options{Name: "depot.csv", Mapping: m})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range txs {
		fmt.Println(t.Date.Format("2006-01-02"), t.Kind, t.Symbol, t.Quantity, t.Price, t.Commission, t.Amount, t.Currency, t.Account, t.Origin)
	}
	// Output:
	// 2024-01-02 DEPOSIT  0 0 0 1000.5 EUR depot depot.csv, row 2, action "Einzahlung"
	// 2024-01-03 BUY ABC 3 100.25 1.5 0 EUR depot depot.csv, row 3, action "Kauf"
}

// A file whose header is no known layout: the error names the header and
// the closest layouts.
func ExampleRead_unknownLayout() {
	_, err := broker.Read(strings.NewReader("Date,Action,Symbol,Quantity,Price,Amount\n"), broker.Options{Name: "x.csv"})
	fmt.Println(err)
	// Output:
	// 1 problem in transactions:
	// 	x.csv, row 1: "Date,Action,Symbol,Quantity,Price,Amount": the header of a known broker export; the closest known layouts are Charles Schwab transactions CSV (lacks "Fees & Comm") and cgt-calc raw CSV (lacks "fees", "currency")
}
