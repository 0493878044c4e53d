package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRunSampleGolden pins every figure the main job shows on the embedded
// sample: its terminal output byte for byte, and the numbers of the HTML
// report's text in order (the page's layout may change; a figure may not
// without its golden file changing in the same commit, for a reason the
// commit states). go test -run Golden -update ./examples/report rewrites them.
func TestRunSampleGolden(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-out", out}, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\nstderr: %s", err, stderr.String())
	}
	terminal := strings.ReplaceAll(stdout.String(), out, "REPORT")
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, "sample-stdout.golden", terminal)
	compareGolden(t, "sample-report-numbers.golden", strings.Join(visibleNumbers(string(html)), "\n")+"\n")
}

var (
	invisible = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	number    = regexp.MustCompile(`[-−+]?[0-9][0-9,]*(\.[0-9]+)?%?`)
)

// visibleNumbers is every number in the page's text, in order: tags, scripts
// and styles (the chart data, which the static charts' golden images and the
// browser tests cover) removed.
func visibleNumbers(html string) []string {
	return number.FindAllString(invisible.ReplaceAllString(html, " "), -1)
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run Golden -update ./examples/report writes it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs first at line %d:\ngot:  %q\nwant: %q", name, i+1, g, w)
		}
	}
}
