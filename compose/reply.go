package compose

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"strings"
	"time"
)

// Profile is what NewReply needs to know about the agent's side.
type Profile struct {
	Agent Agent
	// From is the reply's From address; Agent's name and email when nil.
	From *mail.Address
	// Own are the agent's other addresses, left out of a reply-all.
	Own []string
	// ReplyAll adds the customer's To and Cc recipients.
	ReplyAll bool
	// Lang is the reply's language code (en nl fr es af zh); "" to use Detect
	// on the customer's email, falling back to English.
	Lang string
	// Detect finds the language of a text; nil means English unless Lang says.
	Detect func(text string) string
	// Now is the draft's time; zero means time.Now().
	Now time.Time
	// Rand is the source for the Message-ID; nil means crypto/rand.
	Rand io.Reader
}

// Draft is the reply being written: everything that will be sent.
type Draft struct {
	MessageID  string // fixed when the draft is made, on the From domain
	Date       time.Time
	From       *mail.Address
	To, Cc     []*mail.Address
	Subject    string
	InReplyTo  string
	References []string
	Lang       string // en nl fr es af zh

	Greeting  string // "Hi Anna,"
	Body      string // what the agent writes
	Closing   string // "Kind regards,"
	Signature string // the agent's name, title, company and contact details
	Quote     string // attribution line and the customer's email, quoted

	Customer  Customer
	TicketRef string
}

// maxReferences bounds the References header of long threads: RFC 5322
// §3.6.4 allows trimming, and keeping the first and the most recent ids
// keeps the thread together in every client.
const maxReferences = 20

// NewReply derives the reply to in: recipients, subject, threading,
// greeting, closing, signature and quote.
func NewReply(in *Message, p Profile) (*Draft, error) {
	if in == nil {
		return nil, errors.New("no message to reply to")
	}
	to := in.ReplyTo
	if len(to) == 0 {
		to = in.From
	}
	if len(to) == 0 {
		return nil, errors.New("the customer's email has no From or Reply-To: kindly cannot tell whom to answer")
	}
	now := p.Now
	if now.IsZero() {
		now = time.Now()
	}
	from := p.From
	if from == nil && p.Agent.Email != "" {
		name := p.Agent.Name
		if p.Agent.Company != "" && name != "" {
			name += " | " + p.Agent.Company
		}
		from = &mail.Address{Name: name, Address: p.Agent.Email}
	}
	own := append([]string{}, p.Own...)
	if from != nil {
		own = append(own, from.Address)
	}
	if p.Agent.Email != "" {
		own = append(own, p.Agent.Email)
	}
	d := &Draft{
		Date:      now,
		From:      from,
		Subject:   ReplySubject(in.Subject),
		Customer:  in.Customer(),
		TicketRef: in.TicketRef(),
	}
	d.To = addAddresses(nil, to, own)
	if p.ReplyAll {
		d.Cc = addAddresses(nil, append(append([]*mail.Address{}, in.To...), in.Cc...), append(own, addrStrings(d.To)...))
	}
	if in.MessageID != "" {
		d.InReplyTo = in.MessageID
		d.References = threadReferences(in.References, in.MessageID)
	}
	id, err := newMessageID(from, p.Rand)
	if err != nil {
		return nil, err
	}
	d.MessageID = id
	d.Lang = p.Lang
	if d.Lang == "" && p.Detect != nil {
		d.Lang = p.Detect(stripQuoted(trimSignature(in.Subject + "\n\n" + in.Text)))
	}
	loc := localeFor(d.Lang)
	d.Lang = loc.code
	d.Greeting = loc.greeting(d.Customer)
	d.Closing = loc.closing
	d.Signature = signature(p.Agent)
	d.Quote = loc.attribution(in) + "\n" + quote(trimSignature(in.Text))
	return d, nil
}

// addAddresses appends each address of add that is not in skip and not
// already present, comparing case-insensitively.
func addAddresses(list, add []*mail.Address, skip []string) []*mail.Address {
outer:
	for _, a := range add {
		for _, s := range skip {
			if sameAddress(a.Address, s) {
				continue outer
			}
		}
		for _, have := range list {
			if sameAddress(a.Address, have.Address) {
				continue outer
			}
		}
		list = append(list, &mail.Address{Name: a.Name, Address: a.Address})
	}
	return list
}

func addrStrings(list []*mail.Address) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Address
	}
	return out
}

func threadReferences(parent []string, id string) []string {
	refs := make([]string, 0, len(parent)+1)
	for _, r := range parent {
		if r != id {
			refs = append(refs, r)
		}
	}
	refs = append(refs, id)
	if len(refs) > maxReferences {
		refs = append(refs[:1:1], refs[len(refs)-(maxReferences-1):]...)
	}
	return refs
}

func newMessageID(from *mail.Address, src io.Reader) (string, error) {
	if src == nil {
		src = rand.Reader
	}
	b := make([]byte, 16)
	if _, err := io.ReadFull(src, b); err != nil {
		return "", fmt.Errorf("make Message-ID: %w", err)
	}
	domain := "kindly.localhost"
	if from != nil {
		if at := strings.LastIndexByte(from.Address, '@'); at >= 0 && at < len(from.Address)-1 {
			domain = from.Address[at+1:]
		}
	}
	return "kindly." + hex.EncodeToString(b) + "@" + domain, nil
}

func signature(a Agent) string {
	var lines []string
	if a.Name != "" {
		lines = append(lines, a.Name)
	}
	if a.Title != "" {
		if a.Company != "" {
			lines = append(lines, a.Title+", "+a.Company)
		} else {
			lines = append(lines, a.Title)
		}
	} else if a.Company != "" {
		lines = append(lines, a.Company)
	}
	var contact []string
	if a.Email != "" {
		contact = append(contact, a.Email)
	}
	if a.Phone != "" {
		contact = append(contact, a.Phone)
	}
	if len(contact) > 0 {
		lines = append(lines, strings.Join(contact, " · "))
	}
	return strings.Join(lines, "\n")
}

// quote prefixes every line with "> ", the way mail clients quote.
func quote(text string) string {
	text = strings.TrimRight(text, "\n ")
	if text == "" {
		return ""
	}
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, ">") || l == "" {
			b.WriteString(">")
		} else {
			b.WriteString("> ")
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// Text is the whole body as the customer will read it: greeting, body,
// closing, signature and the quoted email.
func (d *Draft) Text() string {
	var parts []string
	for _, p := range []string{d.Greeting, strings.TrimSpace(d.Body)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	sign := strings.TrimSpace(strings.Join(nonEmpty(d.Closing, d.Signature), "\n"))
	if sign != "" {
		parts = append(parts, sign)
	}
	if q := strings.TrimRight(d.Quote, "\n"); q != "" {
		parts = append(parts, q)
	}
	return strings.Join(parts, "\n\n") + "\n"
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
