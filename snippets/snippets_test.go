package snippets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kindly/compose/check"
)

func write(t testing.TB, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const orderSnippet = `---
title: Delivery estimate for a custom order
tags: [shipping, custom-order]
lang: en
subject: Your custom order {{order}}
fields:
  order: {label: Order number, required: true, pattern: '^[A-Z]{2}-\d+$'}
  days:  {label: Business days until it arrives, default: "7 to 10"}
  speed: {label: Shipping, choices: [standard, express]}
---
Custom items take three to four weeks to make. I checked order {{order}}: it is nearly
finished and should reach you within {{days}} business days by {{speed|standard}} shipping, {{customer.first_name}}.
`

func TestParse(t *testing.T) {
	s, problems := Parse("x.md", "shipping/custom", "", []byte(orderSnippet))
	if len(problems) > 0 || s == nil {
		t.Fatalf("problems: %v", problems)
	}
	if s.Title != "Delivery estimate for a custom order" || s.Lang != "en" || len(s.Tags) != 2 || s.BodyLine != 11 {
		t.Errorf("snippet = %+v", s)
	}
	if len(s.Fields) != 3 || s.Fields[0].Name != "order" || s.Fields[2].Name != "speed" || !s.Fields[0].Required {
		t.Errorf("fields in file order: %+v", s.Fields)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", "---\ntitle: x\ncolour: red\n---\nbody\n", "x.md:3:1: front matter: unknown field \"colour\""},
		{"bad yaml", "---\ntitle: [unclosed\n---\nbody\n", "x.md:2:"},
		{"no end", "---\ntitle: x\nbody\n", "x.md:1:1: front matter starts with --- but never ends"},
		{"bad pattern", "---\nfields:\n  a: {pattern: '('}\n---\n{{a}}\n", "x.md:3:3: field a: pattern does not compile"},
		{"self reference", "---\nfields:\n  a: {default: '{{a}}'}\n---\n{{a}}\n", "x.md:3:3: field a: a default cannot hold {{…}}"},
		{"binary", "\x00\x01\x02PNG", "x.md: binary file"},
		{"invalid utf8", "---\ntitle: x\n---\nline\nbad \xff\n", "x.md:5: invalid UTF-8"},
		{"empty", "---\ntitle: x\n---\n\n", "x.md:4:1: the snippet has no text"},
		{"too big", strings.Repeat("a", MaxFileBytes+1), "must be under 256 KB"},
		{"lang mismatch", "---\nlang: fr\n---\ntext\n", "x.md:2:1: lang: fr but the file name says nl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang := ""
			if tt.name == "lang mismatch" {
				lang = "nl"
			}
			_, problems := Parse("x.md", "x", lang, []byte(tt.text))
			var all []string
			for _, p := range problems {
				all = append(all, p.Error())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("problems %q, want %q", all, tt.want)
			}
		})
	}
}

func TestLibraryOrderAndVariants(t *testing.T) {
	personal, team := t.TempDir(), t.TempDir()
	write(t, team, "refund.md", "---\ntitle: Team refund\n---\nTeam text.\n")
	write(t, team, "refund.nl.md", "---\ntitle: Team terugbetaling\n---\nTeamtekst.\n")
	write(t, personal, "refund.md", "---\ntitle: My refund\n---\nYour refund is on its way to you, and it will be in your account within a few days.\n")
	write(t, team, "sub/deep.md", "Deep text.\n")
	l := Load([]string{personal, team})
	if len(l.Problems) > 0 {
		t.Fatalf("problems: %v", l.Problems)
	}
	if s := l.Get("refund", "en"); s == nil || s.Title != "My refund" {
		t.Errorf("personal must win: %+v", s)
	}
	if s := l.Get("refund", "nl"); s == nil || s.Title != "Team terugbetaling" {
		t.Errorf("Dutch variant: %+v", s)
	}
	if s := l.Get("sub/deep", ""); s == nil {
		t.Error("id from a subfolder")
	}
	if s := l.Get("refund", "fr"); s == nil || s.Title != "Team refund" {
		t.Errorf("French customer, no French variant in my folders: %+v", s)
	}
	if len(l.Shadowed) != 2 { // the built-in English and Dutch refunds
		t.Errorf("shadowed = %v", l.Shadowed)
	}
	if l.Get("delay", "fr") == nil || l.Get("delay", "fr").Lang != "fr" {
		t.Error("built-in set missing")
	}
}

func TestLoadSurvivesBadInput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.md", "A good snippet.\n")
	write(t, dir, "broken.md", "---\ntitle: [\n---\nx\n")
	write(t, dir, "binary.md", "\x00\x01")
	write(t, dir, "huge.md", strings.Repeat("x", 10<<20))
	write(t, dir, "a..b.md", "Dots in the name.\n")
	write(t, dir, "notes.txt", "not a snippet")
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	os.Mkdir(locked, 0o000)
	defer os.Chmod(locked, 0o755)
	l := Load([]string{dir, filepath.Join(dir, "missing")})
	if l.Get("good", "") == nil || l.Get("a..b", "") == nil {
		t.Error("good snippets lost")
	}
	msgs := ""
	for _, p := range l.Problems {
		msgs += p.Error() + "\n"
	}
	for _, want := range []string{"broken.md:2:", "binary.md: binary file", "huge.md: file is 10240 KB", "missing: snippet folder cannot be read"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("problems lack %q:\n%s", want, msgs)
		}
	}
	if os.Geteuid() != 0 && !strings.Contains(msgs, "locked") {
		t.Errorf("unreadable folder not reported:\n%s", msgs)
	}
}

func TestRender(t *testing.T) {
	s, _ := Parse("x.md", "x", "", []byte(orderSnippet))
	vars := map[string]string{"customer.first_name": "Anna {{order}}"}
	r := Render(s, vars, map[string]string{"order": "HW-659 {{days}}"})
	want := "I checked order HW-659 {{days}}: it is nearly\nfinished and should reach you within 7 to 10 business days by standard shipping, Anna {{order}}.\n"
	if !strings.HasSuffix(r.Text, want) {
		t.Errorf("render:\n%s\nwant suffix:\n%s", r.Text, want)
	}
	if r.Subject != "Your custom order HW-659 {{days}}" {
		t.Errorf("subject = %q", r.Subject)
	}
	if len(r.Spans) != 4 || r.Text[r.Spans[0].Start:r.Spans[0].End] != "HW-659 {{days}}" {
		t.Errorf("spans = %+v", r.Spans)
	}
	r = Render(&Snippet{Body: "Hi {{customer.name}}, {{unknown}} {{x|}}.\n"}, nil, nil)
	if r.Text != "Hi {{customer.name}}, {{unknown}} .\n" || len(r.Missing) != 2 {
		t.Errorf("missing kept: %q %v", r.Text, r.Missing)
	}
}

func TestValidate(t *testing.T) {
	s, _ := Parse("x.md", "x", "", []byte(orderSnippet))
	errs := Validate(s, map[string]string{"order": "659", "speed": "by pigeon"})
	if len(errs) != 2 || errs[0].Error() != "Order number does not look right (expected the form ^[A-Z]{2}-\\d+$)" || !strings.Contains(errs[1].Error(), "Shipping must be one of: standard, express") {
		t.Errorf("errors = %v", errs)
	}
	if errs := Validate(s, map[string]string{}); len(errs) != 1 || errs[0].Error() != "Order number is required" {
		t.Errorf("required: %v", errs)
	}
	if errs := Validate(s, map[string]string{"order": "HW-659"}); len(errs) != 0 {
		t.Errorf("valid: %v", errs)
	}
}

func TestSearch(t *testing.T) {
	l := Load(nil)
	m := l.Search("refnd", "nl", nil)
	if len(m) == 0 || m[0].Snippet.ID != "refund" || m[0].Snippet.Lang != "nl" {
		t.Fatalf("search refnd (nl) = %v", ids(m))
	}
	if m := l.Search("terug", "nl", nil); len(m) == 0 || len(m[0].Positions) != 5 || m[0].Snippet.Title[m[0].Positions[0]:m[0].Positions[4]+1] != "Terug" {
		t.Errorf("match positions for highlighting the title: %+v", m[0])
	}
	if m := l.Search("tracking link", "en", nil); len(m) == 0 || m[0].Snippet.ID != "delay" || !m[0].InBody {
		t.Errorf("body search = %v", ids(m))
	}
	u := OpenUsage(filepath.Join(t.TempDir(), "usage.json"))
	for range 3 {
		if err := u.Record("closing-case"); err != nil {
			t.Fatal(err)
		}
	}
	if m := l.Search("", "en", OpenUsage(u.path)); m[0].Snippet.ID != "closing-case" {
		t.Errorf("usage ranking: %v", ids(m)[:3])
	}
}

func ids(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Snippet.ID+"."+m.Snippet.Lang)
	}
	return out
}

func TestLint(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", "---\nfields:\n  used: {}\n  unused: {}\n---\nHi {{used}} {{undeclared}} {{customer.nmae}}.\n\nUnfortunately the order is late!!\n")
	write(t, dir, "b.md", "---\nlang: nl\n---\nTekst.\n")
	write(t, dir, "b.nl.md", "Tekst.\n")
	c, err := check.New(check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range Lint([]string{dir}, c) {
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"a.md:6:13: field {{undeclared}} is not declared",
		"a.md:6:28: unknown variable {{customer.nmae}}",
		"a.md:2:1: field unused is declared but never used",
		"a.md:8:1: warning: \"Unfortunately\" is negative",
		"[punctuation-repeated]",
		"duplicate of",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lint lacks %q:\n%s", want, all)
		}
	}
}

// TestBuiltinSetIsClean: the default set parses, lints and passes the
// checks engine in all six languages, rendered with realistic values too.
func TestBuiltinSetIsClean(t *testing.T) {
	c, err := check.New(check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range LintBuiltin(c) {
		t.Error(p)
	}
	l := Load(nil)
	langs := map[string]int{}
	for _, s := range l.Snippets {
		langs[s.Lang]++
		values := map[string]string{}
		for _, f := range s.Fields {
			values[f.Name] = "12,50"
		}
		r := Render(s, map[string]string{"ticket.ref": "HW-659", "company.name": "Example BV", "ticket.subject": "HW-659"}, values)
		rep := c.Run(check.Input{Body: r.Text, Lang: s.Lang, Fragment: true})
		for _, f := range rep.Findings {
			if f.Severity != check.Hint {
				t.Errorf("%s rendered: [%s] %s", s.Path, f.Rule, f.Message)
			}
		}
	}
	for _, code := range []string{"en", "nl", "fr", "es", "af", "zh"} {
		if langs[code] != 8 {
			t.Errorf("%s has %d built-in snippets, want 8", code, langs[code])
		}
	}
}
