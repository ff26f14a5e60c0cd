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
	if found, err := Decode(filepath.Join(t.TempDir(), "none.toml"), false, &v, ""); found || err != nil {
		t.Errorf("a missing default config: found %v, err %v", found, err)
	}
}
