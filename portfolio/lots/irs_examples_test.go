package lots_test

import (
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// IRS Publication 550, "Wash Sales", run through the us method. The
// publication's text was not at hand: the examples and their figures are
// as transcribed (dates of the 2025 edition) in elmarfarajov/
// meridian-investment-platform (src/meridian/devtools/tax_reference.py),
// and every figure is worked by hand in each comment. The IRS states
// cents, so they are compared to 1e-9 (near).

// openLots are the open lots of X bought on day bought (a wash-sale
// replacement is cut in two: the part carrying the disallowed loss, with
// its holding period moved back, and the rest).
func openLots(rep *lots.Report, bought time.Time) []lots.Lot {
	var out []lots.Lot
	for _, l := range rep.Open["X"] {
		if l.Origin.Row == int(bought.Unix()/86400) {
			out = append(out, l)
		}
	}
	return out
}

// dated are buys whose Origin.Row is their day, so that openLots finds
// them after a wash sale moved their holding period.
func dated(txs ...txn.Transaction) []txn.Transaction {
	for i := range txs {
		txs[i].Origin.Row = int(txs[i].Date.Unix() / 86400)
	}
	return txs
}

func basis(ls []lots.Lot) float64 {
	c := 0.0
	for _, l := range ls {
		c += l.Cost
	}
	return c
}

// TestIRSPub550BoughtBeforeTheSale: "More or less stock bought than
// sold", Example 1. 100 shares bought for $5,000 (20 September 2024), 50
// for $2,750 (13 December), 25 for $1,125 (20 December); the 100 of
// September sold for $4,000 on 3 January 2025: a loss of $1,000. The 75
// bought in the 30 days before replace 75 of them: $750 disallowed, the
// $250 on the other 25 deductible. The December 13 shares' basis grows by
// 50/75 of $750: $2,750 + $500 = $3,250; the December 20 shares' by the
// rest: $1,125 + $250 = $1,375.
func TestIRSPub550BoughtBeforeTheSale(t *testing.T) {
	rep := match(t, lots.US, dated(totalBuy(day(2024, 9, 20), 100, 5000), totalBuy(day(2024, 12, 13), 50, 2750),
		totalBuy(day(2024, 12, 20), 25, 1125), totalSell(day(2025, 1, 3), 100, 4000))...)
	d := rep.Disposals[0]
	near(t, "disallowed", d.WashDisallowed, 750)
	near(t, "deductible loss", d.Gain, -250)
	near(t, "13 December basis", basis(openLots(rep, day(2024, 12, 13))), 3250)
	near(t, "20 December basis", basis(openLots(rep, day(2024, 12, 20))), 1375)
}

// TestIRSPub550ReplacementsInOrder: "More or less stock bought than
// sold", Example 2. 100 shares bought for $2,000 (16 September 2024), sold
// for $1,000 on 29 January 2025 (a loss of $1,000); 50 bought for $500 on
// each of 3, 4, 5 and 6 February. The replacements are taken in the order
// bought: the loss is disallowed, half ($500) added to the basis of the
// 50 of 3 February ($1,000), half to those of 4 February ($1,000); those
// of 5 and 6 February keep $500.
func TestIRSPub550ReplacementsInOrder(t *testing.T) {
	rep := match(t, lots.US, dated(totalBuy(day(2024, 9, 16), 100, 2000), totalSell(day(2025, 1, 29), 100, 1000),
		totalBuy(day(2025, 2, 3), 50, 500), totalBuy(day(2025, 2, 4), 50, 500),
		totalBuy(day(2025, 2, 5), 50, 500), totalBuy(day(2025, 2, 6), 50, 500))...)
	near(t, "disallowed", rep.Disposals[0].WashDisallowed, 1000)
	near(t, "gain", rep.Disposals[0].Gain, 0)
	for _, c := range []struct {
		d     time.Time
		basis float64
	}{{day(2025, 2, 3), 1000}, {day(2025, 2, 4), 1000}, {day(2025, 2, 5), 500}, {day(2025, 2, 6), 500}} {
		near(t, c.d.Format(time.DateOnly)+" basis", basis(openLots(rep, c.d)), c.basis)
	}
}

// TestIRSPub550LossAndGainOnSameDay: "Loss and gain on same day": a loss
// on one block sold cannot reduce the gains on identical blocks sold the
// same day. 100 shares bought at $158 (1 March 2019), 100 at $100 (3
// June), 100 at $95 (3 September); the 300 sold at $125 on 27 December
// 2024; 250 bought back on 10 January 2025. The first block's loss,
// 100 × (158 − 125) = $3,300, is disallowed; the gains of 100 × 25 =
// $2,500 and 100 × 30 = $3,000 stand: the sale's gain is $5,500. The
// $3,300 goes to 100 of the 250 replacement shares (basis 100 × 125 +
// 3,300 = $15,800); the other 150 keep $18,750.
func TestIRSPub550LossAndGainOnSameDay(t *testing.T) {
	rep := match(t, lots.US, dated(buy(day(2019, 3, 1), 100, 158, 0), buy(day(2019, 6, 3), 100, 100, 0),
		buy(day(2019, 9, 3), 100, 95, 0), sell(day(2024, 12, 27), 300, 125, 0), buy(day(2025, 1, 10), 250, 125, 0))...)
	d := rep.Disposals[0]
	near(t, "disallowed", d.WashDisallowed, 3300)
	near(t, "gain", d.Gain, 5500)
	if len(rep.Years) != 1 || rep.Years[0].Losses != 0 {
		t.Errorf("years %+v, want 2024 with no loss", rep.Years)
	}
	ls := openLots(rep, day(2025, 1, 10))
	near(t, "replacement basis", basis(ls), 250*125+3300)
	for _, l := range ls {
		if l.WashAdjusted != 0 {
			near(t, "the 100 carrying the loss", l.Cost, 15800)
			near(t, "their shares", l.Quantity, 100)
		}
	}
}
