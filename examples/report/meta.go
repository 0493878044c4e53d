package main

import (
	"fmt"
	"strings"

	"github.com/gofolio/gofolio/quotes/meta"
	"github.com/gofolio/gofolio/quotes/sample"
)

// readMeta reads the symbols' metadata the allocation is grouped by: the
// -meta file; else a -source csv:DIR's symbols.csv (meta.FileName), when
// there is one; else the sample's own for -source sample; else none (the
// allocation by holding and by currency only). A file's problems are all
// reported, before any price is fetched.
func readMeta(o *options) (meta.Table, error) {
	if o.metaFile != "" {
		t, err := meta.ReadFile(o.metaFile)
		if err != nil {
			return meta.Table{}, fmt.Errorf("-meta: %w", err)
		}
		return t, nil
	}
	if dir, ok := strings.CutPrefix(o.source, "csv:"); ok {
		t, _, err := meta.ReadDir(dir)
		if err != nil {
			return meta.Table{}, fmt.Errorf("-source %s: %w", o.source, err)
		}
		return t, nil
	}
	if o.source == "sample" {
		return sample.Meta(), nil
	}
	return meta.Table{}, nil
}
