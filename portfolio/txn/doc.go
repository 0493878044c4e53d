// Package txn holds the transaction types every layer of gofolio shares:
// Transaction (one row of an investor's transactions file), its Kind,
// the Origin of a row, and the Problem and ValidationError that list what
// is wrong with an input. It also quotes values found in files for
// messages (QuoteValue, QuoteName, Escape), so that no file can write to
// the terminal through an error.
//
// It is a leaf: it imports only the standard library. The readers
// (portfolio/txfile) produce these values, the engine (portfolio) consumes
// them, and package portfolio aliases the types (portfolio.Transaction is
// txn.Transaction) so that a program calling portfolio.Build needs one
// import.
package txn
