package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"kindly/compose"
	"kindly/compose/check"
	"kindly/compose/check/lang"
	"kindly/ui"
)

type checkOptions struct {
	file     string
	format   string
	lang     string
	incoming string
	subject  string
	failOn   string
	spelling bool
}

func newCheckCmd(a *app) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check [flags] [FILE|-]",
		Short: "Check a reply's tone and length",
		Long: `Check a reply the way a support lead would: unfilled placeholders, a
generic apology, blame, shouting, piles of exclamation marks, slang, jargon,
promotions, long sentences and paragraphs, a missing greeting, closing or
signature, and more, in English, Dutch, French, Spanish, Afrikaans and Chinese.

FILE is a plain-text reply or a whole email (.eml: subject and recipients
are checked too). With --incoming, the customer's email is read as well:
their questions must be answered, and a late or upset reply is pointed out.

Findings look like a compiler's (draft.txt:3:14: warning: … [rule]); with
--format json the output is the stable JSON documented in the README.`,
		Example: `  kindly check draft.txt
  kindly check --incoming customer.eml --subject "Re: Where is my order?" draft.txt
  kindly check --format json - < draft.txt
  kindly check --fail-on warning reply.eml     # in CI`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = "-"
			if len(args) == 1 {
				opts.file = args[0]
			}
			return checkRun(a, &opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "output: text or json")
	f.StringVar(&opts.lang, "lang", "", "the reply's language (en nl fr es af zh); default: detected")
	f.StringVar(&opts.incoming, "incoming", "", "the customer's email, to check that their questions are answered")
	f.StringVar(&opts.subject, "subject", "", "the reply's subject, to check it too")
	f.StringVar(&opts.failOn, "fail-on", "error", "exit 1 on findings of this severity or worse: error or warning")
	f.BoolVar(&opts.spelling, "spelling", true, "check spelling in the reply's language (en, nl, fr, es, af; loading a dictionary takes 20–50 ms; --spelling=false for an editor's check on every save)")
	return cmd
}

func checkRun(a *app, opts *checkOptions) error {
	if opts.format != "text" && opts.format != "json" {
		return badInput(fmt.Errorf("--format %q: use text or json", opts.format))
	}
	if opts.failOn != "error" && opts.failOn != "warning" {
		return badInput(fmt.Errorf("--fail-on %q: use error or warning", opts.failOn))
	}
	if opts.lang != "" && !validLang(opts.lang) {
		return badInput(fmt.Errorf("--lang %q: kindly checks %s", opts.lang, strings.Join(compose.Languages, ", ")))
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	checker := newChecker(a, cfg)
	data, err := readInput(a, opts.file)
	if err != nil {
		return badInput(fmt.Errorf("check: %w", err))
	}
	in, err := checkInput(data, opts)
	if err != nil {
		return err
	}
	if opts.incoming != "" {
		msg, err := readMessage(a, opts.incoming)
		if err != nil {
			return err
		}
		in.Incoming = checker.AnalyzeIncoming(msg.Text, msg.Date, a.now())
		in.CustomerName = msg.Customer().Name
	}
	if opts.spelling {
		loadSpelling(a, checker, in.Lang, in.Body)
	}
	rep := checker.Run(in)
	name := opts.file
	if name == "-" {
		name = "stdin"
	}
	if opts.format == "json" {
		err = writeJSONReport(a.io.Out, rep)
	} else {
		err = writeTextReport(a.io.Out, name, opts.incoming, rep)
	}
	if err != nil {
		return err
	}
	if rep.Errors() > 0 || opts.failOn == "warning" && rep.Warnings() > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}

// checkInput reads a plain-text reply, or a whole email when the file
// starts with a header.
func checkInput(data []byte, opts *checkOptions) (check.Input, error) {
	in := check.Input{Lang: opts.lang, Subject: opts.subject}
	if looksLikeEmail(data, opts.file) {
		msg, err := compose.Parse(bytes.NewReader(data))
		if err != nil {
			var pe *compose.ParseError
			if errors.As(err, &pe) {
				pe.Source = opts.file
			}
			return in, badInput(err)
		}
		in.Message = true
		in.Body = msg.Text
		if opts.subject == "" {
			in.Subject = msg.Subject
		}
		for _, list := range [][]*mailAddress{msg.To, msg.Cc} {
			for _, addr := range list {
				in.Recipients = append(in.Recipients, addr.Address)
			}
		}
		for _, att := range msg.Attachments {
			in.Attachments = append(in.Attachments, check.Attachment{Name: att.Filename, Size: att.Size})
		}
		return in, nil
	}
	in.Body = strings.ToValidUTF8(string(data), "\uFFFD")
	return in, nil
}

func looksLikeEmail(data []byte, name string) bool {
	if strings.EqualFold(filepath.Ext(name), ".eml") {
		return true
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	k, _, ok := bytes.Cut(first, []byte(": "))
	if !ok || len(k) == 0 || bytes.ContainsAny(k, " \t") {
		return false
	}
	switch strings.ToLower(string(k)) {
	case "from", "to", "subject", "date", "message-id", "return-path", "received", "mime-version", "delivered-to", "reply-to":
		return true
	}
	return false
}

// writeTextReport writes findings like a compiler: file:line:col: severity:
// message [rule]. Text that came from the customer is sanitised.
func writeTextReport(w io.Writer, name, incoming string, rep check.Report) error {
	var b strings.Builder
	for _, f := range rep.Findings {
		place := fmt.Sprintf("%s:%d:%d", name, f.Line, f.Col)
		switch f.Field {
		case check.FieldBody:
		case check.FieldIncoming:
			if incoming != "" {
				place = fmt.Sprintf("%s:%d:%d", incoming, f.Line, f.Col)
			}
		default:
			place = fmt.Sprintf("%s: %s", name, f.Field)
		}
		fmt.Fprintf(&b, "%s: %s: %s [%s]", place, f.Severity, f.Message, f.Rule)
		if len(f.Suggestions) > 0 {
			fmt.Fprintf(&b, " (try: %s)", strings.Join(f.Suggestions, " | "))
		}
		b.WriteByte('\n')
	}
	m := rep.Metrics
	formality, warmth, positivity := rep.Tone.Words()
	fmt.Fprintf(&b, "%s: %s, %d words, %d sentences, %d paragraphs, reading time %ds, grade %.1f (%s), tone %s, %s, %s; %d errors, %d warnings\n",
		name, rep.Language, m.Words, m.Sentences, m.Paragraphs, m.ReadingSec, m.Grade, m.Formula, formality, warmth, positivity, rep.Errors(), rep.Warnings())
	_, err := io.WriteString(w, ui.Sanitize(b.String()))
	return err
}

// jsonFinding is the stable JSON form of a finding (see the README).
type jsonFinding struct {
	Rule        string   `json:"rule"`
	Severity    string   `json:"severity"`
	Message     string   `json:"message"`
	Field       string   `json:"field"`
	Line        int      `json:"line"`
	Col         int      `json:"col"`
	Offset      int      `json:"offset"`
	Length      int      `json:"length"`
	Suggestions []string `json:"suggestions"`
}

func writeJSONReport(w io.Writer, rep check.Report) error {
	out := struct {
		Language string        `json:"language"`
		Metrics  check.Metrics `json:"metrics"`
		Tone     check.Tone    `json:"tone"`
		Findings []jsonFinding `json:"findings"`
	}{Language: rep.Language, Metrics: rep.Metrics, Tone: rep.Tone, Findings: []jsonFinding{}}
	for _, f := range rep.Findings {
		s := f.Suggestions
		if s == nil {
			s = []string{}
		}
		out.Findings = append(out.Findings, jsonFinding{f.Rule, f.Severity.String(), f.Message, f.Field, f.Line, f.Col, f.Offset, f.Length, s})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// mailAddress keeps the signatures above short.
type mailAddress = mail.Address

// newChecker makes the checks engine from the config. Bad team rule files
// are reported and left out: the built-in rules still work.
func newChecker(a *app, cfg *Config) *check.Checker {
	checker, err := check.New(cfg.Checks)
	if err != nil {
		fmt.Fprintf(a.io.Err, "kindly: %s\n", err)
	}
	checker.SpellCache = filepath.Join(xdg.CacheHome, "kindly", "spell")
	return checker
}

// loadSpelling loads the dictionary for the reply's language (detected
// when not given), so the spelling rule runs; without one it says so once.
func loadSpelling(a *app, checker *check.Checker, code, body string) {
	if code == "" {
		code, _ = lang.Detect(body)
	}
	if code == "zh" || code == "" {
		return // no spelling to check in Chinese
	}
	if err := checker.LoadSpelling(code); err != nil {
		fmt.Fprintf(a.io.Err, "kindly: spelling not checked: %s\n", err)
	}
}
