package analysis

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/attribution"
)

// TestRunReturnsPerHolding: in fourDays the £1,100 deposited (£1,000 and
// $200 at 0.5) stay invested with no further flow, so A's contribution is
// its gain over the opening value, (9 − 10) × 50 / 1100 = −50/1100, the
// whole of the TWR (1050/1100 − 1); the cash (at a constant rate)
// contributes 0; A's own TWR is 9/10 − 1. Grouped by quote currency: GBP
// (A) then Cash; with Options.Groups, A's group.
func TestRunReturnsPerHolding(t *testing.T) {
	res, _ := fourDays(t)
	a, err := Run(res, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := a.HoldingReturns
	if len(h) != 2 || h[0].Symbol != "A" || h[1].Symbol != attribution.Cash {
		t.Fatalf("HoldingReturns = %+v, want A then Cash", h)
	}
	if !near(h[0].Contribution, -50.0/1100) || !near(h[1].Contribution, 0) || !near(h[0].TWR, -0.1) {
		t.Errorf("A contributes %g (want %g) with a TWR of %g (want −0.1), cash %g (want 0)", h[0].Contribution, -50.0/1100, h[0].TWR, h[1].Contribution)
	}
	if twr := a.Summary.TWR.Value; !near(h[0].Contribution+h[1].Contribution, twr) {
		t.Errorf("contributions add up to %g, the TWR is %g", h[0].Contribution+h[1].Contribution, twr)
	}
	g := a.ContributionByGroup
	if a.GroupedBy != "quote currency" || len(g) != 2 || g[0].Group != "GBP" || !near(g[0].Contribution, -50.0/1100) || g[1].Group != attribution.Cash {
		t.Errorf("ContributionByGroup (%s) = %+v, want GBP −50/1100 then Cash", a.GroupedBy, g)
	}
	a, err = Run(res, nil, Options{Groups: map[string]string{"A": "Equity"}})
	if err != nil {
		t.Fatal(err)
	}
	if g := a.ContributionByGroup; a.GroupedBy != "group" || g[0].Group != "Equity" {
		t.Errorf("with Options.Groups, ContributionByGroup (%s) = %+v, want Equity first", a.GroupedBy, g)
	}
}
