package notebook

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gofolio/gofolio/portfolio"
	"github.com/gofolio/gofolio/portfolio/analysis"
	"github.com/gofolio/gofolio/quotes/meta"
)

// TestAllocation: the grouping asked for, as a table of value and weight
// with its total, the Unclassified symbols named, then a chart. The
// weights are the analysis's: 600/1000 = 60.00%, 400/1000 = 40.00%.
func TestAllocation(t *testing.T) {
	a := &analysis.Analysis{Result: &portfolio.Result{Currency: "GBP"}, Allocation: &analysis.Allocation{
		Total: 1000,
		Groupings: []analysis.Grouping{
			{By: "holding", Title: "Holding", Shares: []analysis.Share{{Name: "A", Value: 1000, Weight: 1}}},
			{By: "sector", Title: "Sector", Shares: []analysis.Share{{Name: "Cash", Value: 600, Weight: 0.6}, {Name: "Unclassified", Value: 400, Weight: 0.4}},
				Unclassified: []string{"A"}},
		}}}
	d, got := capture()
	if err := d.Allocation(a, "Sector"); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 2 {
		t.Fatalf("%d outputs, want a table and a chart", len(*got))
	}
	text := (*got)[0][MIMEPlain]
	for _, want := range []string{
		`(?m)^\s*Cash\s+600\.00\s+60\.00%\s*$`,
		`(?m)^\s*Unclassified\s+400\.00\s+40\.00%\s*$`,
		`(?m)^\s*Total\s+1,000\.00\s+100\.00%\s*$`,
		`Unclassified \(not in the symbols' metadata, or blank\): A`,
		`Value GBP`,
	} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("allocation lacks %s:\n%s", want, text)
		}
	}
	if _, ok := (*got)[1][MIMEHTML]; !ok {
		t.Errorf("second output is not a chart: %v", (*got)[1])
	}
	err := d.Allocation(a, "region")
	if err == nil || !strings.Contains(err.Error(), `allocation by "region": the analysis groups by "holding", "sector"`) {
		t.Errorf("unknown grouping: err = %v", err)
	}
}

func TestReadMeta(t *testing.T) {
	m, err := ReadMeta(Settings{Market: Sample})
	if err != nil || m.Get("KO", meta.Sector) != "Consumer Staples" {
		t.Errorf("sample: %v, %v", m.Get("KO", meta.Sector), err)
	}
	if m, err := ReadMeta(Settings{Market: Yahoo}); err != nil || m.Len() != 0 {
		t.Errorf("yahoo: %d symbols, %v; want none", m.Len(), err)
	}
	if _, err := ReadMeta(Settings{Market: Sample, Meta: "/nonexistent/m.csv"}); err == nil {
		t.Error("a missing -meta file: no error")
	}
}
