// Command gen builds the sample market's embedded CSV files from the real
// market data in the project's ../shared/marketdata folder (see its
// README.md): the 30 Dow Jones stocks and the ^DJI index on the NYSE trading
// days from 1990-12-31 to 2001-01-02, and the Federal Reserve's H.10 rates
// from 1990-12-01 to 2001-01-31. Values are copied as they are; only rows
// are dropped. The files are written gzip-compressed (about 210 KB instead
// of 620 KB of CSV). Run it with go generate in quotes/sample.
package main

import (
	"compress/gzip"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofolio/gofolio/quotes/sample/internal/nyse"
)

var (
	first   = time.Date(1990, 12, 31, 0, 0, 0, 0, time.UTC)
	last    = time.Date(2001, 1, 2, 0, 0, 0, 0, time.UTC)
	fxFirst = time.Date(1990, 12, 1, 0, 0, 0, 0, time.UTC)
	fxLast  = time.Date(2001, 1, 31, 0, 0, 0, 0, time.UTC)
)

func main() {
	src := flag.String("src", "", "folder of the shared market data (default: ../shared/marketdata beside the module root)")
	out := flag.String("out", "data", "folder to write the sample CSV files to")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	if *src == "" {
		root, err := moduleRoot()
		if err != nil {
			log.Fatal(err)
		}
		*src = filepath.Join(root, "..", "shared", "marketdata")
	}
	jobs := []struct {
		in, out    string
		from, to   time.Time
		calendar   bool // keep NYSE trading days only
		header     []string
		checkDaily bool // every trading day must be present
	}{
		{"dowjones30_1991-2000.csv", "stocks.csv.gz", first, last, true, nil, true},
		{"djia_1980-2012.csv", "djia.csv.gz", first, last, true, []string{"Date", "^DJI"}, true},
		{"fred_h10_fx_1971-2024.csv", "fred_h10.csv.gz", fxFirst, fxLast, false, nil, false},
	}
	for _, j := range jobs {
		rows, err := readCSV(filepath.Join(*src, j.in))
		if err != nil {
			log.Fatal(err)
		}
		header := rows[0]
		if j.header != nil {
			if len(j.header) != len(header) {
				log.Fatalf("%s: header %v has %d columns, want %d", j.in, header, len(header), len(j.header))
			}
			header = j.header
		}
		kept := [][]string{header}
		var dropped []string
		have := make(map[time.Time]bool)
		for i, r := range rows[1:] {
			d, err := time.Parse(time.DateOnly, r[0])
			if err != nil {
				log.Fatalf("%s line %d: %v", j.in, i+2, err)
			}
			if d.Before(j.from) || d.After(j.to) {
				continue
			}
			if j.calendar && !nyse.TradingDay(d) {
				dropped = append(dropped, r[0])
				continue
			}
			have[d] = true
			kept = append(kept, r)
		}
		if j.checkDaily {
			for d := j.from; !d.After(j.to); d = d.AddDate(0, 0, 1) {
				if nyse.TradingDay(d) && !have[d] {
					log.Fatalf("%s: no row for trading day %s", j.in, d.Format(time.DateOnly))
				}
			}
		}
		if err := writeCSV(filepath.Join(*out, j.out), kept); err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "gen: %s: %d rows from %s; dropped %d non-trading days %v\n",
			j.out, len(kept)-1, j.in, len(dropped), strings.Join(dropped, " "))
	}
}

// moduleRoot walks up from the working directory to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: no data rows", path)
	}
	return rows, nil
}

// writeCSV writes rows to path as gzip-compressed CSV, atomically: a
// temporary file in the same folder, synced, then renamed over path. The
// gzip header carries no name or time, so the output depends only on rows.
func writeCSV(path string, rows [][]string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	zw, err := gzip.NewWriterLevel(tmp, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := csv.NewWriter(zw).WriteAll(rows); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
