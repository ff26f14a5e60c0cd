package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReplyWithSnippet(t *testing.T) {
	cfg := writeFile(t, "config.toml", agentConfig)
	out, stderr, code := runKindly(t, "", "--config", cfg, "reply", "--snippet", "refund", "--set", "amount=49.95", "--print", "compose/testdata/in/nl-latin1.eml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Beste Anna,", "uw terugbetaling van 49.95 voor bestelling HW-659 is vandaag goedgekeurd", "binnen 3 werkdagen"} {
		if !strings.Contains(decodeQP(out), want) {
			t.Errorf("reply lacks %q:\n%s", want, decodeQP(out))
		}
	}
	_, stderr, code = runKindly(t, "", "--config", cfg, "reply", "--snippet", "refund", "--set", "amount=lots", "compose/testdata/in/nl-latin1.eml")
	if code != exitBadInput || !strings.Contains(stderr, "--snippet refund: Amount refunded does not look right") {
		t.Errorf("pattern: exit %d: %s", code, stderr)
	}
	_, stderr, code = runKindly(t, "", "--config", cfg, "reply", "--snippet", "nope", "compose/testdata/in/nl-latin1.eml")
	if code != exitBadInput || !strings.Contains(stderr, "no such snippet") {
		t.Errorf("unknown snippet: exit %d: %s", code, stderr)
	}
}

func TestReplyBlockedByErrors(t *testing.T) {
	cfg := writeFile(t, "config.toml", agentConfig)
	body := writeFile(t, "b.txt", "Your order {{order}} ships tomorrow.\n")
	out, stderr, code := runKindly(t, "", "--config", cfg, "reply", "--body", body, "--print", "compose/testdata/in/nl-latin1.eml")
	if code != exitFindings || out != "" || !strings.Contains(stderr, "[placeholder-unfilled]") || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, out %q, stderr:\n%s", code, out, stderr)
	}
	_, _, code = runKindly(t, "", "--config", cfg, "reply", "--force", "--body", body, "--print", "compose/testdata/in/nl-latin1.eml")
	if code != 0 {
		t.Errorf("--force: exit %d", code)
	}
}

func TestSnippetsCommands(t *testing.T) {
	team := t.TempDir()
	os.WriteFile(filepath.Join(team, "refund.md"), []byte("---\ntitle: Team refund\nlang: en\n---\nYour refund is on its way and will reach you within three days.\n"), 0o644)
	os.WriteFile(filepath.Join(team, "broken.md"), []byte("---\ntitle: [\n---\nx\n"), 0o644)
	cfg := writeFile(t, "config.toml", "[snippets]\ndirs = [\""+team+"\"]\n")

	out, stderr, code := runKindly(t, "", "--config", cfg, "snippets", "list", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Team refund") || !strings.Contains(out, "(built-in)/refund.md (overridden)") || !strings.Contains(stderr, "broken.md:2:") {
		t.Errorf("list: exit %d\n%s\n%s", code, out, stderr)
	}
	out, _, code = runKindly(t, "", "--config", cfg, "snippets", "search", "refnd", "--lang", "es")
	if code != 0 || !strings.HasPrefix(out, "refund") {
		t.Errorf("search: exit %d\n%s", code, out)
	}
	out, _, code = runKindly(t, "", "--config", cfg, "snippets", "show", "delay", "--lang", "zh")
	if code != 0 || !strings.Contains(out, "配送延迟") || !strings.Contains(out, "field date") {
		t.Errorf("show: exit %d\n%s", code, out)
	}
	out, _, code = runKindly(t, "", "--config", cfg, "snippets", "lint")
	if code != exitFindings || !strings.Contains(out, filepath.Join(team, "broken.md")+":2:") {
		t.Errorf("lint: exit %d\n%s", code, out)
	}
	if _, _, code = runKindly(t, "", "snippets", "lint", "--builtin"); code != 0 {
		t.Errorf("lint --builtin: exit %d", code)
	}
	out, _, code = runKindly(t, "", "--config", cfg, "snippets", "new", "shipping/customs", "--lang", "nl")
	want := filepath.Join(team, "shipping", "customs.nl.md")
	if code != 0 || strings.TrimSpace(out) != want {
		t.Fatalf("new: exit %d %q", code, out)
	}
	if _, _, code = runKindly(t, "", "--config", cfg, "snippets", "new", "shipping/customs", "--lang", "nl"); code != exitBadInput {
		t.Errorf("new must not overwrite: exit %d", code)
	}
	if _, _, code = runKindly(t, "", "--config", cfg, "snippets", "new", "../escape"); code != exitBadInput {
		t.Errorf("new ../escape: exit %d", code)
	}
	out, _, _ = runKindly(t, "", "--config", cfg, "snippets", "lint", team)
	if strings.Contains(out, "customs") {
		t.Errorf("the scaffold must lint clean:\n%s", out)
	}
}

// decodeQP undoes quoted-printable soft breaks and the few escapes the
// tests look through.
func decodeQP(s string) string {
	s = strings.ReplaceAll(s, "=\r\n", "")
	return strings.NewReplacer("=C3=A9", "é", "=E2=80=99", "’").Replace(s)
}
