package notebook

import (
	"errors"
	"fmt"
	"html"
	"strconv"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/report"
)

// Gains shows a capital gains report (Result.Gains, lots.Match), as the
// report's section does: each tax year's disposals, proceeds, costs, gains,
// losses and net gain (with the UK annual exempt amount and the taxable
// gain for the UK method), then every disposal and the shares it was
// matched with, in the reporting currency. A year whose figures carry a
// note (lots.TaxYear.Note: a UK year before 2008/09) is marked with a *,
// and each note is written once under the table, with the years it is of.
func Gains(rep *lots.Report) error { return gonb.Gains(rep) }

// Gains is the package-level Gains on d.
func (d *Display) Gains(rep *lots.Report) error {
	if rep == nil {
		return errors.New("notebook: gains: no report (Result.Gains)")
	}
	if len(rep.Disposals) == 0 {
		msg := "No disposal: nothing was sold, so no gain was realized."
		return d.HTML("<p>"+html.EscapeString(msg)+"</p>", msg+"\n")
	}
	years, notes := gainsYears(rep), report.YearNotes(rep.Years)
	disposals := &table{header: []string{"Date", "Symbol", "Quantity", "Proceeds " + rep.Currency, "Costs " + rep.Currency, "Gain " + rep.Currency, "Matched"}}
	for _, x := range rep.Disposals {
		disposals.rows = append(disposals.rows, tableRow{name: day(x.Date), cells: []cell{{text: x.Symbol, left: true}, {text: quantity(x.Quantity)},
			{text: money(x.Proceeds)}, {text: money(x.Costs)}, {text: signedMoney(x.Gain)}, {text: x.Matched(), left: true}}})
	}
	head := fmt.Sprintf("Realized gains by the %s method, in %s, allowable costs with commissions.", rep.Method, rep.Currency)
	h, txt := "<p>"+html.EscapeString(head)+"</p>"+years.html(), head+"\n\n"+years.text()
	for _, n := range notes {
		h += "<p><small>* " + html.EscapeString(n) + "</small></p>"
		txt += "* " + n + "\n"
	}
	h += "<h4>Disposals</h4>" + disposals.html()
	txt += "\nDisposals\n" + disposals.text()
	return d.HTML(h, txt)
}

// gainsYears lays rep's tax years out, a year with a note marked *.
func gainsYears(rep *lots.Report) *table {
	cur := rep.Currency
	t := &table{header: []string{"Tax year", "Disposals", "Proceeds " + cur, "Costs " + cur, "Gains " + cur, "Losses " + cur, "Net " + cur}}
	uk := rep.Method == lots.UK
	if uk {
		t.header = append(t.header, "Exempt "+cur, "Taxable "+cur)
	}
	for _, y := range rep.Years {
		name := y.Label
		if y.Note != "" {
			name += " *"
		}
		cells := []cell{{text: strconv.Itoa(y.Disposals)}, {text: money(y.Proceeds)}, {text: money(y.Costs)},
			{text: money(y.Gains)}, {text: money(y.Losses)}, {text: signedMoney(y.Net)}}
		if uk {
			cells = append(cells, cell{text: money(y.Exempt)}, cell{text: money(y.Taxable)})
		}
		t.rows = append(t.rows, tableRow{name: name, cells: cells})
	}
	return t
}
