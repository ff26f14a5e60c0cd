package conffile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	env := map[string]string{"XDG_CONFIG_HOME": "/x"}
	get := func(k string) string { return env[k] }
	if p, _ := Path("", get); p != "/x/kindly/config.toml" {
		t.Errorf("xdg path = %s", p)
	}
	env["KINDLY_CONFIG"] = "/k.toml"
	if p, ex := Path("", get); p != "/k.toml" || !ex {
		t.Errorf("env path = %s %v", p, ex)
	}
	if p, _ := Path("/f.toml", get); p != "/f.toml" {
		t.Errorf("flag path = %s", p)
	}
}

// TestDecodeOnly: kindly-check reads [checks] and leaves the other tables
// to kindly, but a typo inside [checks] is still an error with its line.
func TestDecodeOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	data := "[agent]\nname = \"Maria\"\n\n[checks]\ndisable = [\"slang\"]\ndisabel = [\"x\"]\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Checks struct {
			Disable []string `toml:"disable"`
		} `toml:"checks"`
	}
	_, err := Decode(path, true, &v, "checks")
	if err == nil || !strings.Contains(err.Error(), path+":6: unknown key \"checks.disabel\"") || strings.Contains(err.Error(), "agent") {
		t.Fatalf("err = %v, want only checks.disabel at line 6", err)
	}
	if _, err := Decode(path, true, &v, ""); err == nil || !strings.Contains(err.Error(), "agent") {
		t.Errorf("without only, agent.name must be unknown too: %v", err)
	}
	ok := filepath.Join(t.TempDir(), "ok.toml")
	if err := os.WriteFile(ok, []byte("[agent]\nname = \"Maria\"\n\n[checks]\ndisable = [\"slang\"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	v.Checks.Disable = nil
	if found, err := Decode(ok, true, &v, "checks"); !found || err != nil || len(v.Checks.Disable) != 1 || v.Checks.Disable[0] != "slang" {
		t.Errorf("[checks] beside [agent]: found %v, err %v, disable %q", found, err, v.Checks.Disable)
	}
	if found, err := Decode(filepath.Join(t.TempDir(), "none.toml"), false, &v, ""); found || err != nil {
		t.Errorf("a missing default config: found %v, err %v", found, err)
	}
}

// TestDecodeErrors: a syntax error or a value of the wrong type is reported
// at its line and column, by its key, in the config's terms, not Go's.
func TestDecodeErrors(t *testing.T) {
	var v struct {
		Agent struct {
			Name string   `toml:"name"`
			Dirs []string `toml:"dirs"`
			Tidy bool     `toml:"tidy"`
		} `toml:"agent"`
		Accounts map[string]struct {
			Port int `toml:"port"`
		} `toml:"accounts"`
	}
	for _, tt := range []struct{ text, want string }{
		{"[agent]\nname = \n", ":2:8: unexpected character"},
		{"[accounts.work]\nport = \"x\"\n", `:2:8: accounts.work.port: this is a string, but it must be an integer`},
		{"[agent]\nname = 3\n", `:2:8: agent.name: this is an integer, but it must be a string (in quotes)`},
		{"[agent]\ndirs = \"a\"\n", `:2:8: agent.dirs: this is a string, but it must be an array of strings`},
		{"[agent]\ntidy = \"yes\"\n", `:2:8: agent.tidy: this is a string, but it must be true or false`},
		{"[accounts]\nwork = 1\n", `:2:8: accounts.work: this is an integer, but it must be a table`},
	} {
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, []byte(tt.text), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Decode(path, true, &v, "")
		if err == nil || !strings.Contains(err.Error(), path+tt.want) || strings.Contains(err.Error(), "struct") {
			t.Errorf("%q: err = %v, want %s", tt.text, err, tt.want)
		}
	}
}

// FuzzDecode: any bytes as a config give a decoded value or an error that
// names the file, never a panic.
func FuzzDecode(f *testing.F) {
	f.Add("[agent]\nname = \"M\"\n[checks]\ndisable = [\"slang\"]\n")
	f.Add("[accounts.work]\nport = \"x\"\n")
	f.Add("[agent]\nname = \n")
	f.Add("a.b.c = 1\n[[x]]\ny = 2\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text string) {
		path := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		var v struct {
			Agent struct {
				Name string   `toml:"name"`
				Dirs []string `toml:"dirs"`
			} `toml:"agent"`
			Accounts map[string]struct {
				Port int  `toml:"port"`
				TLS  bool `toml:"tls"`
			} `toml:"accounts"`
		}
		for _, only := range []string{"", "agent"} {
			if _, err := Decode(path, true, &v, only); err != nil && !strings.HasPrefix(err.Error(), path) {
				t.Fatalf("error does not name the file: %v", err)
			}
		}
	})
}
