package lots_test

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestUSWashSalePub550Example1: IRS Publication 550, Wash Sales, Example
// 1: 100 shares bought for $1,000, sold for $750, and within 30 days 100
// bought for $800: the $250 loss is disallowed and the new shares' basis
// is $800 + $250 = $1,050.
func TestUSWashSalePub550Example1(t *testing.T) {
	rep := match(t, lots.US, buy(day(2023, 1, 3), 100, 10, 0), sell(day(2023, 6, 1), 100, 7.5, 0), buy(day(2023, 6, 20), 100, 8, 0))
	d := rep.Disposals[0]
	near(t, "WashDisallowed", d.WashDisallowed, 250)
	near(t, "Gain", d.Gain, 0)
	open := rep.Open["X"]
	if len(open) != 1 {
		t.Fatalf("open lots %+v, want one", open)
	}
	near(t, "replacement basis", open[0].Cost, 1050)
	// The holding period carries over: the old shares were held from 3
	// January to 1 June (149 days), so the new ones' starts 149 days
	// before 20 June: 22 January.
	if want := day(2023, 1, 22); !open[0].Date.Equal(want) {
		t.Errorf("holding period starts %v, want %v", open[0].Date, want)
	}
}

// TestUSWashSalePub550Example2: a hand case on Example 1's figures with
// fewer shares bought back (labelled "Example 2" when written; no such
// example of Publication 550 was found to check it against, see
// irs_examples_test.go for those that were): 100 shares bought for
// $1,000, sold for $750, and 75 bought within 30 days for $600: the loss
// on 75 shares, 75 × $2.50 = $187.50, is disallowed, the $62.50 on the
// other 25 deductible; the 75 new shares' basis is $600 + $187.50 =
// $787.50.
func TestUSWashSalePub550Example2(t *testing.T) {
	rep := match(t, lots.US, buy(day(2023, 1, 3), 100, 10, 0), sell(day(2023, 6, 1), 100, 7.5, 0), buy(day(2023, 6, 20), 75, 8, 0))
	d := rep.Disposals[0]
	near(t, "WashDisallowed", d.WashDisallowed, 187.5)
	near(t, "Gain", d.Gain, -62.5)
	near(t, "replacement basis", rep.Open["X"][0].Cost, 787.5)
	near(t, "year losses", rep.Years[0].Losses, 62.5)
	near(t, "year wash disallowed", rep.Years[0].WashDisallowed, 187.5)
}

// TestUSReplacementBoughtBefore: shares bought in the 30 days before the
// sale, and still held after it, are replacement shares too. 100 at 10
// (1 March), 100 more at 6 (20 May), 100 sold FIFO at 7 on 1 June: a
// loss of 300 on the 1 March lot, disallowed on the 100 of 20 May (basis
// 600 + 300 = 900). Selling those at 9 on 1 December: 900 − 900 = 0.
// Their holding period starts 20 May − (1 June − 1 March = 92 days) =
// 17 February 2023: short term.
func TestUSReplacementBoughtBefore(t *testing.T) {
	rep := match(t, lots.US, buy(day(2023, 3, 1), 100, 10, 0), buy(day(2023, 5, 20), 100, 6, 0),
		sell(day(2023, 6, 1), 100, 7, 0), sell(day(2023, 12, 1), 100, 9, 0))
	near(t, "first sale gain", rep.Disposals[0].Gain, 0)
	near(t, "first sale disallowed", rep.Disposals[0].WashDisallowed, 300)
	near(t, "second sale gain", rep.Disposals[1].Gain, 0)
	if p := rep.Disposals[1].Parts[0]; !p.Acquired.Equal(day(2023, 2, 17)) || p.LongTerm {
		t.Errorf("part %+v, want acquired 2023-02-17, short term", p)
	}
}

// TestUSShortAndLongTerm: a sale of two lots, one held more than a year:
// 10 at 10 (2 January 2022), 10 at 20 (1 June 2023), 20 sold at 25 on 1
// September 2023. Long term: 250 − 100 = 150; short term: 250 − 200 = 50.
func TestUSShortAndLongTerm(t *testing.T) {
	rep := match(t, lots.US, buy(day(2022, 1, 2), 10, 10, 0), buy(day(2023, 6, 1), 10, 20, 0), sell(day(2023, 9, 1), 20, 25, 0))
	y := rep.Years[0]
	if y.Label != "2023" {
		t.Errorf("year %q, want 2023", y.Label)
	}
	near(t, "LongTerm", y.LongTerm, 150)
	near(t, "ShortTerm", y.ShortTerm, 50)
}

// TestUSNamedLot: with the US method a SELL row may name its lot (specific
// identification), else FIFO: 10 at 10 (row 2), 10 at 20 (row 3); 5 sold
// at 25 naming row 3: cost 100, gain 25; then 5 more, FIFO: cost 50.
func TestUSNamedLot(t *testing.T) {
	b1, b2 := buy(day(2023, 1, 3), 10, 10, 0), buy(day(2023, 2, 1), 10, 20, 0)
	b1.Origin.Row, b2.Origin.Row = 2, 3
	s1, s2 := sell(day(2023, 3, 1), 5, 25, 0), sell(day(2023, 3, 2), 5, 25, 0)
	s1.Lot = "row 3"
	rep := match(t, lots.US, b1, b2, s1, s2)
	near(t, "named", rep.Disposals[0].Costs, 100)
	near(t, "fifo", rep.Disposals[1].Costs, 50)
}

// TestUSWashSaleOnTheLotAtALoss: a sale of two lots, one at a gain held
// more than a year, one at a loss held less, replaced within 30 days: the
// loss is disallowed on its own lot, not netted with the other's gain
// (Publication 550, "Loss and gain on same day"). 100 at 10 (3 January
// 2022) and 100 at 30 (1 May 2023), the 200 sold at 20 on 1 September
// 2023, 100 bought back at 20 on 15 September. Long term: 2,000 − 1,000 =
// 1,000; short term: 2,000 − 3,000 = −1,000, disallowed (100 replaced):
// 0. The sale's gain is 1,000, with 1,000 disallowed.
func TestUSWashSaleOnTheLotAtALoss(t *testing.T) {
	rep := match(t, lots.US, buy(day(2022, 1, 3), 100, 10, 0), buy(day(2023, 5, 1), 100, 30, 0),
		sell(day(2023, 9, 1), 200, 20, 0), buy(day(2023, 9, 15), 100, 20, 0))
	d := rep.Disposals[0]
	near(t, "disallowed", d.WashDisallowed, 1000)
	near(t, "gain", d.Gain, 1000)
	y := rep.Years[0]
	near(t, "long term", y.LongTerm, 1000)
	near(t, "short term", y.ShortTerm, 0)
}
