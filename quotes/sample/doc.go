// Package sample is an offline market for examples, tests and first steps:
// real end-of-day closes of the 30 Dow Jones Industrial Average stocks and
// of the index (^DJI) from 1990-12-31 to 2001-01-02, the Federal Reserve's
// daily exchange rates for the same years, and a sample portfolio of a
// sterling investor buying US blue chips in the 1990s.
//
//	m := sample.Market()          // a *quotes.Memory, prices in USD
//	c := sample.FX()              // an *fx.Converter, USD against GBP, JPY, ...
//	csv := sample.Transactions()  // the sample portfolio, as CSV
//	t := sample.Meta()            // each stock's name, sector, region ... (quotes/meta)
//
// # Data
//
// The data is embedded (about 210 KB, gzip-compressed CSV in data/) and
// built by go generate from the project's shared market data; see NOTICE
// for the sources. The stock closes are split- and dividend-adjusted, as
// the source publishes them, so the series carry no split or dividend
// events, and the prices of the early 1990s are well below what traders
// paid at the time. In the source, 1990-12-31 and 1991-01-02 have the same
// close for every stock.
//
// # Calendar
//
// Every series follows one calendar, the NYSE's: weekdays except the
// exchange holidays of the time (New Year's Day, Martin Luther King Jr. Day
// from 1998, Washington's Birthday, Good Friday, Memorial Day, Independence
// Day, Labor Day, Thanksgiving and Christmas, a Saturday holiday moving to
// the Friday before and a Sunday one to the Monday after, except that New
// Year's Day on a Saturday is not made up) and the closure of 1994-04-27 for
// President Nixon's funeral. The index source lists every weekday, repeating
// the previous close on holidays; those 83 rows are dropped so that neither
// the stocks nor ^DJI show a made-up price on a day the exchange was
// closed. The stock source already follows this calendar over these years.
//
// The exchange rates keep their own calendar (the Federal Reserve's), from
// 1990-12-01 to 2001-01-31, so every trading day has a rate on or before
// it.
package sample
