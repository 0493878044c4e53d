package main

import (
	"fmt"

	"github.com/gofolio/gofolio/fx"
)

// ratesFromFile is the converter of -rates, which stands in for the
// market data's exchange rates: every conversion, the benchmarks' too,
// uses the file's.
func ratesFromFile(o *options) (*fx.Converter, error) {
	// FRED's daily H.10 layout or HMRC's monthly rates, told apart by the
	// header; the error names the file.
	pairs, err := fx.ReadRatesFile(o.ratesFile)
	if err != nil {
		return nil, fmt.Errorf("-rates %w", err)
	}
	conv, err := fx.NewConverter(pairs...)
	if err != nil {
		return nil, fmt.Errorf("-rates %s: %w", o.ratesFile, err)
	}
	return conv, nil
}
