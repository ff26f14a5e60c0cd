package check

import "testing"

// BenchmarkNew measures loading the built-in word lists of six languages,
// part of every `kindly check` process.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
