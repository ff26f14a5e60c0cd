package main

import (
	"bytes"
	"net"
	"net/smtp"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const (
	postfixAddr    = "127.0.0.1:2525"
	postfixMaildir = "/home/kindly/Maildir/new"
)

// needPostfix skips the test when the Postfix that .ci/start-postfix.sh sets
// up is not running, and fails it in CI, where it must be.
func needPostfix(t *testing.T) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", postfixAddr, 2*time.Second)
	if err == nil {
		conn.Close()
		return
	}
	why := "Postfix is not listening on " + postfixAddr + ": install the Debian package postfix and run .ci/start-postfix.sh"
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// TestPostfixAcceptsReplies composes the reply to every fixture with
// `kindly reply --print`, hands it to a real Postfix, and checks that the
// copy Postfix delivered holds our message unchanged.
func TestPostfixAcceptsReplies(t *testing.T) {
	needPostfix(t)
	cfg := writeFile(t, "config.toml", agentConfig)
	body := writeFile(t, "answer.txt", "Thank you for your patience. Your order {{order}} ships tomorrow — 明天发货.\n")
	files, _ := filepath.Glob("compose/testdata/in/*.eml")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out, stderr, code := runKindly(t, "", "--config", cfg, "reply", "--body", body, "--set", "order=HW-659", "--print", f)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			msg := []byte(out)
			id := headerValue(msg, "Message-Id")
			to := strings.Trim(headerValue(msg, "To")[strings.LastIndex(headerValue(msg, "To"), "<"):], "<>")
			if err := smtp.SendMail(postfixAddr, nil, "support@example.com", []string{to}, msg); err != nil {
				t.Fatalf("Postfix refused the reply: %v", err)
			}
			stored := waitForMessage(t, id)
			want := bytes.ReplaceAll(msg, []byte("\r\n"), []byte("\n"))
			if !bytes.HasSuffix(stored, want) {
				t.Errorf("Postfix changed the message.\nsent:\n%s\nstored:\n%s", want, stored)
			}
		})
	}
}

func headerValue(msg []byte, key string) string {
	head, _, _ := bytes.Cut(msg, []byte("\r\n\r\n"))
	for _, line := range strings.Split(string(head), "\r\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// waitForMessage polls the sink Maildir, bounded, for the message with id.
func waitForMessage(t *testing.T, id string) []byte {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(postfixMaildir)
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(postfixMaildir, e.Name()))
			if err == nil && bytes.Contains(data, []byte("Message-Id: "+id)) {
				return data
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("message %s never arrived in %s", id, postfixMaildir)
	return nil
}
