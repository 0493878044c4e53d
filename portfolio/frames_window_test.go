package portfolio

import (
	"testing"
	"time"
)

func TestPerformanceWindow(t *testing.T) {
	x := testSeries("X", "USD", days(d1, d2, d3, d4, d5), 100, 110, 121, 121, 133.1)
	txs := []Transaction{
		{Date: d1, Kind: Deposit, Amount: 1000},
		{Date: d1, Kind: Buy, Symbol: "X", Quantity: 9, Commission: 10}, // 900 + 10; cash 90
		{Date: d4, Kind: Deposit, Amount: 500},
	}
	p := build(t, txs, Config{Currency: "USD", Series: market(x)}).Performance
	// Values: 990, 1080, 1179, 1679, 1787.9.
	near(t, "Value[4]", p.Value[4], 1787.9)

	// Cut short at d4: the same frame, day 0 keeping its −1 % commission.
	head := p.Window(d1, d4)
	if head.Len() != 4 {
		t.Fatalf("window d1..d4 has %d days", head.Len())
	}
	near(t, "head DailyReturn[0]", head.DailyReturn[0], -0.01)
	near(t, "head CumulativeReturn[3]", head.CumulativeReturn[3], p.CumulativeReturn[3])
	near(t, "head NetContributions[3]", head.NetContributions[3], 1500)

	// From d2: started with d2's 1080 as the opening deposit.
	// r = 0, 1179/1080 − 1, (1679 − 500)/1179 − 1 = 0, 1787.9/1679 − 1.
	w := p.Window(d2, time.Time{})
	if w.Len() != 4 || !w.Dates[0].Equal(d2) {
		t.Fatalf("window from d2: %d days from %v", w.Len(), w.Dates[0])
	}
	near(t, "Deposits[0]", w.Deposits[0], 1080)
	near(t, "NetContributions[3]", w.NetContributions[3], 1580)
	near(t, "PnL[3]", w.PnL[3], 1787.9-1580)
	near(t, "DailyReturn[0]", w.DailyReturn[0], 0)
	near(t, "CumulativeReturn[3]", w.CumulativeReturn[3], 1179.0/1080*(1787.9/1679)-1)
	if flows := w.Flows(); len(flows) != 2 || flows[0].Amount != 1080 || flows[1].Amount != 500 {
		t.Errorf("window flows %v, want 1080 then 500", flows)
	}
	if p.Window(time.Time{}, time.Time{}) != p {
		t.Error("an open window is the frame itself")
	}
	if p.Window(d8, d8) != nil {
		t.Error("a window with no date is nil")
	}
}
