package fnv1a

import (
	"hash/fnv"
	"testing"
)

// TestString: the same as the standard library's FNV-1a.
func TestString(t *testing.T) {
	for _, s := range []string{"", "a", "the", "bestelling", "Ω’é", "\x00\xff"} {
		h := fnv.New32a()
		h.Write([]byte(s))
		if got, want := String(s), h.Sum32(); got != want {
			t.Errorf("String(%q) = %#x, want %#x", s, got, want)
		}
	}
}
