package main

import "testing"

// BenchmarkWholePath times gofolio's whole path on the 50 × 10 × 2,000
// workload: quotes.NewDir, FetchAll of every symbol, txfile.Read,
// Build and Quantity (go test -bench WholePath -cpuprofile to see where
// the time goes).
func BenchmarkWholePath(b *testing.B) {
	dir := b.TempDir()
	if err := writeInputs(dir, ratioTarget); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		in, err := loadInputs(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := build(in); err != nil {
			b.Fatal(err)
		}
	}
}
