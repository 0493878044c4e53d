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
// The format is versioned. Format 2 files list every split their closes
// are divided by. Format 1 files, written by versions that fetched only the
// range asked for, may not; they are still read, as Legacy entries (see
// Entry.Legacy), so that the history of a symbol Yahoo no longer has is not
// lost. A version that knows only format 1 takes a format 2 file for
// corrupt and fetches it again.
//
// Versions that knew only format 1 locked a hidden ".SYMBOL.json.lock"
// beside the cache file instead of a file in .locks, so an old and a new
// binary updating the same symbol at once do not exclude each other: one
// update may be lost, though each file written is whole and valid. Their
// lock files are left in place, since a lock file's age does not tell
// whether an old process still holds it, and deleting a held one would let
// two old processes lock two different files. They are empty, and safe to
// delete once no old binary runs.
//
// File names are a reversible percent-encoding of the symbol (see FileName):
// no symbol, whatever characters it holds, names a file outside the
// directory.
package cache
