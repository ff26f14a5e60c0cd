package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runKindly runs the command line in-process with a temporary home, and
// returns stdout, stderr and the exit code.
func runKindly(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(k, filepath.Join(dir, k))
	}
	return runWithStdin(t, stdin, args...)
}

// runKindlyKeep runs kindly with the XDG folders the test already set.
func runKindlyKeep(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_STATE_HOME"} {
		if os.Getenv(k) == "" || !strings.HasPrefix(os.Getenv(k), os.TempDir()) {
			t.Setenv(k, filepath.Join(t.TempDir(), k))
		}
	}
	return runWithStdin(t, "", args...)
}

func runWithStdin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("KINDLY_CONFIG", "")
	var out, errb bytes.Buffer
	code := run(context.Background(), args, streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const agentConfig = `
[agent]
name = "Maria Jansen"
title = "Customer Service Representative"
email = "maria@example.com"
company = "Example BV"

[accounts.support]
from = "Example Support <support@example.com>"
host = "smtp.example.com"
default = true
`

func TestReplyPrint(t *testing.T) {
	cfg := writeFile(t, "config.toml", agentConfig)
	body := writeFile(t, "answer.txt", "Your order {{order}} ships tomorrow. You will get a tracking link by email.\n")
	out, stderr, code := runKindly(t, "", "--config", cfg, "reply", "--body", body, "--set", "order=HW-659", "--print", "compose/testdata/in/nl-latin1.eml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"From: \"Example Support\" <support@example.com>",
		"To: \"de Vries, Anna\" <anna@example.nl>",
		"Subject: Re: Bestelling HW-659 nog niet ontvangen",
		"In-Reply-To: <nl-latin1@mail.example>",
		"Beste Anna,",
		"Your order HW-659 ships tomorrow.",
		"Met vriendelijke groet,",
		"Maria Jansen",
		"> Ik heb mijn bestelling HW-659 nog niet ontvangen.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "\r\n") {
		t.Error("message lines must end in CRLF")
	}
}

func TestReplyFromStdinAndPreview(t *testing.T) {
	msg, err := os.ReadFile("compose/testdata/in/gmail-alternative.eml")
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runKindly(t, string(msg), "reply", "--lang", "en", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "Hi John,\n") || !strings.Contains(out, "Kind regards,") {
		t.Errorf("preview:\n%s", out)
	}
}

func TestReplyBadInput(t *testing.T) {
	bad := writeFile(t, "bad.toml", "[agent]\nnmae = \"x\"\n")
	notMail := writeFile(t, "notes.txt", "just some notes\n")
	noFrom := writeFile(t, "nofrom.eml", "To: a@example.com\nSubject: x\n\nhi\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"reply", "nope.eml"}, "nope.eml"},
		{"not an email", []string{"reply", notMail}, notMail + ":1: not a header line"},
		{"no from", []string{"reply", noFrom}, "no From or Reply-To"},
		{"bad config", []string{"--config", bad, "reply", noFrom}, bad + ":2: unknown key \"agent.nmae\""},
		{"bad set", []string{"reply", "--set", "order", "compose/testdata/in/nl-latin1.eml"}, "expected NAME=VALUE"},
		{"bad lang", []string{"reply", "--lang", "de", "compose/testdata/in/nl-latin1.eml"}, "--lang \"de\""},
		{"no args", []string{"reply"}, "arg"},
		{"missing body", []string{"reply", "--body", "nope.txt", "compose/testdata/in/nl-latin1.eml"}, "--body"},
		{"both stdin", []string{"reply", "--body", "-", "-"}, "both come from stdin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runKindly(t, "", tt.args...)
			if code != exitBadInput {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitBadInput, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, stderr)
			}
		})
	}
}

func TestReplyRefusesInjectedHeaders(t *testing.T) {
	cfg := writeFile(t, "config.toml", "[agent]\nname = \"M\"\nemail = \"m@example.com\"\n")
	// A Subject folded over lines is fine: it is one logical header. What
	// matters is that nothing from it becomes a header of its own in the reply.
	msg := writeFile(t, "in.eml", "From: a@example.com\nSubject: =?utf-8?q?hi=0D=0ABcc:_victim@example.com?=\nMessage-ID: <x@y>\n\nhello\n")
	out, stderr, code := runKindly(t, "", "--config", cfg, "reply", "--print", msg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	head, _, _ := strings.Cut(out, "\r\n\r\n")
	if strings.Contains(strings.ToLower(head), "\r\nbcc:") {
		t.Fatalf("header injected:\n%s", head)
	}
}

func TestDemoRuns(t *testing.T) {
	out, stderr, code := runKindly(t, "")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Hi Anna,") || !strings.Contains(out, "Re: Where is my custom order?") {
		t.Errorf("demo output:\n%s", out)
	}
	_ = time.Now
}
