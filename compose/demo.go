package compose

import (
	"bytes"
	_ "embed"
)

//go:embed demo.eml
var demoEML []byte

// Demo is the built-in demo ticket that `kindly` opens when it is given no
// message, so a new user sees the whole flow at once.
func Demo() *Message {
	m, err := parse(bytes.NewReader(demoEML), "demo ticket")
	if err != nil {
		// The demo is part of the binary: a failure is a bug caught by the tests.
		panic("compose: demo ticket: " + err.Error())
	}
	return m
}
