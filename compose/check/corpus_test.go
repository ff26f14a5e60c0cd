package check

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type corpusCase struct {
	path, lang, text string
	expect           map[string]bool
}

func loadCorpus(t testing.TB) []corpusCase {
	files, err := filepath.Glob("testdata/corpus/*/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var out []corpusCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, text, _ := strings.Cut(string(data), "\n")
		exp := map[string]bool{}
		list := strings.TrimSpace(strings.TrimPrefix(head, "# expect:"))
		for _, id := range strings.Split(list, ",") {
			if id = strings.TrimSpace(id); id != "" {
				if !KnownRule(id) {
					t.Fatalf("%s: unknown rule %q", f, id)
				}
				exp[id] = true
			}
		}
		out = append(out, corpusCase{path: f, lang: filepath.Base(filepath.Dir(f)), text: text, expect: exp})
	}
	return out
}

// TestCorpus checks the labelled corpus both ways: good replies must raise
// no warning or error (hints are advice, allowed), bad ones must raise the
// rules they are labelled with. It logs precision and recall per rule.
func TestCorpus(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	// Spelling too, in every language with a dictionary on this machine:
	// a good reply must not get a single spelling warning.
	for _, code := range []string{"en", "nl", "fr", "es", "af"} {
		if err := c.LoadSpelling(code); err != nil {
			t.Logf("%v", err)
			if code == "en" && os.Getenv("CI") == "true" {
				t.Fatal(err)
			}
		}
	}
	type counts struct{ tp, fp, fn int }
	per := map[string]*counts{}
	get := func(r string) *counts {
		if per[r] == nil {
			per[r] = &counts{}
		}
		return per[r]
	}
	for _, cc := range loadCorpus(t) {
		rep := c.Run(Input{Body: cc.text})
		if rep.Language != cc.lang {
			t.Errorf("%s: detected %s, want %s", cc.path, rep.Language, cc.lang)
		}
		got := map[string]bool{}
		for _, f := range rep.Findings {
			if f.Severity == Hint && !cc.expect[f.Rule] {
				continue
			}
			got[f.Rule] = true
		}
		for r := range got {
			if cc.expect[r] {
				get(r).tp++
			} else {
				get(r).fp++
				t.Errorf("%s: false alarm [%s]: %s", cc.path, r, findingText(rep, cc.text, r))
			}
		}
		for r := range cc.expect {
			if !got[r] {
				get(r).fn++
				t.Errorf("%s: missed [%s]", cc.path, r)
			}
		}
	}
	var rules []string
	for r := range per {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %5s %5s %5s %9s %6s\n", "rule", "tp", "fp", "fn", "precision", "recall")
	for _, r := range rules {
		k := per[r]
		fmt.Fprintf(&b, "%-22s %5d %5d %5d %9.2f %6.2f\n", r, k.tp, k.fp, k.fn, ratio(k.tp, k.tp+k.fp), ratio(k.tp, k.tp+k.fn))
	}
	t.Logf("precision and recall per rule over %d labelled replies:\n%s", len(loadCorpus(t)), b.String())
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func findingText(rep Report, text, rule string) string {
	for _, f := range rep.Findings {
		if f.Rule == rule {
			span := ""
			if f.Field == FieldBody && f.Offset+f.Length <= len(text) {
				span = text[f.Offset : f.Offset+f.Length]
			}
			return fmt.Sprintf("%d:%d %q %s", f.Line, f.Col, span, f.Message)
		}
	}
	return ""
}
