package main

import (
	"os"
	"strings"
	"testing"
)

// TestInitAppendsAndNeverClobbers: kindly init adds an account the config
// loader accepts, keeps what was there, and refuses a name already taken.
func TestInitAppendsAndNeverClobbers(t *testing.T) {
	cfg := writeFile(t, "config.toml", "[agent]\nname = \"Maria\"\n")
	args := []string{"--config", cfg, "init", "--from", "s@example.com", "--host", "smtp.example.com", "--password-cmd", `pass show "smtp/support"`}
	if _, stderr, code := runKindlyKeep(t, args...); code != 0 {
		t.Fatalf("init: exit %d %s", code, stderr)
	}
	c, err := loadConfig(cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Agent.Name != "Maria" || c.Accounts["default"].PasswordCmd != `pass show "smtp/support"` || !c.Accounts["default"].Default {
		t.Fatalf("config after init: %+v", c)
	}
	before, _ := os.ReadFile(cfg)
	_, stderr, code := runKindlyKeep(t, args...)
	after, _ := os.ReadFile(cfg)
	if code != exitBadInput || !strings.Contains(stderr, "already has an account") || string(before) != string(after) {
		t.Fatalf("second init must be refused and change nothing: exit %d %s", code, stderr)
	}
}
