package main

import (
	"fmt"
	"os"

	"github.com/gofolio/gofolio/fx"
)

// readRatesFile reads the exchange-rate pairs of -rates. It reads FRED's
// daily H.10 layout with fx.ReadFRED; at merge the lead replaces that one
// call with fx.ReadRatesFile, which also reads HMRC's monthly rates and
// tells the two apart by their header.
func readRatesFile(path string) ([]fx.Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pathErr(err) // ratesFromFile names the file
	}
	defer f.Close()
	return fx.ReadFRED(f)
}

// ratesFromFile is the converter of -rates, which stands in for the
// market data's exchange rates: every conversion, the benchmarks' too,
// uses the file's.
func ratesFromFile(o *options) (*fx.Converter, error) {
	pairs, err := readRatesFile(o.ratesFile)
	if err != nil {
		return nil, fmt.Errorf("-rates %s: %w", o.ratesFile, withoutPrefix{err})
	}
	conv, err := fx.NewConverter(pairs...)
	if err != nil {
		return nil, fmt.Errorf("-rates %s: %w", o.ratesFile, err)
	}
	return conv, nil
}
