package compose

import (
	"errors"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDraftStoreRoundTrip(t *testing.T) {
	s := NewDraftStore(filepath.Join(t.TempDir(), "drafts"))
	key := "CAB123@mail.example.com"
	if _, _, err := s.Load(key); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("empty store: err = %v, want ErrNotExist", err)
	}
	d := &Draft{
		MessageID: "reply-1@example.com",
		From:      &mail.Address{Name: "Maria", Address: "maria@example.com"},
		To:        []*mail.Address{{Name: "Anna de Vries", Address: "anna@example.nl"}},
		Subject:   "Re: Bestelling HW-659",
		Body:      "Uw bestelling is onderweg.\n",
		Lang:      "nl",
	}
	if err := s.Save(key, d); err != nil {
		t.Fatal(err)
	}
	d.Body = "Uw bestelling is onderweg en komt morgen aan.\n"
	if err := s.Save(key, d); err != nil {
		t.Fatal(err)
	}
	got, saved, err := s.Load(key)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != d.Body || got.To[0].Address != "anna@example.nl" || got.MessageID != d.MessageID {
		t.Errorf("loaded %+v", got)
	}
	if time.Since(saved) > time.Minute {
		t.Errorf("saved time %v", saved)
	}
	if err := s.Delete(key); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(key); err != nil {
		t.Errorf("second delete: %v", err)
	}
}

func TestDraftStoreHostileKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	s := NewDraftStore(dir)
	key := "../../etc/passwd\x00<evil>"
	if err := s.Save(key, &Draft{Body: "x"}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || strings.Contains(entries[0].Name(), "..") {
		t.Fatalf("draft written outside or oddly: %v", entries)
	}
	if _, _, err := s.Load("other"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("other key: %v", err)
	}
}

func TestDraftStoreDamaged(t *testing.T) {
	dir := t.TempDir()
	s := NewDraftStore(dir)
	if err := s.Save("k", &Draft{Body: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.path("k"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err := s.Load("k")
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("err = %v", err)
	}
}

func TestDraftKeyWithoutMessageID(t *testing.T) {
	in := &Message{Subject: "Help", Text: "Where is my order?", From: []*mail.Address{{Address: "a@b.c"}}}
	k1, k2 := DraftKey(in), DraftKey(in)
	if k1 != k2 || !strings.HasPrefix(k1, "sha256:") {
		t.Errorf("keys %q %q", k1, k2)
	}
	in.MessageID = "x@y"
	if DraftKey(in) != "x@y" {
		t.Error("Message-ID must be the key")
	}
}
