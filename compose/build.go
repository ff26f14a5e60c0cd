package compose

import (
	"bytes"
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	gomail "github.com/emersion/go-message/mail"
)

// HeaderError refuses a header value that would break the message: a CR or
// LF (header injection), a NUL, or invalid UTF-8.
type HeaderError struct {
	Field string
	Value string
	Why   string
}

func (e *HeaderError) Error() string {
	return fmt.Sprintf("%s header refused: %s in %q; remove it and try again", e.Field, e.Why, truncate(e.Value, 60))
}

func checkHeaderValue(field, v string) error {
	switch {
	case strings.ContainsAny(v, "\r\n"):
		return &HeaderError{field, v, "a line break (CR/LF) could inject headers"}
	case strings.ContainsRune(v, 0):
		return &HeaderError{field, v, "a NUL byte"}
	case !utf8.ValidString(v):
		return &HeaderError{field, v, "invalid UTF-8"}
	}
	for _, r := range v {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return &HeaderError{field, v, fmt.Sprintf("control character %U", r)}
		}
	}
	return nil
}

func checkAddresses(field string, list []*mail.Address) error {
	for _, a := range list {
		if a == nil {
			continue
		}
		if err := checkHeaderValue(field, a.Name); err != nil {
			return err
		}
		if err := checkHeaderValue(field, a.Address); err != nil {
			return err
		}
		if _, err := mail.ParseAddress("<" + a.Address + ">"); err != nil {
			return &HeaderError{field, a.Address, "not a valid email address"}
		}
	}
	return nil
}

func checkID(field, id string) error {
	if err := checkHeaderValue(field, id); err != nil {
		return err
	}
	// The parent's ids are kept as they came, even without an "@" (some
	// servers write such ids); only what would break the header is refused.
	if id == "" || strings.ContainsAny(id, " \t<>") {
		return &HeaderError{field, id, "not a valid message id"}
	}
	return nil
}

// Build writes the draft as an RFC 5322 message: UTF-8 text/plain in
// quoted-printable (so no line is over 76 octets), encoded words for
// non-ASCII headers, threading headers, and never a Bcc header. Header
// values are refused, with the field's name, if they could inject headers.
func Build(d *Draft) ([]byte, error) {
	if d.From == nil || d.From.Address == "" {
		return nil, &HeaderError{"From", "", "no sender address (set [agent] email or an account's from in the config)"}
	}
	if len(d.To) == 0 {
		return nil, &HeaderError{"To", "", "no recipient"}
	}
	checks := []error{
		checkAddresses("From", []*mail.Address{d.From}),
		checkAddresses("To", d.To),
		checkAddresses("Cc", d.Cc),
		checkHeaderValue("Subject", d.Subject),
		checkID("Message-ID", d.MessageID),
	}
	if d.InReplyTo != "" {
		checks = append(checks, checkID("In-Reply-To", d.InReplyTo))
	}
	for _, r := range d.References {
		checks = append(checks, checkID("References", r))
	}
	if d.Lang != "" {
		checks = append(checks, checkHeaderValue("Content-Language", d.Lang))
	}
	for _, err := range checks {
		if err != nil {
			return nil, err
		}
	}

	// go-message prepends each field it sets: set them last to first so the
	// message reads in the usual order (Date, From, To, Subject, ...).
	var h gomail.Header
	h.Set("User-Agent", "kindly")
	if d.Lang != "" {
		h.Set("Content-Language", d.Lang)
	}
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	h.Set("MIME-Version", "1.0")
	if len(d.References) > 0 {
		h.SetMsgIDList("References", d.References)
	}
	if d.InReplyTo != "" {
		h.SetMsgIDList("In-Reply-To", []string{d.InReplyTo})
	}
	h.SetMessageID(d.MessageID)
	h.SetSubject(d.Subject)
	if len(d.Cc) > 0 {
		h.SetAddressList("Cc", toGoMail(d.Cc))
	}
	h.SetAddressList("To", toGoMail(d.To))
	h.SetAddressList("From", toGoMail([]*mail.Address{d.From}))
	h.SetDate(d.Date)

	var buf bytes.Buffer
	w, err := gomail.CreateSingleInlineWriter(&buf, h)
	if err != nil {
		return nil, fmt.Errorf("build message: %w", err)
	}
	body := strings.ToValidUTF8(d.Text(), "\uFFFD")
	if _, err := w.Write([]byte(body)); err != nil {
		return nil, fmt.Errorf("build message: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("build message: %w", err)
	}
	return buf.Bytes(), nil
}

func toGoMail(list []*mail.Address) []*gomail.Address {
	out := make([]*gomail.Address, 0, len(list))
	for _, a := range list {
		out = append(out, &gomail.Address{Name: a.Name, Address: a.Address})
	}
	return out
}
