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

// BenchmarkCompute times what the comparison's first table times, Build
// and Quantity on loaded inputs, at 200 × 20 × 20,000 (go test -bench
// Compute -cpuprofile to see where the time goes).
func BenchmarkCompute(b *testing.B) {
	dir := b.TempDir()
	if err := writeInputs(dir, workload{200, 20, 20000}); err != nil {
		b.Fatal(err)
	}
	in, err := loadInputs(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(in); err != nil {
			b.Fatal(err)
		}
	}
}
