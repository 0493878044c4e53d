package analysis

import (
	"github.com/gofolio/gofolio/portfolio/attribution"
)

// attribute sets the window's returns per holding and contributions
// (package attribution): Attribution, HoldingReturns and
// ContributionByGroup, grouped by Options.Groups or, without them, by each
// symbol's quote currency.
func (a *Analysis) attribute() error {
	d, err := attribution.FromResult(a.Result, a.Options.From, a.Options.To)
	if err != nil {
		return err
	}
	a.Attribution = d
	a.HoldingReturns = d.Holdings()
	groups := a.Options.Groups
	a.GroupedBy = "group"
	if groups == nil {
		h := a.Result.Holdings
		groups = make(map[string]string, len(h.Symbols))
		for s, sym := range h.Symbols {
			groups[sym] = h.QuoteCurrency[s]
		}
		a.GroupedBy = "quote currency"
	}
	a.ContributionByGroup = d.ByGroup(attribution.MapGroup(groups))
	return nil
}
