package lots_test

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// TestMergerCashTakesEveryLot: a merger's cash is paid on every share, so
// every lot takes part, whatever the method (specific needs no lot named).
// 10 X at 10 (2 January 2020, cost 100) and 10 at 30 (1 June 2020, 300);
// on 1 March 2021 X merges into 8 Y worth 50 (400) plus 100 cash: f = 100
// / (100 + 400) = 0.2 of each lot, 2 shares, is disposed of for its share
// of the cash: cost 0.2 × 100 + 0.2 × 300 = 80, gain 100 − 80 = 20. Y
// gets 8 shares costing 320, in two lots of X's dates: 4 for 80 and 4 for
// 240. A sale of 4 Y at 60 then takes the first lot by fifo (gain 240 −
// 80 = 160) and the second by lifo, hifo, and specific naming 2020-06-01
// (gain 0).
func TestMergerCashTakesEveryLot(t *testing.T) {
	sale := sold("Y", on(2021, 6, 1), 4, 60)
	sale.Lot = "2020-06-01"
	txs := []txn.Transaction{bought("X", on(2020, 1, 2), 10, 10), bought("X", on(2020, 6, 1), 10, 30),
		action(on(2021, 3, 1), txn.Merger, "X", "Y", 8, 50, 100, 0), sale}
	for m, saleGain := range map[lots.Method]float64{lots.FIFO: 160, lots.LIFO: 0, lots.HIFO: 0, lots.Specific: 0} {
		rep := match(t, m, txs...)
		if len(rep.Disposals) != 2 {
			t.Fatalf("%s: disposals %+v, want the cash part and the sale", m, rep.Disposals)
		}
		cash := rep.Disposals[0]
		near(t, m.String()+" cash proceeds", cash.Proceeds, 100)
		near(t, m.String()+" cash costs", cash.Costs, 80)
		near(t, m.String()+" cash gain", cash.Gain, 20)
		near(t, m.String()+" cash shares", cash.Quantity, 4)
		if got := cash.Matched(); got != "merger cash 2020-01-02 2; merger cash 2020-06-01 2" {
			t.Errorf("%s: cash matched %q, want 2 shares of each lot", m, got)
		}
		near(t, m.String()+" sale gain", rep.Disposals[1].Gain, saleGain)
		conserves(t, rep, 400)
	}
}

// TestMergerCashUKHMRCCG52587: HMRC's worked example of cash on a
// takeover (Capital Gains Manual CG52587, gov.uk, read in full): 20,000
// Dirty Denims shares bought at £3 (January 2005: the day is not given;
// the 10th here), £60,000. On 1 March 2012 Elegant Evening Wear takes
// them over for £4 cash and two of its shares, worth £6, for each: cash
// 80,000, shares 40,000 × 6 = 240,000. The cash is a part disposal of
// 80,000 / (80,000 + 240,000) = 1/4 of the pool: cost £15,000, gain
// £65,000; the new holding is 40,000 shares costing £45,000. (The cash
// is worth a quarter of the 20,000 shares: "merger cash 5000".)
func TestMergerCashUKHMRCCG52587(t *testing.T) {
	rep := match(t, lots.UK, bought("DD", on(2005, 1, 10), 20000, 3),
		action(on(2012, 3, 1), txn.Merger, "DD", "EEW", 40000, 6, 80000, 0))
	d := rep.Disposals[0]
	near(t, "proceeds", d.Proceeds, 80000)
	near(t, "cost", d.Costs, 15000)
	near(t, "gain", d.Gain, 65000)
	if got := d.Matched(); got != "merger cash 5000" {
		t.Errorf("matched %q, want a quarter of the pool's 20,000 shares", got)
	}
	q, c := heldOf(rep, "EEW")
	near(t, "EEW shares", q, 40000)
	near(t, "EEW cost", c, 45000)
}

// TestMergerCashUSBoot: the cash of a reorganisation is boot (IRC §356):
// lot by lot, the gain is recognised up to the cash, a loss not at all,
// and the new shares' basis is the old less the cash plus the gain
// (§358). 10 X at 10 (2 January 2020, 100), 10 at 35 (4 January 2021,
// 350), 10 at 90 (1 March 2022, 900); on 1 June 2022 X merges into 30 Y
// worth 30 (900) plus 300 cash: each lot gets 100 cash and 300 of Y.
//
//	lot 1: 400 − 100 = 300 realised, 100 recognised, basis 100 − 100 + 100 = 100
//	lot 2: 400 − 350 =  50 realised,  50 recognised, basis 350 − 100 +  50 = 300
//	lot 3: 400 − 900 = −500 realised,  0 recognised, basis 900 − 100 +   0 = 800
//
// Gain 150 (all long term but lot 3's 0), costs 300 − 150 = 150; Y holds
// 30 shares costing 1,200 in three lots of X's dates.
//
// And §356(a)(1) as illustrated on taxesillustrated.com/IRC356.htm (Ex.
// 1): a basis of 425,000 exchanged for P stock worth 1,000,000 and
// 750,000 cash realises 1,325,000, of which 750,000 is recognised.
func TestMergerCashUSBoot(t *testing.T) {
	rep := match(t, lots.US, bought("X", on(2020, 1, 2), 10, 10), bought("X", on(2021, 1, 4), 10, 35),
		bought("X", on(2022, 3, 1), 10, 90), action(on(2022, 6, 1), txn.Merger, "X", "Y", 30, 30, 300, 0))
	d := rep.Disposals[0]
	near(t, "proceeds", d.Proceeds, 300)
	near(t, "costs", d.Costs, 150)
	near(t, "gain", d.Gain, 150)
	near(t, "long term", rep.Years[0].LongTerm, 150)
	near(t, "short term", rep.Years[0].ShortTerm, 0)
	ys := rep.Open["Y"]
	if len(ys) != 3 {
		t.Fatalf("Y lots %+v, want X's three", ys)
	}
	for i, want := range []float64{100, 300, 800} {
		near(t, "Y lot basis", ys[i].Cost, want)
		near(t, "Y lot shares", ys[i].Quantity, 10)
	}
	if !ys[2].Date.Equal(day(2022, 3, 1)) {
		t.Errorf("Y's third lot dated %v, want X's 2022-03-01", ys[2].Date)
	}
	conserves(t, rep, 1350)

	rep = match(t, lots.US, bought("A", on(2020, 1, 2), 10000, 42.5),
		action(on(2023, 1, 3), txn.Merger, "A", "P", 10000, 100, 750000, 0))
	near(t, "§356 example gain", rep.Disposals[0].Gain, 750000)
	_, c := heldOf(rep, "P")
	near(t, "§356 example basis", c, 425000)
}

// TestMergerCashAverage: the average method's one pool takes the cash part
// as every other method but uk and us does. The lots of
// TestMergerCashTakesEveryLot (10 X at 10, 10 at 30: 20 shares costing
// 400) merge into 8 Y worth 400 plus 100 cash: f = 100 / 500 = 0.2, 4 of
// the 20 shares disposed of at the average cost of 20: cost 80, gain 20.
// Y holds 8 shares costing 320 (40 each), so 4 Y sold at 60 cost 160 and
// gain 240 − 160 = 80, whichever lot they came from.
func TestMergerCashAverage(t *testing.T) {
	rep := match(t, lots.Average, bought("X", on(2020, 1, 2), 10, 10), bought("X", on(2020, 6, 1), 10, 30),
		action(on(2021, 3, 1), txn.Merger, "X", "Y", 8, 50, 100, 0), sold("Y", on(2021, 6, 1), 4, 60))
	if len(rep.Disposals) != 2 {
		t.Fatalf("disposals %+v, want the cash part and the sale", rep.Disposals)
	}
	cash, sale := rep.Disposals[0], rep.Disposals[1]
	near(t, "cash shares", cash.Quantity, 4)
	near(t, "cash costs", cash.Costs, 80)
	near(t, "cash gain", cash.Gain, 20)
	if got := cash.Matched(); got != "merger cash 4" {
		t.Errorf("cash matched %q, want 4 shares of the average", got)
	}
	near(t, "sale costs", sale.Costs, 160)
	near(t, "sale gain", sale.Gain, 80)
	q, c := heldOf(rep, "Y")
	near(t, "Y shares", q, 4)
	near(t, "Y cost", c, 160)
	conserves(t, rep, 400)
}
