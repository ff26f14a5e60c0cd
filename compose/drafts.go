package compose

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"kindly/internal/xdgdir"
)

// DraftStore keeps one autosaved draft per customer message, so that a
// crash, a kill -9 or a closed terminal never loses the agent's text. Every
// save is an atomic replace of a fsynced file: a reader sees either the old
// draft or the new one, never half of either.
type DraftStore struct {
	dir string
}

// NewDraftStore returns a store that keeps its drafts in dir, which is
// created on the first save.
func NewDraftStore(dir string) *DraftStore { return &DraftStore{dir: dir} }

// DefaultDraftDir is $XDG_STATE_HOME/kindly/drafts.
func DefaultDraftDir() string {
	return filepath.Join(xdgdir.State(os.Getenv), "kindly", "drafts")
}

// DraftKey names the draft of a reply to in: its Message-ID, or when it has
// none, a digest of what identifies it, so that reopening the same file finds
// the same draft.
func DraftKey(in *Message) string {
	if in.MessageID != "" {
		return in.MessageID
	}
	h := sha256.New()
	for _, a := range in.From {
		fmt.Fprintf(h, "%s\x00", strings.ToLower(a.Address))
	}
	fmt.Fprintf(h, "%s\x00%s\x00", in.Subject, in.Date.UTC().Format(time.RFC3339))
	text := in.Text
	if len(text) > 4096 {
		text = text[:4096]
	}
	h.Write([]byte(text))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// savedDraft is the file format: versioned, so a later kindly can read it.
type savedDraft struct {
	Version int       `json:"version"`
	Key     string    `json:"key"`
	Saved   time.Time `json:"saved"`
	Draft   *Draft    `json:"draft"`
}

// path maps a key (which comes from an untrusted Message-ID) to a file name
// that cannot escape the directory.
func (s *DraftStore) path(key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(s.dir, hex.EncodeToString(sum[:16])+".json")
}

// Save writes d as the draft for key, replacing any earlier one atomically.
func (s *DraftStore) Save(key string, d *Draft) error {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	data, err := json.MarshalIndent(savedDraft{Version: 1, Key: key, Saved: time.Now().UTC(), Draft: d}, "", "  ")
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	if err := renameio.WriteFile(s.path(key), data, 0o600); err != nil {
		return fmt.Errorf("save draft in %s: %w", s.dir, err)
	}
	return nil
}

// Load returns the draft saved for key and when it was saved. It returns an
// error wrapping fs.ErrNotExist when there is none.
func (s *DraftStore) Load(key string) (*Draft, time.Time, error) {
	path := s.path(key)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("load draft: %w", err)
	}
	var sd savedDraft
	if err := json.Unmarshal(data, &sd); err != nil {
		return nil, time.Time{}, fmt.Errorf("draft %s is damaged (%v): move it away to start afresh", path, err)
	}
	if sd.Key != key || sd.Draft == nil {
		return nil, time.Time{}, fmt.Errorf("load draft: %w", fs.ErrNotExist)
	}
	return sd.Draft, sd.Saved, nil
}

// Delete removes the draft for key, once the reply is sent. Deleting a draft
// that does not exist is not an error.
func (s *DraftStore) Delete(key string) error {
	err := os.Remove(s.path(key))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete draft: %w", err)
	}
	return nil
}
