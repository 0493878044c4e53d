package notebooks

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Cell tags the checker knows.
const (
	tagSetup = "setup" // the cell that points the notebook's module at the repository
	tagChart = "chart" // a cell that must show at least one image
)

// setupLine is what the setup cell must run: setup.sh, which requires the
// repository's module at the zero pseudo-version, replaced by the checkout
// on disk.
const setupLine = "/notebooks/setup.sh\""

// mimeRecords is the MIME type in which report/notebook.Statistics sends the
// STATS and RELATIVE lines (notebook.MIMERecords), out of the reader's sight.
const mimeRecords = "text/vnd.gofolio.records"

// notebook is the part of an nbformat 4 notebook the checker reads.
type notebook struct {
	Metadata struct {
		Kernelspec struct {
			Name string `json:"name"`
		} `json:"kernelspec"`
	} `json:"metadata"`
	Cells []cell `json:"cells"`
}

type cell struct {
	CellType string    `json:"cell_type"`
	Source   multiline `json:"source"`
	Metadata struct {
		Tags []string `json:"tags"`
	} `json:"metadata"`
	ExecutionCount *int     `json:"execution_count"`
	Outputs        []output `json:"outputs"`
}

func (c *cell) tagged(tag string) bool { return slices.Contains(c.Metadata.Tags, tag) }

type output struct {
	OutputType string                     `json:"output_type"`
	Name       string                     `json:"name"` // stream: stdout or stderr
	Text       multiline                  `json:"text"`
	Data       map[string]json.RawMessage `json:"data"`
	Ename      string                     `json:"ename"`
	Evalue     string                     `json:"evalue"`
}

// multiline is nbformat's text: one string or a list of strings to join.
type multiline string

func (m *multiline) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = multiline(s)
		return nil
	}
	var parts []string
	if err := json.Unmarshal(b, &parts); err != nil {
		return fmt.Errorf("text is neither a string nor a list of strings: %w", err)
	}
	*m = multiline(strings.Join(parts, ""))
	return nil
}

func readNotebook(path string) (*notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &nb, nil
}

// sourceProblems lists what is wrong with a notebook as committed: outputs
// left in it, a kernel other than gonb, no setup cell first, no chart cell.
func sourceProblems(nb *notebook) []string {
	var out []string
	if nb.Metadata.Kernelspec.Name != "gonb" {
		out = append(out, fmt.Sprintf("kernel is %q, want gonb", nb.Metadata.Kernelspec.Name))
	}
	firstCode, charts := -1, 0
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		if firstCode < 0 {
			firstCode = i
			if !c.tagged(tagSetup) || !strings.Contains(string(c.Source), setupLine) {
				out = append(out, fmt.Sprintf("cell %d: the first code cell must be tagged %q and run %q", i, tagSetup, setupLine))
			}
		}
		if c.tagged(tagChart) {
			charts++
		}
		if len(c.Outputs) > 0 || c.ExecutionCount != nil {
			out = append(out, fmt.Sprintf("cell %d: has outputs or an execution count; commit notebooks without outputs", i))
		}
	}
	if firstCode < 0 {
		out = append(out, "no code cell")
	}
	if charts == 0 {
		out = append(out, fmt.Sprintf("no cell tagged %q", tagChart))
	}
	return out
}

// executionProblems lists what is wrong with an executed notebook: a code
// cell that did not run, an error output, output on stderr, a chart cell
// without an image, STATS or RELATIVE lines printed where the reader sees
// them.
func executionProblems(nb *notebook) []string {
	var out []string
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		if c.ExecutionCount == nil {
			out = append(out, fmt.Sprintf("cell %d: not executed", i))
		}
		images := 0
		for _, o := range c.Outputs {
			switch {
			case o.OutputType == "error":
				out = append(out, fmt.Sprintf("cell %d: error output: %s: %s", i, o.Ename, firstLine(o.Evalue)))
			case o.OutputType == "stream" && o.Name == "stderr":
				out = append(out, fmt.Sprintf("cell %d: wrote to stderr: %s", i, firstLine(string(o.Text))))
			case o.OutputType == "stream" && len(recordLines(string(o.Text))) > 0:
				out = append(out, fmt.Sprintf("cell %d: prints %s for the reader to see; the checker's figures go in %s outputs",
					i, firstLine(recordLines(string(o.Text))[0]), mimeRecords))
			}
			if o.Data["image/svg+xml"] != nil || o.Data["image/png"] != nil {
				images++
			}
		}
		if c.tagged(tagChart) && images == 0 {
			out = append(out, fmt.Sprintf("cell %d: tagged %q but shows no image", i, tagChart))
		}
	}
	return out
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if line, _, ok := strings.Cut(s, "\n"); ok {
		return line + " …"
	}
	return s
}

// A record is one STATS or RELATIVE line a notebook printed:
//
//	KIND "name" key=value key=value …
type record struct {
	Kind   string
	Name   string
	Fields map[string]float64
}

// key identifies a record: its kind and its name.
func (r record) key() string { return r.Kind + " " + strconv.Quote(r.Name) }

// records collects the STATS and RELATIVE lines of the notebook's
// mimeRecords outputs.
func records(nb *notebook) ([]record, error) {
	var out []record
	var errs []error
	for i, c := range nb.Cells {
		for _, o := range c.Outputs {
			raw, ok := o.Data[mimeRecords]
			if !ok {
				continue
			}
			var text multiline
			if err := json.Unmarshal(raw, &text); err != nil {
				errs = append(errs, fmt.Errorf("cell %d: %s: %w", i, mimeRecords, err))
				continue
			}
			for _, line := range recordLines(string(text)) {
				r, err := parseRecord(line)
				if err != nil {
					errs = append(errs, fmt.Errorf("cell %d: %w", i, err))
					continue
				}
				out = append(out, r)
			}
		}
	}
	return out, errors.Join(errs...)
}

// recordLines are the STATS and RELATIVE lines of text.
func recordLines(text string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "STATS ") || strings.HasPrefix(line, "RELATIVE ") {
			out = append(out, line)
		}
	}
	return out
}

func parseRecord(line string) (record, error) {
	kind, rest, _ := strings.Cut(line, " ")
	quoted, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return record{}, fmt.Errorf("%q: the name is not a quoted string", line)
	}
	name, _ := strconv.Unquote(quoted)
	r := record{Kind: kind, Name: name, Fields: map[string]float64{}}
	for _, kv := range strings.Fields(rest[len(quoted):]) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return record{}, fmt.Errorf("%q: %q is not key=value", line, kv)
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return record{}, fmt.Errorf("%q: %s: %w", line, k, err)
		}
		if _, dup := r.Fields[k]; dup {
			return record{}, fmt.Errorf("%q: %s given twice", line, k)
		}
		r.Fields[k] = f
	}
	return r, nil
}
