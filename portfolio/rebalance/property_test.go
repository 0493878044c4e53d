package rebalance

import (
	"math"
	"math/rand/v2"
	"testing"
)

// randomProblem is a portfolio of 1 to 8 assets (some not held, some not
// targeted), prices from 0.5 to 500, cash from 0 to 20,000, random
// weights (a cash weight one time in three) and, one time in two, a
// commission of up to 5 plus up to 1%.
func randomProblem(r *rand.Rand) problem {
	n := 1 + r.IntN(8)
	p := problem{cash: math.Round(r.Float64()*20000*100) / 100}
	weights := make([]float64, n+1)
	sum := 0.0
	for i := range n {
		a := asset{symbol: string(rune('A' + i)), price: 0.5 + r.Float64()*500}
		if r.IntN(4) > 0 {
			a.qty = float64(r.IntN(200))
		}
		if r.IntN(5) > 0 {
			weights[i] = r.Float64()
		}
		sum += weights[i]
		p.assets = append(p.assets, a)
	}
	if r.IntN(3) == 0 || sum == 0 {
		weights[n] = r.Float64()
		sum += weights[n]
	}
	for i := range p.assets {
		p.assets[i].weight = weights[i] / sum
	}
	p.cashWeight = weights[n] / sum
	if r.IntN(2) == 0 {
		p.comm = Commission{Fixed: r.Float64() * 5, Rate: r.Float64() * 0.01}
	}
	return p
}

// TestPropertyFull: over random portfolios, a full rebalance lands
// exactly on the targets with fractional shares (each value w_i × W′,
// W′ the total after commissions) and within one share of them with
// whole shares, trading whole shares (but for selling all of a
// fractional holding), the cash never below 0.
func TestPropertyFull(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 1))
	for k := range 2000 {
		p := randomProblem(r)
		p.mode, p.fractional = Full, true
		frac := solve(p)
		if frac.cash < 0 {
			t.Fatalf("case %d: fractional cash %v < 0", k, frac.cash)
		}
		total := frac.cash
		for i, a := range p.assets {
			total += (a.qty + frac.delta[i]) * a.price
		}
		if !near(total, frac.total) || !near(frac.cash, p.cashWeight*frac.total) && math.Abs(frac.cash-p.cashWeight*frac.total) > 1e-6 {
			t.Fatalf("case %d: total after %v, cash %v; want W′ %v, cash %v", k, total, frac.cash, frac.total, p.cashWeight*frac.total)
		}
		for i, a := range p.assets {
			if got := (a.qty + frac.delta[i]) * a.price; math.Abs(got-a.weight*frac.total) > 1e-9*frac.total {
				t.Fatalf("case %d: %s worth %v after, want %v", k, a.symbol, got, a.weight*frac.total)
			}
		}
		p.fractional = false
		whole := solve(p)
		if whole.cash < 0 {
			t.Fatalf("case %d: whole-share cash %v < 0", k, whole.cash)
		}
		for i, a := range p.assets {
			d := whole.delta[i]
			if d != math.Trunc(d) && d != -a.qty {
				t.Fatalf("case %d: %s trades %v shares, not whole", k, a.symbol, d)
			}
			if a.qty+d < 0 {
				t.Fatalf("case %d: %s sells %v of %v shares", k, a.symbol, -d, a.qty)
			}
			if math.Abs(d-frac.delta[i]) >= 1+1e-9 {
				t.Fatalf("case %d: %s trades %v shares, the fractional target is %v: more than one share off", k, a.symbol, d, frac.delta[i])
			}
		}
	}
}

// TestPropertyNewMoney: buys only, the cash never below 0, every buy
// within one share of the fractional one; when no asset is above its
// target, the fractional buys land on the targets.
func TestPropertyNewMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 2))
	onTarget := 0
	for k := range 2000 {
		p := randomProblem(r)
		p.mode, p.fractional = NewMoney, true
		frac := solve(p)
		over := false
		for i, a := range p.assets {
			if frac.delta[i] < 0 {
				t.Fatalf("case %d: sells %v %s", k, -frac.delta[i], a.symbol)
			}
			over = over || a.qty*a.price > a.weight*frac.total*(1+1e-12)
		}
		if frac.cash < 0 {
			t.Fatalf("case %d: cash %v < 0", k, frac.cash)
		}
		if !over && frac.cash >= p.cashWeight*frac.total-1e-6 {
			onTarget++
			for i, a := range p.assets {
				if got := (a.qty + frac.delta[i]) * a.price; math.Abs(got-a.weight*frac.total) > 1e-6*frac.total {
					t.Fatalf("case %d: no asset over its target, yet %s is worth %v, want %v", k, a.symbol, got, a.weight*frac.total)
				}
			}
		}
		p.fractional = false
		whole := solve(p)
		if whole.cash < 0 {
			t.Fatalf("case %d: whole-share cash %v < 0", k, whole.cash)
		}
		for i, a := range p.assets {
			if d := whole.delta[i]; d < 0 || d != math.Trunc(d) || math.Abs(d-frac.delta[i]) >= 1+1e-9 {
				t.Fatalf("case %d: %s buys %v shares, fractional %v", k, a.symbol, d, frac.delta[i])
			}
		}
	}
	if onTarget < 100 {
		t.Errorf("only %d cases had every asset at or under its target: the property is barely tested", onTarget)
	}
}

// TestFill: values 100 and 300, weights 0.5 and 0.5. A budget of 100
// fills the first only (ratios 200 and 600: λ = 400 reaches neither
// 600), buying 100; a budget of 600 reaches λ = (600 + 400) / 1 = 1000,
// buying 400 and 200: both at 500, the targets of 1,000.
func TestFill(t *testing.T) {
	for _, c := range []struct {
		budget float64
		want   [2]float64
	}{{100, [2]float64{100, 0}}, {600, [2]float64{400, 200}}, {0, [2]float64{0, 0}}, {-5, [2]float64{0, 0}}} {
		got := fill([]float64{100, 300}, []float64{0.5, 0.5}, c.budget)
		if !near(got[0], c.want[0]) || !near(got[1], c.want[1]) {
			t.Errorf("budget %v: %v, want %v", c.budget, got, c.want)
		}
	}
}

// TestWholeSharesSellFewer: A and B, 10 shares each at £10, no cash;
// targets 37.5%, 37.5% and 25% of C at £7. Fractional: A and B sell 2.5
// shares each, C buys 50 / 7 = 7.14. Rounded down: sell 3 A, 3 B, buy 7 C,
// cash 30 + 30 − 49 = 11. A's last share realizes 9 (bought at 1), B's
// 0.5: selling one A fewer costs 10 of the cash (1 left) and avoids the
// larger gain; one B fewer would need 10 more.
func TestWholeSharesSellFewer(t *testing.T) {
	gain := []float64{9, 0.5, 0}
	p := problem{mode: Full, assets: []asset{
		{symbol: "A", qty: 10, price: 10, weight: 0.375},
		{symbol: "B", qty: 10, price: 10, weight: 0.375},
		{symbol: "C", price: 7, weight: 0.25},
	}, marginalGain: func(i int, n float64) float64 { return gain[i] }}
	s := solve(p)
	if s.delta[0] != -2 || s.delta[1] != -3 || s.delta[2] != 7 || !near(s.cash, 1) {
		t.Errorf("trades %v, cash %v; want -2 A, -3 B, +7 C, cash 1", s.delta, s.cash)
	}
}

// TestWholeSharesSellOut: 10 A at £1 (a gain of 0.5 a share), targeted
// at 0, and £100 of cash; B at £7 is the whole target. B buys
// floor(110 / 7) = 15 (105), leaving 100 + 10 − 105 = 5: enough to keep
// one A, but a target of 0 sells the holding out.
func TestWholeSharesSellOut(t *testing.T) {
	p := problem{mode: Full, cash: 100, assets: []asset{
		{symbol: "A", qty: 10, price: 1},
		{symbol: "B", price: 7, weight: 1},
	}, marginalGain: func(i int, n float64) float64 { return 0.5 }}
	s := solve(p)
	if s.delta[0] != -10 || s.delta[1] != 15 || !near(s.cash, 5) {
		t.Errorf("trades %v, cash %v; want -10 A, +15 B, cash 5", s.delta, s.cash)
	}
}
