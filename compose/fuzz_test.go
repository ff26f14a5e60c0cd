package compose

import (
	"bytes"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func addFixtureSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/in/*.eml")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
}

// FuzzParse: no input makes Parse panic, and whatever it accepts yields
// valid UTF-8 text and a reply that Build either writes or refuses cleanly.
func FuzzParse(f *testing.F) {
	addFixtureSeeds(f)
	f.Add([]byte("From: a@b.c\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/html\n\n<p>hi\n--x--\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		if !utf8.ValidString(m.Text) || !utf8.ValidString(m.Subject) {
			t.Fatalf("invalid UTF-8 out of Parse")
		}
		m.Customer()
		m.TicketRef()
		d, err := NewReply(m, Profile{Agent: Agent{Name: "A", Email: "agent@example.com"}, ReplyAll: true})
		if err != nil {
			return
		}
		msg, err := Build(d)
		if err != nil {
			return
		}
		if _, err := Parse(bytes.NewReader(msg)); err != nil {
			t.Fatalf("Build wrote a message Parse refuses: %v\n%s", err, msg)
		}
	})
}

// FuzzReplySubject: exactly one "Re: " and the rest of the subject intact.
func FuzzReplySubject(f *testing.F) {
	for _, s := range []string{"Re: RE: Aw: x", "回复：订单", "Réf : y", "Re[2]: z", "", "Review"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ReplySubject(s)
		if got == "" {
			return
		}
		if !strings.HasPrefix(got, "Re: ") || replyPrefix().MatchString(got[4:]) && replyPrefix().FindStringIndex(got[4:])[1] > 0 {
			t.Fatalf("ReplySubject(%q) = %q", s, got)
		}
		if ReplySubject(got) != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, ReplySubject(got))
		}
	})
}

// FuzzAddresses: the loose address reader never panics and only returns
// addresses that Build accepts or refuses with a HeaderError.
func FuzzAddresses(f *testing.F) {
	for _, s := range []string{`"B, Bee" <b@example.com>, c@d.e`, `Team: a@b.c;`, `x <y@z.w> (c)`, `<<@>>`, "a@b.c\r\nBcc: x@y.z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		list, err := parseAddressesLoose(s)
		if err != nil {
			return
		}
		for _, a := range list {
			if strings.ContainsAny(a.Name+a.Address, "\r\n") {
				t.Fatalf("CR/LF survived: %q", a)
			}
		}
		_ = checkAddresses("To", list)
	})
}

// FuzzBuild: whatever the header values, Build never writes a header the
// values did not ask for: an injected Bcc or X- header cannot get through.
func FuzzBuild(f *testing.F) {
	f.Add("Re: hi", "Anna", "anna@example.nl", "body")
	f.Add("x\r\nBcc: v@x.y", "A\nB", "a@b.c", "b\r\n.\r\nMAIL FROM")
	f.Fuzz(func(t *testing.T, subject, name, addr, body string) {
		d := &Draft{
			MessageID: "id@example.com",
			From:      &mail.Address{Name: "Agent", Address: "agent@example.com"},
			To:        []*mail.Address{{Name: name, Address: addr}},
			Subject:   subject,
			Body:      body,
		}
		msg, err := Build(d)
		if err != nil {
			return
		}
		head, _, _ := bytes.Cut(msg, []byte("\r\n\r\n"))
		for _, line := range bytes.Split(head, []byte("\r\n")) {
			if len(line) == 0 || line[0] == ' ' || line[0] == '\t' {
				continue
			}
			key, _, _ := bytes.Cut(line, []byte(":"))
			switch string(key) {
			case "Date", "From", "To", "Subject", "Message-Id", "Mime-Version", "Content-Type", "Content-Transfer-Encoding", "User-Agent":
			default:
				t.Fatalf("unexpected header %q in\n%s", key, head)
			}
		}
	})
}
