package portfolio

import (
	"testing"

	"github.com/gofolio/gofolio/portfolio/perf"
)

// TestMinDenominatorIsPerfs: the engine's threshold for an empty portfolio
// is the one perf.DailyReturn uses, so that the frame Build computes and a
// Window recomputed from it agree on which days had nothing invested.
func TestMinDenominatorIsPerfs(t *testing.T) {
	if minDenominator != perf.MinBase {
		t.Errorf("minDenominator = %g, perf.MinBase = %g: they must be equal", minDenominator, perf.MinBase)
	}
}
