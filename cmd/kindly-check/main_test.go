package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// reply is a good English reply, the one kindly's own check tests use.
var reply = func() string {
	data, err := os.ReadFile("../../testdata/polite-reply.txt")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

func write(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestSameAsKindlyCheck: kindly-check and `kindly check` give the same
// output and exit status, case by case, the config's [checks] included.
func TestSameAsKindlyCheck(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	kindly := filepath.Join(t.TempDir(), "kindly")
	build := exec.Command("go", "build", "-o", kindly, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := func(p string) string { return filepath.Join(root, "compose", "testdata", p) }
	good := write(t, "good.txt", reply)
	warn := write(t, "warn.txt", strings.Replace(reply, "and I'm sorry your bookshelf is taking longer than we promised", "sorry for any inconvenience", 1))
	bad := write(t, "bad.txt", strings.Replace(reply, "Anna", "{{customer.first_name}}", 1))
	typo := write(t, "typo.txt", strings.Replace(reply, "You will receive", "You will recieve", 1))
	config := write(t, "config.toml", "[agent]\nname = \"Maria\"\n\n[checks]\ndisable = [\"generic-apology\"]\n")
	typoConfig := write(t, "typo.toml", "[checks]\ndisabel = [\"slang\"]\n")
	cases := [][]string{
		{good},
		{warn},
		{"--fail-on", "warning", warn},
		{bad},
		{"--format", "json", bad},
		{"--subject", "Re: WHERE IS MY ORDER", good},
		{"--incoming", in("in/gmail-alternative.eml"), good},
		{"--incoming", in("in/af-utf8.eml"), "--lang", "af", good},
		{in("golden/nl-latin1.eml")},
		{typo},
		{"--spelling=false", typo},
		{"--config", config, warn},
		{"--config", typoConfig, good},
		{"--format", "xml", good},
		{"--lang", "de", good},
		{"nope.txt"},
	}
	env := []string{"XDG_CONFIG_HOME=" + t.TempDir(), "XDG_CACHE_HOME=" + t.TempDir(), "KINDLY_CONFIG="}
	getenv := func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cmd := exec.Command(kindly, append([]string{"check"}, args...)...)
			cmd.Env = append(os.Environ(), env...)
			var want, wantErr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &want, &wantErr
			err := cmd.Run()
			wantCode := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				wantCode = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			code := run(args, strings.NewReader(""), &out, &errb, getenv)
			if code != wantCode || out.String() != want.String() {
				t.Errorf("kindly-check: exit %d\n%s%s\nkindly check: exit %d\n%s%s", code, out.String(), errb.String(), wantCode, want.String(), wantErr.String())
			}
			if (errb.Len() == 0) != (wantErr.Len() == 0) {
				t.Errorf("stderr differs:\nkindly-check: %s\nkindly check: %s", errb.String(), wantErr.String())
			}
		})
	}
}

// TestLean: kindly-check must not link the TUI, sending or the CLI
// framework, whose package initialisation is what makes kindly start slower.
func TestLean(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	deps := strings.Fields(string(out))
	for _, heavy := range []string{"charm.land/bubbletea/v2", "charm.land/lipgloss/v2", "charm.land/fang/v2", "github.com/spf13/cobra", "github.com/emersion/go-smtp", "crypto/tls", "kindly/ui", "kindly/compose/send", "kindly/snippets"} {
		if slices.Contains(deps, heavy) {
			t.Errorf("kindly-check links %s", heavy)
		}
	}
}
