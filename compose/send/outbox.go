package send

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"kindly/internal/xdgdir"
)

// State is where a message is on its way out.
type State string

// The states of DESIGN §6: queued → sending → accepted (250) → sent (filed
// in Sent). failed can be retried; unknown (the connection broke after the
// final dot) needs the agent to decide.
const (
	Queued   State = "queued"
	Sending  State = "sending"
	Accepted State = "accepted"
	Sent     State = "sent"
	Failed   State = "failed"
	Unknown  State = "unknown"
)

// Entry is one message in the outbox.
type Entry struct {
	Key       string    `json:"key"` // short id for the command line
	MessageID string    `json:"message_id"`
	State     State     `json:"state"`
	Account   string    `json:"account"`
	From      string    `json:"from"`
	To        []string  `json:"to"`
	Reason    string    `json:"reason,omitempty"` // the last error or the server's reply
	Attempts  int       `json:"attempts"`
	Updated   time.Time `json:"updated"`
	SentCopy  string    `json:"sent_copy,omitempty"`
}

// Outbox keeps every message until it is delivered and filed, so a reply is
// never lost and never sent twice by accident. All writes are atomic and
// fsynced.
type Outbox struct {
	dir string
}

// OpenOutbox uses dir, created on first use.
func OpenOutbox(dir string) *Outbox { return &Outbox{dir: dir} }

// DefaultDataDir is $XDG_DATA_HOME/kindly.
func DefaultDataDir() string {
	return filepath.Join(xdgdir.Data(os.Getenv), "kindly")
}

// Key is the outbox key of a Message-ID.
func Key(messageID string) string {
	sum := sha256.Sum256([]byte(messageID))
	return hex.EncodeToString(sum[:6])
}

func (o *Outbox) path(key string, name string) string { return filepath.Join(o.dir, key, name) }

func (o *Outbox) save(e *Entry) error {
	e.Updated = time.Now().UTC()
	data, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	if err := renameio.WriteFile(o.path(e.Key, "state.json"), data, 0o600); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

// Get finds an entry by its key or Message-ID, with its message.
func (o *Outbox) Get(id string) (Entry, []byte, error) {
	key := strings.Trim(id, "<>")
	if _, err := os.Stat(filepath.Join(o.dir, key)); err != nil {
		key = Key(key)
	}
	var e Entry
	data, err := os.ReadFile(o.path(key, "state.json"))
	if err != nil {
		return e, nil, fmt.Errorf("no message %s in the outbox (see kindly outbox list): %w", id, fs.ErrNotExist)
	}
	if err := json.Unmarshal(data, &e); err != nil {
		return e, nil, fmt.Errorf("outbox entry %s is damaged: %v", key, err)
	}
	msg, err := os.ReadFile(o.path(key, "message.eml"))
	return e, msg, err
}

// List returns every entry, newest first.
func (o *Outbox) List() ([]Entry, error) {
	dirs, err := os.ReadDir(o.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, d := range dirs {
		if e, _, err := o.Get(d.Name()); err == nil {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	return out, nil
}

// Drop removes a message from the outbox.
func (o *Outbox) Drop(id string) error {
	e, _, err := o.Get(id)
	if err != nil {
		return err
	}
	return os.RemoveAll(filepath.Join(o.dir, e.Key))
}

// Enqueue stores msg as queued. A message already accepted, sent, or
// whose delivery is unknown is refused unless force: the same reply is
// never sent twice by accident.
func (o *Outbox) Enqueue(msg Message, account string, force bool) (*Entry, error) {
	if msg.ID == "" {
		return nil, errors.New("the message has no Message-ID")
	}
	key := Key(msg.ID)
	if prev, _, err := o.Get(key); err == nil && !force {
		switch prev.State {
		case Accepted, Sent:
			return nil, fmt.Errorf("this reply (%s) was already delivered; not sending it again (use --force if you really mean to)", msg.ID)
		case Unknown, Sending:
			return nil, fmt.Errorf("an earlier try to send this reply may have arrived (state %s: %s); check with the customer or the Sent folder, then `kindly outbox retry --force %s` or `kindly outbox drop %s`", prev.State, prev.Reason, key, key)
		}
	}
	if err := os.MkdirAll(filepath.Join(o.dir, key), 0o700); err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	if err := renameio.WriteFile(o.path(key, "message.eml"), msg.Data, 0o600); err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	e := &Entry{Key: key, MessageID: msg.ID, State: Queued, Account: account, From: msg.From, To: msg.To}
	if prev, _, err := o.Get(key); err == nil {
		e.Attempts = prev.Attempts
	}
	return e, o.save(e)
}

// Send delivers a queued message through the account and files a copy in
// its Sent Maildir. Whatever happens, the message stays in the outbox with
// its state and reason until it is sent.
func (o *Outbox) Send(ctx context.Context, e *Entry, acct Account, password string, t Timeouts) error {
	_, data, err := o.Get(e.Key)
	if err != nil {
		return err
	}
	e.State, e.Attempts = Sending, e.Attempts+1
	if err := o.save(e); err != nil {
		return err
	}
	reply, err := Deliver(ctx, acct, password, Message{ID: e.MessageID, From: e.From, To: e.To, Data: data}, t)
	if err != nil {
		e.State, e.Reason = Failed, err.Error()
		var de *Error
		if errors.As(err, &de) && de.Unknown() {
			e.State = Unknown
		}
		if serr := o.save(e); serr != nil {
			return errors.Join(err, serr)
		}
		return err
	}
	e.State, e.Reason = Accepted, reply
	if err := o.save(e); err != nil {
		return err
	}
	return o.fileSent(e, acct.SentMaildir, data)
}

// DeliverLocal is the delivery when no account is configured: the message
// goes into a local Maildir, said plainly to the agent.
func (o *Outbox) DeliverLocal(e *Entry, maildir string) error {
	_, data, err := o.Get(e.Key)
	if err != nil {
		return err
	}
	path, err := DeliverMaildir(maildir, data, false)
	if err != nil {
		e.State, e.Reason = Failed, err.Error()
		return errors.Join(err, o.save(e))
	}
	e.State, e.Reason, e.SentCopy, e.Attempts = Sent, "saved locally: no SMTP account configured", path, e.Attempts+1
	return o.save(e)
}

// SentCopyError says the server accepted the reply but the copy to Sent
// failed: the reply is delivered, and only the copy is to be retried.
type SentCopyError struct {
	Maildir string
	Err     error
}

func (e *SentCopyError) Error() string {
	return fmt.Sprintf("sent, but the copy to %s failed: %v", e.Maildir, e.Err)
}

func (e *SentCopyError) Unwrap() error { return e.Err }

// FileSent tries again to file an accepted reply in Sent. It never sends:
// the server has the reply already.
func (o *Outbox) FileSent(e *Entry, maildir string) error {
	if e.State != Accepted {
		return fmt.Errorf("%s is %s, not waiting for its copy to Sent", e.Key, e.State)
	}
	_, data, err := o.Get(e.Key)
	if err != nil {
		return err
	}
	return o.fileSent(e, maildir, data)
}

// fileSent copies an accepted message to Sent. A failure here is reported
// but never causes a resend: the message stays "accepted".
func (o *Outbox) fileSent(e *Entry, maildir string, data []byte) error {
	if maildir == "" {
		e.State = Sent
		return o.save(e)
	}
	path, err := DeliverMaildir(expandHome(maildir), data, true)
	if err != nil {
		e.Reason += "; copy to Sent failed: " + err.Error()
		if serr := o.save(e); serr != nil {
			return serr
		}
		return &SentCopyError{Maildir: maildir, Err: err}
	}
	e.State, e.SentCopy = Sent, path
	return o.save(e)
}

func expandHome(p string) string {
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[2:])
		}
	}
	return p
}
