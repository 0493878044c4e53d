package report

import (
	"strings"
	"testing"
)

// TestHoldingReturnsSection: tradedPortfolio from 3 January (worth 1300:
// A 330, B 100, cash 870) to 5 January (1254): TWR 1254/1300 − 1 =
// −46/1300 = −3.54 %. B is sold on the 4th for 110 (base 100): +10 %, and
// contributes 10/1300 = +0.77 %; A gains 360 + 5 (dividend) − 330 = 35 on
// the 4th and loses 90 on the 5th: TWR 365/330 × 270/360 − 1 = −17.05 %,
// MWR 330 in, 5 out, 270 left (330 g² − 5 g − 270 = 0, g = 0.91211...,
// g² − 1 = −16.80 %), contribution (35 − 90)/1300 = −4.23 %; the cash pays
// the £1 fee: −1/1300 = −0.08 %. By quote currency: USD (B) +0.77 %, GBP
// (A) −4.23 %, Cash −0.08 %.
func TestHoldingReturnsSection(t *testing.T) {
	in := windowedInput(t)
	page := render(t, in, Options{})
	want := [][]string{
		{"Symbol", "TWR", "MWR", "Contribution", "Start value", "Bought", "Sold", "Dividends", "End value"},
		{"B", "+10.00%", "+10.00%", "+0.77%", "100.00", "0.00", "110.00", "0.00", "0.00"},
		{"A", "-17.05%", "-16.80%", "-4.23%", "330.00", "0.00", "0.00", "5.00", "270.00"},
		{"Cash", "", "", "-0.08%", "870.00", "", "", "", "984.00"},
		{"Portfolio", "-3.54%", "", "-3.54%", ""},
	}
	if got := tableRows(t, page, "holding-returns-table"); strings.Join(flatten(got), "|") != strings.Join(flatten(want), "|") {
		t.Errorf("returns per holding\n%q, want\n%q", got, want)
	}
	groups := [][]string{
		{"Group", "Contribution", "Holdings"},
		{"USD", "+0.77%", "B"},
		{"GBP", "-4.23%", "A"},
		{"Cash", "-0.08%", "Cash"},
	}
	if got := tableRows(t, page, "group-contribution"); strings.Join(flatten(got), "|") != strings.Join(flatten(groups), "|") {
		t.Errorf("contribution by group\n%q, want\n%q", got, groups)
	}
	if !strings.Contains(page, "Contribution by quote currency") {
		t.Error("the page does not say the groups are by quote currency")
	}
}
