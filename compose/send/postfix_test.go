package send

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// postfixMaildir is where .ci/start-postfix.sh makes Postfix deliver.
const postfixMaildir = "/home/kindly/Maildir/new"

// needPostfix skips (or fails under CI=true) when the Postfix sink of
// .ci/start-postfix.sh is not listening on 127.0.0.1:2525.
func needPostfix(t *testing.T) {
	t.Helper()
	c, err := net.DialTimeout("tcp", "127.0.0.1:2525", 2*time.Second)
	if err == nil {
		c.Close()
		return
	}
	msg := "Postfix is not listening on 127.0.0.1:2525 (install the Debian package postfix and run .ci/start-postfix.sh): " + err.Error()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// TestPostfixPlain sends through the real Postfix on the plain port and
// finds the exact body bytes in the Maildir it delivered to.
func TestPostfixPlain(t *testing.T) {
	needPostfix(t)
	id := fmt.Sprintf("kindly-send-%d@kindly.test", time.Now().UnixNano())
	body := "Hello,\r\n\r\nThe refund was issued today. Grüße, Ana\r\n.leading dot line\r\n"
	data := []byte("From: support@kindly.test\r\nTo: customer@localhost\r\nSubject: Your refund\r\n" +
		"Message-ID: <" + id + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: 8bit\r\n\r\n" + body)
	acct := Account{From: "support@kindly.test", Host: "127.0.0.1", Port: 2525, Security: "none", Auth: "none"}
	ob := OpenOutbox(t.TempDir())
	e, err := ob.Enqueue(Message{ID: id, From: acct.From, To: []string{"customer@localhost"}, Data: data}, "postfix", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := ob.Send(context.Background(), e, acct, "", Timeouts{Dial: 5 * time.Second, Command: 10 * time.Second, Submission: 20 * time.Second}); err != nil {
		t.Fatalf("send through Postfix: %v", err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		files, _ := filepath.Glob(filepath.Join(postfixMaildir, "*"))
		for _, f := range files {
			got, err := os.ReadFile(f)
			if err != nil || !bytes.Contains(got, []byte(id)) {
				continue
			}
			// Postfix's local delivery stores LF line ends.
			want := strings.ReplaceAll(body, "\r\n", "\n")
			_, stored, ok := bytes.Cut(got, []byte("\n\n"))
			if !ok || string(stored) != want {
				t.Fatalf("Postfix stored body %q, want %q", stored, want)
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("message %s not delivered to %s within 15s", id, postfixMaildir)
}
