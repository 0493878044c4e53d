package chart

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestWeights(t *testing.T) {
	p, err := Weights("Allocation by sector", []Weight{
		{"Cash", 0.6, "60.0%"}, {"Tech", 0.5, "50.0%"}, {"Cash USD", -0.1, "-10.0%"}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WritePNGAt(&buf, p, 1); err != nil || buf.Len() == 0 {
		t.Fatalf("png: %v, %d bytes", err, buf.Len())
	}
	if _, err := Weights("w", nil); err == nil || !strings.Contains(err.Error(), "no weights") {
		t.Errorf("no weights: err = %v", err)
	}
	_, err = Weights("w", []Weight{{"a", math.NaN(), ""}, {"b", math.Inf(1), ""}})
	if err == nil || strings.Count(err.Error(), "has weight") != 2 {
		t.Errorf("not finite: err = %v, want both named", err)
	}
}
