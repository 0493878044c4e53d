// Package txfile reads an investor's transactions file: Read picks the
// reader by the file's extension, ReadCSV reads CSV and ReadExcel an .xlsx
// or .xlsm workbook. The columns, their aliases and the rules for each
// kind are documented on ReadCSV. Every problem of a file is reported at
// once, as a *txn.ValidationError listing its file, sheet, row, column,
// value and what was expected; nothing is returned with it.
//
// ReadExcel streams the workbook's XML parts with archive/zip and
// encoding/xml under fixed budgets (rows, cell sizes, unzipped bytes,
// nesting), so that a hostile or huge workbook is refused with a message
// rather than exhausting memory; it does not use excelize (see README,
// "Dependency decisions").
//
// Read also recognises brokers' CSV exports by their header and reads
// them, or any CSV through a column mapping, with package
// portfolio/txfile/broker, which txfile imports and which never imports
// txfile (the broker readers need only portfolio/txn).
//
// It may import the standard library, portfolio/txn (the values it
// returns), portfolio/txfile/broker, fx (currency codes) and
// internal/suggest ("did you mean" for headers): not the engine, so that a program that only checks a file
// does not link it, and the engine's tests can read files.
package txfile
