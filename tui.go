package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/mail"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"kindly/compose"
	"kindly/compose/send"
	"kindly/snippets"
	"kindly/ui"
)

// runTUI opens the reply composer on a message file, stdin or the built-in
// demo ticket. Without a terminal (a pipe, a script) it prints the reply
// kindly would start from instead.
func runTUI(ctx context.Context, a *app, args []string) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	in := compose.Demo()
	// The demo ticket arrived yesterday: old enough to show the age warning.
	in.Date = a.now().Add(-27 * time.Hour)
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
	if !a.io.OutTTY {
		c := in.Customer()
		fmt.Fprintf(a.io.Err, "kindly: reply to %s <%s> about %q (%s); run kindly in a terminal to write it\n\n", c.Name, c.Email, in.Subject, source)
		fmt.Fprintf(a.io.Out, "Subject: %s\nTo: %s\n\n", d.Subject, d.To[0].String())
		_, err = io.WriteString(a.io.Out, d.Text())
		return err
	}
	input := a.io.In
	if len(args) == 1 && args[0] == "-" {
		// The message came on stdin: read keys from the terminal itself.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return badInput(fmt.Errorf("the message came on stdin and there is no terminal to type in: %w", err))
		}
		defer tty.Close()
		input = tty
	}
	c, err := newComposer(ctx, a, cfg, in, d, true) // the terminal's answer to Init's question may change it
	if err != nil {
		return err
	}
	final, err := tea.NewProgram(c.model, tea.WithContext(ctx), tea.WithInput(input), tea.WithOutput(a.io.Out)).Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	if m, ok := final.(ui.Model); ok && m.Sent() {
		_ = c.store.Delete(c.key)
		return nil
	} else if ok && m.Discarded() {
		fmt.Fprintln(a.io.Err, "kindly: the draft was discarded.")
		return nil
	}
	fmt.Fprintf(a.io.Err, "kindly: your draft is saved; run kindly %s again to go on.\n", source)
	return nil
}

// composer is the composer ready to run: the model and where its draft is
// kept.
type composer struct {
	model ui.Model
	store *compose.DraftStore
	key   string
}

// newComposer builds the composer's model for a reply d to in: checks,
// the saved draft, snippets loading in the background. It does no terminal
// I/O, so the first frame can be measured on its own.
func newComposer(ctx context.Context, a *app, cfg *Config, in *compose.Message, d *compose.Draft, dark bool) (*composer, error) {
	checker := newChecker(a, cfg)
	dirs, err := snippetDirs(a)
	if err != nil {
		return nil, err
	}
	usage := snippets.OpenUsage(usagePath(a))
	store := compose.NewDraftStore(compose.DefaultDraftDir())
	key := compose.DraftKey(in)
	status := "Writing to " + d.Customer.Name + ". Your draft is saved as you type."
	var fresh *compose.Draft
	if saved, at, err := store.Load(key); err == nil {
		fresh, d = d, saved
		status = "Restored the draft you saved at " + at.Local().Format("15:04 on 2 Jan") + " (ctrl+r starts over)."
	} else if !errors.Is(err, fs.ErrNotExist) {
		status = "⚠ " + err.Error()
	}
	if d.From == nil {
		d.From = &mail.Address{Name: "kindly demo", Address: "demo@kindly.localhost"}
	}
	model := ui.New(ui.Options{
		Incoming: in,
		Draft:    d,
		Analysis: checker.AnalyzeIncoming(in.Text, in.Date, a.now()),
		Checker:  checker,
		Save:     func(d *compose.Draft) error { return store.Save(key, d) },
		Send: func(ctx context.Context, d *compose.Draft) (string, error) {
			msg, err := compose.Build(d)
			if err != nil {
				return "", err
			}
			var to []string
			for _, addr := range append(append([]*mail.Address{}, d.To...), d.Cc...) {
				to = append(to, addr.Address)
			}
			return deliverMessage(ctx, a, send.Message{ID: d.MessageID, From: d.From.Address, To: to, Data: msg}, sendOptions{})
		},
		Status:   status,
		Now:      a.now(),
		Snippets: snippets.LoadAsync(dirs),
		Vars:     snippetVars(cfg, in, d, a),
		Used:     func(id string) { _ = usage.Record(id) },
		Dark:     dark,
		Fresh:    fresh,
		Discard:  func() error { return store.Delete(key) },
		Editor:   editorCommand(a.getenv),
		Watch: func(lib *snippets.Library) <-chan snippets.Update {
			ch, err := lib.Watch(ctx, 150*time.Millisecond)
			if err != nil {
				return nil // no live updates; the library loaded at start stays
			}
			return ch
		},
	})
	return &composer{model: model, store: store, key: key}, nil
}

// editorCommand is the agent's editor: $VISUAL, then $EDITOR, then vi.
func editorCommand(getenv func(string) string) string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := getenv(v); e != "" {
			return e
		}
	}
	return "vi"
}
