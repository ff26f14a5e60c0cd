package main

import (
	"crypto/tls"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kindly/internal/smtptest"
)

// runKindlyIn is runKindly with a fixed data folder, so several commands
// share one outbox.
func runKindlyIn(t *testing.T, home string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	return runKindlyKeep(t, args...)
}

func TestSendLocalWithoutAccount(t *testing.T) {
	home := t.TempDir()
	cfg := writeFile(t, "config.toml", "[agent]\nname = \"Maria\"\nemail = \"maria@example.com\"\n")
	reply := filepath.Join(home, "reply.eml")
	out, stderr, code := runKindlyIn(t, home, "--config", cfg, "reply", "--lang", "en", "--body", writeFile(t, "b.txt", "Your order ships tomorrow.\n"), "--print", "compose/testdata/in/gmail-alternative.eml")
	if code != 0 {
		t.Fatalf("reply: %d %s", code, stderr)
	}
	os.WriteFile(reply, []byte(out), 0o600)

	_, stderr, code = runKindlyIn(t, home, "--config", cfg, "send", reply)
	if code != 0 || !strings.Contains(stderr, "no SMTP account configured: the reply was saved to "+filepath.Join(home, "data", "kindly", "local", "new")) {
		t.Fatalf("send: exit %d\n%s", code, stderr)
	}
	entries, _ := os.ReadDir(filepath.Join(home, "data", "kindly", "local", "new"))
	if len(entries) != 1 {
		t.Fatalf("local Maildir has %d messages", len(entries))
	}
	_, stderr, code = runKindlyIn(t, home, "--config", cfg, "send", reply)
	if code != exitBadInput || !strings.Contains(stderr, "already delivered") {
		t.Errorf("a second send must be refused: exit %d %s", code, stderr)
	}
	out, _, _ = runKindlyIn(t, home, "--config", cfg, "outbox", "list")
	if !strings.Contains(out, "sent") || !strings.Contains(out, "john.smith+shop@gmail.com") {
		t.Errorf("outbox list:\n%s", out)
	}
}

func TestSendFailureKeepsReply(t *testing.T) {
	home := t.TempDir()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close() // nothing listens there now
	cfg := writeFile(t, "config.toml", "[agent]\nname = \"Maria\"\nemail = \"maria@example.com\"\n\n[accounts.test]\nfrom = \"maria@example.com\"\nhost = \"127.0.0.1\"\nport = "+strconv.Itoa(port)+"\nsecurity = \"none\"\nauth = \"none\"\n")
	_, stderr, code := runKindlyIn(t, home, "--config", cfg, "reply", "--lang", "en", "--body", writeFile(t, "b.txt", "Your order ships tomorrow.\n"), "--send", "compose/testdata/in/nl-latin1.eml")
	if code != exitDelivery || !strings.Contains(stderr, "cannot reach 127.0.0.1:") || !strings.Contains(stderr, "kept in the outbox") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	out, _, _ := runKindlyIn(t, home, "--config", cfg, "outbox")
	if !strings.Contains(out, "failed") || !strings.Contains(out, "anna@example.nl") {
		t.Errorf("outbox:\n%s", out)
	}
	key := strings.Fields(strings.Split(out, "\n")[1])[0]
	if _, _, code = runKindlyIn(t, home, "--config", cfg, "outbox", "retry", key); code != exitDelivery {
		t.Errorf("retry: exit %d", code)
	}
	if _, _, code = runKindlyIn(t, home, "--config", cfg, "outbox", "drop", key); code != 0 {
		t.Errorf("drop: exit %d", code)
	}
	if out, _, _ = runKindlyIn(t, home, "--config", cfg, "outbox"); !strings.Contains(out, "empty") {
		t.Errorf("after drop:\n%s", out)
	}
}

// TestSendThroughPostfix sends a reply with `kindly reply --send` through
// the real Postfix of .ci/start-postfix.sh and finds it delivered unchanged.
func TestSendThroughPostfix(t *testing.T) {
	needPostfix(t)
	home := t.TempDir()
	cfg := writeFile(t, "config.toml", "[agent]\nname = \"Maria Jansen\"\nemail = \"maria@example.com\"\n\n[accounts.local]\nfrom = \"Maria Jansen <maria@example.com>\"\nhost = \"127.0.0.1\"\nport = 2525\nsecurity = \"none\"\nauth = \"none\"\nsent_maildir = \""+filepath.Join(home, "Sent")+"\"\n")
	out, stderr, code := runKindlyIn(t, home, "--config", cfg, "reply", "--snippet", "refund", "--set", "amount=49.95", "--print", "--send", "compose/testdata/in/af-utf8.eml")
	if code != 0 || !strings.Contains(stderr, "sent to pieter@example.co.za via local") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	stored := waitForMessage(t, headerValue([]byte(out), "Message-Id"))
	if !strings.HasSuffix(string(stored), strings.ReplaceAll(out, "\r\n", "\n")) {
		t.Error("Postfix stored a different message")
	}
	if entries, _ := os.ReadDir(filepath.Join(home, "Sent", "cur")); len(entries) != 1 {
		t.Errorf("copy in Sent: %d", len(entries))
	}
}

// TestSentCopyRetryNeverResends: the server takes the reply but the copy
// to Sent fails; kindly says it was sent, and outbox retry only files the
// copy: the server never gets it twice.
func TestSentCopyRetryNeverResends(t *testing.T) {
	home := t.TempDir()
	srv := smtptest.Start(t, "", tls.Certificate{}, "", "")
	blocker := filepath.Join(home, "blocker")
	os.WriteFile(blocker, []byte("x"), 0o600)
	account := func(sent string) string {
		return writeFile(t, "config.toml", "[agent]\nname = \"Maria\"\nemail = \"maria@example.com\"\n\n[accounts.test]\nfrom = \"maria@example.com\"\nhost = \"127.0.0.1\"\nport = "+strconv.Itoa(srv.Port)+"\nsecurity = \"none\"\nauth = \"none\"\nsent_maildir = \""+sent+"\"\n")
	}
	cfg := account(filepath.Join(blocker, "Sent"))
	_, stderr, code := runKindlyIn(t, home, "--config", cfg, "reply", "--lang", "en", "--body", writeFile(t, "b.txt", "Your order ships tomorrow.\n"), "--send", "compose/testdata/in/nl-latin1.eml")
	if code != 0 || !strings.Contains(stderr, "sent, but the copy to") || len(srv.Messages()) != 1 {
		t.Fatalf("exit %d, server has %d\n%s", code, len(srv.Messages()), stderr)
	}
	m := regexp.MustCompile(`kindly outbox retry (\S+) files the copy`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no retry hint:\n%s", stderr)
	}
	sent := filepath.Join(home, "Sent")
	cfg = account(sent)
	_, stderr, code = runKindlyIn(t, home, "--config", cfg, "outbox", "retry", m[1])
	if code != 0 || !strings.Contains(stderr, "filed") || len(srv.Messages()) != 1 {
		t.Fatalf("retry: exit %d, server has %d\n%s", code, len(srv.Messages()), stderr)
	}
	if files, _ := os.ReadDir(filepath.Join(sent, "cur")); len(files) != 1 {
		t.Errorf("Sent has %d messages", len(files))
	}
	_, stderr, code = runKindlyIn(t, home, "--config", cfg, "outbox", "retry", m[1])
	if code != exitBadInput || !strings.Contains(stderr, "nothing to retry") || len(srv.Messages()) != 1 {
		t.Errorf("retry of a sent reply: exit %d %s", code, stderr)
	}
}
