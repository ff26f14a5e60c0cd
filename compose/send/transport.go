package send

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Message is a composed reply ready for the wire.
type Message struct {
	ID   string   // the Message-ID, fixed when the draft was made: the outbox key
	From string   // envelope sender
	To   []string // envelope recipients
	Data []byte   // RFC 5322 bytes with CRLF line ends
}

// Stage says how far a delivery got, which decides whether it is safe to
// try again.
type Stage int

// The stages of a delivery, in order.
const (
	StageConnect  Stage = iota // dialling, greeting, TLS
	StageAuth                  // authenticating
	StageEnvelope              // MAIL FROM, RCPT TO, DATA
	StageData                  // sending the message, before the final dot
	StageDot                   // after the final dot: the server may have it
)

// Error is a delivery failure a person can act on.
type Error struct {
	Stage Stage
	// Permanent says retrying the same message will fail the same way (5xx).
	Permanent bool
	Msg       string
	Err       error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// Unknown reports a failure after the final dot: the server may have
// accepted the message, so it must not be sent again without asking.
func (e *Error) Unknown() bool { return e.Stage == StageDot && !e.Permanent && !isSMTP(e.Err) }

func isSMTP(err error) bool {
	var se *smtp.SMTPError
	return errors.As(err, &se)
}

// Timeouts fit for an interactive tool.
type Timeouts struct {
	Dial, Command, Submission time.Duration
}

// DefaultTimeouts are used when an Account sets none.
var DefaultTimeouts = Timeouts{Dial: 10 * time.Second, Command: 30 * time.Second, Submission: 60 * time.Second}

// Deliver sends msg through the account's server. password (the OAuth
// token for auth = xoauth2) is used only over TLS, unless the account says
// insecure = true. It returns the server's reply to the final dot.
func Deliver(ctx context.Context, acct Account, password string, msg Message, t Timeouts) (string, error) {
	c, where, release, err := open(ctx, acct, password, t)
	if err != nil {
		return "", err
	}
	defer release()
	if size, ok := c.MaxMessageSize(); ok && size > 0 && len(msg.Data) > size {
		e := fail(where, StageEnvelope, nil, "the message is %s but %s accepts at most %s — send large files as a link", human(len(msg.Data)), where, human(size))
		e.Permanent = true
		return "", e
	}
	opts := &smtp.MailOptions{Size: int64(len(msg.Data))}
	if ok, _ := c.Extension("8BITMIME"); ok && !isASCII(msg.Data) {
		opts.Body = smtp.Body8BitMIME
	}
	if ok, _ := c.Extension("SMTPUTF8"); ok && (!isASCII([]byte(msg.From)) || !isASCII([]byte(strings.Join(msg.To, "")))) {
		opts.UTF8 = true
	}
	if err := c.Mail(msg.From, opts); err != nil {
		return "", fail(where, StageEnvelope, err, "%s refused the sender %s", where, msg.From)
	}
	for _, rcpt := range msg.To {
		if err := c.Rcpt(rcpt, nil); err != nil {
			return "", fail(where, StageEnvelope, err, "%s refused the recipient %s", where, rcpt)
		}
	}
	w, err := c.Data()
	if err != nil {
		return "", fail(where, StageEnvelope, err, "%s refused DATA", where)
	}
	if _, err := w.Write(msg.Data); err != nil {
		return "", fail(where, StageData, err, "the connection to %s broke while sending; the message was not delivered", where)
	}
	resp, err := w.CloseWithResponse()
	if err != nil {
		if isSMTP(err) {
			return "", fail(where, StageDot, err, "%s refused the message", where)
		}
		return "", fail(where, StageDot, err, "the connection to %s broke after the message was sent: it may or may not have arrived", where)
	}
	_ = c.Quit() // the message is accepted; a failing QUIT changes nothing
	return clean(resp.StatusText), nil
}

// Probe is what kindly init runs to test an account: it connects, secures
// the connection and authenticates exactly as Deliver would, then says
// goodbye without sending anything. It reports what it found.
func Probe(ctx context.Context, acct Account, password string, t Timeouts) (string, error) {
	c, where, release, err := open(ctx, acct, password, t)
	if err != nil {
		return "", err
	}
	defer release()
	var parts []string
	if st, ok := c.TLSConnectionState(); ok {
		parts = append(parts, fmt.Sprintf("%s to %s", tls.VersionName(st.Version), where))
	} else {
		parts = append(parts, fmt.Sprintf("no TLS to %s", where))
	}
	if acct.auth() != "none" {
		parts = append(parts, fmt.Sprintf("logged in as %s (%s)", acct.Username, strings.ToUpper(acct.auth())))
	}
	if size, ok := c.MaxMessageSize(); ok && size > 0 {
		parts = append(parts, "messages up to "+human(size))
	}
	if err := c.Quit(); err != nil {
		return "", fail(where, StageEnvelope, err, "%s did not say goodbye", where)
	}
	return strings.Join(parts, ", "), nil
}

// fail makes an Error that leads with the server's code and text when there
// is one, and ends with the cause when it adds something.
func fail(where string, stage Stage, err error, format string, args ...any) *Error {
	e := &Error{Stage: stage, Err: err, Msg: fmt.Sprintf(format, args...)}
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		e.Permanent = se.Code >= 500
		e.Msg = fmt.Sprintf("%d %s: %s", se.Code, clean(se.Message), e.Msg)
	} else if err != nil && !strings.Contains(e.Msg, clean(err.Error())) {
		e.Msg += ": " + clean(err.Error())
	}
	return e
}

// open connects to the account's server, secures the connection as the
// account says, greets and authenticates. The caller calls release when
// done, which closes the connection.
func open(ctx context.Context, acct Account, password string, t Timeouts) (c *smtp.Client, where string, release func(), err error) {
	where = net.JoinHostPort(acct.Host, strconv.Itoa(acct.port()))
	tlsConfig, err := acct.tlsConfig()
	if err != nil {
		return nil, where, nil, fail(where, StageConnect, err, "TLS setup for %s", where)
	}
	dialer := net.Dialer{Timeout: t.Dial}
	conn, err := dialer.DialContext(ctx, "tcp", where)
	if err != nil {
		return nil, where, nil, fail(where, StageConnect, err, "cannot reach %s — check host and port, and that the server is up", where)
	}
	// Cancelling the context closes the connection, which ends any wait.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	c, err = greet(ctx, conn, acct, password, tlsConfig, where, t)
	if err != nil {
		stop()
		conn.Close()
		return nil, where, nil, err
	}
	return c, where, func() { stop(); c.Close() }, nil
}

func greet(ctx context.Context, conn net.Conn, acct Account, password string, tlsConfig *tls.Config, where string, t Timeouts) (*smtp.Client, error) {
	// Bound the whole set-up (greeting, TLS, EHLO); the client's own
	// timeouts take over for the commands after it.
	conn.SetDeadline(time.Now().Add(t.Dial + t.Command))
	var c *smtp.Client
	var err error
	switch acct.security() {
	case "tls":
		tc := tls.Client(conn, tlsConfig)
		if err := tc.HandshakeContext(ctx); err != nil {
			return nil, fail(where, StageConnect, err, "TLS handshake with %s failed%s", where, certHint(err, acct.Host))
		}
		c = smtp.NewClient(tc)
	case "starttls":
		c, err = smtp.NewClientStartTLS(conn, tlsConfig)
		if err != nil {
			if strings.Contains(err.Error(), "doesn't support STARTTLS") {
				// Never go on in clear when STARTTLS was asked for.
				return nil, fail(where, StageConnect, nil, "%s does not offer STARTTLS, which the account requires — check the port (587 for STARTTLS, 465 with security = \"tls\")", where)
			}
			return nil, fail(where, StageConnect, err, "STARTTLS with %s failed%s", where, certHint(err, acct.Host))
		}
	case "none":
		c = smtp.NewClient(conn)
	default:
		return nil, fail(where, StageConnect, nil, "security = %q: use starttls, tls or none", acct.Security)
	}
	c.CommandTimeout, c.SubmissionTimeout = t.Command, t.Submission
	if err := c.Hello(localName()); err != nil {
		c.Close()
		if strings.Contains(err.Error(), "certificate") || strings.Contains(err.Error(), "tls:") {
			return nil, fail(where, StageConnect, err, "TLS with %s failed%s", where, certHint(err, acct.Host))
		}
		return nil, fail(where, StageConnect, err, "%s refused the greeting", where)
	}
	conn.SetDeadline(time.Time{})
	if err := authenticate(c, acct, password, where); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// certHint explains a certificate failure in the words of the fix.
func certHint(err error, host string) string {
	var unknown x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	switch {
	case errors.As(err, &hostErr):
		return fmt.Sprintf(": its certificate is not for %s — use the host name the certificate names", host)
	case errors.As(err, &unknown), strings.Contains(err.Error(), "certificate signed by unknown authority"):
		return fmt.Sprintf(": the certificate is not trusted for %s (set ca_file for a private CA)", host)
	case strings.Contains(err.Error(), "certificate"):
		return fmt.Sprintf(": the certificate is not trusted for %s", host)
	}
	return ""
}

func authenticate(c *smtp.Client, acct Account, password, where string) error {
	if acct.auth() == "none" {
		return nil
	}
	if _, encrypted := c.TLSConnectionState(); !encrypted && !acct.Insecure {
		return fail(where, StageAuth, nil, "refusing to send the %s for %s to %s without TLS — use security = \"starttls\" or \"tls\" (or insecure = true for a test server)", acct.secretName(), acct.Username, where)
	}
	var client sasl.Client
	switch acct.auth() {
	case "plain":
		client = sasl.NewPlainClient("", acct.Username, password)
	case "login":
		client = sasl.NewLoginClient(acct.Username, password)
	case "xoauth2":
		client = &xoauth2{user: acct.Username, token: password}
	default:
		return fail(where, StageAuth, nil, "auth = %q: use plain, login, xoauth2 or none", acct.Auth)
	}
	if err := c.Auth(client); err != nil {
		e := fail(where, StageAuth, err, "authentication failed for %s at %s — check %s", acct.Username, where, acct.passwordSource())
		e.Permanent = true
		return e
	}
	return nil
}

func (a Account) port() int {
	if a.Port != 0 {
		return a.Port
	}
	switch a.security() {
	case "tls":
		return 465
	case "none":
		return 25
	}
	return 587
}

func (a Account) security() string {
	if a.Security == "" {
		return "starttls"
	}
	return strings.ToLower(a.Security)
}

func (a Account) auth() string {
	if a.Auth == "" {
		if a.Username == "" {
			return "none"
		}
		return "plain"
	}
	return strings.ToLower(a.Auth)
}

func (a Account) passwordSource() string {
	switch {
	case a.auth() == "xoauth2" && a.TokenCmd != "":
		return "token_cmd"
	case a.PasswordCmd != "":
		return "password_cmd"
	case a.PasswordEnv != "":
		return "$" + a.PasswordEnv
	case a.Keyring:
		return "the password in the keyring"
	}
	return "the password"
}

// secretName is what the account sends to log in, for messages.
func (a Account) secretName() string {
	if a.auth() == "xoauth2" {
		return "OAuth token"
	}
	return "password"
}

func (a Account) tlsConfig() (*tls.Config, error) {
	cfg := &tls.Config{ServerName: a.Host, MinVersion: tls.VersionTLS12}
	if a.CAFile != "" {
		pem, err := os.ReadFile(a.CAFile)
		if err != nil {
			return nil, fmt.Errorf("ca_file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ca_file %s holds no PEM certificate", a.CAFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

func localName() string {
	if h, err := os.Hostname(); err == nil && h != "" && !strings.ContainsAny(h, " \r\n") {
		return h
	}
	return "localhost"
}

// human writes a size in bytes, KB or MB.
func human(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// clean makes server text safe to show: control characters and bidi
// controls are dropped.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return -1
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}
