package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"

	"kindly/compose"
	"kindly/compose/check"
	"kindly/compose/send"
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

// configPath resolves where the config lives: the --config flag, then
// KINDLY_CONFIG, then $XDG_CONFIG_HOME/kindly/config.toml.
func configPath(flag string, getenv func(string) string) (path string, explicit bool) {
	if flag != "" {
		return flag, true
	}
	if p := getenv("KINDLY_CONFIG"); p != "" {
		return p, true
	}
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" {
		return filepath.Join(dir, "kindly", "config.toml"), false
	}
	return filepath.Join(xdg.ConfigHome, "kindly", "config.toml"), false
}

// loadConfig reads the config at path. A missing file is fine unless the
// user named it explicitly; unknown keys are errors with file:line, so a typo
// never silently falls back to a default.
func loadConfig(path string, explicit bool) (*Config, error) {
	cfg := &Config{}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return cfg, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	md, err := toml.Decode(string(data), cfg)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d:%d: %s", path, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		var msgs []string
		for _, k := range undecoded {
			line := keyLine(data, k)
			msgs = append(msgs, fmt.Sprintf("%s:%d: unknown key %q (check the spelling; see the README for the keys kindly knows)", path, line, k.String()))
		}
		return nil, errors.New(strings.Join(msgs, "\n"))
	}
	cfg.Path = path
	home, _ := os.UserHomeDir()
	for _, list := range []*[]string{&cfg.Checks.Rules, &cfg.Snippets.Dirs} {
		for i, p := range *list {
			(*list)[i] = expandHome(p, home)
		}
	}
	if fi, err := os.Stat(path); err == nil {
		cfg.Mode = fi.Mode().Perm()
	}
	return cfg, nil
}

// keyLine finds the line on which a dotted key is defined. BurntSushi/toml
// knows the position but does not export it, so this scans the table headers
// and key names; it returns 0 when the key cannot be placed.
func keyLine(data []byte, key toml.Key) int {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	var table []string
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			name := strings.Trim(line, "[] \t")
			if i := strings.Index(name, "#"); i >= 0 {
				name = strings.TrimSpace(strings.Trim(name[:i], "[] \t"))
			}
			table = splitKey(name)
			if slices.Equal(table, []string(key)) {
				return n
			}
			continue
		}
		eq := strings.Index(line, "=")
		if eq <= 0 {
			continue
		}
		full := append(append([]string{}, table...), splitKey(strings.TrimSpace(line[:eq]))...)
		if slices.Equal(full, []string(key)) {
			return n
		}
	}
	return 0
}

func splitKey(s string) []string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return parts
}

// expandHome turns a leading ~ into the home directory, as a shell would.
func expandHome(p, home string) string {
	if home == "" || (p != "~" && !strings.HasPrefix(p, "~/")) {
		return p
	}
	return filepath.Join(home, strings.TrimPrefix(p, "~"))
}
