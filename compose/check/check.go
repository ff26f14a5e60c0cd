package check

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"kindly/compose/check/lang"
)

// Severity says how much a finding matters: an error blocks sending until it
// is fixed or forced.
type Severity int

// The severities, most serious first.
const (
	Error Severity = iota
	Warning
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "hint"
}

// MarshalText writes the severity as its name, for the JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Fields of a reply that a finding can be about.
const (
	FieldBody        = "body"
	FieldSubject     = "subject"
	FieldGreeting    = "greeting"
	FieldClosing     = "closing"
	FieldSignature   = "signature"
	FieldTo          = "to"
	FieldAttachments = "attachments"
	FieldIncoming    = "incoming" // the customer's email
)

// Finding is one thing a support lead would point out.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Field    string   `json:"field"`
	// Offset and Length are the byte span in the field's text; Line and Col
	// (1-based, Col in characters) the same place for people.
	Offset      int      `json:"offset"`
	Length      int      `json:"length"`
	Line        int      `json:"line"`
	Col         int      `json:"col"`
	Suggestions []string `json:"suggestions,omitempty"`
}

// Metrics are the length and reading figures of the body, without
// greeting, closing, signature and quoted text.
type Metrics struct {
	Words      int     `json:"words"` // characters for Chinese
	Sentences  int     `json:"sentences"`
	Paragraphs int     `json:"paragraphs"`
	ReadingSec int     `json:"reading_seconds"`
	Grade      float64 `json:"grade"` // a school grade, comparable across languages
	Ease       float64 `json:"ease"`  // the formula's own score
	Formula    string  `json:"formula"`
}

// Report is the result of a check.
type Report struct {
	Language string    `json:"language"`
	Metrics  Metrics   `json:"metrics"`
	Tone     Tone      `json:"tone"`
	Findings []Finding `json:"findings"`
	// Answered says, for each of Input.Incoming.Questions, whether the
	// reply seems to answer it: it shares a content word with the
	// question, or names a time when asked when. It is worked out on
	// every run, for the checklist; the unanswered-questions finding
	// waits for ten words of answer, so as not to nag while typing.
	Answered []bool `json:"answered,omitempty"`
}

// Plural says how many of a thing there are, as the report's counts are
// written for people: "1 error", "2 warnings".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Tone places the answer on three scales from 0 to 1, for the tone meter.
// Each is counted from the language's word lists (per 100 words, so a
// long reply is not warmer for being long) and starts in the middle or
// low: a reply earns warmth and positivity with what it says.
//   - Formality: stiff phrases push it up; slang, emoticons and stacked
//     exclamation marks pull it down. 0.5 is plain and friendly.
//   - Warmth: thanks, understanding, a specific apology, thanking for
//     patience, and greeting the customer by name.
//   - Positivity: what can be done and good news, against negative
//     wording and blame.
type Tone struct {
	Formality  float64 `json:"formality"`
	Warmth     float64 `json:"warmth"`
	Positivity float64 `json:"positivity"`
}

// Words says the tone in words, one for each scale: casual, plain or
// stiff; cool, friendly or warm; negative, neutral or positive.
func (t Tone) Words() (formality, warmth, positivity string) {
	word := func(v float64, low, mid, high string) string {
		switch {
		case v < 0.35:
			return low
		case v > 0.65:
			return high
		}
		return mid
	}
	return word(t.Formality, "casual", "plain", "stiff"), word(t.Warmth, "cool", "friendly", "warm"), word(t.Positivity, "negative", "neutral", "positive")
}

// Errors counts the findings that block sending.
func (r Report) Errors() int { return r.count(Error) }

// Warnings counts the warnings.
func (r Report) Warnings() int { return r.count(Warning) }

func (r Report) count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Attachment is a file attached to the reply.
type Attachment struct {
	Name string
	Size int64
}

// Input is a reply to check. Fields left empty are not checked, except
// where their absence is itself the finding (a message without a subject).
type Input struct {
	// Message says the input is a whole email: subject, recipients,
	// greeting, closing and signature are expected.
	Message    bool
	Subject    string
	Recipients []string
	Greeting   string
	// Body is the reply's text. Without Message, it may hold the whole
	// text (greeting, answer, closing, signature) as the customer reads it.
	Body      string
	Closing   string
	Signature string
	// Lang is the reply's language; "" detects it from the body.
	Lang        string
	Attachments []Attachment
	// CustomerName is the customer's name, for the greeting check.
	CustomerName string
	// Incoming is the customer's email analysed, if there is one.
	Incoming *Incoming
	// Fragment says Body is a piece of a reply (a snippet): the rules about
	// a whole reply (greeting, closing, signature, next step, length) are
	// skipped.
	Fragment bool
}

// Checker runs the rules with the built-in and the team's word lists. It is
// safe for concurrent use once made.
type Checker struct {
	cfg      Config
	lex      lexicons
	disabled map[string]bool
	spell    spellers
	detected atomic.Pointer[detection]
	// Problems are the rule files that could not be read; the rest works.
	Problems []error
	// SpellCache is where parsed dictionaries are kept between runs, so
	// that LoadSpelling takes a few milliseconds instead of 40 to 70
	// (empty: parse them every time).
	SpellCache string
}

// detection is the last language detection, kept so that a caller that
// detects to load the right dictionary (Language) and the run after it
// pay for one: detection is the costliest step of a whole-text check.
type detection struct {
	text, code string
	conf       float64
}

// detect detects the language of a reply's own text, or returns the last
// detection when the text is the same.
func (c *Checker) detect(own string) (string, float64) {
	if d := c.detected.Load(); d != nil && d.text == own {
		return d.code, d.conf
	}
	code, conf := lang.Detect(own)
	c.detected.Store(&detection{own, code, conf})
	return code, conf
}

// Language is the language Run finds a body in when Input.Lang is empty
// (the customer's quoted email left out), or "" when it cannot tell.
func (c *Checker) Language(body string) string {
	code, _ := c.detect(replyText(body))
	return code
}

// New makes a Checker. Bad team rule files are reported in Problems and in
// the error (which wraps them all) without stopping the built-in rules.
func New(cfg Config) (*Checker, error) {
	team, errs := readTeamRules(cfg.Rules)
	c := &Checker{cfg: cfg, lex: lexicons{team: team}, disabled: map[string]bool{}, Problems: errs}
	for _, id := range cfg.Disable {
		if !KnownRule(id) {
			errs = append(errs, fmt.Errorf("[checks] disable: unknown rule id %q", id))
		}
		c.disabled[id] = true
	}
	if c.cfg.ReadingGrade <= 0 {
		c.cfg.ReadingGrade = 9
	}
	return c, errors.Join(errs...)
}

// Rules are the rule ids of DESIGN §5, in a stable order.
var Rules = []string{
	"placeholder-unfilled", "subject-missing", "recipient-invalid", "subject-too-long", "subject-shouting",
	"greeting-no-name", "greeting-too-formal", "signature-missing", "closing-missing", "shouting",
	"exclamation", "punctuation-repeated", "emoticon", "slang", "too-formal", "negative-wording",
	"generic-apology", "blame", "promotional", "jargon", "language-mismatch", "sentence-too-long",
	"paragraph-too-long", "readability", "reply-too-long", "steps-as-prose", "repeated-word",
	"spelling", "attachment-too-large", "unanswered-questions", "no-next-step", "response-late",
	"customer-upset",
}

// KnownRule reports whether id is a rule id.
func KnownRule(id string) bool {
	for _, r := range Rules {
		if r == id {
			return true
		}
	}
	return false
}

// Run checks a reply from scratch.
func (c *Checker) Run(in Input) Report {
	return c.run(in, nil)
}

// Incoming is what kindly knows of the customer's email.
type Incoming struct {
	Lang      string
	Questions []Question
	Upset     bool
	// UpsetWhy says what sounded upset ("unacceptable", "!!!", CAPITALS).
	UpsetWhy []string
	Age      time.Duration
	Text     string
}

// Question is a question the customer asked, with its place in their text.
type Question struct {
	Text   string
	Offset int
}
