package notebook

import (
	"strings"
	"testing"
)

// TestWarnings: each warning is a list item, escaped, with a plain-text
// line; no warnings show nothing (issues 13.2, 13.5).
func TestWarnings(t *testing.T) {
	var got []Bundle
	d := New(func(b Bundle) error { got = append(got, b); return nil })
	if err := d.Warnings(); err != nil || len(got) != 0 {
		t.Fatalf("no warnings: %v, %d outputs", err, len(got))
	}
	if err := d.Warnings("IBM: <b>no</b> close after 1999-01-04", "KO: stale"); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d outputs, want 1", len(got))
	}
	h, plain := got[0][MIMEHTML], got[0][MIMEPlain]
	if !strings.Contains(h, "<li>IBM: &lt;b&gt;no&lt;/b&gt; close after 1999-01-04</li><li>KO: stale</li>") {
		t.Errorf("HTML %s", h)
	}
	if plain != "warning: IBM: <b>no</b> close after 1999-01-04\nwarning: KO: stale\n" {
		t.Errorf("plain %q", plain)
	}
}
