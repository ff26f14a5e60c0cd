// Package conffile finds kindly's config file and decodes it strictly: a
// syntax error or an unknown key is an error with file:line, so a typo never
// silently falls back to a default. It is shared by kindly, which reads the
// whole file, and the lean kindly-check binary, which reads [checks] only
// and so must not import what the other sections belong to.
package conffile

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
)

// Path resolves where the config lives: the --config flag, then
// KINDLY_CONFIG, then $XDG_CONFIG_HOME/kindly/config.toml. It is explicit
// when the user named it, and must then exist.
func Path(flag string, getenv func(string) string) (path string, explicit bool) {
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

// Decode reads the config at path into v. A missing file is fine (found is
// false) unless explicit. With only set, keys outside that table are left to
// others and not reported.
func Decode(path string, explicit bool, v any, only string) (found bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("config: %w", err)
	}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return false, fmt.Errorf("%s:%d:%d: %s", path, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return false, fmt.Errorf("%s: %w", path, err)
	}
	var msgs []string
	for _, k := range md.Undecoded() {
		if only != "" && (len(k) == 0 || k[0] != only) {
			continue
		}
		msgs = append(msgs, fmt.Sprintf("%s:%d: unknown key %q (check the spelling; see the README for the keys kindly knows)", path, keyLine(data, k), k.String()))
	}
	if len(msgs) > 0 {
		return false, errors.New(strings.Join(msgs, "\n"))
	}
	return true, nil
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

// ExpandHome turns a leading ~ in each path into the home directory, as a
// shell would.
func ExpandHome(paths []string) {
	home, _ := os.UserHomeDir()
	for i, p := range paths {
		if home != "" && (p == "~" || strings.HasPrefix(p, "~/")) {
			paths[i] = filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
}
