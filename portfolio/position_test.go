package portfolio

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/lots"
)

// TestPositionEvents books one event of each kind into a position and
// checks every figure against a hand computation.
func TestPositionEvents(t *testing.T) {
	p := newPosition(lots.Average)
	// BUY 10 at 20 (gross 200), commission 5, in EUR at 1.1:
	// cost = (200 + 5) × 1.1 = 225.5, commissions = 5 × 1.1 = 5.5.
	p.buy(nil, 10, 200, 5, 1.1)
	wantPosition(t, "after the buy", p, position{qty: 10, cost: 225.5, commissions: 5.5})
	// A 3:2 split: 10 × 1.5 = 15 shares, cost unchanged.
	p.split(1.5)
	wantPosition(t, "after the split", p, position{qty: 15, cost: 225.5, commissions: 5.5})
	// An ex-dividend of 0.4 per share at 1.2: 15 × 0.4 = 6 paid, worth
	// 6 × 1.2 = 7.2.
	if paid := p.exDividend(0.4, 1.2); !refClose(paid, 6) {
		t.Errorf("exDividend paid %v, want 6", paid)
	}
	wantPosition(t, "after the ex-dividend", p, position{qty: 15, cost: 225.5, dividends: 7.2, commissions: 5.5})
	// SELL 6 at 18 (gross 108), commission 3, at 1.0: the average cost
	// leaving is 225.5 / 15 × 6 = 90.2; realized = (108 − 3) × 1 − 90.2 =
	// 14.8; cost = 225.5 − 90.2 = 135.3; commissions = 5.5 + 3 = 8.5.
	p.sell(nil, 6, 108, 3, 1)
	wantPosition(t, "after the sale", p, position{qty: 9, cost: 135.3, realized: 14.8, dividends: 7.2, commissions: 8.5})
	// A DIVIDEND row of 2 at 1.5: dividends = 7.2 + 3 = 10.2.
	p.dividend(2, 1.5)
	// SELL the other 9 at 10 (gross 90), no commission, at 1.0: cost
	// leaving 135.3 / 9 × 9 = 135.3; realized = 14.8 + 90 − 135.3 = −30.5;
	// nothing is left, at no cost.
	p.sell(nil, 9, 90, 0, 1)
	wantPosition(t, "after selling everything", p, position{realized: -30.5, dividends: 10.2, commissions: 8.5})
}

// TestPositionSellRounding: what floating point leaves of a sale of
// everything is rounding, and goes with the cost: 0.1 and 0.2 shares
// bought hold 0.30000000000000004; selling 0.3 leaves 0 (not 5.6e-17)
// shares at 0 cost.
func TestPositionSellRounding(t *testing.T) {
	p := newPosition(lots.Average)
	p.buy(nil, 0.1, 1, 0, 1)
	p.buy(nil, 0.2, 2, 0, 1)
	p.sell(nil, 0.3, 4, 0, 1)
	if p.qty != 0 || p.cost != 0 {
		t.Fatalf("after selling all: %v shares at cost %v, want 0 at 0", p.qty, p.cost)
	}
	// Realized: 4 − (1 + 2) = 1 (the whole cost left with the sale).
	if !refClose(p.realized, 1) {
		t.Errorf("realized %v, want 1", p.realized)
	}
}

// TestOversells: selling up to the held shares plus the rounding tolerance
// is allowed; more, or anything when nothing is held, is an oversell.
func TestOversells(t *testing.T) {
	for _, c := range []struct {
		held, sold float64
		want       bool
	}{
		{10, 10, false},
		{10, 4, false},
		{10, 10 + 5e-9, false}, // 10 × (1 + 1e-9) + 1e-9 = 10 + 1.1e-8
		{10, 10 + 2e-8, true},
		{10, 11, true},
		{0, 1e-12, true}, // nothing held: 0/0 average cost otherwise
	} {
		if got := oversells(c.held, c.sold); got != c.want {
			t.Errorf("oversells(%v, %v) = %v, want %v", c.held, c.sold, got, c.want)
		}
	}
}

// halfCost matches a sale at half the average cost: a stand-in for a tax
// lot rule, showing that the matcher alone decides the cost that leaves.
type halfCost struct{ averageCost }

func (halfCost) soldCost(_ *Transaction, held, cost, sold float64) (float64, error) {
	return cost / held * sold / 2, nil
}

// TestPositionMatcher: a sale takes the cost its matcher picks. 10 shares
// at 100 (cost 1000), 4 sold at 120 with halfCost: 1000 / 10 × 4 / 2 = 200
// leaves; realized = 480 − 200 = 280; cost = 800.
func TestPositionMatcher(t *testing.T) {
	p := position{match: halfCost{}}
	p.buy(nil, 10, 1000, 0, 1)
	p.sell(nil, 4, 480, 0, 1)
	wantPosition(t, "after the sale", p, position{qty: 6, cost: 800, realized: 280})
}

func wantPosition(t *testing.T, when string, got, w position) {
	t.Helper()
	for _, f := range []struct {
		name      string
		got, want float64
	}{
		{"qty", got.qty, w.qty}, {"cost", got.cost, w.cost}, {"realized", got.realized, w.realized},
		{"dividends", got.dividends, w.dividends}, {"commissions", got.commissions, w.commissions},
	} {
		if !refClose(f.got, f.want) {
			t.Errorf("%s: %s = %v, want %v", when, f.name, f.got, f.want)
		}
	}
}
