package portfolio

import (
	"bytes"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/quotes"
	"github.com/xuri/excelize/v2"
)

// TestReferenceLayoutEndToEnd writes a sheet in the original notebook's
// layout (integer yyyymmdd dates, tx, cash), reads it and builds the
// portfolio in GBP, checking the figures against a hand computation.
func TestReferenceLayoutEndToEnd(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"date", "tx", "symbol", "quantity", "price", "commission", "cash"},
		{20160201, "BUY", "IBM", 10, 125.50, 8.99, nil},
		{20160906, "BUY", "MSFT", 15, 57.12, 12.34, nil},
		{20150908, "BUY", "TSLA", 20, 247.65, 61.95, nil},
		{20170703, "SELL", "TSLA", 10, 320.40, 30.01, nil},
		{20150105, nil, nil, nil, nil, nil, 10000},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetSheetName("Sheet1", "A"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	txs, err := txfile.ReadExcel(&buf, txfile.Options{Name: "transactions.xlsx", Sheet: "A"})
	if err != nil {
		t.Fatal(err)
	}

	dates := []time.Time{quotes.Date(2015, 1, 5), quotes.Date(2015, 9, 8), quotes.Date(2016, 2, 1),
		quotes.Date(2016, 9, 6), quotes.Date(2017, 7, 3), quotes.Date(2017, 7, 5)}
	usd := func(sym string, closes ...float64) *quotes.Series {
		return &quotes.Series{Symbol: sym, Currency: "USD", Dates: dates, Close: closes}
	}
	mkt := market(
		usd("TSLA", 210, 250, 190, 200, 352, 327),
		usd("IBM", 150, 145, 124, 159, 154, 153),
		usd("MSFT", 46, 43, 54, 57.6, 68, 69),
	)
	// USD→GBP 0.65 until the referendum, 0.77 after.
	rates := fakeRates{to: "GBP", rates: map[string]map[time.Time]float64{
		"USD": {dates[0]: 0.65, quotes.Date(2016, 6, 24): 0.77},
	}}
	res := build(t, txs, Config{Currency: "GBP", Series: mkt, Rates: rates})
	h, p := res.Holdings, res.Performance
	last := len(dates) - 1

	// The 10000 deposit has no currency: the reporting currency, GBP.
	near(t, "NetContributions", p.NetContributions[last], 10000)
	// TSLA: bought 20 × 247.65 + 61.95 = 5014.95 USD × 0.65 = 3259.7175 GBP;
	// sold 10 × 320.40 − 30.01 = 3173.99 USD × 0.77 = 2443.9723 GBP;
	// average cost 3259.7175/20 × 10 = 1629.85875; realized 814.11355.
	tsla := h.Row(2, last) // symbols sorted: IBM, MSFT, TSLA
	if h.Symbols[2] != "TSLA" {
		t.Fatalf("symbols %v", h.Symbols)
	}
	near(t, "TSLA realized", h.Realized()[tsla], 2443.9723-1629.85875)
	near(t, "TSLA cost", h.CostBasis()[tsla], 1629.85875)
	near(t, "TSLA quantity", h.Quantity()[tsla], 10)
	// IBM cost 1263.99 USD × 0.65; MSFT cost 869.14 USD × 0.77.
	near(t, "IBM cost", h.CostBasis()[h.Row(0, last)], 1263.99*0.65)
	near(t, "MSFT cost", h.CostBasis()[h.Row(1, last)], 869.14*0.77)
	// Last day: USD cash −5014.95 − 1263.99 − 869.14 + 3173.99 = −3974.09;
	// holdings 10 × 327 + 10 × 153 + 15 × 69 = 5835 USD; at 0.77:
	// 10000 − 3060.0493 + 4492.95 = 11432.9007 GBP.
	near(t, "USD cash", res.Cash["USD"][last], -3974.09)
	near(t, "MarketValue", p.MarketValue[last], 5835*0.77)
	near(t, "Value", p.Value[last], 11432.9007)
	near(t, "PnL", p.PnL[last], 1432.9007)
	// Commissions to date, each at its day's rate: TSLA 61.95 × 0.65 + 30.01 × 0.77.
	near(t, "TSLA commissions", h.Commissions()[tsla], 61.95*0.65+30.01*0.77)
}
