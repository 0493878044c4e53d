package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/portfolio"
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
	case o.ratesFile != "":
		return fmt.Errorf("-currency %s: the rates file %s (-rates) has no rates for it; it has: %s",
			o.currency, o.ratesFile, strings.Join(accepted, ", "))
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

// A currencyUse is a currency the report converts to the reporting one,
// from the first day it does so.
type currencyUse struct {
	currency string
	date     time.Time // of the first transaction (or window) that uses it
	day      time.Time // the first trading day on or after date: the engine converts from then
	what     string    // what uses it first, for the error
}

// checkRateHistory checks, before the build, that the exchange rates reach
// back to the first day each currency in use is converted. When they do
// not because the reporting currency's rates start late (EUR only from
// 1999 in the sample, whose portfolio starts in 1991), the build would
// blame the transactions' rows for what -currency asked for: this says
// so, with the currencies whose rates do cover those days. When no
// currency would do, the transactions' own currencies lack the history,
// and the build's problems, which name the rows, are the right report.
func checkRateHistory(o *options, rates portfolio.Rates, accepted []string, txs []portfolio.Transaction,
	series map[string]*quotes.Series, benchmarks []*quotes.Series) error {
	uses := currencyUses(o, txs, series, benchmarks)
	var late *currencyUse
	for i, u := range uses {
		if !converts(rates, u.currency, o.currency, u.day) && (late == nil || u.date.Before(late.date)) {
			late = &uses[i]
		}
	}
	if late == nil {
		return nil
	}
	var choices []string
	for _, c := range accepted {
		if c != o.currency && convertsAll(rates, uses, c) {
			choices = append(choices, c)
		}
	}
	if len(choices) == 0 {
		return nil
	}
	var whose, choose string
	switch {
	case o.ratesFile != "":
		whose, choose = fmt.Sprintf("the rates to %s in %s (-rates)", o.currency, o.ratesFile), "choose one of: "+strings.Join(choices, ", ")
	case o.source == "sample":
		whose, choose = "the sample's exchange rates to "+o.currency, "choose one of: "+strings.Join(choices, ", ")
	case o.source == "yahoo":
		whose, choose = "Yahoo Finance's exchange rates to "+o.currency, "choose one whose rates go back further, such as "+strings.Join(choices, ", ")
	default:
		whose = fmt.Sprintf("the exchange rates to %s in the CSV directory %s", o.currency, strings.TrimPrefix(o.source, "csv:"))
		choose = "choose one whose rates go back further, such as " + strings.Join(choices, ", ")
	}
	when := fmt.Sprintf("%s (%s)", late.what, late.date.Format(time.DateOnly))
	if start, ok := rateStart(rates, late.currency, o.currency, late.day, lastDay(txs, series, o.to)); ok {
		return fmt.Errorf("-currency %s: %s start on %s, after %s; %s",
			o.currency, whose, start.Format(time.DateOnly), when, choose)
	}
	return fmt.Errorf("-currency %s: %s do not reach back to %s; %s", o.currency, whose, when, choose)
}

// currencyUses lists the currencies the report values in the reporting
// one, each with its first use: a transaction's own currency, or the currency of the
// symbol it trades (its price values the holding), and each benchmark's
// from the first day of the report's window.
func currencyUses(o *options, txs []portfolio.Transaction, series map[string]*quotes.Series, benchmarks []*quotes.Series) []currencyUse {
	first, _ := dateSpan(txs)
	byCurrency := map[string]int{} // index in out
	var out []currencyUse
	use := func(c string, date time.Time, what string) {
		// Currencies in the reporting one are kept too: they would need a
		// rate in any other currency suggested instead.
		if c == "" {
			return
		}
		u := currencyUse{currency: c, date: date, day: firstTradingDay(series, date), what: what}
		if i, ok := byCurrency[c]; !ok {
			byCurrency[c] = len(out)
			out = append(out, u)
		} else if date.Before(out[i].date) {
			out[i] = u
		}
	}
	for _, tx := range txs {
		symbolCurrency := ""
		if s, ok := series[tx.Symbol]; ok && tx.Symbol != "" {
			symbolCurrency = s.Currency
		}
		for _, c := range []string{tx.Currency, symbolCurrency} {
			what := "the first transaction"
			if !quotes.Day(tx.Date).Equal(quotes.Day(first)) {
				what = "the first transaction in " + c
			}
			use(c, tx.Date, what)
		}
	}
	// The benchmarks are compared over the window, which starts on -from
	// when it is later than the first transaction.
	start := first
	if o.from.After(start) {
		start = o.from
	}
	for _, b := range benchmarks {
		use(b.Currency, start, "the start of the report, for benchmark "+b.Symbol)
	}
	return out
}

// firstTradingDay is the first day on or after date on which any of
// series has a close (the engine's calendar is their union), or date when
// none has one.
func firstTradingDay(series map[string]*quotes.Series, date time.Time) time.Time {
	day := quotes.Day(date)
	var first time.Time
	for _, s := range series {
		i := sort.Search(len(s.Dates), func(i int) bool { return !s.Dates[i].Before(day) })
		if i < len(s.Dates) && (first.IsZero() || s.Dates[i].Before(first)) {
			first = s.Dates[i]
		}
	}
	if first.IsZero() {
		return day
	}
	return first
}

// lastDay is the last day the report can cover: the latest close, last
// transaction or -to.
func lastDay(txs []portfolio.Transaction, series map[string]*quotes.Series, to time.Time) time.Time {
	_, last := dateSpan(txs)
	last = quotes.Day(last)
	for _, s := range series {
		if n := len(s.Dates); n > 0 && s.Dates[n-1].After(last) {
			last = s.Dates[n-1]
		}
	}
	if to.After(last) {
		last = quotes.Day(to)
	}
	return last
}

// converts reports whether rates convert from to to on day.
func converts(rates portfolio.Rates, from, to string, day time.Time) bool {
	if !needsConversion(to, []string{from}) {
		return true
	}
	_, err := rates.Rates(from, to, []time.Time{day})
	return err == nil
}

// convertsAll reports whether every use converts to currency on its day.
func convertsAll(rates portfolio.Rates, uses []currencyUse, currency string) bool {
	for _, u := range uses {
		if !converts(rates, u.currency, currency, u.day) {
			return false
		}
	}
	return true
}

// rateStart finds the first day from after to end on which rates convert
// from to to, when end has a rate: rates carry the last one forward, so
// once a day has one every later day has too, and a binary search over
// the days finds the first.
func rateStart(rates portfolio.Rates, from, to string, after, end time.Time) (time.Time, bool) {
	if !converts(rates, from, to, end) {
		return time.Time{}, false
	}
	n := int(end.Sub(after).Hours()/24 + 0.5)
	i := sort.Search(n, func(i int) bool { return converts(rates, from, to, after.AddDate(0, 0, i+1)) })
	return after.AddDate(0, 0, i+1), true
}
