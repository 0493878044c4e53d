package report

import (
	"slices"
	"strings"
	"testing"
)

// TestWarningsShownNearTheTop: the engine's warnings are listed, escaped,
// above the headline figures, and no section shows without any (issues
// 13.2, 13.5).
func TestWarningsShownNearTheTop(t *testing.T) {
	in := synthetic(3, 2)
	html := render(t, in, Options{})
	if strings.Contains(html, `id="warnings"`) {
		t.Error("a warnings section without warnings")
	}
	in.Warnings = []string{`IBM: no close after 1999-01-04; valued at its <b>last</b> close`, "GBP cash settles USD trades"}
	html = render(t, in, Options{})
	w, s := strings.Index(html, `<section id="warnings"`), strings.Index(html, `<section id="summary"`)
	if w < 0 || w > s {
		t.Fatalf("warnings section at %d, summary at %d: want it before the summary", w, s)
	}
	for _, want := range []string{
		"<li>IBM: no close after 1999-01-04; valued at its &lt;b&gt;last&lt;/b&gt; close</li>",
		"<li>GBP cash settles USD trades</li>",
	} {
		if !strings.Contains(html[w:s], want) {
			t.Errorf("warnings section lacks %q:\n%s", want, html[w:s])
		}
	}
}

type testWarning struct{ symbol string }

func (w testWarning) String() string { return w.symbol + ": no price" }

func TestWarningTexts(t *testing.T) {
	got := WarningTexts([]testWarning{{"IBM"}, {"KO"}})
	if !slices.Equal(got, []string{"IBM: no price", "KO: no price"}) {
		t.Errorf("WarningTexts = %q", got)
	}
}
