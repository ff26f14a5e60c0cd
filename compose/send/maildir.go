package send

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// DeliverMaildir files data in the Maildir at dir (creating it): written
// and fsynced in tmp/, then moved into new/ (or cur/ with the Seen flag),
// as the Maildir format requires, so a reader never sees half a message.
// It returns the file's path.
func DeliverMaildir(dir string, data []byte, seen bool) (string, error) {
	for _, sub := range []string{"tmp", "new", "cur"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return "", fmt.Errorf("maildir %s: %w", dir, err)
		}
	}
	var rnd [8]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	host, _ := os.Hostname()
	if host == "" {
		host = "localhost"
	}
	name := strconv.FormatInt(time.Now().Unix(), 10) + ".P" + strconv.Itoa(os.Getpid()) + "R" + hex.EncodeToString(rnd[:]) + "." + host
	tmp := filepath.Join(dir, "tmp", name)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("maildir %s: %w", dir, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return "", fmt.Errorf("maildir %s: %w", dir, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(tmp)
		return "", fmt.Errorf("maildir %s: %w", dir, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return "", err
	}
	final := filepath.Join(dir, "new", name)
	if seen {
		final = filepath.Join(dir, "cur", name+":2,S")
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("maildir %s: %w", dir, err)
	}
	syncDir(filepath.Dir(final))
	return final, nil
}

// syncDir makes a rename durable; errors are ignored (not every file
// system supports it, and the rename itself succeeded).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
