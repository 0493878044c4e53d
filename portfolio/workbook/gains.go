package workbook

import (
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// writeGains adds the disposals and tax_years sheets of g (see
// WriteGains); a tax year's note (lots.TaxYear.Note) is its last column.
func writeGains(f *excelize.File, g *lots.Report, dateStyle, moneyStyle int) error {
	ds := g.Disposals
	disp := frameSheet{
		header: []string{"date", "symbol", "quantity", "proceeds", "costs", "gain", "wash_disallowed"},
		trail:  []string{"matched", "currency"},
		styles: []int{0, moneyStyle, moneyStyle, moneyStyle, moneyStyle},
	}
	disp.columns = make([][]float64, 5)
	for i, d := range ds {
		disp.rows = append(disp.rows, i)
		for c, v := range []float64{d.Quantity, d.Proceeds, d.Costs, d.Gain, d.WashDisallowed} {
			disp.columns[c] = append(disp.columns[c], v)
		}
	}
	if err := disp.write(f, "disposals", dateStyle, func(i int) (any, []any, []any) {
		return ds[i].Date, []any{ds[i].Symbol}, []any{ds[i].Matched(), g.Currency}
	}); err != nil {
		return err
	}
	ys := g.Years
	years := frameSheet{
		header: []string{"start", "tax_year", "disposals", "proceeds", "costs", "gains", "losses", "net", "exempt", "taxable",
			"short_term", "long_term", "wash_disallowed"},
		trail:   []string{"currency", "note"},
		columns: make([][]float64, 11),
	}
	years.styles = []int{0}
	for range 10 {
		years.styles = append(years.styles, moneyStyle)
	}
	for i, y := range ys {
		years.rows = append(years.rows, i)
		exempt, taxable := y.Exempt, y.Taxable
		if g.Method != lots.UK {
			exempt, taxable = math.NaN(), math.NaN()
		}
		for c, v := range []float64{float64(y.Disposals), y.Proceeds, y.Costs, y.Gains, y.Losses, y.Net, exempt, taxable,
			y.ShortTerm, y.LongTerm, y.WashDisallowed} {
			years.columns[c] = append(years.columns[c], v)
		}
	}
	return years.write(f, "tax_years", dateStyle, func(i int) (any, []any, []any) {
		return ys[i].Start, []any{ys[i].Label}, []any{g.Currency, ys[i].Note}
	})
}
