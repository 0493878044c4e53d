package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofolio/gofolio/internal/atomicfile"
	"github.com/gofolio/gofolio/report"
)

// An output is one file the command writes.
type output struct {
	flag, path string // the flag that named it and the path as the user gave it
	// target is the file written: path with symbolic links followed (see
	// resolveOutput); "" for path itself.
	target string
	write  func(w io.Writer) error
}

// file is the file out is written to.
func (out output) file() string {
	if out.target != "" {
		return out.target
	}
	return out.path
}

// outputs lists the files the options ask for, in the order they are
// written and printed.
func outputs(j *job) []output {
	o := j.opts
	var outs []output
	if o.out != "" {
		ro := report.Options{EChartsURL: o.echartsURL, EChartsFile: o.echartsFile, LogScale: o.logScale}
		outs = append(outs, output{"-out", o.out, o.targets["-out"], func(w io.Writer) error { return report.Write(w, j.input, ro) }})
	}
	if o.xlsx != "" {
		outs = append(outs, output{"-xlsx", o.xlsx, o.targets["-xlsx"], func(w io.Writer) error { return writeWorkbook(w, j) }})
	}
	return outs
}

// checkOutputs checks, before anything is fetched or computed, that every
// output can be written and that -echarts can be read, so that a bad path
// fails in a second rather than after the whole build, and never after
// another output was written. It records in o.targets the file each
// output flag's path leads to, symbolic links followed.
func checkOutputs(o *options) error {
	// The workbook is Excel whatever the name says: one named .csv would
	// be taken by every program (and by the user) for what it is not.
	if o.xlsx != "" && !strings.EqualFold(filepath.Ext(o.xlsx), ".xlsx") {
		return fmt.Errorf("-xlsx %s: the frames are written as an Excel workbook: want a file name ending in .xlsx", o.xlsx)
	}
	o.targets = map[string]string{}
	files := map[string]string{} // canonical target → flag
	inputs := inputFiles(o)
	for _, f := range []struct{ flag, path string }{{"-out", o.out}, {"-xlsx", o.xlsx}} {
		if f.path == "" {
			continue
		}
		target, err := resolveOutput(f.flag, f.path)
		if err != nil {
			return err
		}
		if err := checkNotInput(f.flag, f.path, target, inputs); err != nil {
			return err
		}
		if err := checkWritable(f.flag, f.path, target); err != nil {
			return err
		}
		canon := canonical(target)
		// A hard link is one file under two names: sameExisting.
		if other, ok := files[canon]; ok || sameExisting(target, o.targets, &other) {
			return fmt.Errorf("%s and %s both name %s: give each output its own file", other, f.flag, canon)
		}
		if err := checkOverwrite(f.flag, f.path, target, o.force); err != nil {
			return err
		}
		files[canon] = f.flag
		o.targets[f.flag] = target
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

// sameExisting reports whether target is, by another name (a hard link),
// a file an earlier output already writes, setting *flag to that output's.
func sameExisting(target string, earlier map[string]string, flag *string) bool {
	info, err := os.Stat(target)
	if err != nil {
		return false
	}
	for f, t := range earlier {
		if other, err := os.Stat(t); err == nil && os.SameFile(info, other) {
			*flag = f
			return true
		}
	}
	return false
}

// maxLinks bounds the symbolic links followed from an output path, as
// the kernel bounds them (40 on Linux), so that a loop fails rather than
// spins.
const maxLinks = 40

// resolveOutput returns the file that writing path replaces. Outputs are
// written to a temporary file renamed over the path: a symbolic link
// would be replaced by a regular file and its target left stale, so the
// link is followed and its target written, as the shell's > does, even
// when the target does not exist yet. Whatever else exists at the path
// (a directory, a named pipe, a device such as /dev/stdout) cannot take
// a rename and is refused.
func resolveOutput(flag, path string) (string, error) {
	target := path
	for range maxLinks {
		info, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, nil // created; checkWritable checks its directory
		case err != nil:
			return "", fmt.Errorf("%s %s: %w", flag, path, pathErr(err))
		case info.Mode()&fs.ModeSymlink == 0:
			if err := checkRegular(flag, path, target, info); err != nil {
				return "", err
			}
			return target, nil
		}
		// Stat follows the whole chain, /proc's links to pipes included,
		// and tells what is at the end of it.
		if info, err := os.Stat(target); err == nil {
			resolved, err := filepath.EvalSymlinks(target)
			if err == nil {
				if err := checkRegular(flag, path, resolved, info); err != nil {
					return "", err
				}
				return resolved, nil
			}
			// EvalSymlinks fails on /proc's links to pipes, whose targets
			// ("pipe:[123]") are no paths: say what is there without one.
			if err := checkRegular(flag, path, target, info); err != nil {
				return "", err
			}
		}
		// A link to a file not yet created: follow it one step at a time.
		link, err := os.Readlink(target)
		if err != nil {
			return "", fmt.Errorf("%s %s: %w", flag, path, pathErr(err))
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", fmt.Errorf("%s %s: too many levels of symbolic links", flag, path)
}

// checkRegular refuses an existing output path that is not a regular
// file. target is where path's links lead, info what is there.
func checkRegular(flag, path, target string, info fs.FileInfo) error {
	var what string
	switch mode := info.Mode(); {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		what = "a directory"
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case mode&fs.ModeDevice != 0:
		what = "a device"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	default:
		what = "not a regular file"
	}
	if target != path {
		what = fmt.Sprintf("a link to %s, which is %s", target, what)
	}
	return fmt.Errorf("%s %s is %s: want the name of a regular file, or of one to create", flag, path, what)
}

// checkWritable checks that target, the file path leads to, is in an
// existing directory the command may create files in, by creating and
// removing a temporary file there, as writing the output will. Errors
// name the user's path, and the target when a link leads elsewhere.
func checkWritable(flag, path, target string) error {
	name := path
	if target != path {
		name = fmt.Sprintf("%s (a link to %s)", path, target)
	}
	dir := filepath.Dir(target)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s %s: the directory %s does not exist", flag, name, dir)
	case err != nil:
		return fmt.Errorf("%s %s: %w", flag, name, pathErr(err))
	case !info.IsDir():
		return fmt.Errorf("%s %s: %s is not a directory", flag, name, dir)
	}
	// Prepared and dropped, as writing will prepare and commit it.
	p, err := atomicfile.Prepare(target, 0o644, func(io.Writer) error { return nil })
	if err != nil {
		return fmt.Errorf("%s %s: cannot create a file in %s: %w", flag, name, dir, errors.Unwrap(err))
	}
	p.Abort()
	return nil
}

// writeOutputs writes every output and prints their paths.
func writeOutputs(ctx context.Context, stdout io.Writer, j *job) error {
	outs := outputs(j)
	if err := writeAll(ctx, outs); err != nil {
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

// writeAll writes every output to a temporary file beside it
// (atomicfile.Prepare) and, only when all are complete and synced, renames
// each over its path. A failure while writing removes every temporary file
// and leaves the paths as they were, so the user never gets a report from
// this run beside frames from the last one. (A rename failing after an
// earlier one succeeded, which the checks before the build make unlikely,
// still leaves that earlier output replaced: renames cannot be undone.)
// Errors name the user's path, never a temporary file's.
//
// An interrupt (ctx cancelled) while rendering fails the next write, and
// one before the renames aborts them all: nothing is written. Once the
// renames have begun they all run, so that the outputs stay a pair.
func writeAll(ctx context.Context, outs []output) error {
	pending := make([]*atomicfile.Pending, 0, len(outs))
	abort := func() {
		for _, p := range pending {
			p.Abort()
		}
	}
	for _, out := range outs {
		p, err := atomicfile.Prepare(out.file(), 0o644, func(w io.Writer) error { return writeCancellable(ctx, w, out.write) })
		if err != nil {
			abort()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return writeError(out, err)
		}
		pending = append(pending, p)
	}
	if err := ctx.Err(); err != nil {
		abort()
		return err
	}
	for i, p := range pending {
		if err := p.Commit(); err != nil {
			for _, later := range pending[i+1:] {
				later.Abort()
			}
			return writeError(outs[i], err)
		}
	}
	return nil
}

// writeError says which output failed and why: the cause atomicfile found,
// without its prefix or package report's ("report: "), which main prints
// before every error already.
func writeError(out output, err error) error {
	var ae *atomicfile.Error
	if errors.As(err, &ae) {
		err = ae.Err
	}
	return fmt.Errorf("writing %s: %w", out.path, withoutPrefix{err})
}

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

// writeCancellable runs write into w through a buffer whose every flush,
// each 64 KB, fails once ctx is done.
func writeCancellable(ctx context.Context, w io.Writer, write func(io.Writer) error) error {
	bw := bufio.NewWriterSize(ctxWriter{ctx, w}, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// ctxWriter fails every write once its context is done, so that an
// interrupt stops a long rendering at its next write.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// withoutPrefix drops the "report: " that package report's errors start
// with: main prints "report: " before every error already.
type withoutPrefix struct{ err error }

func (e withoutPrefix) Error() string { return strings.TrimPrefix(e.err.Error(), "report: ") }
func (e withoutPrefix) Unwrap() error { return e.err }

// canonical is the absolute path of target with its directory's symbolic
// links and dot segments resolved, so that two outputs reaching one file
// by different paths compare equal even before it exists. (target itself
// is no link: resolveOutput followed it.)
func canonical(target string) string {
	abs := absolute(target)
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

func absolute(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
