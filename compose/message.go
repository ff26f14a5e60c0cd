// Package compose is the reply as a domain object: parsing the customer's
// email, deriving the reply (recipients, subject, threading, quote), the
// Draft, and building the RFC 5322 message that is sent.
package compose

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/mail"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
)

// Limits on what Parse accepts. A support email is rarely over a few MB; a
// bigger one is almost certainly not what the agent meant to open.
const (
	MaxMessageBytes = 25 << 20 // the whole message
	MaxHeaderBytes  = 256 << 10
	MaxHeaderLine   = 32 << 10 // one header field, folded lines included
	maxPartDepth    = 16
	maxParts        = 500
)

// Message is a customer's email, parsed and decoded to UTF-8 text.
type Message struct {
	MessageID  string // without angle brackets; "" if none
	InReplyTo  string
	References []string

	From, ReplyTo, To, Cc []*mail.Address

	Subject string    // decoded
	Date    time.Time // zero if missing or unreadable
	Text    string    // the body as UTF-8 plain text, LF line ends; HTML converted
	// FromHTML says the body had no text/plain part and Text was converted.
	FromHTML bool

	Attachments []Attachment
	// Problems are things that were wrong but not fatal: a broken encoded
	// word, an unknown charset, an unreadable date. The agent may want to know.
	Problems []string
}

// Attachment is a file attached to a message. Only its size is read, never
// its content into memory.
type Attachment struct {
	Filename    string
	ContentType string
	Size        int64
}

// ParseError says what is wrong with a message and where.
type ParseError struct {
	Source string // file name or "stdin"
	Line   int    // 1-based line in the message, 0 if unknown
	Msg    string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Source, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Source, e.Msg)
}

// ParseFile parses an email from a file: an .eml file or a Maildir message.
func ParseFile(path string) (*Message, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open message: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, &ParseError{Source: path, Msg: "is a folder, not an email file (give one message, e.g. a Maildir cur/ file or an .eml)"}
	}
	return parse(f, path)
}

// Parse parses an RFC 5322 email from r.
func Parse(r io.Reader) (*Message, error) { return parse(r, "stdin") }

func parse(r io.Reader, source string) (*Message, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxMessageBytes+1))
	if err != nil {
		return nil, &ParseError{Source: source, Msg: "read: " + err.Error()}
	}
	if len(raw) > MaxMessageBytes {
		return nil, &ParseError{Source: source, Msg: fmt.Sprintf("message is larger than %d MB; kindly opens support emails, not archives", MaxMessageBytes>>20)}
	}
	if err := checkHeaderBlock(raw); err != nil {
		err.Source = source
		return nil, err
	}
	if bytes.HasPrefix(raw, []byte("From ")) {
		// An mbox "From " separator before a single message.
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[i+1:]
		}
	}
	ent, err := message.ReadWithOptions(bytes.NewReader(raw), &message.ReadOptions{MaxHeaderBytes: MaxHeaderBytes})
	m := &Message{}
	if err != nil {
		if ent == nil {
			return nil, &ParseError{Source: source, Msg: "unreadable header: " + err.Error()}
		}
		m.Problems = append(m.Problems, err.Error())
	}
	h := gomail.Header{Header: ent.Header}
	m.readHeader(h)
	if len(m.From) == 0 && len(m.ReplyTo) == 0 {
		return nil, &ParseError{Source: source, Msg: "no From or Reply-To address: kindly cannot tell who wrote this email"}
	}
	w := walker{m: m}
	w.walk(ent, 0)
	m.Text = w.text()
	return m, nil
}

// checkHeaderBlock refuses input that is not an email at all (binary data,
// no header) and header lines too long to be real, naming the line.
func checkHeaderBlock(raw []byte) *ParseError {
	if len(bytes.TrimSpace(raw)) == 0 {
		return &ParseError{Msg: "empty input: expected an email (RFC 5322 .eml)"}
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 64<<10), MaxHeaderBytes+2)
	line, field, fieldStart, fields := 0, 0, 0, 0
	for sc.Scan() {
		line++
		b := bytes.TrimRight(sc.Bytes(), "\r")
		if len(b) == 0 {
			break
		}
		if bytes.IndexByte(b, 0) >= 0 {
			return &ParseError{Line: line, Msg: "binary data (NUL byte) in the header: this is not an email"}
		}
		if b[0] == ' ' || b[0] == '\t' {
			if fields == 0 {
				return &ParseError{Line: line, Msg: "the first line is indented: this is not an email header"}
			}
			field += len(b)
		} else {
			if bytes.IndexByte(b, ':') <= 0 {
				if line == 1 && bytes.HasPrefix(b, []byte("From ")) {
					continue // an mbox "From " line before a single message
				}
				return &ParseError{Line: line, Msg: fmt.Sprintf("not a header line (no \"Name:\"): %q", truncate(string(b), 40))}
			}
			fields++
			field, fieldStart = len(b), line
		}
		if field > MaxHeaderLine {
			return &ParseError{Line: fieldStart, Msg: fmt.Sprintf("header field is over %d KB long; a real email's are under 1 KB", MaxHeaderLine>>10)}
		}
	}
	if err := sc.Err(); err != nil {
		return &ParseError{Line: line + 1, Msg: fmt.Sprintf("header is larger than %d KB", MaxHeaderBytes>>10)}
	}
	if fields == 0 {
		return &ParseError{Line: 1, Msg: "no header found: expected an email (RFC 5322 .eml)"}
	}
	return nil
}

func truncate(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func (m *Message) readHeader(h gomail.Header) {
	m.From = m.addresses(h, "From")
	m.ReplyTo = m.addresses(h, "Reply-To")
	m.To = m.addresses(h, "To")
	m.Cc = m.addresses(h, "Cc")
	m.Subject = decodeHeader(h.Get("Subject"), &m.Problems)
	if id, err := h.MessageID(); err == nil {
		m.MessageID = cleanID(id)
	}
	if m.MessageID == "" {
		m.MessageID = looseID(h.Get("Message-Id"))
	}
	if ids := msgIDs(h, "In-Reply-To"); len(ids) > 0 {
		m.InReplyTo = ids[0]
	}
	m.References = msgIDs(h, "References")
	if v := h.Get("Date"); v != "" {
		if d, err := mail.ParseDate(v); err == nil {
			m.Date = d
		} else if d, err := h.Date(); err == nil {
			m.Date = d
		} else {
			m.Problems = append(m.Problems, fmt.Sprintf("unreadable Date %q", truncate(v, 60)))
		}
	}
}

// addresses reads an address list, strictly first (comments, groups and
// quoted names included) and leniently when the strict parse fails, as it
// does for many real-world headers.
func (m *Message) addresses(h gomail.Header, key string) []*mail.Address {
	v := h.Get(key)
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if list, err := h.AddressList(key); err == nil {
		return cleanAddresses(list)
	}
	list, err := parseAddressesLoose(decodeHeader(v, nil))
	if err != nil {
		m.Problems = append(m.Problems, fmt.Sprintf("unreadable %s %q", key, truncate(v, 60)))
	}
	return list
}

func cleanAddresses(list []*gomail.Address) []*mail.Address {
	var out []*mail.Address
	for _, a := range list {
		if a == nil || a.Address == "" {
			continue
		}
		out = append(out, &mail.Address{Name: cleanText(guessCharset([]byte(a.Name))), Address: cleanText(a.Address)})
	}
	return out
}

// cleanText makes a header value safe to carry around: valid UTF-8, no
// control characters (a CR or LF here would be a header injection later).
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

func cleanID(id string) string {
	id = strings.TrimSpace(strings.Trim(strings.TrimSpace(id), "<>"))
	if id == "" || strings.ContainsAny(id, " \t\r\n<>\x00") || !utf8.ValidString(id) {
		return ""
	}
	return id
}

// looseID accepts a Message-ID without angle brackets or with junk around it.
func looseID(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			return cleanID(v[i+1 : i+j])
		}
	}
	if f := strings.Fields(v); len(f) == 1 && strings.Contains(f[0], "@") {
		return cleanID(f[0])
	}
	return ""
}

func msgIDs(h gomail.Header, key string) []string {
	var out []string
	if ids, err := h.MsgIDList(key); err == nil {
		for _, id := range ids {
			if id = cleanID(id); id != "" {
				out = append(out, id)
			}
		}
		return out
	}
	for _, f := range strings.Fields(h.Get(key)) {
		if id := looseID(f); id != "" {
			out = append(out, id)
		}
	}
	return out
}
