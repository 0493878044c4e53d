package portfolio

import (
	"fmt"
	"math"
	"testing"
)

// TestTWRContinuousInWhatIsLeft reproduces issue 13.1: an account emptied
// down to left (0, 1 cent or $5), then refilled with a deposit of 10,000
// invested the same day at 123.75 while X closes at 125. With flows counted
// at the close the $5 account showed +2,020 % that day ((10,106.01 −
// 10,000)/5 − 1) while the empty one showed +1.01 %: the return must not
// depend on a few dollars left.
//
// By hand, q = 10,000/123.75 = 80.8080… shares, worth q × 125 = 10,101.0101
// on d3 and q × 130 = 10,505.0505 on d4; r = (V[t] + Out[t]) / (V[t−1] +
// In[t]) − 1:
//
//	d2: sold 10 at 110 = 1,100, withdrawn 1,100 − left:
//	    r2 = (left + 1,100 − left)/1,000 − 1 = 0.1
//	d3: r3 = (left + 10,101.0101)/(left + 10,000) − 1
//	    left 0: 0.0101010101; 0.01: 0.0101010000; 5: 0.0100959621
//	d4: r4 = (left + 10,505.0505)/(left + 10,101.0101) − 1
//	    left 0: 0.04;         0.01: 0.0399999604; 5: 0.0399802098
//	TWR = 1.1 (1 + r3)(1 + r4) − 1
//	    left 0: 0.1555555556; 0.01: 0.1555555000; 5: 0.1555277917
func TestTWRContinuousInWhatIsLeft(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4), 100, 110, 125, 130)
	wantR3 := map[float64]float64{0: 0.0101010101010, 0.01: 0.0101010000000, 5: 0.0100959621200}
	wantTWR := map[float64]float64{0: 0.155555555556, 0.01: 0.155555500000, 5: 0.155527791660}
	for _, left := range []float64{0, 0.01, 5} {
		t.Run(fmt.Sprint(left), func(t *testing.T) {
			txs := []Transaction{
				{Date: d1, Kind: Deposit, Amount: 1000},
				{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 100},
				{Date: d2, Kind: Sell, Symbol: "X", Quantity: 10, Price: 110},
				{Date: d2, Kind: Withdrawal, Amount: 1100 - left},
				{Date: d3, Kind: Deposit, Amount: 10000},
				{Date: d3, Kind: Buy, Symbol: "X", Quantity: 10000 / 123.75, Price: 123.75},
			}
			p := build(t, txs, Config{Currency: "USD", Series: market(x)}).Performance
			nearTol(t, "DailyReturn[1]", p.DailyReturn[1], 0.1, 1e-9)
			nearTol(t, "DailyReturn[2]", p.DailyReturn[2], wantR3[left], 1e-10)
			nearTol(t, "CumulativeReturn[3]", p.CumulativeReturn[3], wantTWR[left], 1e-10)
		})
	}
}

// TestDailyReturnConvention checks DailyReturn's formula and its edge
// cases one by one, each computed by hand.
func TestDailyReturnConvention(t *testing.T) {
	for _, c := range []struct {
		name                 string
		prev, value, in, out float64
		want                 float64
	}{
		// (1,100 + 0)/(1,000 + 0) − 1
		{"no flow", 1000, 1100, 0, 0, 0.1},
		// A deposit counts from the start of the day: 2,100/(1,000 + 1,000) − 1.
		{"deposit at the start", 1000, 2100, 1000, 0, 0.05},
		// A withdrawal leaves at the end: (600 + 500)/1,000 − 1.
		{"withdrawal at the end", 1000, 600, 0, 500, 0.1},
		// Netted: in 300, out 100 → In 200: 1,320/(1,000 + 200) − 1.
		{"flows netted in", 1000, 1320, 300, 100, 0.1},
		// Netted: in 100, out 300 → Out 200: (900 + 200)/1,000 − 1.
		{"flows netted out", 1000, 900, 100, 300, 0.1},
		// Equal flows cancel: 1,100/1,000 − 1, as with no flow.
		{"equal flows cancel", 1000, 1100, 500, 500, 0.1},
		// The first deposit starts the series: 995/(0 + 1,000) − 1.
		{"first deposit", 0, 995, 1000, 0, -0.005},
		// Nothing invested: 0.
		{"empty", 0, 0, 0, 0, 0},
		// Worth less than nothing, and the deposit does not bring it above
		// zero: −500 + 400 = −100 ≤ 0, so 0.
		{"base not positive", -500, 450, 400, 0, 0},
		// Worth less than nothing, the deposit brings it to 500:
		// 550/(−500 + 1,000) − 1.
		{"negative start refilled", -500, 550, 1000, 0, 0.1},
		// A millionth or less is empty: rounding residue earns nothing.
		{"residue", 1e-7, 1e-6, 0, 0, 0},
	} {
		nearTol(t, c.name, DailyReturn(c.prev, c.value, c.in, c.out), c.want, 1e-12)
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		if r := DailyReturn(1000, bad, 0, 0); !math.IsNaN(r) {
			t.Errorf("DailyReturn with value %v = %v, want NaN", bad, r)
		}
	}
}

func nearTol(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

// TestTWREqualPairOnFirstDay reproduces issue 14.6: a deposit and a
// withdrawal of the same amount on the first day changed the TWR (32.09 %
// against 33.41 % on one portfolio). The day's flows are netted, so the
// pair cancels. By hand: 1,000 deposited, 10 X bought at 95, X closes at
// 100 then 110: V = 50 + 1,000 = 1,050, then 50 + 1,100 = 1,150;
// r0 = 1,050/1,000 − 1 = 0.05, r1 = 1,150/1,050 − 1; TWR = 1,150/1,000 − 1
// = 0.15. With 500 more in and out on day 0 the netted In is still 1,000
// (counting them apart gave (1,050 + 500)/(1,000 + 500) − 1 = 0.0333).
func TestTWREqualPairOnFirstDay(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2), 100, 110)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 10, Price: 95},
	}
	pair := append(append([]Transaction(nil), txs...),
		Transaction{Date: d1, Kind: Deposit, Amount: 500},
		Transaction{Date: d1, Kind: Withdrawal, Amount: 500})
	for name, list := range map[string][]Transaction{"alone": txs, "with the pair": pair} {
		p := build(t, list, Config{Currency: "USD", Series: market(x)}).Performance
		near(t, name+": DailyReturn[0]", p.DailyReturn[0], 0.05)
		near(t, name+": CumulativeReturn[1]", p.CumulativeReturn[1], 0.15)
	}
}
