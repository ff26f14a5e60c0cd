package main

import (
	"strings"
	"testing"
)

// FuzzEnvelope feeds arbitrary bytes to the .eml envelope reader: it must
// never panic, and whatever it accepts has an ID, a sender and no CR/LF in
// any address (no SMTP command injection through the envelope).
func FuzzEnvelope(f *testing.F) {
	f.Add([]byte("From: a@example.com\r\nTo: b@example.com, \"C\" <c@example.com>\r\nCc: d@example.com\r\nMessage-ID: <x@y>\r\n\r\nhi\r\n"))
	f.Add([]byte("From: a@example.com\nMessage-ID: <x@y>\n\n"))
	f.Add([]byte("To: b@example.com\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		msg, err := envelope(data)
		if err != nil {
			return
		}
		if msg.ID == "" || msg.From == "" {
			t.Fatalf("accepted without ID or From: %+v", msg)
		}
		for _, a := range append([]string{msg.From}, msg.To...) {
			if strings.ContainsAny(a, "\r\n") {
				t.Fatalf("address with a line break: %q", a)
			}
		}
	})
}
