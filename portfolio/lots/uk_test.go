package lots_test

import (
	"math"
	"testing"
	"time"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func buy(d time.Time, qty, price, fee float64) txn.Transaction {
	return txn.Transaction{Date: d, Kind: txn.Buy, Symbol: "X", Quantity: qty, Price: price, Commission: fee}
}

func sell(d time.Time, qty, price, fee float64) txn.Transaction {
	return txn.Transaction{Date: d, Kind: txn.Sell, Symbol: "X", Quantity: qty, Price: price, Commission: fee}
}

func match(t *testing.T, m lots.Method, txs ...txn.Transaction) *lots.Report {
	t.Helper()
	rep, err := lots.Match(txs, lots.Options{Method: m, Currency: "GBP"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*(1+math.Abs(want)) {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

// TestUKSection104HS284Example3: HMRC helpsheet HS284, Example 3 (2019,
// Ms Pierson's Lobster plc shares): a Section 104 holding of 800 shares
// with an allowable cost of £3,349; on 1 February she sells 400 at £5.20
// with £105 of costs. Allowable cost 3,349 × 400 / 800 = £1,674.50
// (HMRC: £1,675, whole pounds), proceeds 2,080, gain 2,080 − 105 −
// 1,674.50 = £300.50 (HMRC: £300); the pool keeps 400 shares, £1,674.50.
//
// The same with 150 shares bought back on 25 February at £5.00 plus £80
// (the 30-day rule, TCGA92/S106A): 150 of the 400 match them (cost £830),
// 250 the pool: 3,349 × 250 / 800 = £1,046.56; gain 2,080 − 105 − 830 −
// 1,046.5625 = £98.44 (£98 as worked on HMRC's community forum).
func TestUKSection104HS284Example3(t *testing.T) {
	pool := buy(day(2016, 1, 1), 800, 4, 149) // 800 × 4 + 149 = 3,349
	rep := match(t, lots.UK, pool, sell(day(2019, 2, 1), 400, 5.20, 105))
	d := rep.Disposals[0]
	near(t, "Proceeds", d.Proceeds, 2080)
	near(t, "Costs", d.Costs, 1674.5+105)
	near(t, "Gain", d.Gain, 300.5)
	if len(d.Parts) != 1 || d.Parts[0].Rule != lots.RuleSection104 {
		t.Errorf("parts %+v, want the S104 pool", d.Parts)
	}
	near(t, "pool cost left", rep.Open["X"][0].Cost, 1674.5)
	near(t, "pool shares left", rep.Open["X"][0].Quantity, 400)

	rep = match(t, lots.UK, pool, sell(day(2019, 2, 1), 400, 5.20, 105), buy(day(2019, 2, 25), 150, 5, 80))
	d = rep.Disposals[0]
	near(t, "Gain with a buy-back", d.Gain, 2080-105-830-1046.5625)
	if len(d.Parts) != 2 || d.Parts[0].Rule != lots.RuleThirtyDays || d.Parts[0].Quantity != 150 || d.Parts[1].Rule != lots.RuleSection104 {
		t.Errorf("parts %+v, want 150 by the 30-day rule then 250 from the pool", d.Parts)
	}
	// The pool: 800 − 250 = 550 shares, 3,349 − 1,046.5625 = 2,302.4375;
	// the 150 bought back were matched, so they do not join it.
	near(t, "pool shares", rep.Open["X"][0].Quantity, 550)
	near(t, "pool cost", rep.Open["X"][0].Cost, 2302.4375)
}

// TestUKThirtyDaysFIFO: the 30-day rule matches a disposal with the
// earliest acquisition after it, disposals in date order (TCGA92/S106A(5)).
// Day 1 buy 100 for £1,000; day 2 sell 100 for £2,000; day 5 buy 100 for
// £1,500; day 7 sell 100 for £2,000; day 10 buy 100 for £1,500; day 13
// sell 100 for £2,500. Day 2's sale matches day 5's buy (gain £500), day
// 7's matches day 10's (£500), day 13's the pool, day 1's shares (£1,500).
func TestUKThirtyDaysFIFO(t *testing.T) {
	rep := match(t, lots.UK,
		buy(day(2020, 6, 1), 100, 10, 0), sell(day(2020, 6, 2), 100, 20, 0),
		buy(day(2020, 6, 5), 100, 15, 0), sell(day(2020, 6, 7), 100, 20, 0),
		buy(day(2020, 6, 10), 100, 15, 0), sell(day(2020, 6, 13), 100, 25, 0))
	for i, want := range []struct {
		gain     float64
		rule     lots.Rule
		acquired time.Time
	}{{500, lots.RuleThirtyDays, day(2020, 6, 5)}, {500, lots.RuleThirtyDays, day(2020, 6, 10)}, {1500, lots.RuleSection104, time.Time{}}} {
		d := rep.Disposals[i]
		near(t, "Gain", d.Gain, want.gain)
		if p := d.Parts[0]; len(d.Parts) != 1 || p.Rule != want.rule || !p.Acquired.Equal(want.acquired) {
			t.Errorf("disposal %d: parts %+v, want one %v part acquired %v", i, d.Parts, want.rule, want.acquired)
		}
	}
	near(t, "2020/21 net", rep.Years[0].Net, 2500)
	near(t, "2020/21 exempt", rep.Years[0].Exempt, 12300)
	near(t, "2020/21 taxable", rep.Years[0].Taxable, 0)
}

// TestUKSameDayFirst: a disposal matches the same day's acquisition before
// the 30-day rule and the pool (TCGA92/S105(1)), and a later day's
// acquisition goes first to its own day's disposal. 100 bought at 1 on 1
// March (pool); 2 March: sell 60 at 3, buy 40 at 2 (same day: 40 at 2 =
// 80); 10 March: buy 50 at 2.5, sell 30 at 3. Day 10's sale takes 30 of
// its own day's 50 (75); the 20 left of 2 March's sale take 20 of the 20
// left on 10 March (50). Gains: 2 March 180 − 80 − 50 = 50; 10 March
// 90 − 75 = 15. Pool: 100 shares, 100.
func TestUKSameDayFirst(t *testing.T) {
	rep := match(t, lots.UK, buy(day(2021, 3, 1), 100, 1, 0),
		sell(day(2021, 3, 2), 60, 3, 0), buy(day(2021, 3, 2), 40, 2, 0),
		buy(day(2021, 3, 10), 50, 2.5, 0), sell(day(2021, 3, 10), 30, 3, 0))
	near(t, "2 March gain", rep.Disposals[0].Gain, 50)
	near(t, "10 March gain", rep.Disposals[1].Gain, 15)
	near(t, "pool", rep.Open["X"][0].Cost, 100)
	near(t, "pool shares", rep.Open["X"][0].Quantity, 100)
}

// TestUKKeithBedAndBreakfast: the ACCA's example of the 30-day rule
// (Keith, Long plc): 1,000 bought 5 July 2020 for £10,000, sold 2
// December 2020 for £2,000, bought back 10 December for £1,900: the sale
// matches the buy-back, a gain of £100, not a loss of £8,000.
func TestUKKeithBedAndBreakfast(t *testing.T) {
	rep := match(t, lots.UK, buy(day(2020, 7, 5), 1000, 10, 0), sell(day(2020, 12, 2), 1000, 2, 0), buy(day(2020, 12, 10), 1000, 1.9, 0))
	near(t, "Gain", rep.Disposals[0].Gain, 100)
	near(t, "pool cost", rep.Open["X"][0].Cost, 10000)
}

// TestUKSplitAcrossThirtyDays: a 2:1 split between a sale and its
// buy-back: 100 sold on 1 March match 100 pre-split shares, 200 of those
// bought on 10 March after the split (cost 200 × 6 = 1,200).
func TestUKSplitAcrossThirtyDays(t *testing.T) {
	rep := match(t, lots.UK, buy(day(2021, 1, 4), 100, 10, 0), sell(day(2021, 3, 1), 100, 13, 0),
		txn.Transaction{Date: day(2021, 3, 5), Kind: txn.Split, Symbol: "X", Quantity: 2, Price: 1},
		buy(day(2021, 3, 10), 300, 6, 0))
	near(t, "Gain", rep.Disposals[0].Gain, 1300-1200)
	// Pool: 100 × 2 = 200 shares (1,000) + 100 bought (600).
	near(t, "pool shares", rep.Open["X"][0].Quantity, 300)
	near(t, "pool cost", rep.Open["X"][0].Cost, 1600)
}

// TestUKTaxYears: UK tax years run 6 April to 5 April; each carries its
// annual exempt amount (12,300 in 2022/23, 6,000 in 2023/24, 3,000 in
// 2024/25, as HMRC published them), taxable = max(0, net − exempt), and
// a year the table lacks has neither (NaN), rather than a wrong one.
func TestUKTaxYears(t *testing.T) {
	rep := match(t, lots.UK, buy(day(2022, 1, 3), 1000, 10, 0),
		sell(day(2023, 4, 5), 100, 100, 0), // 2022/23: gain 9,000
		sell(day(2023, 4, 6), 100, 100, 0), // 2023/24: gain 9,000
		sell(day(2025, 4, 5), 100, 50, 0),  // 2024/25: gain 4,000
		sell(day(2031, 1, 2), 100, 20, 0))  // 2030/31: gain 1,000
	want := []struct {
		label             string
		exempt, taxable   float64
		unknownExemptYear bool
	}{{"2022/23", 12300, 0, false}, {"2023/24", 6000, 3000, false}, {"2024/25", 3000, 1000, false}, {"2030/31", 0, 0, true}}
	if len(rep.Years) != len(want) {
		t.Fatalf("years %+v", rep.Years)
	}
	for i, w := range want {
		y := rep.Years[i]
		if y.Label != w.label {
			t.Errorf("year %d: %q, want %q", i, y.Label, w.label)
		}
		if w.unknownExemptYear {
			if !math.IsNaN(y.Exempt) || !math.IsNaN(y.Taxable) {
				t.Errorf("%s: exempt %v taxable %v, want NaN", y.Label, y.Exempt, y.Taxable)
			}
			continue
		}
		near(t, y.Label+" exempt", y.Exempt, w.exempt)
		near(t, y.Label+" taxable", y.Taxable, w.taxable)
	}
}

// TestUKYearsBefore2008HaveANote: gofolio computes every UK year by the
// rules of 6 April 2008 on; a year before says so (NoteBefore2008), the
// years after do not. Sales on 5 April 2008 (2007/08) and 6 April 2008
// (2008/09).
func TestUKYearsBefore2008HaveANote(t *testing.T) {
	rep := match(t, lots.UK, buy(day(2001, 5, 1), 100, 10, 0), sell(day(2008, 4, 5), 10, 20, 0), sell(day(2008, 4, 6), 10, 20, 0))
	if len(rep.Years) != 2 || rep.Years[0].Label != "2007/08" || rep.Years[1].Label != "2008/09" {
		t.Fatalf("years %+v", rep.Years)
	}
	if rep.Years[0].Note != lots.NoteBefore2008 {
		t.Errorf("2007/08 note %q, want %q", rep.Years[0].Note, lots.NoteBefore2008)
	}
	if rep.Years[1].Note != "" {
		t.Errorf("2008/09 note %q, want none", rep.Years[1].Note)
	}
	if rep := match(t, lots.FIFO, buy(day(2001, 5, 1), 100, 10, 0), sell(day(2005, 4, 5), 10, 20, 0)); rep.Years[0].Note != "" {
		t.Errorf("fifo %s note %q, want none: only uk years have HMRC's rules", rep.Years[0].Label, rep.Years[0].Note)
	}
}
