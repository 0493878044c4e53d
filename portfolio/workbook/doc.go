// Package workbook writes gofolio's frames as an .xlsx workbook (Write:
// a "performance" and a "holdings" sheet, real dates and number formats).
//
// It is the only package of gofolio that imports excelize
// (github.com/xuri/excelize/v2) outside tests, so that a program that
// builds a portfolio or computes its statistics does not link it. It may
// import the standard library, excelize and portfolio. The transaction
// readers (portfolio/txfile) read .xlsx files with the standard library
// alone (archive/zip, encoding/xml), in a bounded stream.
package workbook
