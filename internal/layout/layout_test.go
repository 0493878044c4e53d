package layout

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/gofolio/gofolio"

// goTool finds the go command, or skips the test saying why.
func goTool(t *testing.T) string {
	t.Helper()
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := exec.LookPath(goBin); err == nil {
		return goBin
	}
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	t.Skip("the go tool is not available (neither GOROOT/bin/go nor go on PATH): cannot run go list")
	return ""
}

// listed is what `go list -json` says of a package.
type listed struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// goList runs `go list -json` with args and decodes each package.
func goList(t *testing.T, args ...string) []listed {
	t.Helper()
	cmd := exec.Command(goTool(t), append([]string{"list", "-json"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var pkgs []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("go list %s: decoding its output: %v", strings.Join(args, " "), err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// isStandard reports whether an import path is of the standard library:
// its first element has no dot (the rule the go command applies).
func isStandard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// TestNoThirdPartyDependencies: a program that computes statistics,
// compares with a benchmark, reads transactions or builds a portfolio
// links the standard library and gofolio only, and statistics and
// benchmarks do not link the engine.
func TestNoThirdPartyDependencies(t *testing.T) {
	engine := module + "/portfolio"
	for _, c := range []struct {
		pkg       string
		notEngine bool // must not depend on package portfolio
	}{
		{module + "/portfolio/stats", true},
		{module + "/benchmark", true},
		{module + "/portfolio/perf", true},
		{module + "/portfolio/txn", true},
		{module + "/portfolio/txfile", true},
		{module + "/portfolio/txfile/broker", true},
		{module + "/portfolio/ledgercheck", true},
		{module + "/portfolio/lots", true},
		{module + "/portfolio/rebalance", false},
		{module + "/portfolio/attribution", false},
		{engine, false},
	} {
		pkgs := goList(t, c.pkg)
		if len(pkgs) != 1 {
			t.Fatalf("go list %s: %d packages, want 1", c.pkg, len(pkgs))
		}
		var foreign []string
		for _, d := range pkgs[0].Deps {
			if !isStandard(d) && d != module && !strings.HasPrefix(d, module+"/") {
				foreign = append(foreign, d)
			}
		}
		if len(foreign) > 0 {
			t.Errorf("%s depends on modules outside the standard library and gofolio: %s", c.pkg, strings.Join(foreign, ", "))
		}
		if c.notEngine && slices.Contains(pkgs[0].Deps, engine) {
			t.Errorf("%s depends on the engine (%s): it must take perf and txn values instead", c.pkg, engine)
		}
	}
}

// TestEachDependencyBehindOnePackage: excelize is imported by
// portfolio/workbook only, gota by portfolio/dataframe (which makes gota
// frames) and report/notebook (which displays them) only; tests aside.
func TestEachDependencyBehindOnePackage(t *testing.T) {
	allowed := map[string][]string{
		"github.com/xuri/excelize/": {module + "/portfolio/workbook"},
		"github.com/go-gota/gota/":  {module + "/portfolio/dataframe", module + "/report/notebook"},
	}
	for _, p := range goList(t, module+"/...") {
		for _, imp := range p.Imports {
			for prefix, importers := range allowed {
				if strings.HasPrefix(imp, prefix) && !slices.Contains(importers, p.ImportPath) {
					t.Errorf("%s imports %s: only %s may", p.ImportPath, imp, strings.Join(importers, " and "))
				}
			}
		}
	}
}
