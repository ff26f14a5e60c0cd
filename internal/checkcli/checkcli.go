// Package checkcli is the `kindly check` command: its flags, how it reads a
// reply or a whole email, and its compiler-style and JSON output. Both
// kindly and the lean kindly-check binary run it, so that an editor or a CI
// job gets exactly the same findings from either; it imports nothing of the
// TUI or of sending, which is what keeps kindly-check's start-up small.
package checkcli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kindly/compose"
	"kindly/compose/check"
	"kindly/internal/safetext"
	"kindly/internal/xdgdir"
)

// Long is the command's help.
const Long = `Check a reply the way a support lead would: unfilled placeholders, a
generic apology, blame, shouting, piles of exclamation marks, slang, jargon,
promotions, long sentences and paragraphs, a missing greeting, closing or
signature, and more, in English, Dutch, French, Spanish, Afrikaans and Chinese.

FILE is a plain-text reply or a whole email (.eml: subject and recipients
are checked too). With --incoming, the customer's email is read as well:
their questions must be answered, and a late or upset reply is pointed out.

Findings look like a compiler's (draft.txt:3:14: warning: … [rule]); with
--format json the output is the stable JSON documented in the README.

Exit status: 0 clean, 1 findings at --fail-on or worse, 2 unusable input.`

// Options are the command's flags and its FILE ("-" for stdin).
type Options struct {
	File     string
	Format   string
	Lang     string
	Incoming string
	Subject  string
	FailOn   string
	Spelling bool
}

// FlagSet is what Register needs of a flag set: both the standard library's
// flag.FlagSet and cobra's pflag.FlagSet have these methods.
type FlagSet interface {
	StringVar(p *string, name, value, usage string)
	BoolVar(p *bool, name string, value bool, usage string)
}

// Register defines the flags on fs.
func (o *Options) Register(fs FlagSet) {
	fs.StringVar(&o.Format, "format", "text", "output: text or json")
	fs.StringVar(&o.Lang, "lang", "", "the reply's language (en nl fr es af zh); default: detected")
	fs.StringVar(&o.Incoming, "incoming", "", "the customer's email, to check that their questions are answered")
	fs.StringVar(&o.Subject, "subject", "", "the reply's subject, to check it too")
	fs.StringVar(&o.FailOn, "fail-on", "error", "exit 1 on findings of this severity or worse: error or warning")
	fs.BoolVar(&o.Spelling, "spelling", true, "check spelling in the reply's language (en, nl, fr, es, af); the first run in a language parses its dictionary (40–70 ms) and caches it for the next (a few ms)")
}

// Env is what the command reads and writes besides its options.
type Env struct {
	In       io.Reader
	Out, Err io.Writer
	Now      func() time.Time
	Checker  *check.Checker
}

// BadInput is an input the command cannot use (exit status 2).
type BadInput struct{ Err error }

func (e *BadInput) Error() string { return e.Err.Error() }
func (e *BadInput) Unwrap() error { return e.Err }

func badInput(err error) error { return &BadInput{Err: err} }

// ErrFindings says the reply has findings at --fail-on or worse (exit 1).
var ErrFindings = errors.New("findings")

// NewChecker makes the checks engine from the [checks] config, with the
// spelling cache in the user's cache directory. Team rule files that cannot
// be read are reported on errOut and left out; the built-in rules work.
func NewChecker(cfg check.Config, errOut io.Writer) *check.Checker {
	checker, err := check.New(cfg)
	if err != nil {
		fmt.Fprintf(errOut, "kindly: %s\n", err)
	}
	checker.SpellCache = filepath.Join(xdgdir.Cache(os.Getenv), "kindly", "spell")
	return checker
}

// Run checks the reply opts names and writes the report.
func Run(env Env, opts Options) error {
	if opts.Format != "text" && opts.Format != "json" {
		return badInput(fmt.Errorf("--format %q: use text or json", opts.Format))
	}
	if opts.FailOn != "error" && opts.FailOn != "warning" {
		return badInput(fmt.Errorf("--fail-on %q: use error or warning", opts.FailOn))
	}
	if opts.Lang != "" && !slices.Contains(compose.Languages, opts.Lang) {
		return badInput(fmt.Errorf("--lang %q: kindly checks %s", opts.Lang, strings.Join(compose.Languages, ", ")))
	}
	data, err := ReadInput(env.In, opts.File)
	if err != nil {
		return badInput(fmt.Errorf("check: %w", err))
	}
	in, err := input(data, opts)
	if err != nil {
		return err
	}
	if opts.Incoming != "" {
		msg, err := readMessage(env.In, opts.Incoming)
		if err != nil {
			return badInput(err)
		}
		in.Incoming = env.Checker.AnalyzeIncoming(msg.Text, msg.Date, env.Now())
		in.CustomerName = msg.Customer().Name
	}
	if opts.Spelling {
		LoadSpelling(env.Checker, env.Err, in.Lang, in.Body)
	}
	rep := env.Checker.Run(in)
	name := opts.File
	if name == "-" {
		name = "stdin"
	}
	if opts.Format == "json" {
		var questions []check.Question
		if in.Incoming != nil {
			questions = in.Incoming.Questions
		}
		err = writeJSON(env.Out, rep, questions)
	} else {
		err = writeText(env.Out, name, opts.Incoming, rep)
	}
	if err != nil {
		return err
	}
	if rep.Errors() > 0 || opts.FailOn == "warning" && rep.Warnings() > 0 {
		return ErrFindings
	}
	return nil
}

// ReadInput reads a file, or stdin for "-" (at most a message's size).
func ReadInput(stdin io.Reader, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(stdin, compose.MaxMessageBytes))
	}
	return os.ReadFile(name)
}

func readMessage(stdin io.Reader, name string) (*compose.Message, error) {
	if name == "-" {
		return compose.Parse(stdin)
	}
	return compose.ParseFile(name)
}

// LoadSpelling loads the dictionary for the reply's language (detected
// when not given), so the spelling rule runs; without one it says so once.
func LoadSpelling(checker *check.Checker, errOut io.Writer, code, body string) {
	if code == "" {
		code = checker.Language(body)
	}
	if code == "zh" || code == "" {
		return // no spelling to check in Chinese
	}
	if err := checker.LoadSpelling(code); err != nil {
		fmt.Fprintf(errOut, "kindly: spelling not checked: %s\n", err)
	}
}

// input reads a plain-text reply, or a whole email when the file starts
// with a header.
func input(data []byte, opts Options) (check.Input, error) {
	in := check.Input{Lang: opts.Lang, Subject: opts.Subject}
	if !looksLikeEmail(data, opts.File) {
		in.Body = strings.ToValidUTF8(string(data), "\uFFFD")
		return in, nil
	}
	msg, err := compose.Parse(bytes.NewReader(data))
	if err != nil {
		var pe *compose.ParseError
		if errors.As(err, &pe) {
			pe.Source = opts.File
		}
		return in, badInput(err)
	}
	in.Message = true
	in.Body = msg.Text
	if opts.Subject == "" {
		in.Subject = msg.Subject
	}
	for _, list := range [][]*mail.Address{msg.To, msg.Cc} {
		for _, addr := range list {
			in.Recipients = append(in.Recipients, addr.Address)
		}
	}
	for _, att := range msg.Attachments {
		in.Attachments = append(in.Attachments, check.Attachment{Name: att.Filename, Size: att.Size})
	}
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

// writeText writes findings like a compiler: file:line:col: severity:
// message [rule], then a summary line. Text that came from the customer is
// sanitised.
func writeText(w io.Writer, name, incoming string, rep check.Report) error {
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
	fmt.Fprintf(&b, "%s: %s, %s, %s, %s, reading time %ds, grade %.1f (%s), tone %s, %s, %s; %s, %s\n",
		name, rep.Language, check.Plural(m.Words, "word"), check.Plural(m.Sentences, "sentence"), check.Plural(m.Paragraphs, "paragraph"),
		m.ReadingSec, m.Grade, m.Formula, formality, warmth, positivity, check.Plural(rep.Errors(), "error"), check.Plural(rep.Warnings(), "warning"))
	_, err := io.WriteString(w, safetext.Sanitize(b.String()))
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

// jsonQuestion is a question of the customer's and whether the reply
// seems to answer it (with --incoming).
type jsonQuestion struct {
	Text     string `json:"text"`
	Answered bool   `json:"answered"`
}

func writeJSON(w io.Writer, rep check.Report, questions []check.Question) error {
	out := struct {
		Language  string         `json:"language"`
		Metrics   check.Metrics  `json:"metrics"`
		Tone      check.Tone     `json:"tone"`
		Findings  []jsonFinding  `json:"findings"`
		Questions []jsonQuestion `json:"questions,omitempty"`
	}{Language: rep.Language, Metrics: rep.Metrics, Tone: rep.Tone, Findings: []jsonFinding{}}
	for i, q := range questions {
		out.Questions = append(out.Questions, jsonQuestion{q.Text, i < len(rep.Answered) && rep.Answered[i]})
	}
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
