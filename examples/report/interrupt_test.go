package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gofolio/gofolio/quotes/yahoo"
	"github.com/gofolio/gofolio/quotes/yahoo/cache"
)

// TestInterruptMidFetchPrintsOneLine: an interrupt while Yahoo requests
// are in flight ends the run with one line and status 130, nothing on
// stdout and no file written (issue 14.5: 30 lines of "context canceled").
func TestInterruptMidFetchPrintsOneLine(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(cancel) // the user presses Ctrl-C once the fetch has begun
		<-r.Context().Done()
	}))
	defer srv.Close()
	t.Setenv(yahoo.EnvBaseURL, srv.URL)
	t.Setenv(cache.EnvDir, t.TempDir())
	dir := t.TempDir()
	var rows []string
	for _, s := range []string{"IBM", "MSFT", "AAPL", "KO", "XOM", "GE", "T", "MMM"} {
		rows = append(rows, "2024-01-03,BUY,"+s+",1,,,")
	}
	tx := writeTx(t, append([]string{"2024-01-02,DEPOSIT,,,,,10000"}, rows...)...)
	out := filepath.Join(dir, "report.html")
	var stdout, stderr bytes.Buffer
	err := run(ctx, []string{"-tx", tx, "-source", "yahoo", "-currency", "GBP", "-benchmarks", "^GSPC,^IXIC", "-out", out}, &stdout, &stderr)
	code := exitCode(ctx, err, &stderr)
	if code != exitInterrupted || stderr.String() != "report: interrupted; nothing written\n" {
		t.Errorf("exit status %d, stderr:\n%s\nwant 130 and one line", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout after an interrupt:\n%s", stdout.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

// TestInterruptBeforeWritingWritesNothing: an interrupt at any stage
// after the checks (here, before the run starts) prints nothing and
// writes nothing, though the sample source never looks at the context.
func TestInterruptBeforeWritingWritesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(ctx, []string{"-out", filepath.Join(dir, "report.html"), "-xlsx", filepath.Join(dir, "frames.xlsx")}, &stdout, &stderr)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if stdout.Len() != 0 || stderr.Len() != 0 {
		t.Errorf("printed after an interrupt:\n%s%s", stdout.String(), stderr.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

// TestInterruptWhileRenderingStops: an interrupt during a rendering
// fails its next flush, so a long rendering stops there, and no output
// replaces the previous run's.
func TestInterruptWhileRenderingStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	html, xlsx := filepath.Join(dir, "report.html"), filepath.Join(dir, "frames.xlsx")
	for _, p := range []string{html, xlsx} {
		if err := os.WriteFile(p, []byte("previous run"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	written := 0
	chunk := bytes.Repeat([]byte("x"), 1024)
	err := writeAll(ctx, []output{
		{"-out", html, "", func(w io.Writer) error { _, err := w.Write([]byte("report")); return err }},
		{"-xlsx", xlsx, "", func(w io.Writer) error {
			cancel()
			for range 10 << 10 { // 10 MB, in 1 KB writes
				if _, err := w.Write(chunk); err != nil {
					return err
				}
				written += len(chunk)
			}
			return nil
		}},
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if written > 128<<10 {
		t.Errorf("%d bytes rendered after the interrupt; want at most two 64 KB buffers", written)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if b, _ := os.ReadFile(filepath.Join(dir, e.Name())); strings.HasPrefix(e.Name(), ".") || string(b) != "previous run" {
			t.Errorf("%s: %.20q after an interrupted write", e.Name(), b)
		}
	}
}
