package main

import (
	"context"
	"fmt"
	"io"

	"kindly/compose"
)

// runTUI opens the reply composer on a message file, stdin or the demo
// ticket. Until the TUI lands it prints the reply kindly composes for the
// message, so `go run .` shows what kindly does.
func runTUI(ctx context.Context, a *app, args []string) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	in := compose.Demo()
	source := "the built-in demo ticket"
	if len(args) == 1 {
		if in, err = readMessage(a, args[0]); err != nil {
			return err
		}
		source = args[0]
	}
	p, err := replyProfile(cfg, "", false)
	if err != nil {
		return err
	}
	p.Now = a.now()
	d, err := compose.NewReply(in, p)
	if err != nil {
		return badInput(err)
	}
	c := in.Customer()
	fmt.Fprintf(a.io.Err, "kindly: reply to %s <%s> about %q (%s)\n", c.Name, c.Email, in.Subject, source)
	fmt.Fprintf(a.io.Err, "kindly: the guided editor is not built yet; here is the reply kindly starts you with:\n\n")
	fmt.Fprintf(a.io.Out, "Subject: %s\nTo: %s\n\n", d.Subject, d.To[0].String())
	_, err = io.WriteString(a.io.Out, d.Text())
	return err
}
