package send

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
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
)

// testCA makes a CA and a server certificate for 127.0.0.1 and localhost,
// and writes the CA to a PEM file for ca_file.
func testCA(t *testing.T) (serverCert tls.Certificate, caFile string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kindly test CA"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caFile = filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, caFile
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
}

type session struct {
	s    *server
	conn *smtp.Conn
}

func (s *server) NewSession(c *smtp.Conn) (smtp.Session, error) { return &session{s: s, conn: c}, nil }

func (se *session) AuthMechanisms() []string { return []string{sasl.Plain} }
func (se *session) Auth(mech string) (sasl.Server, error) {
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

// start runs the server on 127.0.0.1: tlsMode is "", "starttls" or "tls".
func (s *server) start(t *testing.T, tlsMode string, cert tls.Certificate) {
	t.Helper()
	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true // the server lets us try: the client must refuse
	srv.ReadTimeout, srv.WriteTimeout = 5*time.Second, 5*time.Second
	srv.MaxMessageBytes = 10 << 20
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
	if pw, err := Password(ctx, Account{PasswordCmd: `printf '%s\n' "s3cret pass"`}, "", 0o600); err != nil || pw != "s3cret pass" {
		t.Errorf("password_cmd: %q %v", pw, err)
	}
	if _, err := Password(ctx, Account{PasswordCmd: "echo $(touch /tmp/kindly-pwned)"}, "", 0o600); err != nil {
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
	if pw, _ := Password(ctx, Account{PasswordEnv: "KINDLY_TEST_PW"}, "", 0); pw != "envpw" {
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
