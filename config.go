package main

import (
	"io/fs"
	"os"

	"kindly/compose"
	"kindly/compose/check"
	"kindly/compose/send"
	"kindly/internal/conffile"
	"kindly/snippets"
)

// Config is the whole config file. Each section is the type of the package
// that owns it; this file only loads them.
type Config struct {
	Agent    compose.Agent           `toml:"agent"`
	Snippets snippets.Config         `toml:"snippets"`
	Checks   check.Config            `toml:"checks"`
	Accounts map[string]send.Account `toml:"accounts"`

	// Path is the file the config was read from; empty when none exists.
	Path string `toml:"-"`
	// Mode is the file's permission bits, for the password-in-file rule.
	Mode fs.FileMode `toml:"-"`
}

// loadConfig reads the config at path. A missing file is fine unless the
// user named it explicitly; unknown keys are errors with file:line, so a typo
// never silently falls back to a default.
func loadConfig(path string, explicit bool) (*Config, error) {
	cfg := &Config{}
	found, err := conffile.Decode(path, explicit, cfg, "")
	if err != nil {
		return nil, err
	}
	if !found {
		return cfg, nil
	}
	cfg.Path = path
	conffile.ExpandHome(cfg.Checks.Rules)
	conffile.ExpandHome(cfg.Snippets.Dirs)
	if fi, err := os.Stat(path); err == nil {
		cfg.Mode = fi.Mode().Perm()
	}
	return cfg, nil
}
