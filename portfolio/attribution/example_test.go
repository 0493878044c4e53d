package attribution_test

import (
	"fmt"

	"github.com/gofolio/gofolio/portfolio/attribution"
)

// Brinson-Fachler effects of one period, from the groups' weights and
// returns (see TestBrinsonFachlerTextbook for the hand computation).
func ExampleBrinsonFachler() {
	a, err := attribution.BrinsonFachler([]attribution.Segment{
		{Group: "Tech", PortfolioWeight: .35, PortfolioReturn: .18, BenchmarkWeight: .30, BenchmarkReturn: .155},
		{Group: "Health", PortfolioWeight: .20, PortfolioReturn: .082, BenchmarkWeight: .15, BenchmarkReturn: .09},
		{Group: "Fin", PortfolioWeight: .25, PortfolioReturn: .125, BenchmarkWeight: .30, BenchmarkReturn: .11},
		{Group: "Cons", PortfolioWeight: .20, PortfolioReturn: .068, BenchmarkWeight: .25, BenchmarkReturn: .075},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range append(a.Effects, a.Totals()) {
		fmt.Printf("%-6s allocation %+.3f%%  selection %+.3f%%  interaction %+.3f%%\n", e.Group, 100*e.Allocation, 100*e.Selection, 100*e.Interaction)
	}
	fmt.Printf("portfolio %.3f%%, benchmark %.3f%%\n", 100*a.PortfolioReturn, 100*a.BenchmarkReturn)
	// Output:
	// Tech   allocation +0.216%  selection +0.750%  interaction +0.125%
	// Health allocation -0.109%  selection -0.120%  interaction -0.040%
	// Fin    allocation +0.009%  selection +0.450%  interaction -0.075%
	// Cons   allocation +0.184%  selection -0.175%  interaction +0.035%
	// Total  allocation +0.300%  selection +0.905%  interaction +0.045%
	// portfolio 12.425%, benchmark 11.175%
}
