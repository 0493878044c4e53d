package report

import (
	"html/template"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// gainsPage renders tradedPortfolio's report with its trades matched by m.
func gainsPage(t *testing.T, m lots.Method) (*Input, string) {
	t.Helper()
	a, err := analysis.Run(tradedPortfolio(t), nil, analysis.Options{Lots: m})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(a, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return in, render(t, in, Options{})
}

// TestCapitalGainsSection: tradedPortfolio sells 20 A bought at £10 for
// £11 on 3 January 2024 (proceeds 220, cost 200, gain 20) and 10 B bought
// at $20 for $22 on 4 January at £0.50 a dollar (proceeds 110, cost 100,
// gain 10): calendar year 2024 has 2 disposals, proceeds 330, costs 300,
// gains 30, no losses, net +30 (the holdings table's realized P&L).
func TestCapitalGainsSection(t *testing.T) {
	_, page := gainsPage(t, lots.Average)
	if !strings.Contains(page, "<h2>Capital gains</h2>") || !strings.Contains(page, "matched by the average method; in GBP") {
		t.Fatal("no capital gains section naming the method and currency")
	}
	years := [][]string{
		{"Tax year", "Disposals", "Proceeds", "Costs", "Gains", "Losses", "Net"},
		{"2024", "2", "330.00", "300.00", "30.00", "0.00", "+30.00"},
	}
	if got := tableRows(t, page, "gains-years"); strings.Join(flatten(got), "|") != strings.Join(flatten(years), "|") {
		t.Errorf("tax years\n%q, want\n%q", got, years)
	}
	disposals := [][]string{
		{"Date", "Symbol", "Quantity", "Proceeds", "Costs", "Gain", "Matched"},
		{"2024-01-03", "A", "20", "220.00", "200.00", "+20.00", "average 20"},
		{"2024-01-04", "B", "10", "110.00", "100.00", "+10.00", "average 10"},
	}
	if got := tableRows(t, page, "disposals"); strings.Join(flatten(got), "|") != strings.Join(flatten(disposals), "|") {
		t.Errorf("disposals\n%q, want\n%q", got, disposals)
	}
}

// TestCapitalGainsSectionUK: with the uk method the year is 2023/24 (6
// April 2023 to 5 April 2024), whose annual exempt amount is £6,000, so
// nothing of the net £30 is taxable: max(0, 30 − 6000) = 0. The shares
// were bought the day before each sale: the Section 104 pool.
func TestCapitalGainsSectionUK(t *testing.T) {
	_, page := gainsPage(t, lots.UK)
	years := [][]string{
		{"Tax year", "Disposals", "Proceeds", "Costs", "Gains", "Losses", "Net", "Exempt", "Taxable"},
		{"2023/24", "2", "330.00", "300.00", "30.00", "0.00", "+30.00", "6,000.00", "0.00"},
	}
	if got := tableRows(t, page, "gains-years"); strings.Join(flatten(got), "|") != strings.Join(flatten(years), "|") {
		t.Errorf("tax years\n%q, want\n%q", got, years)
	}
	if got := tableRows(t, page, "disposals"); len(got) != 3 || got[1][6] != "S104 pool 20" || got[2][6] != "S104 pool 10" {
		t.Errorf("disposals %q: want the S104 pool matched", got)
	}
}

// TestCapitalGainsSectionOnlyWithDisposals: a portfolio that never sold
// has no section, and the section's text is escaped.
func TestCapitalGainsSectionOnlyWithDisposals(t *testing.T) {
	in := synthetic(3, 2)
	if page := render(t, in, Options{}); strings.Contains(page, "capital-gains") {
		t.Error("a capital gains section without disposals")
	}
	if gainsSection(&lots.Report{Method: lots.FIFO}) != nil {
		t.Error("gainsSection of a report without disposals is not nil")
	}
	in, _ = gainsPage(t, lots.Average)
	evil := `<script>alert("pwn")</script>`
	in.Gains.Disposals[0].Symbol = evil
	in.Gains.Disposals[0].Matched = evil
	page := render(t, in, Options{})
	if strings.Contains(page, evil) || !strings.Contains(page, "&lt;script&gt;alert(&#34;pwn&#34;)&lt;/script&gt;") {
		t.Error("the disposals table does not escape its text")
	}
}

// TestCapitalGainsSectionNoteBefore2008: a UK tax year before 2008/09
// carries its note (lots.NoteBefore2008) under the table; later years
// none. The note is escaped text.
func TestCapitalGainsSectionNoteBefore2008(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	rep, err := lots.Match([]txn.Transaction{
		{Date: day(2001, 5, 1), Kind: txn.Buy, Symbol: "X", Quantity: 100, Price: 10},
		{Date: day(2005, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 10, Price: 20},
		{Date: day(2010, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 10, Price: 20},
	}, lots.Options{Method: lots.UK, Currency: "GBP"})
	if err != nil {
		t.Fatal(err)
	}
	in := synthetic(3, 2)
	in.Gains = gainsSection(rep)
	page := render(t, in, Options{})
	want := `<p class="sub gains-note">2005/06: ` + template.HTMLEscapeString(lots.NoteBefore2008) + `</p>`
	if !strings.Contains(page, want) {
		t.Errorf("no note %q in the capital gains section", want)
	}
	if strings.Contains(page, "2010/11: ") {
		t.Error("a note for 2010/11")
	}
}

// TestYearNotesOnce: 2005/06 and 2006/07 are both before 2008/09 and carry
// the same note (lots.NoteBefore2008): the section writes it once, after
// both years' labels; 2010/11 has none.
func TestYearNotesOnce(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	rep, err := lots.Match([]txn.Transaction{
		{Date: day(2001, 5, 1), Kind: txn.Buy, Symbol: "X", Quantity: 100, Price: 10},
		{Date: day(2005, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 10, Price: 20},
		{Date: day(2006, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 10, Price: 20},
		{Date: day(2010, 6, 1), Kind: txn.Sell, Symbol: "X", Quantity: 10, Price: 20},
	}, lots.Options{Method: lots.UK, Currency: "GBP"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2005/06, 2006/07: " + lots.NoteBefore2008}
	if got := YearNotes(rep.Years); !slices.Equal(got, want) {
		t.Errorf("YearNotes %q, want %q", got, want)
	}
	in := synthetic(3, 2)
	in.Gains = gainsSection(rep)
	page := render(t, in, Options{})
	if n := strings.Count(page, template.HTMLEscapeString(lots.NoteBefore2008)); n != 1 {
		t.Errorf("the note %d times in the page, want once", n)
	}
	if !strings.Contains(page, `<p class="sub gains-note">2005/06, 2006/07: `) {
		t.Error("the note does not name 2005/06 and 2006/07")
	}
}
