package report

import (
	"math"
	"strings"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// Gains is the capital gains section: the realized gains per tax year and
// the disposals, in the reporting currency. The report shows it only when
// there are disposals.
type Gains struct {
	// Method is the lots method the trades were matched by ("average",
	// "fifo", "uk", ...).
	Method string
	// Exempt says the years carry the UK annual exempt amount and the
	// taxable gain (the uk method): the table shows those columns.
	Exempt bool
	// Scope says, for a report of some accounts, that the gains are every
	// account's (GainsScope); "" otherwise.
	Scope string
	Years []GainsYearRow
	// Notes are the years' notes, each once with the years it is of
	// (YearNotes), shown under the table.
	Notes     []string
	Disposals []DisposalRow
}

// GainsYearRow sums one tax year's disposals (lots.TaxYear): Net = Gains −
// Losses, Taxable = max(0, Net − Exempt); Exempt and Taxable are NaN when
// not known (not the uk method, or a year HMRC's table lacks).
type GainsYearRow struct {
	Label                               string // "2022/23" (UK) or "2022"
	Disposals                           int
	Proceeds, Costs, Gains, Losses, Net float64
	Exempt, Taxable                     float64
	// Note says what the year's figures are not (lots.TaxYear.Note: a UK
	// year before 2008/09), shown under the table (Gains.Notes); "" for
	// none.
	Note string
}

// DisposalRow is one line of the disposals table (lots.Disposal): Gain =
// Proceeds − Costs (+ any wash-sale loss disallowed), negative for a loss;
// Matched says which rule or lots the shares sold were matched with.
type DisposalRow struct {
	Date     time.Time
	Symbol   string
	Quantity float64
	Proceeds float64
	Costs    float64
	Gain     float64
	Matched  string
}

// gainsSection lays rep out as the section, nil without disposals.
func gainsSection(rep *lots.Report) *Gains {
	if rep == nil || len(rep.Disposals) == 0 {
		return nil
	}
	g := &Gains{Method: rep.Method.String(), Exempt: rep.Method == lots.UK}
	for _, y := range rep.Years {
		row := GainsYearRow{
			Label: y.Label, Disposals: y.Disposals, Proceeds: y.Proceeds, Costs: y.Costs,
			Gains: y.Gains, Losses: y.Losses, Net: y.Net, Exempt: math.NaN(), Taxable: math.NaN(), Note: y.Note,
		}
		if g.Exempt {
			row.Exempt, row.Taxable = y.Exempt, y.Taxable
		}
		g.Years = append(g.Years, row)
	}
	g.Notes = YearNotes(rep.Years)
	for _, d := range rep.Disposals {
		g.Disposals = append(g.Disposals, DisposalRow{
			Date: d.Date, Symbol: d.Symbol, Quantity: d.Quantity, Proceeds: d.Proceeds,
			Costs: d.Costs, Gain: d.Gain, Matched: d.Matched(),
		})
	}
	return g
}

// YearNotes is each distinct note of years (lots.TaxYear.Note) once, after
// the labels of the years it is of, in the years' order: "1992/93,
// 1994/95: before 6 April 2008: …". Every UK year before 2008/09 has the
// same note, which written under each year would repeat a long line.
func YearNotes(years []lots.TaxYear) []string {
	var notes []string
	of := map[string][]string{}
	for _, y := range years {
		if y.Note == "" {
			continue
		}
		if _, seen := of[y.Note]; !seen {
			notes = append(notes, y.Note)
		}
		of[y.Note] = append(of[y.Note], y.Label)
	}
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = strings.Join(of[n], ", ") + ": " + n
	}
	return out
}
