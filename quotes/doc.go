// Package quotes holds end-of-day market data: one Series per symbol with its
// trading dates, closes, dividend and split events, currency and exchange
// timezone, and the Source interface that every data provider implements.
//
// Dates are calendar days in the exchange's own timezone, stored as
// time.Time at midnight UTC so that two series can be compared and merged
// with ==. Use Day to normalise any time.Time to that form.
//
// Closes are what the provider gives: Yahoo Finance's "close" is adjusted for
// splits but not for dividends, so a split shows up as an event and the
// closes before it are already divided by the ratio. The portfolio engine
// relies on this convention: quantities are multiplied by split ratios and
// dividends are paid in cash on the shares held.
//
// Implementations here: Memory (tests and programs that build series
// themselves) and Dir (a directory of CSV files). The packages
// quotes/sample (an embedded offline market) and quotes/yahoo (Yahoo
// Finance with an on-disk cache) provide the others.
package quotes
