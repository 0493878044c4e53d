// Package meta says what each symbol is: its name, asset class, sector,
// region, country and any other attribute a user cares to group holdings
// by, read from a small CSV file. The report's allocation charts group the
// holdings by these fields (package portfolio/analysis, Options.Meta).
//
// # The file
//
// A UTF-8 CSV file with a header line, one row per symbol:
//
//	symbol,name,asset_class,sector,region,country,currency
//	AAPL,Apple Inc.,Equity,Information Technology,North America,US,USD
//	VWRL.L,Vanguard FTSE All-World ETF,Equity,,Global,IE,GBP
//
// Only symbol is required. Header names are matched without regard to case
// or surrounding space, and spaces or hyphens in them become underscores
// ("Asset Class" is asset_class). The known fields are Name, AssetClass,
// Sector, Region, Country and Currency; any other column is kept as a free
// attribute under its header name, and holdings can be grouped by it too. A
// blank cell says nothing about the symbol: grouped by that field, the
// symbol is "Unclassified", as is a symbol the file does not list.
//
// Beside a directory of prices (quotes.Dir), the file is FileName,
// symbols.csv: the file quotes.Dir already reads for each symbol's currency
// and timezone (the columns it does not know it ignores), so one file
// describes the symbols of a directory. Its currency column is the quote
// currency there, which the allocation by currency takes from the market
// data in any case. For another source (Yahoo Finance), the file may be
// anywhere (the report's -meta flag).
//
// # Problems
//
// Read reports every problem of a file at once, as an *Error naming the
// file, line, column and value of each: no symbol column, a header name
// blank or given twice, a row with more or fewer fields than the header, a
// blank symbol, a symbol listed twice, text that is not CSV. It never
// panics on any input (FuzzRead).
package meta
