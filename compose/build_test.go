package compose

import (
	"bytes"
	"errors"
	"net/mail"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func testDraft(t *testing.T) *Draft {
	t.Helper()
	m, err := ParseFile("testdata/in/nl-latin1.eml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewReply(m, fixedProfile())
	if err != nil {
		t.Fatal(err)
	}
	d.Body = "Uw bestelling HW-659 is onderweg en komt morgen aan."
	return d
}

func TestBuildRefusesInjection(t *testing.T) {
	tests := []struct {
		field string
		mod   func(d *Draft)
	}{
		{"Subject", func(d *Draft) { d.Subject = "hi\r\nBcc: victim@example.com" }},
		{"Subject", func(d *Draft) { d.Subject = "hi\nX-Evil: 1" }},
		{"Subject", func(d *Draft) { d.Subject = "a\x00b" }},
		{"To", func(d *Draft) { d.To[0].Name = "Anna\r\nBcc: x@example.com" }},
		{"To", func(d *Draft) { d.To[0].Address = "anna@example.nl\r\nBcc: x@example.com" }},
		{"Cc", func(d *Draft) { d.Cc = []*mail.Address{{Address: "not an address"}} }},
		{"From", func(d *Draft) { d.From.Name = "Maria\nX: y" }},
		{"Message-ID", func(d *Draft) { d.MessageID = "a@b>\r\nBcc: <x" }},
		{"In-Reply-To", func(d *Draft) { d.InReplyTo = "x@y\nBcc: z" }},
		{"References", func(d *Draft) { d.References = []string{"ok@x", "bad\r\n@y"} }},
		{"Content-Language", func(d *Draft) { d.Lang = "en\r\nBcc: a@b.c" }},
	}
	for _, tt := range tests {
		d := testDraft(t)
		tt.mod(d)
		_, err := Build(d)
		var he *HeaderError
		if !errors.As(err, &he) || he.Field != tt.field {
			t.Errorf("%s: err = %v, want a HeaderError for %s", tt.field, err, tt.field)
		}
	}
}

func TestBuildShape(t *testing.T) {
	d := testDraft(t)
	d.Subject = "Re: " + strings.Repeat("Ünïcödé subject words ", 12)
	d.Body = strings.Repeat("een heel lange regel zonder einde ", 200)
	msg, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := bytes.Cut(msg, []byte("\r\n\r\n"))
	for _, h := range []string{"Date: ", "From: ", "To: ", "Subject: ", "Message-Id: <", "In-Reply-To: <nl-latin1@mail.example>", "References: ", "Mime-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"} {
		if !bytes.Contains(head, []byte(h)) {
			t.Errorf("header lacks %q:\n%s", h, head)
		}
	}
	if bytes.Contains(bytes.ToLower(head), []byte("bcc:")) {
		t.Error("a Bcc header was written")
	}
	for i, line := range bytes.Split(msg, []byte("\r\n")) {
		if len(line) > 998 {
			t.Errorf("line %d is %d octets", i+1, len(line))
		}
		if bytes.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare CR or LF", i+1)
		}
	}
	for _, w := range bytes.Fields(head) {
		if bytes.HasPrefix(w, []byte("=?")) && len(w) > 75 {
			t.Errorf("encoded word over 75 characters: %s", w)
		}
	}
}

// TestBuildParseRoundTrip: what Build writes, Parse reads back the same.
func TestBuildParseRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/in/*.eml")
	for _, f := range files {
		m, err := ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := fixedProfile()
		p.Rand = nil
		d, err := NewReply(m, p)
		if err != nil {
			t.Fatal(err)
		}
		d.Body = "Ünïcödé body — 你好 — ¿qué tal?\n\nSecond paragraph."
		msg, err := Build(d)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		back, err := Parse(bytes.NewReader(msg))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if back.Subject != d.Subject || back.MessageID != d.MessageID || back.InReplyTo != d.InReplyTo {
			t.Errorf("%s: headers changed: %q %q %q", f, back.Subject, back.MessageID, back.InReplyTo)
		}
		if strings.Join(back.References, " ") != strings.Join(d.References, " ") {
			t.Errorf("%s: references changed", f)
		}
		if back.Text != d.Text() {
			t.Errorf("%s: body changed:\n%q\n%q", f, back.Text, d.Text())
		}
		if back.To[0].Address != d.To[0].Address || back.To[0].Name != d.To[0].Name {
			t.Errorf("%s: to changed: %v vs %v", f, back.To, d.To)
		}
	}
}

// TestPythonAcceptsReplies feeds every built reply to Python's email parser
// (the strict default policy) and checks it reads the headers we wrote with
// no defects.
func TestPythonAcceptsReplies(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		skipOrFail(t, "python3 is not installed (Debian package python3)")
	}
	files, _ := filepath.Glob("testdata/golden/*.eml")
	if len(files) == 0 {
		t.Fatal("no golden replies")
	}
	script := `
import sys, email, email.policy
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    problems = [type(d).__name__ for d in msg.defects]
    for k in msg.keys():
        problems += [k + ':' + type(d).__name__ for d in msg[k].defects]
    for k in ('From', 'To', 'Subject', 'Date', 'Message-ID') + (('In-Reply-To',) if not path.endswith('no-message-id.eml') else ()):
        if msg[k] is None:
            problems.append('missing ' + k)
    body = msg.get_body(('plain',)).get_content()
    if 'Thank you for your message' not in body:
        problems.append('body not readable')
    if problems:
        print(path, problems)
        sys.exit(1)
print('ok', len(sys.argv) - 1)
`
	out, err := exec.Command(py, append([]string{"-c", script}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python's email parser refused a reply: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
