package txfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/gofolio/gofolio/portfolio/txfile/broker"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// peekBytes is how much of a CSV file Read looks at to recognise a
// broker's export by its header.
const peekBytes = 64 << 10

// readCSVFile reads a CSV file: through opts.Mapping when set, as the
// broker export whose header it has (see package broker), or else in
// gofolio's own layout (ReadCSV). A file in none of them gets, besides
// ReadCSV's missing columns, the closest broker layouts and its header.
func readCSVFile(r io.Reader, opts Options) ([]txn.Transaction, error) {
	br := bufio.NewReaderSize(r, peekBytes)
	head := peekRecords(br)
	bopts := broker.Options{Name: opts.Name, Account: opts.Account, DefaultAccount: opts.DefaultAccount, Mapping: opts.Mapping}
	if opts.Mapping != nil {
		return broker.Read(br, bopts)
	}
	if l, _ := broker.Detect(head); l != nil {
		return broker.Read(br, bopts)
	}
	txs, err := ReadCSV(br, opts)
	if err != nil {
		return nil, withClosestLayouts(err, head)
	}
	if opts.Account != "" {
		for i := range txs {
			txs[i].Account = opts.Account
		}
	}
	return txs, nil
}

// peekRecords parses the complete lines among the first peekBytes of br
// without consuming them.
func peekRecords(br *bufio.Reader) [][]string {
	data, _ := br.Peek(peekBytes)
	if len(data) == peekBytes {
		if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
			data = data[:i+1]
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	var recs [][]string
	for {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		recs = append(recs, rec)
	}
	return recs
}

// withClosestLayouts adds to a file's missing date or kind column the
// broker layouts closest to its header.
func withClosestLayouts(err error, head [][]string) error {
	var ve *txn.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	for _, p := range ve.Problems {
		if (p.Column == "date" || p.Column == "kind") && strings.HasPrefix(p.Expected, "missing column") {
			header := firstNonBlank(head)
			ve.Problems = append(ve.Problems, txn.Problem{Origin: txn.Origin{File: p.File, Row: p.Row},
				Value:    strings.Join(header, ","),
				Expected: "gofolio's own layout (above) or a broker export gofolio recognises; " + broker.Closest(header)})
			return ve
		}
	}
	return err
}

func firstNonBlank(recs [][]string) []string {
	for _, rec := range recs {
		for _, c := range rec {
			if strings.TrimSpace(c) != "" {
				return rec
			}
		}
	}
	return nil
}
