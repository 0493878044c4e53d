// Package layout holds no code: its test checks the package layout that
// README's "Packages" table describes, with `go list`. The statistics,
// benchmarks, the leaf types (portfolio/perf, portfolio/txn), the
// transaction readers and the engine link no third-party module; excelize
// is imported only by portfolio/workbook and gota only by
// portfolio/dataframe and report/notebook (tests aside).
package layout
