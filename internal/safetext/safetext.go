// Package safetext makes untrusted text safe to print to a terminal. It
// depends on nothing but the standard library, so that the lean
// kindly-check binary uses it without the TUI.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes untrusted text (a customer's email, a snippet file, a
// server's reply) safe to draw in a terminal: escape sequences and control
// characters are made visible (ESC as ␛, other C0 controls as their
// Control Pictures, C1 controls as U+FFFD), bidirectional controls that can
// hide or reorder text are dropped, and invalid UTF-8 is replaced. Newline
// and tab are kept. Nothing the text says can move the cursor, recolour,
// retitle or hide anything.
func Sanitize(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || unsafeRune(r) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune('\uFFFD')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟, ␛ for ESC
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r < 0xa0:
			b.WriteRune('\uFFFD')
		case isBidiControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r)
}

// isBidiControl reports the characters that change the direction of text
// (Trojan Source, CVE-2021-42574).
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c:
		return true
	}
	return false
}
