package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofolio/gofolio/report"
)

// An output is one file the command writes.
type output struct {
	flag, path string // the flag that named it and the path as the user gave it
	write      func(w io.Writer) error
}

// outputs lists the files the options ask for, in the order they are
// written and printed.
func outputs(j *job) []output {
	o := j.opts
	var outs []output
	if o.out != "" {
		ro := report.Options{EChartsURL: o.echartsURL, EChartsFile: o.echartsFile}
		outs = append(outs, output{"-out", o.out, func(w io.Writer) error { return report.Write(w, j.input, ro) }})
	}
	if o.xlsx != "" {
		outs = append(outs, output{"-xlsx", o.xlsx, func(w io.Writer) error { return j.result.WriteExcel(w) }})
	}
	return outs
}

// checkOutputs checks, before anything is fetched or computed, that every
// output can be written and that -echarts can be read, so that a bad path
// fails in a second rather than after the whole build, and never after
// another output was written.
func checkOutputs(o *options) error {
	paths := map[string]string{} // absolute path → flag
	for _, f := range []struct{ flag, path string }{{"-out", o.out}, {"-xlsx", o.xlsx}} {
		if f.path == "" {
			continue
		}
		if err := checkWritable(f.flag, f.path); err != nil {
			return err
		}
		abs := absolute(f.path)
		if other, ok := paths[abs]; ok {
			return fmt.Errorf("%s and %s both name %s: give each output its own file", other, f.flag, f.path)
		}
		paths[abs] = f.flag
	}
	if o.echartsFile != "" && o.out != "" {
		f, err := os.Open(o.echartsFile)
		if err != nil {
			return fmt.Errorf("-echarts %s: cannot read it: %w (want an http(s) URL or a local file)", o.echartsFile, pathErr(err))
		}
		defer f.Close()
		if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
			return fmt.Errorf("-echarts %s: not a regular file: want an http(s) URL or a local file", o.echartsFile)
		}
	}
	return nil
}

// checkWritable checks that path names a file (not a directory) in an
// existing directory the command may create files in, by creating and
// removing a temporary file there, as writing the output will.
func checkWritable(flag, path string) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s %s is a directory: want a file name", flag, path)
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s %s: the directory %s does not exist", flag, path, dir)
	case err != nil:
		return fmt.Errorf("%s %s: %w", flag, path, pathErr(err))
	case !info.IsDir():
		return fmt.Errorf("%s %s: %s is not a directory", flag, path, dir)
	}
	f, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return fmt.Errorf("%s %s: cannot create a file in %s: %w", flag, path, dir, pathErr(err))
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// writeOutputs writes every output and prints their paths.
func writeOutputs(stdout io.Writer, j *job) error {
	outs := outputs(j)
	if err := writeAll(outs); err != nil {
		return err
	}
	for _, out := range outs {
		name := "report"
		if out.flag == "-xlsx" {
			name = "frames"
		}
		fmt.Fprintf(stdout, "%s: %s\n", name, absolute(out.path))
	}
	return nil
}

// writeAll writes every output to a temporary file beside it and, only when
// all are complete and synced, renames each over its path. A failure while
// writing removes every temporary file and leaves the paths as they were,
// so the user never gets a report from this run beside frames from the
// last one. (A rename failing after an earlier one succeeded, which the
// checks before the build make unlikely, still leaves that earlier output
// replaced: renames cannot be undone.)
func writeAll(outs []output) (err error) {
	temps := make([]string, 0, len(outs))
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, out := range outs {
		tmp, err := writeTemp(out)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, out := range outs {
		if err := os.Rename(temps[i], out.path); err != nil {
			return fmt.Errorf("writing %s: %w", out.path, pathErr(err))
		}
	}
	return nil
}

// writeTemp writes out to a new temporary file in its directory, synced
// and closed, and returns the file's name. Errors name the user's path,
// never the temporary file's.
func writeTemp(out output) (tmp string, err error) {
	f, err := os.CreateTemp(filepath.Dir(out.path), tempPattern(out.path))
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", out.path, pathErr(err))
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("writing %s: %w", out.path, err)
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := out.write(bw); err != nil {
		return "", withoutPrefix{err}
	}
	if err := bw.Flush(); err != nil {
		return "", pathErr(err)
	}
	// CreateTemp makes the file 0600; an output is an ordinary document.
	if err := f.Chmod(0o644); err != nil {
		return "", pathErr(err)
	}
	if err := f.Sync(); err != nil {
		return "", pathErr(err)
	}
	if err := f.Close(); err != nil {
		return "", pathErr(err)
	}
	return f.Name(), nil
}

// tempPattern names temporary files as internal/atomicfile does (a leading
// dot and ".tmp-"), so its RemoveStale cleans up after a killed run.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// pathErr strips the path from an *fs.PathError or *os.LinkError, which
// for a write is the temporary file's name: the caller names the user's
// path instead.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// withoutPrefix drops the "report: " that package report's errors start
// with: main prints "report: " before every error already.
type withoutPrefix struct{ err error }

func (e withoutPrefix) Error() string { return strings.TrimPrefix(e.err.Error(), "report: ") }
func (e withoutPrefix) Unwrap() error { return e.err }

func absolute(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
