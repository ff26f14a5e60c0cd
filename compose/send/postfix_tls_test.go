package send

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The TLS and AUTH services of .ci/start-postfix.sh.
const (
	postfixCA   = "/etc/kindly-test/ca.pem"
	postfixPass = "/etc/kindly-test/password"
	postfixUser = "kindly-test@kindly-test.localdomain"
)

// needPostfixTLS skips (or fails under CI=true) unless the Postfix of
// .ci/start-postfix.sh runs with its TLS ports, test CA and SASL user.
func needPostfixTLS(t *testing.T) (password string) {
	t.Helper()
	needPostfix(t)
	pw, err := os.ReadFile(postfixPass)
	if err == nil {
		_, err = os.Stat(postfixCA)
	}
	if err == nil {
		for _, port := range []string{"2587", "2465", "2526"} {
			c, derr := net.DialTimeout("tcp", "127.0.0.1:"+port, 2*time.Second)
			if derr != nil {
				err = derr
				break
			}
			c.Close()
		}
	}
	if err != nil {
		msg := "Postfix's TLS and AUTH ports are not set up (install postfix, sasl2-bin and libsasl2-modules, and run .ci/start-postfix.sh): " + err.Error()
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return strings.TrimSpace(string(pw))
}

// postfixSend sends a fresh message through acct and returns its
// Message-ID, the body, the outbox and the error. The whole send is
// bounded by 30 seconds.
func postfixSend(t *testing.T, acct Account, password string) (id, body string, o *Outbox, e *Entry, err error) {
	t.Helper()
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, t.Name())
	id = fmt.Sprintf("kindly-tls-%s-%d@kindly.test", name, time.Now().UnixNano())
	body = "Hello,\r\n\r\nYour refund left today. Grüße, Ana\r\n"
	data := []byte("From: support@kindly.test\r\nTo: customer@localhost\r\nSubject: Your refund\r\n" +
		"Message-ID: <" + id + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: 8bit\r\n\r\n" + body)
	o = OpenOutbox(t.TempDir())
	e, qerr := o.Enqueue(Message{ID: id, From: "support@kindly.test", To: []string{"customer@localhost"}, Data: data}, "postfix", false)
	if qerr != nil {
		t.Fatal(qerr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = o.Send(ctx, e, acct, password, Timeouts{Dial: 5 * time.Second, Command: 10 * time.Second, Submission: 20 * time.Second})
	return id, body, o, e, err
}

// stored waits (bounded) for the message with this Message-ID in the
// Maildir Postfix delivers to, and returns its body; "" if it never came.
func stored(id string, wait time.Duration) string {
	deadline := time.Now().Add(wait)
	for {
		files, _ := filepath.Glob(filepath.Join(postfixMaildir, "*"))
		for _, f := range files {
			got, err := os.ReadFile(f)
			if err == nil && bytes.Contains(got, []byte("<"+id+">")) {
				_, b, _ := bytes.Cut(got, []byte("\n\n"))
				return string(b)
			}
		}
		if time.Now().After(deadline) {
			return ""
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestPostfixTLSAndAuth(t *testing.T) {
	pw := needPostfixTLS(t)
	good := []struct {
		name string
		acct Account
	}{
		{"STARTTLS and AUTH PLAIN", Account{Host: "localhost", Port: 2587, Security: "starttls", Auth: "plain", Username: postfixUser, CAFile: postfixCA}},
		{"implicit TLS and AUTH LOGIN", Account{Host: "localhost", Port: 2465, Security: "tls", Auth: "login", Username: postfixUser, CAFile: postfixCA}},
		{"AUTH without TLS, insecure = true", Account{Host: "127.0.0.1", Port: 2526, Security: "none", Auth: "plain", Username: postfixUser, Insecure: true}},
	}
	for _, tc := range good {
		t.Run(tc.name, func(t *testing.T) {
			id, body, o, e, err := postfixSend(t, tc.acct, pw)
			if err != nil {
				t.Fatalf("send: %v", err)
			}
			if got, _, _ := o.Get(e.Key); got.State != Sent {
				t.Errorf("state %s", got.State)
			}
			if got, want := stored(id, 15*time.Second), strings.ReplaceAll(body, "\r\n", "\n"); got != want {
				t.Errorf("Postfix stored %q, want %q", got, want)
			}
		})
	}

	t.Run("probe", func(t *testing.T) {
		got, err := Probe(context.Background(), good[0].acct, pw, Timeouts{Dial: 5 * time.Second, Command: 10 * time.Second})
		if err != nil || !strings.Contains(got, "TLS 1.3 to localhost:2587") || !strings.Contains(got, "logged in as "+postfixUser+" (PLAIN)") {
			t.Errorf("probe: %q %v", got, err)
		}
	})

	bad := []struct {
		name  string
		acct  Account
		pass  string
		stage Stage
		want  []string
	}{
		{"wrong password", Account{Host: "localhost", Port: 2587, Security: "starttls", Auth: "plain", Username: postfixUser, CAFile: postfixCA}, "not-the-password",
			StageAuth, []string{"535", "authentication failed for " + postfixUser}},
		{"wrong password, implicit TLS and AUTH LOGIN", Account{Host: "localhost", Port: 2465, Security: "tls", Auth: "login", Username: postfixUser, CAFile: postfixCA}, "not-the-password",
			StageAuth, []string{"535", "authentication failed"}},
		{"untrusted certificate (no ca_file), STARTTLS", Account{Host: "localhost", Port: 2587, Security: "starttls", Auth: "plain", Username: postfixUser}, pw,
			StageConnect, []string{"TLS with localhost:2587 failed", "not trusted", "set ca_file"}},
		{"untrusted certificate (no ca_file), implicit TLS", Account{Host: "localhost", Port: 2465, Security: "tls", Auth: "plain", Username: postfixUser}, pw,
			StageConnect, []string{"TLS handshake with localhost:2465 failed", "not trusted", "set ca_file"}},
		{"wrong host name, implicit TLS", Account{Host: "127.0.0.1", Port: 2465, Security: "tls", Auth: "plain", Username: postfixUser, CAFile: postfixCA}, pw,
			StageConnect, []string{"its certificate is not for 127.0.0.1"}},
		{"wrong host name, STARTTLS", Account{Host: "127.0.0.1", Port: 2587, Security: "starttls", Auth: "plain", Username: postfixUser, CAFile: postfixCA}, pw,
			StageConnect, []string{"its certificate is not for 127.0.0.1"}},
		{"AUTH offered only without TLS", Account{Host: "127.0.0.1", Port: 2526, Security: "none", Auth: "plain", Username: postfixUser}, pw,
			StageAuth, []string{"refusing to send the password", "without TLS"}},
		{"STARTTLS missing", Account{Host: "127.0.0.1", Port: 2525, Security: "starttls", Auth: "plain", Username: postfixUser}, pw,
			StageConnect, []string{"does not offer STARTTLS"}},
		{"no AUTH: relaying refused", Account{Host: "localhost", Port: 2587, Security: "starttls", Auth: "none", CAFile: postfixCA}, "",
			StageEnvelope, []string{"554"}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each waits 2 s to be sure nothing arrives
			id, _, o, e, err := postfixSend(t, tc.acct, tc.pass)
			if err == nil {
				t.Fatal("sent, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			var de *Error
			if !errors.As(err, &de) || de.Stage != tc.stage {
				t.Errorf("error %#v, want a *send.Error at stage %d", err, tc.stage)
			}
			if tc.pass != "" && strings.Contains(err.Error(), tc.pass) {
				t.Errorf("the error shows the password: %q", err)
			}
			if got, _, _ := o.Get(e.Key); got.State != Failed || got.Reason != err.Error() {
				t.Errorf("outbox entry %s (%q), want failed with the error", got.State, got.Reason)
			}
			if got := stored(id, 2*time.Second); got != "" {
				t.Errorf("Postfix stored a message that failed: %q", got)
			}
		})
	}
}

// TestPostfixNoPasswordInClear puts a recorder between the client and the
// port that offers AUTH without TLS: the refusal must come before a single
// AUTH command is written, and with insecure = true the login goes through.
func TestPostfixNoPasswordInClear(t *testing.T) {
	pw := needPostfixTLS(t)
	for _, insecure := range []bool{false, true} {
		t.Run(fmt.Sprintf("insecure=%v", insecure), func(t *testing.T) {
			addr, sent := recordTo(t, "127.0.0.1:2526")
			host, port, _ := net.SplitHostPort(addr)
			p, _ := strconv.Atoi(port)
			acct := Account{Host: host, Port: p, Security: "none", Auth: "plain", Username: postfixUser, Insecure: insecure}
			id, body, _, _, err := postfixSend(t, acct, pw)
			wire := sent()
			if !insecure {
				if err == nil || !strings.Contains(err.Error(), "without TLS") {
					t.Fatalf("err = %v, want a refusal that names TLS", err)
				}
				if strings.Contains(strings.ToUpper(wire), "AUTH") || strings.Contains(wire, pw) {
					t.Errorf("the client sent a login in clear:\n%s", wire)
				}
				if got := stored(id, 2*time.Second); got != "" {
					t.Errorf("Postfix stored a refused message: %q", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("insecure = true: %v", err)
			}
			if !strings.Contains(wire, "AUTH PLAIN") {
				t.Errorf("no AUTH PLAIN on the wire:\n%s", wire)
			}
			if got, want := stored(id, 15*time.Second), strings.ReplaceAll(body, "\r\n", "\n"); got != want {
				t.Errorf("Postfix stored %q, want %q", got, want)
			}
		})
	}
}

// recordTo listens on a free loopback port and relays one connection to
// target, keeping what the client wrote. sent returns it once the client
// has hung up (waiting 10 seconds at most).
func recordTo(t *testing.T, target string) (addr string, sent func() string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var buf bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		s, err := net.DialTimeout("tcp", target, 5*time.Second)
		if err != nil {
			return
		}
		defer s.Close()
		deadline := time.Now().Add(30 * time.Second)
		c.SetDeadline(deadline)
		s.SetDeadline(deadline)
		go io.Copy(c, s)
		io.Copy(&buf, io.TeeReader(c, s)) // ends when the client hangs up
	}()
	return ln.Addr().String(), func() string {
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the client did not hang up within 10s")
		}
		return buf.String()
	}
}
