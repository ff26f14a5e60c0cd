// Package ui is kindly's terminal interface.
package ui

import "kindly/internal/safetext"

// Sanitize is safetext.Sanitize, which every view applies to untrusted text
// (a customer's email, a snippet file, a server's reply) before drawing it.
func Sanitize(s string) string { return safetext.Sanitize(s) }
