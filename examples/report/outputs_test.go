package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAllIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	html, xlsx := filepath.Join(dir, "report.html"), filepath.Join(dir, "frames.xlsx")
	// Outputs from an earlier run stay as they were.
	if err := os.WriteFile(html, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeAll(context.Background(), []output{
		{"-out", html, "", func(w io.Writer) error { _, err := io.WriteString(w, "new report"); return err }},
		{"-xlsx", xlsx, "", func(w io.Writer) error { return fmt.Errorf("report: rendering: %w", errors.ErrUnsupported) }},
	})
	if err == nil {
		t.Fatal("writeAll succeeded with a failing output")
	}
	if got := err.Error(); got != "writing "+xlsx+": rendering: unsupported operation" || !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("err = %q: want the user's path, the cause and no second \"report:\"", got)
	}
	if got, _ := os.ReadFile(html); string(got) != "old report" {
		t.Errorf("report.html = %q: replaced although the set failed", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}

	err = writeAll(context.Background(), []output{
		{"-out", html, "", func(w io.Writer) error { _, err := io.WriteString(w, "new report"); return err }},
		{"-xlsx", xlsx, "", func(w io.Writer) error { _, err := io.WriteString(w, "frames"); return err }},
	})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{html: "new report", xlsx: "frames"} {
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", path, got, err, want)
		}
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, %v; want 0644", path, info.Mode(), err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}
}

func TestWriteAllNamesUsersPath(t *testing.T) {
	// The directory vanished after the checks: the error must not show the
	// temporary file's name.
	path := filepath.Join(t.TempDir(), "gone", "report.html")
	err := writeAll(context.Background(), []output{{"-out", path, "", func(w io.Writer) error { return nil }}})
	if err == nil || err.Error() != "writing "+path+": no such file or directory" {
		t.Errorf("err = %v", err)
	}
	if err != nil && strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("err names the temporary file: %v", err)
	}
}
