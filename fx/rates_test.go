package fx_test

import (
	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
)

// The engine takes its currency conversions through portfolio.Rates.
var _ portfolio.Rates = (*fx.Converter)(nil)
