package main

import (
	"errors"
	"fmt"
	"io"
	"net/mail"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"kindly/compose"
	"kindly/compose/check/lang"
	"kindly/compose/send"
	"kindly/internal/checkcli"
	"kindly/snippets"
)

type replyOptions struct {
	message  string
	body     string
	set      []string
	print    bool
	send     bool
	force    bool
	replyAll bool
	lang     string
	snippets []string
	account  string
}

func newReplyCmd(a *app) *cobra.Command {
	var opts replyOptions
	cmd := &cobra.Command{
		Use:   "reply [flags] MESSAGE|-",
		Short: "Compose a reply without the TUI",
		Long: `Compose the reply to a customer's email: greeting by name, your answer,
closing, signature and the quoted original, threaded under the customer's
message. The answer comes from --body (a file, or - for stdin); {{name}}
fields in it are filled with --set name=value — and from snippets (--snippet ID,
repeatable), whose fields --set fills too. The reply is checked: findings go to
stderr, and errors (an unfilled placeholder, say) stop it unless --force.`,
		Example: `  kindly reply --snippet refund --set amount=49.95 --print customer.eml
  kindly reply --body answer.txt --print customer.eml
  kindly reply --body answer.txt --set order=HW-659 --print customer.eml > reply.eml
  kindly reply --body - --print customer.eml < answer.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.message = args[0]
			return replyRun(a, &opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.body, "body", "", "the answer: a text file, or - for stdin")
	f.StringArrayVar(&opts.set, "set", nil, "fill a snippet's or the body's {{NAME}} field: NAME=VALUE (repeatable)")
	f.BoolVar(&opts.print, "print", false, "write the whole message (RFC 5322) to stdout")
	f.BoolVar(&opts.send, "send", false, "send the reply through the outbox (or save it locally when no account is set up)")
	f.StringVar(&opts.account, "account", "", "the account to send with")
	f.BoolVar(&opts.force, "force", false, "send even with error findings")
	f.BoolVar(&opts.replyAll, "all", false, "reply to all: add the customer's To and Cc, without your own addresses")
	f.StringVar(&opts.lang, "lang", "", "the reply's language (en nl fr es af zh); default: the customer's")
	f.StringArrayVar(&opts.snippets, "snippet", nil, "insert a snippet by id (repeatable)")
	return cmd
}

func replyRun(a *app, opts *replyOptions) error {
	if opts.message == "-" && opts.body == "-" {
		return badInput(errors.New("the message and --body cannot both come from stdin"))
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	in, err := readMessage(a, opts.message)
	if err != nil {
		return err
	}
	fields, err := parseSets(opts.set)
	if err != nil {
		return err
	}
	profile, err := replyProfile(cfg, opts.lang, opts.replyAll)
	if err != nil {
		return err
	}
	profile.Now = a.now()
	d, err := compose.NewReply(in, profile)
	if err != nil {
		return badInput(fmt.Errorf("%s: %w", opts.message, err))
	}
	var parts []string
	if len(opts.snippets) > 0 {
		text, err := renderSnippets(a, cfg, in, d, opts.snippets, fields)
		if err != nil {
			return err
		}
		parts = append(parts, text)
	}
	if opts.body != "" {
		body, err := readInput(a, opts.body)
		if err != nil {
			return badInput(fmt.Errorf("--body: %w", err))
		}
		// The agent's own text is rendered like a snippet: its {{fields}} and
		// {{customer.first_name}}-style variables filled, nothing else run.
		parts = append(parts, strings.TrimRight(snippets.Render(&snippets.Snippet{Body: string(body)}, snippetVars(cfg, in, d, a), fields).Text, "\n"))
	}
	d.Body = strings.Join(parts, "\n\n")
	if err := reportFindings(a, cfg, in, d, opts.force); err != nil {
		return err
	}
	if !opts.print && !opts.send {
		_, err := io.WriteString(a.io.Out, d.Text())
		return err
	}
	msg, err := compose.Build(d)
	if err != nil {
		return badInput(err)
	}
	if opts.print {
		if _, err := a.io.Out.Write(msg); err != nil {
			return err
		}
	}
	if opts.send {
		var to []string
		for _, addr := range append(append([]*mail.Address{}, d.To...), d.Cc...) {
			to = append(to, addr.Address)
		}
		return deliver(a.ctx(), a, send.Message{ID: d.MessageID, From: d.From.Address, To: to, Data: msg}, sendOptions{account: opts.account, force: opts.force})
	}
	return nil
}

// readMessage reads the customer's email from a file or "-" for stdin.
func readMessage(a *app, name string) (*compose.Message, error) {
	var (
		m   *compose.Message
		err error
	)
	if name == "-" {
		m, err = compose.Parse(a.io.In)
	} else {
		m, err = compose.ParseFile(name)
	}
	if err != nil {
		return nil, badInput(err)
	}
	return m, nil
}

func readInput(a *app, name string) ([]byte, error) {
	return checkcli.ReadInput(a.io.In, name)
}

func parseSets(sets []string) (map[string]string, error) {
	fields := map[string]string{}
	for _, s := range sets {
		name, value, ok := strings.Cut(s, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, badInput(fmt.Errorf("--set %q: expected NAME=VALUE, e.g. --set order=HW-659", s))
		}
		fields[name] = value
	}
	return fields, nil
}

// replyProfile is the agent's side of a reply, from the config: the agent,
// the default account's From, and every account's address as "own".
func replyProfile(cfg *Config, replyLang string, all bool) (compose.Profile, error) {
	p := compose.Profile{
		Agent:    cfg.Agent,
		ReplyAll: all,
		Lang:     replyLang,
		Detect: func(text string) string {
			code, _ := lang.Detect(text)
			return code
		},
	}
	if replyLang != "" && !validLang(replyLang) {
		return p, badInput(fmt.Errorf("--lang %q: kindly writes replies in %s", replyLang, strings.Join(compose.Languages, ", ")))
	}
	names := make([]string, 0, len(cfg.Accounts))
	for name := range cfg.Accounts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		acct := cfg.Accounts[name]
		if acct.From == "" {
			continue
		}
		addr, err := mail.ParseAddress(acct.From)
		if err != nil {
			return p, badInput(fmt.Errorf("%s: [accounts.%s] from = %q is not an address: %v", cfg.Path, name, acct.From, err))
		}
		p.Own = append(p.Own, addr.Address)
		if acct.Default || (p.From == nil && len(names) == 1) {
			p.From = addr
		}
	}
	return p, nil
}

func validLang(code string) bool {
	for _, c := range compose.Languages {
		if c == code {
			return true
		}
	}
	return false
}
