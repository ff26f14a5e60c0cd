package snippets

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/google/renameio/v2"
)

// Usage remembers how often and how recently the agent used each snippet,
// in a small local file, so that search puts their usual answers first.
type Usage struct {
	path  string
	now   func() time.Time
	Count map[string]int       `json:"count"`
	Last  map[string]time.Time `json:"last"`
}

// OpenUsage reads the usage file at path; a missing or damaged file starts
// afresh (it is only a ranking hint).
func OpenUsage(path string) *Usage {
	u := &Usage{path: path, now: time.Now, Count: map[string]int{}, Last: map[string]time.Time{}}
	if data, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(data, u)
		if u.Count == nil {
			u.Count = map[string]int{}
		}
		if u.Last == nil {
			u.Last = map[string]time.Time{}
		}
	}
	return u
}

// Record notes that the snippet id was used now, and saves the file
// atomically.
func (u *Usage) Record(id string) error {
	u.Count[id]++
	u.Last[id] = u.now().UTC()
	data, err := json.Marshal(u)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(u.path), 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return renameio.WriteFile(u.path, data, 0o600)
}

// bonus ranks frequent and recent snippets higher: up to 20 points for use
// and 10 for use in the last week.
func (u *Usage) bonus(id string) int {
	b := min(u.Count[id]*4, 20)
	if t, ok := u.Last[id]; ok && u.now().Sub(t) < 7*24*time.Hour {
		b += 10
	}
	return b
}
