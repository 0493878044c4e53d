package sample

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/gofolio/gofolio/fx"
	"github.com/gofolio/gofolio/quotes"
	"github.com/gofolio/gofolio/quotes/meta"
)

//go:generate go run ./internal/gen -out data

const (
	// Benchmark is the sample market's index, the Dow Jones Industrial
	// Average.
	Benchmark = "^DJI"
	// Currency is the sample investor's reporting currency: a sterling
	// investor buying US stocks.
	Currency = "GBP"
	// TransactionsFile is the name under which to save Transactions.
	TransactionsFile = "sample-portfolio.csv"
	// Timezone is the exchange timezone of every sample series.
	Timezone = "America/New_York"

	// quoteCurrency is the currency of every sample price.
	quoteCurrency = "USD"
)

var (
	//go:embed data/stocks.csv.gz data/djia.csv.gz data/fred_h10.csv.gz
	data embed.FS
	//go:embed data/sample-portfolio.csv
	transactions []byte
	//go:embed data/symbols.csv
	symbolsFile []byte
)

// Market returns the sample market: the 30 Dow Jones Industrial stocks
// of 1991-2000 and the index itself (Benchmark), closes in USD on the NYSE
// trading days from 1990-12-31 to 2001-01-02. Each call returns a new
// Memory; the series in it are shared and must not be modified.
func Market() *quotes.Memory {
	m, err := quotes.NewMemory(loadSeries()...)
	if err != nil {
		panic("sample: embedded market data is invalid: " + err.Error())
	}
	return m
}

// Symbols lists the sample market's symbols, sorted: the 30 stocks and
// Benchmark.
func Symbols() []string {
	series := loadSeries()
	out := make([]string, len(series))
	for i, s := range series {
		out[i] = s.Symbol
	}
	slices.Sort(out)
	return out
}

// FX returns a converter over the Federal Reserve's H.10 daily rates from
// 1990-12-01 to 2001-01-31: USD against GBP, JPY, CHF, CAD, AUD, and EUR
// from 1999-01-04. The converter is shared; it is immutable.
func FX() *fx.Converter { return loadFX() }

var loadFX = sync.OnceValue(func() *fx.Converter {
	r, err := open("data/fred_h10.csv.gz")
	if err != nil {
		panic(err)
	}
	pairs, err := fx.ReadFRED(r)
	if err != nil {
		panic("sample: embedded FX data is invalid: " + err.Error())
	}
	c, err := fx.NewConverter(pairs...)
	if err != nil {
		panic("sample: embedded FX data is invalid: " + err.Error())
	}
	return c
})

// Transactions returns the sample portfolio as CSV with the header
// date,kind,symbol,quantity,price,commission,amount,currency,note: a
// sterling investor who deposits pounds (and dollars converted at the
// broker), buys and sells a dozen Dow stocks from 1991 to 2000 and pays
// account fees. Each call returns a new copy.
func Transactions() []byte { return bytes.Clone(transactions) }

// Meta is what each of the 30 stocks is (package quotes/meta): its name,
// asset class (Equity), sector (the GICS sectors of today's 11-sector
// scheme, for the company as it was in the 1990s), region (North America),
// country (US) and currency (USD). The file is data/symbols.csv, written
// for this project from public facts (see NOTICE). The table is shared; it
// is immutable.
func Meta() meta.Table { return loadMeta() }

var loadMeta = sync.OnceValue(func() meta.Table {
	t, err := meta.Read(bytes.NewReader(symbolsFile), "data/symbols.csv")
	if err != nil {
		panic("sample: embedded metadata is invalid: " + err.Error())
	}
	return t
})

// loadSeries parses the embedded closes once.
var loadSeries = sync.OnceValue(func() []*quotes.Series {
	var all []*quotes.Series
	for _, name := range []string{"data/stocks.csv.gz", "data/djia.csv.gz"} {
		series, err := readCloses(name)
		if err != nil {
			panic(err)
		}
		all = append(all, series...)
	}
	return all
})

// open returns the decompressed content of an embedded file.
func open(name string) (io.Reader, error) {
	f, err := data.Open(name)
	if err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("sample: %s: %w", name, err)
	}
	return zr, nil
}

// readCloses reads an embedded table with a Date column followed by one
// column of closes per symbol.
func readCloses(name string) ([]*quotes.Series, error) {
	r, err := open(name)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("sample: %s: %w", name, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("sample: %s: no rows", name)
	}
	header := rows[0]
	series := make([]*quotes.Series, len(header)-1)
	for i := range series {
		series[i] = &quotes.Series{
			Symbol: header[i+1], Currency: quoteCurrency, Timezone: Timezone,
			Dates: make([]time.Time, 0, len(rows)-1), Close: make([]float64, 0, len(rows)-1),
		}
	}
	for n, row := range rows[1:] {
		d, err := time.Parse(time.DateOnly, row[0])
		if err != nil {
			return nil, fmt.Errorf("sample: %s line %d: %w", name, n+2, err)
		}
		for i, s := range series {
			c, err := strconv.ParseFloat(row[i+1], 64)
			if err != nil {
				return nil, fmt.Errorf("sample: %s line %d: %w", name, n+2, err)
			}
			s.Dates = append(s.Dates, d)
			s.Close = append(s.Close, c)
		}
	}
	return series, nil
}
