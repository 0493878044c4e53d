// Package cache keeps Yahoo Finance histories on disk, one human-readable
// JSON file per symbol, so that a second run makes no request and a run a
// day later fetches only the days it lacks.
//
// A file records the series (closes, dividends, splits, currency, exchange
// timezone), the range of days it covers (every trading day from From to To
// is in it) and when its tail was last fetched. Files are written
// atomically and updated under a per-symbol lock file (kept in the .locks
// subdirectory), so a crash or two processes updating the same symbol at
// once leave a valid file. A file that
// fails to parse or to validate is reported as corrupt and never used.
//
// File names are a reversible percent-encoding of the symbol (see FileName):
// no symbol, whatever characters it holds, names a file outside the
// directory.
package cache
