package fx

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// maxRatesFile bounds what ReadRates reads: FRED's full daily history of
// every H.10 series is about 2 MB.
const maxRatesFile = 64 << 20

// ReadRates reads exchange rates in either layout this package knows,
// told apart by the header (the first line that is not blank or a "#"
// comment): FRED's, whose first column is DATE or observation_date (see
// ReadFRED), or HMRC's monthly month,currency,rate (see ReadHMRC). Any
// other header is an error saying what is wanted.
func ReadRates(r io.Reader) ([]Pair, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRatesFile+1))
	if err != nil {
		return nil, fmt.Errorf("fx: reading rates: %w", err)
	}
	if len(data) > maxRatesFile {
		return nil, fmt.Errorf("fx: rates are over %d MB: want a FRED or HMRC rates CSV file", maxRatesFile>>20)
	}
	header, err := ratesHeader(data)
	if err != nil {
		return nil, err
	}
	first := ""
	if len(header) > 0 {
		first = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(header[0], "\ufeff")))
	}
	switch {
	case first == "date" || first == "observation_date":
		return ReadFRED(bytes.NewReader(data))
	case !slices.Contains(hmrcColumns(header), -1):
		return ReadHMRC(bytes.NewReader(data))
	}
	return nil, fmt.Errorf("fx: rates header %q: want FRED's (DATE,DEXUSUK,...) or HMRC's monthly month,currency,rate",
		strings.Join(header, ","))
}

// ratesHeader is the first record of data that is not blank or a "#"
// comment.
func ratesHeader(data []byte) ([]string, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rec, err := csv.NewReader(strings.NewReader(line)).Read()
		if err != nil {
			return nil, fmt.Errorf("fx: rates header %q: %w", line, err)
		}
		return rec, nil
	}
	return nil, errors.New("fx: rates are empty: want FRED's header DATE,DEXUSUK,... or HMRC's month,currency,rate")
}

// ReadRatesFile reads the exchange-rate file at path with ReadRates. It
// refuses what is not a regular file (a named pipe would block the read).
// Every error starts with the path, once: "PATH: what".
func ReadRatesFile(path string) ([]Pair, error) {
	pairs, err := readRatesFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is said once, below
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return pairs, nil
}

func readRatesFile(path string) ([]Pair, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("fx: it is not a regular file: want a FRED or HMRC rates CSV file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadRates(f)
}
