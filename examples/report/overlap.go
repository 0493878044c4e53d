package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// An input is a file the command reads, named by the flag that leads to it.
type input struct {
	flag, path string
	info       fs.FileInfo
}

// inputFiles lists the files the options make the command read: each
// -tx (a folder's files), -map, -rates, a local -echarts, -targets and every file in
// a -source csv:DIR folder.
// A file that cannot be stated is left out: reading it will fail with its
// own error, and no output can be it.
func inputFiles(o *options) []input {
	var in []input
	add := func(flag, path string) {
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			in = append(in, input{flag, path, info})
		}
	}
	for _, f := range []struct{ flag, path string }{{"-tx", o.tx}, {"-rates", o.ratesFile}, {"-echarts", o.echartsFile}, {"-map", o.mapFile}, {"-targets", o.rebal.file}, {"-meta", o.metaFile}} {
		if f.path != "" {
			add(f.flag, f.path)
		}
	}
	for _, path := range txInputs(o) { // every -tx, a folder's files
		add("-tx", path)
	}
	if dir, ok := strings.CutPrefix(o.source, "csv:"); ok {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			add("-source "+o.source, filepath.Join(dir, e.Name()))
		}
	}
	return in
}

// checkNotInput refuses an output whose target is one of the inputs, by
// whatever path (a symbolic link, ../dir/./, a hard link): os.SameFile
// compares the files, not their names. Writing it would replace the
// user's data with the report, since a rename ignores the file's mode.
func checkNotInput(flag, path, target string, inputs []input) error {
	info, err := os.Stat(target)
	if err != nil {
		return nil // not created yet: no input is a file that does not exist
	}
	for _, in := range inputs {
		if os.SameFile(info, in.info) {
			what := "the file"
			if in.path != path {
				what = fmt.Sprintf("the file %s", in.path)
			}
			return fmt.Errorf("%s %s is %s read by %s: writing it would replace that input; give the output another path", flag, path, what, in.flag)
		}
	}
	return nil
}

// checkOverwrite decides whether an existing output may be replaced: an
// empty file or one a previous run wrote (gofolioOutput) may, anything
// else only with -force, and a read-only file never: the rename that
// writes an output ignores the file's mode, so the protection the user
// gave it would be silently undone.
func checkOverwrite(flag, path, target string, force bool) error {
	info, err := os.Stat(target)
	if err != nil {
		return nil // not created yet, or checkRegular has said why not
	}
	if info.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s %s is read-only (%v): it is protected, and replacing it would undo that; make it writable (chmod u+w) or give another path",
			flag, path, info.Mode().Perm())
	}
	if force || info.Size() == 0 || gofolioOutput(flag, target) {
		return nil
	}
	what := "a gofolio report (no generator gofolio in its first 4 KB)"
	if flag == "-xlsx" {
		what = "a gofolio workbook (its sheets are not performance and holdings)"
	}
	return fmt.Errorf("%s %s exists and is not %s: give -force to replace it, or another path", flag, path, what)
}

// generatorTag is the mark of an HTML report written by gofolio, in its
// head (report.html.tmpl).
var generatorTag = []byte(`<meta name="generator" content="gofolio">`)

// gofolioSheets are the sheets of the workbook workbook.Write writes,
// in order.
var gofolioSheets = []string{"performance", "holdings"}

// gofolioOutput reports whether the file at target is what flag's output
// would write: an HTML report whose first 4 KB hold generatorTag, or a
// workbook with exactly gofolioSheets.
func gofolioOutput(flag, target string) bool {
	if flag == "-xlsx" {
		names, err := sheetNames(target)
		return err == nil && slices.Equal(names, gofolioSheets)
	}
	f, err := os.Open(target)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], generatorTag)
}

var sheetTag = regexp.MustCompile(`<sheet\b[^>]*\bname="([^"]*)"`)

// sheetNames lists the sheets of the workbook at path from its
// xl/workbook.xml, without loading the sheets themselves.
func sheetNames(path string) ([]string, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "xl/workbook.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 1<<20))
		if err != nil {
			return nil, err
		}
		var names []string
		for _, m := range sheetTag.FindAllSubmatch(b, -1) {
			names = append(names, string(m[1]))
		}
		return names, nil
	}
	return nil, errors.New("no xl/workbook.xml")
}
