package send

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"go.uber.org/goleak"

	"kindly/internal/smtptest"
)

// testCA makes a CA and a server certificate for 127.0.0.1 and localhost,
// and writes the CA to a PEM file for ca_file.
func testCA(t *testing.T) (serverCert tls.Certificate, caFile string) {
	return smtptest.CA(t, "127.0.0.1", "localhost")
}

// server is go-smtp's own server with knobs for the fault matrix.
type server struct {
	mu       sync.Mutex
	got      [][]byte
	authSeen bool
	rcptCode int  // reply to RCPT with this code when set
	authFail bool // 535
	mailCode int  // reply to MAIL with this code when set
	dataCode int  // reply to the final dot with this code when set
	drop     string
	addr     string
	maxBytes int64 // SIZE the server announces, when set
	opts     []smtp.MailOptions
}

type session struct {
	s    *server
	conn *smtp.Conn
}

func (s *server) NewSession(c *smtp.Conn) (smtp.Session, error) { return &session{s: s, conn: c}, nil }

func (se *session) AuthMechanisms() []string { return []string{sasl.Plain, "XOAUTH2"} }
func (se *session) Auth(mech string) (sasl.Server, error) {
	if mech == "XOAUTH2" {
		return &xoauth2Server{s: se.s}, nil
	}
	return sasl.NewPlainServer(func(identity, username, password string) error {
		se.s.mu.Lock()
		se.s.authSeen = true
		se.s.mu.Unlock()
		if se.s.authFail || password != "secret" {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication failed"}
		}
		return nil
	}), nil
}
func (se *session) Mail(from string, opts *smtp.MailOptions) error {
	se.s.mu.Lock()
	if opts != nil {
		se.s.opts = append(se.s.opts, *opts)
	}
	se.s.mu.Unlock()
	if se.s.mailCode != 0 {
		return &smtp.SMTPError{Code: se.s.mailCode, Message: "sender refused"}
	}
	return nil
}
func (se *session) Rcpt(to string, opts *smtp.RcptOptions) error {
	if se.s.rcptCode != 0 {
		return &smtp.SMTPError{Code: se.s.rcptCode, Message: "no such user\x1b[31m here"}
	}
	return nil
}
func (se *session) Data(r io.Reader) error {
	switch se.s.drop {
	case "mid-data":
		io.CopyN(io.Discard, r, 1024)
		se.conn.Conn().Close()
		return errors.New("dropped")
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if se.s.dataCode != 0 {
		return &smtp.SMTPError{Code: se.s.dataCode, Message: "message refused"}
	}
	se.s.mu.Lock()
	se.s.got = append(se.s.got, b)
	se.s.mu.Unlock()
	if se.s.drop == "after-dot" {
		se.conn.Conn().Close()
	}
	return nil
}
func (se *session) Reset()        {}
func (se *session) Logout() error { return nil }

// xoauth2Server checks the initial response of XOAUTH2 against the token
// "tok-123" and fails the way Gmail does: a JSON challenge, then 535 after
// the client's empty reply.
type xoauth2Server struct {
	s     *server
	sentJ bool
}

func (x *xoauth2Server) Next(response []byte) ([]byte, bool, error) {
	if x.sentJ {
		return nil, true, &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Username and Password not accepted"}
	}
	x.s.mu.Lock()
	x.s.authSeen = true
	x.s.mu.Unlock()
	if string(response) == "user=support@example.com\x01auth=Bearer tok-123\x01\x01" {
		return nil, true, nil
	}
	x.sentJ = true
	return []byte(`{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`), false, nil
}

// start runs the server on 127.0.0.1: tlsMode is "", "starttls" or "tls".
func (s *server) start(t *testing.T, tlsMode string, cert tls.Certificate) {
	t.Helper()
	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true // the server lets us try: the client must refuse
	srv.EnableSMTPUTF8 = true
	srv.ReadTimeout, srv.WriteTimeout = 5*time.Second, 5*time.Second
	srv.MaxMessageBytes = 10 << 20
	if s.maxBytes != 0 {
		srv.MaxMessageBytes = s.maxBytes
	}
	var l net.Listener
	var err error
	if tlsMode != "" {
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	}
	if tlsMode == "tls" {
		l, err = tls.Listen("tcp", "127.0.0.1:0", srv.TLSConfig)
	} else {
		l, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	s.addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
}

func (s *server) account(security, auth, caFile string) Account {
	host, port, _ := net.SplitHostPort(s.addr)
	p, _ := strconv.Atoi(port)
	return Account{Host: host, Port: p, Security: security, Auth: auth, Username: "support@example.com", CAFile: caFile}
}

var testMsg = Message{ID: "kindly.1@example.com", From: "support@example.com", To: []string{"anna@example.nl"},
	Data: []byte("From: support@example.com\r\nTo: anna@example.nl\r\nSubject: Re: hi\r\nMessage-Id: <kindly.1@example.com>\r\n\r\nHello Anna,\r\n")}

var fast = Timeouts{Dial: 2 * time.Second, Command: 2 * time.Second, Submission: 2 * time.Second}

func sendThroughOutbox(t *testing.T, acct Account, password string) (*Outbox, *Entry, error) {
	t.Helper()
	o := OpenOutbox(t.TempDir())
	e, err := o.Enqueue(testMsg, "support", false)
	if err != nil {
		t.Fatal(err)
	}
	return o, e, o.Send(context.Background(), e, acct, password, fast)
}

func TestDeliverStartTLSAuth(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreTopFunction("github.com/emersion/go-smtp.(*Server).Serve"), goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"))
	cert, ca := testCA(t)
	s := &server{}
	s.start(t, "starttls", cert)
	acct := s.account("starttls", "plain", ca)
	acct.SentMaildir = filepath.Join(t.TempDir(), "Sent")
	o, e, err := sendThroughOutbox(t, acct, "secret")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.got) != 1 || !bytes.Contains(s.got[0], []byte("Hello Anna")) {
		t.Errorf("server got %q", s.got)
	}
	got, _, _ := o.Get(e.Key)
	if got.State != Sent || got.SentCopy == "" {
		t.Errorf("entry = %+v", got)
	}
	if b, _ := os.ReadFile(got.SentCopy); !bytes.Equal(b, testMsg.Data) {
		t.Error("the copy in Sent differs")
	}
	if _, err := o.Enqueue(testMsg, "support", false); err == nil || !strings.Contains(err.Error(), "already delivered") {
		t.Errorf("a second send must be refused: %v", err)
	}
}

func TestDeliverImplicitTLS(t *testing.T) {
	cert, ca := testCA(t)
	s := &server{}
	s.start(t, "tls", cert)
	if _, _, err := sendThroughOutbox(t, s.account("tls", "plain", ca), "secret"); err != nil || len(s.got) != 1 {
		t.Fatalf("err %v, got %d", err, len(s.got))
	}
}

func TestFaultMatrix(t *testing.T) {
	cert, ca := testCA(t)
	tests := []struct {
		name     string
		tlsMode  string
		security string
		auth     string
		ca       string
		setup    func(*server)
		state    State
		want     string
		noAuth   bool // the password must never reach the server
	}{
		{name: "STARTTLS missing", tlsMode: "", security: "starttls", auth: "plain", ca: ca, state: Failed, want: "does not offer STARTTLS", noAuth: true},
		{name: "password without TLS", tlsMode: "", security: "none", auth: "plain", state: Failed, want: "refusing to send the password", noAuth: true},
		{name: "untrusted certificate", tlsMode: "starttls", security: "starttls", auth: "plain", ca: "", state: Failed, want: "certificate", noAuth: true},
		{name: "535", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.authFail = true }, state: Failed, want: "535 Authentication failed: authentication failed for support@example.com at 127.0.0.1"},
		{name: "550 at RCPT", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.rcptCode = 550 }, state: Failed, want: "550 no such user[31m here"},
		{name: "451 at RCPT", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.rcptCode = 451 }, state: Failed, want: "451"},
		{name: "421 at MAIL", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.mailCode = 421 }, state: Failed, want: "421"},
		{name: "553 at MAIL", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.mailCode = 553 }, state: Failed, want: "553"},
		{name: "552 at DATA", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.dataCode = 552 }, state: Failed, want: "552"},
		{name: "451 at DATA", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.dataCode = 451 }, state: Failed, want: "451"},
		{name: "drop after the final dot", tlsMode: "starttls", security: "starttls", auth: "plain", ca: ca, setup: func(s *server) { s.drop = "after-dot" }, state: Unknown, want: "may or may not have arrived"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &server{}
			if tt.setup != nil {
				tt.setup(s)
			}
			s.start(t, tt.tlsMode, cert)
			o, e, err := sendThroughOutbox(t, s.account(tt.security, tt.auth, tt.ca), "secret")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if strings.ContainsRune(err.Error(), 0x1b) {
				t.Errorf("server text not sanitised: %q", err)
			}
			got, data, _ := o.Get(e.Key)
			if got.State != tt.state || !bytes.Equal(data, testMsg.Data) {
				t.Errorf("state %s (want %s); message kept: %v", got.State, tt.state, bytes.Equal(data, testMsg.Data))
			}
			if tt.noAuth && s.authSeen {
				t.Error("the password reached the server")
			}
			if tt.state == Unknown {
				if _, err := o.Enqueue(testMsg, "support", false); err == nil || !strings.Contains(err.Error(), "may have arrived") {
					t.Errorf("unknown must not be re-sent without --force: %v", err)
				}
				if len(s.got) != 1 {
					t.Errorf("server got %d copies", len(s.got))
				}
			}
		})
	}
}

func TestDropMidData(t *testing.T) {
	cert, ca := testCA(t)
	s := &server{drop: "mid-data"}
	s.start(t, "starttls", cert)
	big := testMsg
	big.Data = append(append([]byte{}, testMsg.Data...), bytes.Repeat([]byte("0123456789 filler line\r\n"), 200000)...)
	o := OpenOutbox(t.TempDir())
	e, _ := o.Enqueue(big, "support", false)
	err := o.Send(context.Background(), e, s.account("starttls", "plain", ca), "secret", fast)
	got, _, _ := o.Get(e.Key)
	if err == nil || got.State != Failed || len(s.got) != 0 {
		t.Errorf("err %v, state %s, server got %d", err, got.State, len(s.got))
	}
}

func TestServerDownGreetingAndTimeout(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	if _, err := Deliver(context.Background(), Account{Host: host, Port: p, Security: "none", Auth: "none"}, "", testMsg, fast); err == nil || !strings.Contains(err.Error(), "cannot reach") {
		t.Errorf("server down: %v", err)
	}

	busy, _ := net.Listen("tcp", "127.0.0.1:0")
	defer busy.Close()
	go func() {
		for {
			c, err := busy.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("421 4.3.2 too busy, try later\r\n"))
			c.Close()
		}
	}()
	host, port, _ = net.SplitHostPort(busy.Addr().String())
	p, _ = strconv.Atoi(port)
	if _, err := Deliver(context.Background(), Account{Host: host, Port: p, Security: "none", Auth: "none"}, "", testMsg, fast); err == nil || !strings.Contains(err.Error(), "421") {
		t.Errorf("421 at greeting: %v", err)
	}

	silent, _ := net.Listen("tcp", "127.0.0.1:0")
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	host, port, _ = net.SplitHostPort(silent.Addr().String())
	p, _ = strconv.Atoi(port)
	start := time.Now()
	_, err := Deliver(context.Background(), Account{Host: host, Port: p, Security: "none", Auth: "none"}, "", testMsg, Timeouts{Dial: 300 * time.Millisecond, Command: 300 * time.Millisecond, Submission: time.Second})
	if err == nil || time.Since(start) > 3*time.Second {
		t.Errorf("timeout: err %v after %v", err, time.Since(start))
	}
}

func TestPassword(t *testing.T) {
	ctx := context.Background()
	if pw, err := Password(ctx, Account{Username: "u", PasswordCmd: `printf '%s\n' "s3cret pass"`}, "", 0o600); err != nil || pw != "s3cret pass" {
		t.Errorf("password_cmd: %q %v", pw, err)
	}
	if _, err := Password(ctx, Account{Username: "u", PasswordCmd: "echo $(touch /tmp/kindly-pwned)"}, "", 0o600); err != nil {
		t.Logf("%v", err)
	}
	if _, err := os.Stat("/tmp/kindly-pwned"); err == nil {
		t.Error("password_cmd ran through a shell")
	}
	if _, err := Password(ctx, Account{Password: "x"}, "/c.toml", 0o644); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable password: %v", err)
	}
	if pw, err := Password(ctx, Account{Password: "x"}, "/c.toml", 0o600); err != nil || pw != "x" {
		t.Errorf("0600 password: %v", err)
	}
	t.Setenv("KINDLY_TEST_PW", "envpw")
	if pw, _ := Password(ctx, Account{Username: "u", PasswordEnv: "KINDLY_TEST_PW"}, "", 0); pw != "envpw" {
		t.Error("password_env")
	}
}

func TestSplitCommand(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"pass show smtp/support", []string{"pass", "show", "smtp/support"}},
		{`secret-tool lookup "service name" 'a b'`, []string{"secret-tool", "lookup", "service name", "a b"}},
		{`echo a\ b "c\"d"`, []string{"echo", "a b", `c"d`}},
	}
	for _, tt := range tests {
		got, err := SplitCommand(tt.in)
		if err != nil || strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("SplitCommand(%q) = %q %v", tt.in, got, err)
		}
	}
	if _, err := SplitCommand(`unclosed "quote`); err == nil {
		t.Error("unclosed quote")
	}
}

func FuzzSplitCommand(f *testing.F) {
	f.Add(`pass show "smtp/support" 'x y' a\ b`)
	f.Fuzz(func(t *testing.T, s string) {
		words, err := SplitCommand(s)
		if err == nil && len(words) == 0 {
			t.Fatal("no words and no error")
		}
	})
}

func TestDeliverMaildir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Maildir")
	p, err := DeliverMaildir(dir, []byte("x"), false)
	if err != nil || filepath.Base(filepath.Dir(p)) != "new" {
		t.Fatalf("%s %v", p, err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "tmp")); len(entries) != 0 {
		t.Error("tmp not empty")
	}
}

func TestXOAUTH2(t *testing.T) {
	cert, ca := testCA(t)
	s := &server{}
	s.start(t, "starttls", cert)
	acct := s.account("starttls", "xoauth2", ca)
	acct.TokenCmd = "printf tok-123"
	tok, err := Password(context.Background(), acct, "", 0o600)
	if err != nil || tok != "tok-123" {
		t.Fatalf("token_cmd: %q %v", tok, err)
	}
	if _, _, err := sendThroughOutbox(t, acct, tok); err != nil || len(s.got) != 1 {
		t.Fatalf("xoauth2 with a good token: %v, server got %d", err, len(s.got))
	}
	_, _, err = sendThroughOutbox(t, acct, "expired")
	if err == nil || !strings.Contains(err.Error(), "535") || !strings.Contains(err.Error(), "check token_cmd") {
		t.Fatalf("xoauth2 with a bad token: %v", err)
	}
	if len(s.got) != 1 {
		t.Errorf("a failed login still delivered: server has %d", len(s.got))
	}
	if _, err := Password(context.Background(), Account{Username: "u", Auth: "xoauth2"}, "", 0o600); err == nil || !strings.Contains(err.Error(), "token_cmd") {
		t.Errorf("xoauth2 without token_cmd: %v", err)
	}
	// Never a token in clear either.
	plain := &server{}
	plain.start(t, "", cert)
	_, _, err = sendThroughOutbox(t, plain.account("none", "xoauth2", ""), "tok-123")
	if err == nil || !strings.Contains(err.Error(), "refusing to send the OAuth token") || plain.authSeen {
		t.Errorf("token without TLS: %v (server saw auth: %v)", err, plain.authSeen)
	}
}

func TestWrongHostCertificate(t *testing.T) {
	cert, ca := smtptest.CA(t, "mail.example.com")
	for _, mode := range []string{"starttls", "tls"} {
		s := &server{}
		s.start(t, mode, cert)
		o, e, err := sendThroughOutbox(t, s.account(mode, "plain", ca), "secret")
		if err == nil || !strings.Contains(err.Error(), "its certificate is not for 127.0.0.1") {
			t.Errorf("%s: err = %v", mode, err)
		}
		if got, _, _ := o.Get(e.Key); got.State != Failed || s.authSeen || len(s.got) != 0 {
			t.Errorf("%s: state %s, password sent %v, delivered %d", mode, got.State, s.authSeen, len(s.got))
		}
	}
}

func TestSizeTooSmall(t *testing.T) {
	cert, ca := testCA(t)
	s := &server{maxBytes: 64}
	s.start(t, "starttls", cert)
	o, e, err := sendThroughOutbox(t, s.account("starttls", "plain", ca), "secret")
	var se *Error
	if !errors.As(err, &se) || !se.Permanent || !strings.Contains(err.Error(), "accepts at most 64 bytes") {
		t.Fatalf("err = %v", err)
	}
	got, data, _ := o.Get(e.Key)
	if got.State != Failed || !bytes.Equal(data, testMsg.Data) || len(s.got) != 0 {
		t.Errorf("state %s, kept %v, delivered %d", got.State, bytes.Equal(data, testMsg.Data), len(s.got))
	}
}

// scripted is a raw SMTP server that answers each command with the reply
// given for its verb, for faults go-smtp's server cannot make (a refused
// DATA command itself).
func scripted(t *testing.T, replies map[string]string) Account {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(5 * time.Second))
				c.Write([]byte("220 scripted ESMTP\r\n"))
				buf := make([]byte, 4096)
				for {
					n, err := c.Read(buf)
					if err != nil {
						return
					}
					verb := strings.ToUpper(strings.Fields(string(buf[:n]) + " x")[0])
					reply, ok := replies[verb]
					if !ok {
						reply = "250 ok"
					}
					if verb == "EHLO" {
						reply = "250-scripted\r\n250 8BITMIME"
					}
					c.Write([]byte(reply + "\r\n"))
					if verb == "QUIT" {
						return
					}
				}
			}()
		}
	}()
	host, port, _ := net.SplitHostPort(l.Addr().String())
	p, _ := strconv.Atoi(port)
	return Account{Host: host, Port: p, Security: "none", Auth: "none"}
}

func TestDataCommandRefused(t *testing.T) {
	for code, permanent := range map[string]bool{"554 5.5.1 no valid recipients": true, "451 4.3.0 try again later": false} {
		acct := scripted(t, map[string]string{"DATA": code})
		o := OpenOutbox(t.TempDir())
		e, _ := o.Enqueue(testMsg, "support", false)
		err := o.Send(context.Background(), e, acct, "", fast)
		var se *Error
		if !errors.As(err, &se) || se.Permanent != permanent || se.Stage != StageEnvelope || !strings.Contains(err.Error(), "refused DATA") || !strings.Contains(err.Error(), code[:3]) {
			t.Errorf("%s: err = %v", code, err)
		}
		if got, _, _ := o.Get(e.Key); got.State != Failed {
			t.Errorf("%s: state %s, want failed (retryable, never unknown)", code, got.State)
		}
	}
}

func TestProbe(t *testing.T) {
	cert, ca := testCA(t)
	s := &server{}
	s.start(t, "starttls", cert)
	got, err := Probe(context.Background(), s.account("starttls", "plain", ca), "secret", fast)
	if err != nil || !strings.Contains(got, "TLS 1.3 to 127.0.0.1") || !strings.Contains(got, "logged in as support@example.com (PLAIN)") || !strings.Contains(got, "messages up to 10.0 MB") {
		t.Errorf("probe: %q %v", got, err)
	}
	if len(s.got) != 0 {
		t.Error("probe sent a message")
	}
	if _, err := Probe(context.Background(), s.account("starttls", "plain", ca), "wrong", fast); err == nil || !strings.Contains(err.Error(), "535") {
		t.Errorf("probe with a wrong password: %v", err)
	}
	if _, err := Probe(context.Background(), s.account("starttls", "plain", ""), "secret", fast); err == nil || !strings.Contains(err.Error(), "set ca_file") {
		t.Errorf("probe with an untrusted certificate: %v", err)
	}
}

func TestSentCopyFailureNeverResends(t *testing.T) {
	cert, ca := testCA(t)
	s := &server{}
	s.start(t, "starttls", cert)
	acct := s.account("starttls", "plain", ca)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(blocker, []byte("x"), 0o600)
	acct.SentMaildir = filepath.Join(blocker, "Sent") // cannot be made
	o, e, err := sendThroughOutbox(t, acct, "secret")
	var ce *SentCopyError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a SentCopyError", err)
	}
	got, _, _ := o.Get(e.Key)
	if got.State != Accepted || len(s.got) != 1 {
		t.Fatalf("state %s, server has %d", got.State, len(s.got))
	}
	if _, err := o.Enqueue(testMsg, "support", false); err == nil || !strings.Contains(err.Error(), "already delivered") {
		t.Errorf("an accepted reply must not be queued again: %v", err)
	}
	sent := filepath.Join(t.TempDir(), "Sent")
	if err := o.FileSent(&got, sent); err != nil {
		t.Fatal(err)
	}
	got, _, _ = o.Get(e.Key)
	if got.State != Sent || got.SentCopy == "" || len(s.got) != 1 {
		t.Errorf("after filing: state %s copy %q, server has %d", got.State, got.SentCopy, len(s.got))
	}
	if err := o.FileSent(&got, sent); err == nil {
		t.Error("filing a sent reply twice must be refused")
	}
}

func TestCancelStopsAtOnce(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("220 slow ESMTP\r\n")) // then never answers EHLO
			defer c.Close()
		}
	}()
	host, port, _ := net.SplitHostPort(l.Addr().String())
	p, _ := strconv.Atoi(port)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := Deliver(ctx, Account{Host: host, Port: p, Security: "none", Auth: "none"}, "", testMsg, Timeouts{Dial: 30 * time.Second, Command: 30 * time.Second, Submission: 30 * time.Second})
	if err == nil || time.Since(start) > 2*time.Second {
		t.Errorf("cancel: err %v after %v", err, time.Since(start))
	}
}

func TestTLSHandshakeFailure(t *testing.T) {
	s := &server{}
	s.start(t, "", tls.Certificate{}) // plain SMTP where TLS is expected
	o, e, err := sendThroughOutbox(t, s.account("tls", "plain", ""), "secret")
	if err == nil || !strings.Contains(err.Error(), "TLS handshake with") {
		t.Fatalf("err = %v", err)
	}
	if got, _, _ := o.Get(e.Key); got.State != Failed || s.authSeen || len(s.got) != 0 {
		t.Errorf("state %s, password sent %v, delivered %d", got.State, s.authSeen, len(s.got))
	}
}

func TestEightBitAndSMTPUTF8(t *testing.T) {
	cert, ca := testCA(t)
	s := &server{}
	s.start(t, "starttls", cert)
	acct := s.account("starttls", "plain", ca)
	msg := Message{ID: "kindly.utf8@example.com", From: "support@example.com", To: []string{"josé@ejemplo.es"},
		Data: []byte("From: support@example.com\r\nTo: josé@ejemplo.es\r\nSubject: Re: pedido\r\nMessage-Id: <kindly.utf8@example.com>\r\n\r\nHola José, su pedido está en camino.\r\n")}
	if _, err := Deliver(context.Background(), acct, "secret", msg, fast); err != nil {
		t.Fatal(err)
	}
	if _, err := Deliver(context.Background(), acct, "secret", testMsg, fast); err != nil {
		t.Fatal(err)
	}
	// go-smtp's client says BODY=8BITMIME whenever the server offers it;
	// SMTPUTF8 only for an address that needs it.
	if len(s.opts) != 2 || s.opts[0].Body != smtp.Body8BitMIME || !s.opts[0].UTF8 || s.opts[1].UTF8 || s.opts[0].Size != int64(len(msg.Data)) {
		t.Errorf("MAIL options: %+v", s.opts)
	}
}
