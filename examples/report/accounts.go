package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/ledgercheck"
	"github.com/gofolio/gofolio/portfolio/txfile"
	"github.com/gofolio/gofolio/portfolio/txfile/broker"
	"github.com/gofolio/gofolio/portfolio/txn"
)

// txList is the repeatable -tx flag.
type txList []string

func (l *txList) String() string { return strings.Join(*l, ",") }

func (l *txList) Set(s string) error {
	if s == "" {
		return fmt.Errorf("an empty -tx: want a file or folder")
	}
	*l = append(*l, s)
	return nil
}

// transactionExts are the files a -tx folder contributes.
var transactionExts = map[string]bool{".csv": true, ".xlsx": true, ".xlsm": true}

// txInputs lists the files the -tx flags name: each file as given, and
// the .csv, .xlsx and .xlsm files of a folder (not its hidden ones nor
// its subfolders), in name order.
func txInputs(o *options) []string {
	var out []string
	for _, p := range o.txFiles {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			out = append(out, p)
			continue
		}
		entries, _ := os.ReadDir(p)
		for _, e := range entries {
			name := e.Name()
			if !e.IsDir() && !strings.HasPrefix(name, ".") && transactionExts[strings.ToLower(filepath.Ext(name))] {
				out = append(out, filepath.Join(p, name))
			}
		}
	}
	return out
}

// readAccounts reads every -tx file, each an account: a broker export's
// own account, an account column, or else the file's name. A row found
// identical in two files of one account (overlapping exports) is reported
// with both places; nothing is read then.
func readAccounts(o *options, stderr io.Writer) ([]portfolio.Transaction, string, error) {
	files := txInputs(o)
	if len(files) == 0 {
		return nil, "", fmt.Errorf("-tx %s: is a directory with no .csv, .xlsx or .xlsm file", strings.Join(o.txFiles, ", "))
	}
	var mapping *broker.Mapping
	if o.mapFile != "" {
		m, err := broker.ReadMapping(o.mapFile)
		if err != nil {
			return nil, "", err
		}
		mapping = m
	}
	names := map[string]int{}
	for _, f := range files {
		names[fileAccount(f)]++
	}
	var all []portfolio.Transaction
	var errs []string
	for _, f := range files {
		// A file's account, when the export names none, is its name; the
		// path when two files share a name (two "transactions.csv").
		account := fileAccount(f)
		if names[account] > 1 {
			account = strings.TrimSuffix(f, filepath.Ext(f))
		}
		opts := txfile.Options{Sheet: o.sheet, DefaultAccount: account}
		if strings.EqualFold(filepath.Ext(f), ".csv") {
			opts.Mapping = mapping
		}
		txs, err := txfile.Read(f, opts)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		for i := range txs {
			if txs[i].Account == "" {
				txs[i].Account = account
			}
		}
		all = append(all, txs...)
	}
	if len(errs) > 0 {
		return nil, "", fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	if err := overlapping(all, stderr); err != nil {
		return nil, "", err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Date.Before(all[j].Date) })
	return all, strings.Join(files, ", "), nil
}

// fileAccount is the account of a file that names none: its base name
// without extension.
func fileAccount(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// overlapping reports rows of one account repeated in another file: two
// exports covering the same days. A broker's row repeated in another file
// under another account (two exports of one account named by their files)
// is a warning: it may also be two accounts' own identical rows.
func overlapping(txs []portfolio.Transaction, stderr io.Writer) error {
	first := map[txn.Transaction]txn.Origin{}
	var probs []txn.Problem
	for _, t := range txs {
		k := t
		k.Origin = txn.Origin{Action: t.Origin.Action}
		anyAccount := k
		anyAccount.Account = ""
		if o, seen := first[k]; seen && o.File != t.Origin.File {
			probs = append(probs, txn.Problem{Origin: t.Origin, Value: t.Kind.String() + " " + t.Symbol,
				Expected: "a row not already in " + o.String() + " (overlapping exports of one account: remove the overlap from one file)"})
			continue
		}
		if o, seen := first[anyAccount]; seen && o.File != t.Origin.File && t.Origin.Action != "" {
			fmt.Fprintf(stderr, "warning: %s repeats %s in another account: if both files are exports of one account, they overlap\n", t.Origin, o)
		}
		if _, seen := first[k]; !seen {
			first[k] = t.Origin
		}
		if _, seen := first[anyAccount]; !seen {
			first[anyAccount] = t.Origin
		}
	}
	if len(probs) > 0 {
		return &txn.ValidationError{Problems: probs}
	}
	return nil
}

// noneOutputs: -source none writes no report nor workbook; a -out or
// -xlsx given with it is said to have no effect.
func noneOutputs(o *options, set map[string]bool, stderr io.Writer) {
	if set["out"] && o.out != "" {
		fmt.Fprintln(stderr, "warning: -out has no effect with -source none (no market data, no report)")
	}
	if o.xlsx != "" {
		fmt.Fprintln(stderr, "warning: -xlsx has no effect with -source none (no market data, no frames)")
	}
	o.out, o.xlsx = "", ""
}

// checkImport is -source none: the final holdings per account and the
// cash per account and currency from the transactions alone (of the
// -accounts only, when given), and with -gains the capital gains of each
// tax year.
func checkImport(o *options, stdout, stderr io.Writer) error {
	txs, name, err := readTransactions(o, stderr)
	if err != nil {
		return err
	}
	if err := checkAccounts(o, txs); err != nil {
		return err
	}
	b, err := ledgercheck.ComputeFor(txs, o.accounts)
	if err != nil {
		return err
	}
	if label := accountsLabel(o); label != "" {
		name += " (" + label + ")"
	}
	fmt.Fprintf(stdout, "%d transactions from %s\n", len(txs), txn.Escape(name))
	if err := b.Write(stdout); err != nil || !o.gains {
		return err
	}
	// The gains need no market data either: the trade prices are in the file.
	fmt.Fprintln(stdout)
	return printGainsWithoutMarket(stdout, txs, o)
}

// checkAccounts checks -accounts against the accounts of txs (their rows'
// and their TRANSFERs' receiving accounts): an account no row belongs to
// is an error listing the known ones, since a report of nothing would
// look like a portfolio that did nothing.
func checkAccounts(o *options, txs []portfolio.Transaction) error {
	known := portfolio.Accounts(txs)
	var unknown []string
	for _, a := range o.accounts {
		if !slices.Contains(known, a) {
			unknown = append(unknown, txn.QuoteValue(a))
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	names := make([]string, len(known))
	for i, a := range known {
		names[i] = txn.QuoteValue(a)
	}
	return fmt.Errorf("-accounts: no transaction belongs to %s; the accounts are %s",
		strings.Join(unknown, ", "), strings.Join(names, ", "))
}

// accountsLabel names the accounts -accounts selects, for the terminal's
// and the report's headers: "" without it (every account).
func accountsLabel(o *options) string {
	if len(o.accounts) == 0 {
		return ""
	}
	label := "account "
	if len(o.accounts) > 1 {
		label = "accounts "
	}
	return label + strings.Join(o.accounts, ", ")
}
