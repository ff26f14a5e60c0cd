package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\nline two\ttab", "plain text\nline two\ttab"},
		{"red \x1b[31mtext\x1b[0m", "red ␛[31mtext␛[0m"},
		{"title \x1b]0;pwned\x07", "title ␛]0;pwned␇"},
		{"cr\roverwrite", "cr␍overwrite"},
		{"c1 \u009b31m", "c1 \uFFFD31m"},
		{"bidi \u202eevil\u202c ok \u2066x\u2069", "bidi evil ok x"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"emoji 👩‍👩‍👧 中文 العربية", "emoji 👩‍👩‍👧 中文 العربية"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add("\x1b[2J\x1b[H\u202e\r\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatal("invalid UTF-8 out")
		}
		for _, r := range out {
			if unsafeRune(r) {
				t.Fatalf("unsafe rune %U survived in %q", r, out)
			}
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatal("line count changed")
		}
	})
}
