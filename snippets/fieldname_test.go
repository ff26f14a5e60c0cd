package snippets

import (
	"regexp"
	"testing"
)

// TestIsFieldName: the hand-written test accepts what the expression it
// replaced accepted, over every byte.
func TestIsFieldName(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	for _, n := range []string{"", "a", "A", "_", "1", "a1", "a_b", "ab_", "a-b", "a b", "é", "a\x00", "Zz9_", "@", "[", "`", "{", "z{", "a/", "a:", "Ω", "a\n"} {
		if got, want := isFieldName(n), re.MatchString(n); got != want {
			t.Errorf("%q: %v, regexp %v", n, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for _, n := range []string{string(rune(c)), "a" + string([]byte{byte(c)}), string([]byte{byte(c)})} {
			if got, want := isFieldName(n), re.MatchString(n); got != want {
				t.Errorf("%q: %v, regexp %v", n, got, want)
			}
		}
	}
}
