package notebook

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/gofolio/gofolio/quotes/sample"
	"github.com/gofolio/gofolio/report"
)

// TestPresetsAreTheReports: the interactive chart offers the HTML
// report's range presets, in its order.
func TestPresetsAreTheReports(t *testing.T) {
	l, err := Load(context.Background(), Settings{Market: Sample, Benchmarks: []string{sample.Benchmark}, Currency: sample.Currency})
	if err != nil {
		t.Fatal(err)
	}
	in, err := report.NewInput(l.Analysis, report.InputOptions{Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := report.Write(&page, in, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var theirs []string
	for _, m := range regexp.MustCompile(`data-preset="([^"]+)"`).FindAllStringSubmatch(page.String(), -1) {
		theirs = append(theirs, m[1])
	}
	if len(theirs) == 0 || !slices.Equal(Presets, theirs) {
		t.Errorf("notebook presets %v, the report's %v", Presets, theirs)
	}
}
