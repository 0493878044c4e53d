package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// scripts are the pandas implementations and their shared harness, written
// into the work directory at run time so that the command works from any
// directory (and from `go run`).
//
//go:embed perfio.py baseline.py vectorised.py assisted.py numba_peer.py
var scripts embed.FS

// scriptFile is the script of each Python implementation. The numba peer's
// is not numba.py, which would shadow the numba package it imports.
var scriptFile = map[string]string{
	baselineName:   "baseline.py",
	vectorisedName: "vectorised.py",
	assistedName:   "assisted.py",
	numbaName:      "numba_peer.py",
}

// systemPython is Debian's interpreter, which python3-pandas installs into;
// a python3 earlier on PATH (pyenv, a virtualenv) may lack pandas.
const systemPython = "/usr/bin/python3"

// pandasVersion returns the versions of pandas, numpy and Python that
// python runs, or an error saying why it cannot import pandas.
func pandasVersion(ctx context.Context, python string) (string, error) {
	const probe = "import platform, pandas, numpy; " +
		"print('pandas', pandas.__version__, '/ numpy', numpy.__version__, '/ Python', platform.python_version())"
	out, err := exec.CommandContext(ctx, python, "-c", probe).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s cannot import pandas: %w: %s", python, err, bytes.TrimSpace(out))
	}
	return strings.TrimSpace(string(out)), nil
}

// numbaVersion returns the version of numba that python runs, or an error
// saying why it cannot import it (the numba peer is then skipped).
func numbaVersion(ctx context.Context, python string) (string, error) {
	out, err := exec.CommandContext(ctx, python, "-c", "import numba; print('numba', numba.__version__)").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s cannot import numba: %w: %s", python, err, lastLines(string(out), 1))
	}
	return strings.TrimSpace(string(out)), nil
}

// installPandas installs Debian's python3-pandas with apt-get, through sudo
// when not running as root.
func installPandas(ctx context.Context) error {
	var prefix []string
	if os.Geteuid() != 0 {
		if _, err := exec.LookPath("sudo"); err != nil {
			return errors.New("installing python3-pandas needs root (or sudo): run apt-get install -y python3-pandas")
		}
		prefix = []string{"sudo"}
	}
	for _, args := range [][]string{{"apt-get", "update"}, {"apt-get", "install", "-y", "python3-pandas"}} {
		args = append(prefix, args...)
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr // progress for the person waiting
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w", strings.Join(args, " "), err)
		}
	}
	return nil
}

// writeScripts copies the embedded scripts into dir.
func writeScripts(dir string) error {
	entries, err := scripts.ReadDir(".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		data, err := scripts.ReadFile(e.Name())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// runner measures implementations in fresh child processes.
type runner struct {
	python     string // interpreter with pandas
	scriptsDir string // where writeScripts put the scripts
	numba      bool   // python imports numba: the numba peer runs
	self       string // this program's executable, for the engine worker
	// minSeconds and maxRuns extend the runs of a fast implementation
	// (see repeat).
	minSeconds float64
	maxRuns    int
}

// measure runs implementation name (baselineName, vectorisedName,
// assistedName, numbaName or engineName) on the inputs in dir, computing at least runs times (more
// while under r.minSeconds in all, up to r.maxRuns), and returns what it
// reports. Its outputs are left in dir as name.*.
func (r *runner) measure(ctx context.Context, name, dir string, runs int) (*measurement, error) {
	var cmd *exec.Cmd
	switch name {
	case engineName:
		cmd = exec.CommandContext(ctx, r.self)
		cmd.Env = append(os.Environ(), workerEnv+"="+dir, workerRunsEnv+"="+strconv.Itoa(runs),
			workerMinEnv+"="+strconv.FormatFloat(r.minSeconds, 'g', -1, 64), workerMaxRunEnv+"="+strconv.Itoa(r.maxRuns))
	case baselineName, vectorisedName, assistedName, numbaName:
		script := filepath.Join(r.scriptsDir, scriptFile[name])
		cmd = exec.CommandContext(ctx, r.python, script, dir, strconv.Itoa(runs), name,
			strconv.FormatFloat(r.minSeconds, 'g', -1, 64), strconv.Itoa(r.maxRuns))
	default:
		return nil, fmt.Errorf("unknown implementation %q", name)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %w: %s", name, err, lastLines(stderr.String(), 15))
	}
	var m measurement
	if err := json.Unmarshal(stdout.Bytes(), &m); err != nil {
		return nil, fmt.Errorf("%s: reading its report %q: %w", name, stdout.String(), err)
	}
	for what, times := range map[string][]float64{"runs": m.ComputeSeconds, "whole-path runs": m.WholeSeconds} {
		if n := len(times); n < runs || n > max(runs, r.maxRuns) {
			return nil, fmt.Errorf("%s: reported %d %s, want %d to %d", name, n, what, runs, max(runs, r.maxRuns))
		}
	}
	return &m, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
