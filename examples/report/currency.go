package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/sample"
)

// isoCurrencies are the ISO 4217 codes of the world's circulating
// currencies (the list in force in 2025, plus codes replaced since 2023 that
// Yahoo Finance still has history for: ANG, CUC, HRK, SLL, ZWL). Yahoo
// Finance has no way to list the currencies it quotes, so with -source yahoo
// this is what -currency is checked against before anything is fetched: a
// typo then fails at once instead of after every price has been downloaded.
var isoCurrencies = strings.Fields(`
	AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND
	BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK
	DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD
	HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF
	KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
	MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP
	PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS
	SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD
	UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL`)

// reportingCurrencies lists, sorted, the currencies the -source can value a
// portfolio in: those its exchange rates convert to.
func reportingCurrencies(o *options, src quotes.Source) ([]string, error) {
	switch {
	case o.source == "sample":
		return sample.FX().Currencies(), nil
	case o.source == "yahoo":
		return isoCurrencies, nil
	}
	// A CSV directory converts through USD with the XXXUSD=X files fx.Load
	// reads, so only the currencies that have one are reachable.
	dir, ok := src.(*quotes.Dir)
	if !ok {
		return nil, fmt.Errorf("-source %s: not a CSV directory", o.source)
	}
	symbols, err := dir.Symbols()
	if err != nil {
		return nil, fmt.Errorf("-source %s: %w", o.source, err)
	}
	out := []string{fx.USD}
	for _, s := range symbols {
		base, ok := strings.CutSuffix(s, fx.USD+"=X")
		if !ok || base == fx.USD {
			continue
		}
		if major, factor, ok := fx.Major(base); ok && major == base && factor == 1 {
			out = append(out, base)
		}
	}
	slices.Sort(out)
	return out, nil
}

// checkCurrency checks -currency against the currencies the market data can
// convert to, so that a typo is caught before anything is fetched or
// computed, with the codes that would have worked.
func checkCurrency(o *options, accepted []string) error {
	if slices.Contains(accepted, o.currency) {
		return nil
	}
	var why string
	switch {
	case o.source == "sample":
		why = "the sample market has no exchange rates for it"
	case o.source == "yahoo":
		why = "not an ISO 4217 currency code"
	default:
		why = fmt.Sprintf("the CSV directory %s has no %s.csv to convert with",
			strings.TrimPrefix(o.source, "csv:"), fx.YahooSymbol(o.currency, fx.USD))
	}
	return fmt.Errorf("-currency %s: %s; accepted with -source %s: %s",
		o.currency, why, o.source, strings.Join(accepted, ", "))
}

// needsConversion reports whether valuing amounts in currencies in the
// reporting currency takes an exchange rate: whether any of them has a
// major currency other than reporting's (GBp in GBP is a fixed factor).
func needsConversion(reporting string, currencies []string) bool {
	for _, c := range currencies {
		if major, _, ok := fx.Major(c); !ok || major != reporting {
			return true
		}
	}
	return false
}
