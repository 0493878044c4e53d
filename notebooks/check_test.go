package notebooks

import (
	"encoding/json"
	"strings"
	"testing"

	gofolionotebook "github.com/gofolio/gofolio/report/notebook"
)

// executed is a small executed notebook: a setup cell, a chart cell with a
// PNG and a statistics cell whose table carries the STATS and RELATIVE
// records in their own MIME type, as nbconvert writes them (text as lists
// of lines).
const executed = `{
 "metadata": {"kernelspec": {"name": "gonb"}},
 "cells": [
  {"cell_type": "markdown", "source": ["# Title"], "metadata": {}},
  {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["setup"]},
   "source": ["!*\"${GOFOLIO_REPO:-$GONB_DIR/..}/notebooks/setup.sh\"\n", "%noautoget"],
   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["gofolio from /repo\n"]}]},
  {"cell_type": "code", "execution_count": 2, "metadata": {"tags": ["chart"]}, "source": "%%\nchart()",
   "outputs": [{"output_type": "display_data", "data": {"text/html": "<img>", "image/png": "iVBOR", "text/plain": "[chart]"}, "metadata": {}}]},
  {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "%%\nstats()",
   "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/html": "<table></table>", "text/plain": "a table",
     "text/vnd.gofolio.records": ["STATS \"portfolio\" twr=0.25 irr=NaN\n", "RELATIVE \"p vs ^DJI\" beta=0.5\n"]}}]}
 ]
}`

func parse(t *testing.T, s string) *notebook {
	t.Helper()
	var nb notebook
	if err := json.Unmarshal([]byte(s), &nb); err != nil {
		t.Fatal(err)
	}
	return &nb
}

func TestExecutionProblemsNoneInAGoodNotebook(t *testing.T) {
	if p := executionProblems(parse(t, executed)); len(p) != 0 {
		t.Errorf("problems in a good notebook: %q", p)
	}
}

func TestExecutionProblemsFindsEachProblem(t *testing.T) {
	nb := parse(t, executed)
	nb.Cells[1].Outputs = append(nb.Cells[1].Outputs, output{OutputType: "stream", Name: "stderr", Text: "go: warning\nmore"})
	nb.Cells[2].Outputs = nil // a chart cell without its image
	nb.Cells[3].Outputs = append(nb.Cells[3].Outputs, output{OutputType: "error", Ename: "ERROR", Evalue: "exit status 2"})
	nb.Cells[3].ExecutionCount = nil
	// the records printed where the reader sees them
	nb.Cells[3].Outputs = append(nb.Cells[3].Outputs, output{OutputType: "stream", Name: "stdout", Text: "a\nSTATS \"p\" twr=1\n"})
	got := executionProblems(nb)
	want := []string{
		"cell 1: wrote to stderr: go: warning …",
		`cell 2: tagged "chart" but shows no image`,
		"cell 3: not executed",
		"cell 3: error output: ERROR: exit status 2",
		`cell 3: prints STATS "p" twr=1 for the reader to see; the checker's figures go in text/vnd.gofolio.records outputs`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSourceProblems(t *testing.T) {
	nb := parse(t, executed)
	// An executed notebook is not clean: three code cells have outputs.
	if got := sourceProblems(nb); len(got) != 3 {
		t.Errorf("got %d problems, want 3: %q", len(got), got)
	}
	for i := range nb.Cells {
		nb.Cells[i].Outputs, nb.Cells[i].ExecutionCount = nil, nil
	}
	if got := sourceProblems(nb); len(got) != 0 {
		t.Errorf("problems in a clean notebook: %q", got)
	}
	nb.Metadata.Kernelspec.Name = "python3"
	nb.Cells[1].Metadata.Tags = nil
	nb.Cells[2].Metadata.Tags = nil
	if got := sourceProblems(nb); len(got) != 3 {
		t.Errorf("got %d problems, want 3 (kernel, setup, no chart): %q", len(got), got)
	}
}

func TestRecords(t *testing.T) {
	got, err := records(parse(t, executed))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d records, want 2: %+v", len(got), got)
	}
	if got[0].key() != `STATS "portfolio"` || got[0].Fields["twr"] != 0.25 || got[0].Fields["irr"] == got[0].Fields["irr"] {
		t.Errorf("first record %+v, want STATS portfolio twr 0.25 irr NaN", got[0])
	}
	if got[1].key() != `RELATIVE "p vs ^DJI"` || got[1].Fields["beta"] != 0.5 {
		t.Errorf("second record %+v", got[1])
	}
}

func TestParseRecordRejectsMalformedLines(t *testing.T) {
	for _, line := range []string{
		`STATS portfolio twr=1`,     // name not quoted
		`STATS "portfolio" twr`,     // no value
		`STATS "portfolio" twr=x`,   // not a number
		`STATS "portfolio" a=1 a=2`, // twice
	} {
		if _, err := parseRecord(line); err == nil {
			t.Errorf("parseRecord(%q) accepted it", line)
		}
	}
}

func TestCompareRecordsReportsMismatches(t *testing.T) {
	want := map[string]map[string]float64{`STATS "p"`: {"twr": 0.25, "irr": 0.1}}
	cases := map[string][]record{
		"value differs":  {{Kind: "STATS", Name: "p", Fields: map[string]float64{"twr": 0.25, "irr": 0.1000001}}},
		"field missing":  {{Kind: "STATS", Name: "p", Fields: map[string]float64{"twr": 0.25}}},
		"record missing": nil,
		"extra record": {{Kind: "STATS", Name: "p", Fields: map[string]float64{"twr": 0.25, "irr": 0.1}},
			{Kind: "STATS", Name: "q", Fields: map[string]float64{}}},
	}
	for name, got := range cases {
		ft := &fakeT{}
		compareRecords(ft, got, []string{`STATS "p"`}, want)
		if ft.errors == 0 {
			t.Errorf("%s: not reported", name)
		}
	}
	ft := &fakeT{}
	compareRecords(ft, []record{{Kind: "STATS", Name: "p", Fields: map[string]float64{"twr": 0.25, "irr": 0.1}}}, []string{`STATS "p"`}, want)
	if ft.errors != 0 {
		t.Errorf("equal records reported %d errors", ft.errors)
	}
}

// fakeT counts errors, to test compareRecords itself.
type fakeT struct {
	testing.TB
	errors int
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.errors++ }

// The checker reads the records where report/notebook sends them.
func TestRecordsMIMEType(t *testing.T) {
	if mimeRecords != gofolionotebook.MIMERecords {
		t.Errorf("checker reads %q, notebook.Statistics sends %q", mimeRecords, gofolionotebook.MIMERecords)
	}
}
