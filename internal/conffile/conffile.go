// Package conffile finds kindly's config file and decodes it strictly: a
// syntax error or an unknown key is an error with file:line, so a typo never
// silently falls back to a default. It is shared by kindly, which reads the
// whole file, and the lean kindly-check binary, which reads [checks] only
// and so must not import what the other sections belong to.
package conffile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"kindly/internal/xdgdir"
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
	return filepath.Join(xdgdir.Config(getenv), "kindly", "config.toml"), false
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
	if err := DecodeData(path, data, v, only); err != nil {
		return false, err
	}
	return true, nil
}

// DecodeData decodes config text already read from path, as Decode does.
func DecodeData(path string, data []byte, v any, only string) error {
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(v)
	var unknown *toml.StrictMissingError
	var bad *toml.DecodeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &unknown):
		var msgs []string
		for _, e := range unknown.Errors {
			k := e.Key()
			if only != "" && (len(k) == 0 || k[0] != only) {
				continue
			}
			line, _ := e.Position()
			msgs = append(msgs, fmt.Sprintf("%s:%d: unknown key %q (check the spelling; see the README for the keys kindly knows)", path, line, strings.Join(k, ".")))
		}
		if len(msgs) > 0 {
			return errors.New(strings.Join(msgs, "\n"))
		}
		return nil
	case errors.As(err, &bad):
		line, col := bad.Position()
		return fmt.Errorf("%s:%d:%d: %s", path, line, col, decodeMessage(bad))
	}
	return fmt.Errorf("%s: %w", path, err)
}

// decodeMessage is a syntax or type error's message, with the key it is at.
// go-toml's message for a value of the wrong type names the Go struct field
// ("cannot decode TOML string into struct field send.Account.Port of type
// int"); it is said in the config's terms instead.
func decodeMessage(e *toml.DecodeError) string {
	msg := strings.TrimPrefix(e.Error(), "toml: ")
	if rest, ok := strings.CutPrefix(msg, "cannot decode TOML "); ok {
		kind, _, _ := strings.Cut(rest, " ")
		want := "a table"
		if i := strings.LastIndex(rest, " of type "); i >= 0 {
			want = goTypeInTOML(rest[i+len(" of type "):])
		}
		msg = fmt.Sprintf("this is a%s %s, but it must be %s", article(kind), kind, want)
	}
	if k := e.Key(); len(k) > 0 {
		msg = strings.Join(k, ".") + ": " + msg
	}
	return msg
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "n"
	}
	return ""
}

func goTypeInTOML(t string) string {
	switch {
	case t == "string":
		return "a string (in quotes)"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "an integer"
	case t == "[]string":
		return `an array of strings, like ["a", "b"]`
	case strings.HasPrefix(t, "map["):
		return "a table"
	}
	return "a " + t
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
