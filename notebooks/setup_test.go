package notebooks

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runSetup runs setup.sh in a new module directory with GOFOLIO_REPO set to
// repo ("" for unset), as the notebooks' first cell does.
func runSetup(t *testing.T, repo string) (dir string, out []byte, err error) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module gonb_cell\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("setup.sh")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFOLIO_REPO="+repo)
	out, err = cmd.CombinedOutput()
	return dir, out, err
}

// TestSetupScript: the first cell's one line points the module at this
// checkout (replace), pins gofolio's other modules and copies its go.sum.
func TestSetupScript(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir, out, err := runSetup(t, "")
	if err != nil {
		t.Fatalf("setup.sh: %v\n%s", err, out)
	}
	mod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	for _, want := range []string{
		"github.com/gofolio/gofolio v0.0.0-00010101000000-000000000000",
		"replace github.com/gofolio/gofolio => " + repo,
		"github.com/janpfeifer/gonb ",
	} {
		if !strings.Contains(string(mod), want) {
			t.Errorf("go.mod lacks %q:\n%s", want, mod)
		}
	}
	sum, _ := os.ReadFile(filepath.Join(dir, "go.sum"))
	ours, _ := os.ReadFile(filepath.Join(repo, "go.sum"))
	if !bytes.Equal(sum, ours) {
		t.Error("go.sum is not gofolio's")
	}
	if strings.TrimSpace(string(out)) != "gofolio from "+repo {
		t.Errorf("setup.sh said %q", out)
	}
}

func TestSetupScriptRefusesAnotherDirectory(t *testing.T) {
	other := t.TempDir()
	_, out, err := runSetup(t, other)
	if err == nil || !strings.Contains(string(out), other+" is not a gofolio checkout") || !strings.Contains(string(out), "GOFOLIO_REPO") {
		t.Errorf("setup.sh with GOFOLIO_REPO=%s: err %v, output %q", other, err, out)
	}
}
