package report

import (
	"html"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/quotes"
)

// halfRates converts USD to GBP at 0.5 on every day.
type halfRates struct{}

func (halfRates) Rates(from, to string, dates []time.Time) ([]float64, error) {
	out := make([]float64, len(dates))
	for i := range out {
		out[i] = 0.5
	}
	return out, nil
}

// tradedPortfolio is a four-day GBP portfolio, 2 to 5 January 2024, that
// realizes gains and receives a dividend. A (in GBP) closes 10, 11, 12, 9;
// B (in USD, at £0.50 a dollar) closes 20, 20, 22, 22.
//
//	2 Jan: deposit 1,000 (currency left blank: GBP) and $500; buy 50 A at
//	       the close of 10 and 10 B at $20, both with a blank currency
//	3 Jan: sell 20 A at 11: realized 20 × (11 − 10) = £20
//	4 Jan: sell the 10 B at $22: realized 10 × $2 = $20 = £10; a £5
//	       dividend on A; a £1 fee labelled with the symbol B
//
// On 5 Jan it holds 30 A at 9 = £270 and cash of 1000 − 500 + 220 + 5 − 1
// = £724 and $500 − 200 + 220 = $520 = £260.
func tradedPortfolio(t *testing.T) *portfolio.Result {
	t.Helper()
	days := []int{2, 3, 4, 5}
	series := func(sym, ccy string, closes ...float64) *quotes.Series {
		s := &quotes.Series{Symbol: sym, Currency: ccy}
		for i, c := range closes {
			s.Dates = append(s.Dates, quotes.Date(2024, 1, days[i]))
			s.Close = append(s.Close, c)
		}
		return s
	}
	day := func(d int) time.Time { return quotes.Date(2024, 1, d) }
	txs := []portfolio.Transaction{
		{Date: day(2), Kind: portfolio.Deposit, Amount: 1000},
		{Date: day(2), Kind: portfolio.Deposit, Amount: 500, Currency: "USD"},
		{Date: day(2), Kind: portfolio.Buy, Symbol: "A", Quantity: 50},
		{Date: day(2), Kind: portfolio.Buy, Symbol: "B", Quantity: 10, Price: 20},
		{Date: day(3), Kind: portfolio.Sell, Symbol: "A", Quantity: 20, Price: 11},
		{Date: day(4), Kind: portfolio.Sell, Symbol: "B", Quantity: 10, Price: 22},
		{Date: day(4), Kind: portfolio.Dividend, Symbol: "A", Amount: 5},
		{Date: day(4), Kind: portfolio.Fee, Symbol: "B", Amount: 1},
	}
	res, err := portfolio.Build(txs, portfolio.Config{Currency: "GBP", Rates: halfRates{},
		Series: map[string]*quotes.Series{"A": series("A", "GBP", 10, 11, 12, 9), "B": series("B", "USD", 20, 20, 22, 22)}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// windowedInput is the report of tradedPortfolio from 3 January, as the
// command builds it for -from: the performance frame is the window, the
// holdings frame the whole history.
func windowedInput(t *testing.T) *Input {
	t.Helper()
	a, err := analysis.Run(tradedPortfolio(t), nil, analysis.Options{From: quotes.Date(2024, 1, 3)})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(a, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func TestNewInputHoldingsOnTheLastDayOfAWindow(t *testing.T) {
	in := windowedInput(t)
	type row struct {
		sym, ccy                               string
		qty, price, value, realized, dividends float64
	}
	// B, sold out, stays for its realized gain; the cash rows make the
	// weights those of the total value, 270 + 724 + 260 = 1254. Cash is
	// one row per currency (issue 18): £724, and $520 worth £260.
	want := []row{
		{"A", "GBP", 30, 9, 270, 20, 5},
		{"B", "USD", 0, 22, 0, 10, 0},
		{"Cash", "GBP", 724, math.NaN(), 724, 0, 0},
		{"Cash", "USD", 520, math.NaN(), 260, 0, 0},
	}
	if len(in.Holdings) != len(want) {
		t.Fatalf("holdings %+v, want %d rows", in.Holdings, len(want))
	}
	for i, w := range want {
		h := in.Holdings[i]
		if h.Symbol != w.sym || h.Currency != w.ccy || !near(h.Quantity, w.qty) || !(near(h.Price, w.price) || math.IsNaN(w.price) && math.IsNaN(h.Price)) ||
			!near(h.Value, w.value) || !near(h.Realized, w.realized) || !near(h.Dividends, w.dividends) {
			t.Errorf("holding %d = %+v, want %+v", i, h, w)
		}
	}
	if want := quotes.Date(2024, 1, 2); !in.HoldingsFrom.Equal(want) {
		t.Errorf("HoldingsFrom %v, want the first day %v", in.HoldingsFrom, want)
	}
	if len(in.ByHolding) != 2 || in.ByHolding[0].Name != "A" || !near(in.ByHolding[0].Value, 270) || in.ByHolding[1].Name != "Cash" {
		t.Errorf("by holding %+v, want A 270 and Cash 984", in.ByHolding)
	}
}

// tableRows returns the cells of each row of the table with the given id,
// tags stripped and entities decoded, the header row first.
func tableRows(t *testing.T, page, id string) [][]string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<table id="` + id + `">(.*?)</table>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no table %q", id)
	}
	cell := regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	tag := regexp.MustCompile(`<[^>]*>`)
	var rows [][]string
	for _, tr := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(m[1], -1) {
		var cells []string
		for _, c := range cell.FindAllStringSubmatch(tr[1], -1) {
			cells = append(cells, html.UnescapeString(tag.ReplaceAllString(c[1], "")))
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestHoldingsTableShowsRealizedAndDividends(t *testing.T) {
	page := render(t, windowedInput(t), Options{})
	got := tableRows(t, page, "holdings")
	want := [][]string{
		{"Symbol", "Currency", "Quantity", "Price", "Value (GBP)", "Cost (GBP)", "Unrealized P&L (GBP)", "Unrealized %", "Realized P&L (GBP)", "Dividends (GBP)", "Weight"},
		// 30 A at a cost of 10: unrealized 270 − 300 = −30, −10%; weight
		// 270 / 1254
		{"A", "GBP", "30", "9.00", "270.00", "300.00", "-30.00", "-10.00%", "+20.00", "5.00", "21.53%"},
		{"B", "USD", "", "22.00", "0.00", "0.00", "0.00", "–", "+10.00", "0.00", "0.00%"},
		// Cash has no cost basis: its exchange gains are in the P&L, not in
		// a row; the total cost and unrealized return are the positions'.
		// One row per currency (issue 18): £724 (724 / 1254), $520 worth
		// £260 (260 / 1254).
		{"Cash", "GBP", "724.00", "–", "724.00", "–", "–", "–", "0.00", "0.00", "57.74%"},
		{"Cash", "USD", "520.00", "–", "260.00", "–", "–", "–", "0.00", "0.00", "20.73%"},
		{"Total", "", "", "", "1,254.00", "300.00", "-30.00", "-10.00%", "+30.00", "5.00", "100.00%"},
	}
	if strings.Join(flatten(got), "|") != strings.Join(flatten(want), "|") {
		t.Errorf("holdings table\n%q, want\n%q", got, want)
	}
	// the realized P&L and dividends are to date, not since the window
	if !strings.Contains(page, "realized P&amp;L and dividends to date, counted since 2024-01-02.") {
		t.Error("the holdings table does not say its realized P&L and dividends count from the first day")
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, ","))
	}
	return out
}

func TestTransactionsShowTheCurrencyOfTheirAmounts(t *testing.T) {
	in := windowedInput(t)
	var got []string
	for _, r := range in.Transactions {
		got = append(got, r.Kind+" "+r.Symbol+" "+r.Currency)
	}
	// A blank currency is the quote currency of a trade's or dividend's
	// symbol and the reporting currency of a cash row, whose symbol is a
	// label only.
	want := []string{"DEPOSIT  GBP", "DEPOSIT  USD", "BUY A GBP", "BUY B USD", "SELL A GBP", "SELL B USD", "DIVIDEND A GBP", "FEE B GBP"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("transactions %q, want %q", got, want)
	}
	rows := tableRows(t, render(t, in, Options{}), "transactions")
	if len(rows) != 9 || strings.Join(rows[4], ",") != "2024-01-02,BUY,B,10,20.00,,,USD," {
		t.Errorf("transactions table %q: want B's buy at 20.00 USD in row 4", rows)
	}
}

func TestPeriodChangeShownOnlyWhenItDiffersFromPnL(t *testing.T) {
	card := regexp.MustCompile(`<div class="k">(Period change|Change since [0-9-]+)</div><div class="v[^"]*">([^<]*) <small>[A-Z]{3}</small></div>`)
	in := synthetic(3, 2)
	// The whole history: the period change is the profit / loss.
	if m := card.FindStringSubmatch(render(t, in, Options{})); m != nil {
		t.Errorf("a %q card repeats the profit / loss", m[0])
	}
	in.Summary.From = in.Dates[250]
	in.Summary.PeriodChange = 1234.5
	m := card.FindStringSubmatch(render(t, in, Options{}))
	if want := "Change since " + in.Dates[250].Format(time.DateOnly); m == nil || m[1] != want || m[2] != "&#43;1,234.50" {
		t.Errorf("period change card %q, want %q with +1,234.50", m, want)
	}
	// a windowed report from NewInput: its profit / loss is the window's
	if m := card.FindStringSubmatch(render(t, windowedInput(t), Options{})); m != nil {
		t.Errorf("a %q card repeats the windowed profit / loss", m[0])
	}
}

// TestNetContributionsSayWhatAWindowCounts: in a window the opening value
// is money paid in on its first day; the card says so, as the terminal
// summary does.
func TestNetContributionsSayWhatAWindowCounts(t *testing.T) {
	note := regexp.MustCompile(`<div class="k">Net contributions</div><div class="v">[^<]*<small>[A-Z]{3}</small></div><div class="why">the value on ([0-9-]+) counts as paid in that day</div>`)
	in := synthetic(3, 2)
	if m := note.FindStringSubmatch(render(t, in, Options{})); m != nil {
		t.Errorf("whole history: %q", m[0])
	}
	in.HoldingsFrom, in.Summary.From = in.Dates[0], in.Dates[250] // a window of a longer history
	if m := note.FindStringSubmatch(render(t, in, Options{})); m == nil || m[1] != in.Dates[250].Format(time.DateOnly) {
		t.Errorf("window from %s: net contributions card %q lacks the opening-value note", in.Dates[250].Format(time.DateOnly), m)
	}
}

// TestYTDSinceTheFirstDate: a year-to-date return of a history that began
// after 1 January runs from its first day, and its row says so.
func TestYTDSinceTheFirstDate(t *testing.T) {
	in := windowedInput(t) // from 2024-01-03
	var names []string
	for _, r := range in.Statistics.Rows {
		if strings.HasPrefix(r.Name, "Return YTD") {
			names = append(names, r.Name)
		}
	}
	if want := "Return YTD (since 2024-01-03)"; len(names) != 1 || names[0] != want {
		t.Errorf("YTD rows %q, want one named %q", names, want)
	}
}

// TestHoldingsAddUpToTheProfitAndLoss: what the holdings' columns do not
// explain is shown under the table, so that they add up to the P&L.
func TestHoldingsAddUpToTheProfitAndLoss(t *testing.T) {
	a, err := analysis.Run(tradedPortfolio(t), nil, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := NewInput(a, InputOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := in.Summary.PnL
	for _, h := range in.Holdings {
		if known(h.Cost) {
			want -= h.Unrealized
		}
		want -= h.Realized + h.Dividends
	}
	page := render(t, in, Options{})
	line := regexp.MustCompile(`Profit / loss outside the holdings \(fees, interest, taxes, exchange-rate changes on cash\): ([^ ]+) GBP\.`)
	m := line.FindStringSubmatch(page)
	if m == nil || m[1] != html.EscapeString(formatSignedMoney(want)) {
		t.Errorf("outside-the-holdings line %q, want %s", m, formatSignedMoney(want))
	}
	// In a window the P&L is the window's: nothing to add up.
	if line.MatchString(render(t, windowedInput(t), Options{})) {
		t.Error("a windowed report adds up holdings to date against the window's P&L")
	}
}
