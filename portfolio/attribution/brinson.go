package attribution

import (
	"errors"
	"fmt"
	"math"
)

// Segment is one group of a Brinson-Fachler period: its weight and return
// in the portfolio and in the benchmark (fractions: 0.3 is 30 %).
type Segment struct {
	Group                            string
	PortfolioWeight, PortfolioReturn float64
	BenchmarkWeight, BenchmarkReturn float64
}

// Effect is a group's Brinson-Fachler effects (see the package comment).
type Effect struct {
	Group                              string
	Allocation, Selection, Interaction float64
}

// Total is Allocation + Selection + Interaction: the group's part of the
// active return.
func (e Effect) Total() float64 { return e.Allocation + e.Selection + e.Interaction }

// Attribution is a Brinson-Fachler attribution: the effects by group (in
// the order the groups first appear) and the returns they explain.
// Σ Effects' Total() = PortfolioReturn − BenchmarkReturn.
type Attribution struct {
	Effects                          []Effect
	PortfolioReturn, BenchmarkReturn float64
}

// Totals sums the effects of every group, as an Effect of group "Total".
func (a *Attribution) Totals() Effect {
	t := Effect{Group: "Total"}
	for _, e := range a.Effects {
		t.Allocation += e.Allocation
		t.Selection += e.Selection
		t.Interaction += e.Interaction
	}
	return t
}

// segment is a group in one period as the effects are computed from it:
// the portfolio's weight w and contribution c (w × r), the benchmark's
// weight and return; hasB false when the benchmark gives the group no
// return (its weight is then 0).
type segment struct {
	w, c, bw, b float64
	hasB        bool
}

// periodEffects computes the Brinson-Fachler effects of one period,
// R = Σ c, B = Σ W b:
//
//	allocation  = (w − W)(b − B)
//	selection   = W (r − b),  r = c / w (r = b when w = 0: nothing to select)
//	interaction = c − w b − selection  (= (w − W)(r − b) when w ≠ 0)
//
// A group the benchmark gives no return takes b = B: no allocation effect,
// its return against the benchmark's whole as interaction. Writing the
// interaction from c rather than r keeps a group with a contribution but
// no weight (money in and out within the day) in the total, so that the
// effects add up to R − B whenever Σ w = Σ W.
func periodEffects(segs []segment) (eff []Effect, R, B float64) {
	for _, s := range segs {
		R += s.c
		if s.hasB {
			B += s.bw * s.b
		}
	}
	eff = make([]Effect, len(segs))
	for g, s := range segs {
		b := s.b
		if !s.hasB {
			b = B
		}
		r := b
		if s.w != 0 {
			r = s.c / s.w
		}
		sel := s.bw * (r - b)
		eff[g] = Effect{Allocation: (s.w - s.bw) * (b - B), Selection: sel, Interaction: s.c - s.w*b - sel}
	}
	return eff, R, B
}

// BrinsonFachler attributes one period's active return R − B
// (R = Σ w r, B = Σ W b) to the groups' allocation, selection and
// interaction (see the package comment). The portfolio's weights and the
// benchmark's must each add up to 1 (within 1e-9), and every number be
// finite; a group appears once. Every problem is reported at once.
func BrinsonFachler(segments []Segment) (*Attribution, error) {
	return Link([][]Segment{segments})
}

// Link attributes several consecutive periods (each a BrinsonFachler
// period; a group missing from a period has no weight in it) and links the
// effects with Frongello's method:
//
//	E'[g,t] = E[g,t] × Π_{s<t}(1 + R[s]) + B[t] × Σ_{s<t} E'[g,s]
//
// for each effect (the sum over s ≤ t is then the previous sum × (1 +
// B[t]) plus E[g,t] × Π_{s<t}(1 + R[s])), so that the linked effects add up to Π(1 + R[t]) −
// Π(1 + B[t]), the active return of the whole (PortfolioReturn −
// BenchmarkReturn).
func Link(periods [][]Segment) (*Attribution, error) {
	var groups []string
	index := map[string]int{}
	var errs []error
	table := make([][]segment, len(periods))
	for t, period := range periods {
		table[t] = make([]segment, len(groups))
		seen := map[string]bool{}
		var sw, sW float64
		for _, s := range period {
			if err := checkSegment(s, t, seen); err != nil {
				errs = append(errs, err)
				continue
			}
			k, ok := index[s.Group]
			if !ok {
				k = len(groups)
				index[s.Group] = k
				groups = append(groups, s.Group)
			}
			for len(table[t]) <= k {
				table[t] = append(table[t], segment{})
			}
			table[t][k] = segment{w: s.PortfolioWeight, c: s.PortfolioWeight * s.PortfolioReturn, bw: s.BenchmarkWeight, b: s.BenchmarkReturn, hasB: true}
			sw += s.PortfolioWeight
			sW += s.BenchmarkWeight
		}
		for _, c := range []struct {
			who string
			sum float64
		}{{"portfolio", sw}, {"benchmark", sW}} {
			if math.Abs(c.sum-1) > 1e-9 {
				errs = append(errs, fmt.Errorf("attribution: period %d: the %s's weights add up to %g, want 1", t+1, c.who, c.sum))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for t := range table {
		for len(table[t]) < len(groups) {
			table[t] = append(table[t], segment{hasB: true})
		}
	}
	return link(groups, table), nil
}

// checkSegment reports a segment with a blank or repeated group or a
// number that is not finite.
func checkSegment(s Segment, t int, seen map[string]bool) error {
	if s.Group == "" || seen[s.Group] {
		return fmt.Errorf("attribution: period %d: group %q is blank or repeated: want each group once", t+1, s.Group)
	}
	seen[s.Group] = true
	for _, x := range [...]float64{s.PortfolioWeight, s.PortfolioReturn, s.BenchmarkWeight, s.BenchmarkReturn} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("attribution: period %d: group %s: %+v: want finite weights and returns", t+1, s.Group, s)
		}
	}
	return nil
}

// link computes each period's effects and links them (Frongello).
func link(groups []string, table [][]segment) *Attribution {
	linked := make([]Effect, len(groups))
	for g, name := range groups {
		linked[g].Group = name
	}
	growthP, growthB := 1.0, 1.0
	for _, segs := range table {
		eff, R, B := periodEffects(segs)
		for g := range linked {
			l := &linked[g]
			l.Allocation = l.Allocation*(1+B) + eff[g].Allocation*growthP
			l.Selection = l.Selection*(1+B) + eff[g].Selection*growthP
			l.Interaction = l.Interaction*(1+B) + eff[g].Interaction*growthP
		}
		growthP *= 1 + R
		growthB *= 1 + B
	}
	return &Attribution{Effects: linked, PortfolioReturn: growthP - 1, BenchmarkReturn: growthB - 1}
}
