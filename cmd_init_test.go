package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kindly/internal/smtptest"
)

// TestInitAppendsAndNeverClobbers: kindly init adds an account the config
// loader accepts, keeps what was there, and refuses a name already taken.
func TestInitAppendsAndNeverClobbers(t *testing.T) {
	cfg := writeFile(t, "config.toml", "[agent]\nname = \"Maria\"\n")
	args := []string{"--config", cfg, "init", "--no-test", "--from", "s@example.com", "--host", "smtp.example.com", "--password-cmd", `pass show "smtp/support"`}
	if _, stderr, code := runKindlyKeep(t, args...); code != 0 {
		t.Fatalf("init: exit %d %s", code, stderr)
	}
	c, err := loadConfig(cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Agent.Name != "Maria" || c.Accounts["default"].PasswordCmd != `pass show "smtp/support"` || !c.Accounts["default"].Default || c.Accounts["default"].Username != "s@example.com" {
		t.Fatalf("config after init: %+v", c)
	}
	before, _ := os.ReadFile(cfg)
	_, stderr, code := runKindlyKeep(t, args...)
	after, _ := os.ReadFile(cfg)
	if code != exitBadInput || !strings.Contains(stderr, "already has an account") || string(before) != string(after) {
		t.Fatalf("second init must be refused and change nothing: exit %d %s", code, stderr)
	}
}

// TestInitTestsTheConnection: with flags, kindly init logs in to the server
// before it writes anything, and writes nothing when that fails.
func TestInitTestsTheConnection(t *testing.T) {
	cert, ca := smtptest.CA(t, "127.0.0.1")
	srv := smtptest.Start(t, "starttls", cert, "support@example.com", "right horse")
	cfg := filepath.Join(t.TempDir(), "config.toml")
	t.Setenv("KINDLY_TEST_SMTP_PW", "wrong")
	args := []string{"--config", cfg, "init", "--from", "Support <support@example.com>", "--host", "127.0.0.1", "--port", strconv.Itoa(srv.Port), "--ca-file", ca, "--password-env", "KINDLY_TEST_SMTP_PW"}
	_, stderr, code := runKindlyKeep(t, args...)
	if code != exitDelivery || !strings.Contains(stderr, "535 Authentication credentials invalid: authentication failed for support@example.com") || !strings.Contains(stderr, "Nothing was written") {
		t.Fatalf("wrong password: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(cfg); err == nil {
		t.Fatal("a failed test wrote the config")
	}
	t.Setenv("KINDLY_TEST_SMTP_PW", "right horse")
	out, stderr, code := runKindlyKeep(t, args...)
	if code != 0 || !strings.Contains(out, "The connection works: TLS 1.3 to 127.0.0.1:") || !strings.Contains(out, "logged in as support@example.com (PLAIN)") {
		t.Fatalf("good password: exit %d %s %s", code, out, stderr)
	}
	if len(srv.Messages()) != 0 {
		t.Error("the connection test sent a message")
	}
	c, err := loadConfig(cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Accounts["default"]; a.PasswordEnv != "KINDLY_TEST_SMTP_PW" || a.Port != srv.Port || a.CAFile != ca || a.Password != "" {
		t.Errorf("account written: %+v", a)
	}
	if fi, _ := os.Stat(cfg); fi.Mode().Perm() != 0o600 {
		t.Errorf("config mode %v", fi.Mode().Perm())
	}
}
