package check

import "testing"

// BenchmarkNew measures what every `kindly check` process pays before the
// check itself: New, and the word lists of the one language it needs
// (built lazily, per language).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		c, err := New(Config{})
		if err != nil {
			b.Fatal(err)
		}
		if c.lex.get("en") == nil {
			b.Fatal("no English word lists")
		}
	}
}
