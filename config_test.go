package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConfig(t *testing.T) {
	path := writeConfig(t, `
[agent]
name = "Maria Jansen"
email = "maria@example.com"

[snippets]
dirs = ["~/team"]

[checks]
disable = ["too-formal"]
reading_grade = 8

[accounts.support]
host = "smtp.example.com"
port = 587
default = true
`)
	cfg, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Agent.Name != "Maria Jansen" || cfg.Checks.ReadingGrade != 8 || cfg.Accounts["support"].Port != 587 {
		t.Errorf("decoded wrong: %+v", cfg)
	}
	home, _ := os.UserHomeDir()
	if cfg.Snippets.Dirs[0] != filepath.Join(home, "team") {
		t.Errorf("~ not expanded: %v", cfg.Snippets.Dirs)
	}
	if cfg.Mode != 0o600 {
		t.Errorf("mode = %v, want 0600", cfg.Mode)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", "[agent]\nname = \"M\"\nnmae = \"x\"\n", `:3: unknown key "agent.nmae"`},
		{"unknown section", "[agnet]\nname = \"M\"\n", `:1: unknown key "agnet"`},
		{"unknown account key", "[accounts.work]\nhost = \"h\"\n\nprot = 25\n", `:4: unknown key "accounts.work.prot"`},
		{"syntax", "[agent]\nname = \n", ":2:"},
		{"wrong type", "[accounts.a]\nport = \"x\"\n", "port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.text)
			_, err := loadConfig(path, true)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("err = %v, want it to name %s and contain %q", err, path, tt.want)
			}
		})
	}
}

func TestMissingConfig(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.toml")
	if _, err := loadConfig(missing, false); err != nil {
		t.Errorf("a missing default config must be fine: %v", err)
	}
	if _, err := loadConfig(missing, true); err == nil {
		t.Error("a missing config named with --config must be an error")
	}
}
