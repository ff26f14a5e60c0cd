package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"kindly/compose/send"
	"kindly/ui"
)

type sendOptions struct {
	account string
	force   bool
}

func newSendCmd(a *app) *cobra.Command {
	var opts sendOptions
	cmd := &cobra.Command{
		Use:   "send [--account NAME] FILE.eml",
		Short: "Send a composed message through the outbox",
		Long: `Send a composed message (for example from kindly reply --print) through
the outbox: it is kept there until the server accepts it and a copy is filed
in Sent, so a reply is never lost. A message whose Message-ID was already
delivered is not sent again without --force. With no account configured,
the message is saved to a local Maildir instead, and kindly says so.`,
		Example: `  kindly reply --body answer.txt --print customer.eml > reply.eml && kindly send reply.eml
  kindly send --account support reply.eml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return badInput(err)
			}
			msg, err := envelope(data)
			if err != nil {
				return badInput(fmt.Errorf("%s: %w", args[0], err))
			}
			return deliver(cmd.Context(), a, msg, opts)
		},
	}
	cmd.Flags().StringVar(&opts.account, "account", "", "the account to send with (default: the one with default = true)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "send even if this Message-ID was already sent or may have been")
	return cmd
}

// envelope reads sender, recipients and Message-ID from a message's header.
func envelope(data []byte) (send.Message, error) {
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return send.Message{}, fmt.Errorf("not an email: %v", err)
	}
	msg := send.Message{Data: data}
	msg.ID = strings.Trim(strings.TrimSpace(m.Header.Get("Message-Id")), "<>")
	if msg.ID == "" {
		return msg, errors.New("no Message-ID: kindly needs one to make sure a reply is never sent twice")
	}
	from, err := m.Header.AddressList("From")
	if err != nil || len(from) == 0 {
		return msg, fmt.Errorf("no usable From address: %v", err)
	}
	msg.From = from[0].Address
	for _, h := range []string{"To", "Cc", "Bcc"} {
		if m.Header.Get(h) == "" {
			continue
		}
		list, err := m.Header.AddressList(h)
		if err != nil {
			return msg, fmt.Errorf("%s: %v", h, err)
		}
		for _, addr := range list {
			msg.To = append(msg.To, addr.Address)
		}
	}
	if len(msg.To) == 0 {
		return msg, errors.New("no recipients in To or Cc")
	}
	return msg, nil
}

// pickAccount chooses the account: the named one, the default, or the only
// one. No accounts at all is not an error: kindly delivers locally.
func pickAccount(cfg *Config, name string) (string, *send.Account, error) {
	if name != "" {
		acct, ok := cfg.Accounts[name]
		if !ok {
			return "", nil, badInput(fmt.Errorf("no account %q in %s", name, cfg.Path))
		}
		return name, &acct, nil
	}
	var names []string
	for n, acct := range cfg.Accounts {
		if acct.Default {
			return n, &acct, nil
		}
		names = append(names, n)
	}
	sort.Strings(names)
	switch len(names) {
	case 0:
		return "", nil, nil
	case 1:
		acct := cfg.Accounts[names[0]]
		return names[0], &acct, nil
	}
	return "", nil, badInput(fmt.Errorf("several accounts (%s) and none has default = true: choose one with --account", strings.Join(names, ", ")))
}

// deliver puts msg in the outbox and sends it, or saves it locally when no
// account is configured, and says what happened. Failures exit 3 with the
// message kept.
func deliver(ctx context.Context, a *app, msg send.Message, opts sendOptions) error {
	res, err := deliverMessage(ctx, a, msg, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.io.Err, "kindly: %s\n", res)
	return nil
}

// deliverMessage is deliver without the printing, for the TUI.
func deliverMessage(ctx context.Context, a *app, msg send.Message, opts sendOptions) (string, error) {
	cfg, err := a.config()
	if err != nil {
		return "", err
	}
	name, acct, err := pickAccount(cfg, opts.account)
	if err != nil {
		return "", err
	}
	outbox := send.OpenOutbox(filepath.Join(dataDir(a), "outbox"))
	e, err := outbox.Enqueue(msg, name, opts.force)
	if err != nil {
		return "", badInput(err)
	}
	if acct == nil {
		local := filepath.Join(dataDir(a), "local")
		if err := outbox.DeliverLocal(e, local); err != nil {
			return "", &exitError{code: exitDelivery, err: err}
		}
		return fmt.Sprintf("no SMTP account configured: the reply was saved to %s (set up an account with kindly init)", e.SentCopy), nil
	}
	password, err := send.Password(ctx, *acct, cfg.Path, cfg.Mode)
	if err != nil {
		return "", &exitError{code: exitDelivery, err: fmt.Errorf("%v; the reply is kept in the outbox as %s", err, e.Key)}
	}
	err = outbox.Send(ctx, e, *acct, password, send.DefaultTimeouts)
	var copyErr *send.SentCopyError
	if errors.As(err, &copyErr) {
		// Delivered: a failed copy is worth a warning, never a resend.
		return fmt.Sprintf("%s to %s via %s; kindly outbox retry %s files the copy", ui.Sanitize(copyErr.Error()), strings.Join(msg.To, ", "), name, e.Key), nil
	}
	if err != nil {
		got, _, _ := outbox.Get(e.Key)
		return "", &exitError{code: exitDelivery, err: fmt.Errorf("%s\nThe reply is kept in the outbox (%s, %s): kindly outbox retry %s", ui.Sanitize(err.Error()), e.Key, got.State, e.Key)}
	}
	return fmt.Sprintf("sent to %s via %s (%s)", strings.Join(msg.To, ", "), name, ui.Sanitize(e.Reason)), nil
}

func dataDir(a *app) string {
	if d := a.getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "kindly")
	}
	return send.DefaultDataDir()
}
