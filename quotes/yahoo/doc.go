// Package yahoo gets daily price histories from Yahoo Finance's v8 chart
// endpoint and keeps them in an on-disk cache (package quotes/yahoo/cache).
//
// New returns a Source implementing quotes.Source and quotes.BatchSource.
// A call asks Yahoo only for the days the cache lacks, plus a few days of
// overlap at the end to pick up revisions; a repeated call makes no request.
// Every request runs through today, whatever range was asked: Yahoo divides
// all closes by every split it knows, so only then does the series list
// each split its closes are adjusted for (splits after the range asked are
// kept, as quotes.Series.Between does). Old histories are asked for too:
// an open-ended range starts in 1900.
//
// When a refresh finds that Yahoo has since added, retracted or re-ratioed
// a split, the older cached closes are rebased to match; when it finds a
// split sent malformed (and dropped), the whole cached history is fetched
// again, so that it keeps one adjustment basis. An answer lacking many of
// the days the cache has is taken for a glitch: the cache is kept and
// serves the range, with a warning. Cache files of earlier versions, which
// fetched only the range asked for and so may not list every split their
// closes are divided by, are fetched again in full once; when Yahoo no
// longer has anything for them (a delisted symbol), they are kept as they
// are, with one warning.
//
// Many symbols are fetched with a few requests at a time (Options.Concurrency), with a
// browser User-Agent, the cookie-and-crumb handshake when Yahoo asks for it,
// and retries with exponential backoff and jitter on network errors, 429s
// and 5xxs, honouring Retry-After. When the network fails but the cache
// covers the range, the cache is used and a warning given; Options.Offline
// never touches the network.
//
// Series follow the conventions of package quotes: dates are the exchange's
// calendar days, closes are Yahoo's (split-adjusted, not dividend-adjusted),
// a null close drops the day instead of becoming zero, and dividends and
// splits are events on their ex-dates. An event that cannot be right (a
// "0:0" split, a zero dividend) is dropped with a warning to Options.Warn
// rather than failing the series. The currency is Yahoo's, "GBp" for
// pence included, and an FX pair such as EURUSD=X is quoted in its second
// currency.
//
// This client replaces github.com/piquette/finance-go, whose chart parser
// turns null closes into zero prices, panics on short arrays, ignores
// dividends and splits and sends Go's default User-Agent.
package yahoo
