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

func loadCorpus(t testing.TB) []corpusCase { return loadLabelled(t, "testdata/corpus") }

// loadLabelled reads a labelled set: dir/<lang>/*.txt, each starting with
// a "# expect: rule, rule" line.
func loadLabelled(t testing.TB, dir string) []corpusCase {
	files, err := filepath.Glob(dir + "/*/*.txt")
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
	tp, fp, fn := evaluate(t, loadCorpus(t), t.Errorf)
	if tp+fn == 0 || fp+fn > 0 {
		t.Logf("corpus: %d true, %d false alarms, %d missed", tp, fp, fn)
	}
}

// TestHeldOut runs the checks over replies written after the rules were
// tuned and never tuned on (testdata/heldout): misses and false alarms are
// logged, and the test fails if precision or recall falls under 0.9.
func TestHeldOut(t *testing.T) {
	tp, fp, fn := evaluate(t, loadLabelled(t, "testdata/heldout"), t.Logf)
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	t.Logf("held out: precision %.2f, recall %.2f (%d true, %d false alarms, %d missed)", p, r, tp, fp, fn)
	if p < 0.9 || r < 0.9 {
		t.Errorf("held-out precision %.2f / recall %.2f under 0.9", p, r)
	}
}

// evaluate checks a labelled set both ways: good replies must raise no
// warning or error (hints are advice, allowed), bad ones must raise the
// rules they are labelled with. It reports each miss and false alarm, logs
// precision and recall per rule, and returns the totals.
func evaluate(t *testing.T, cases []corpusCase, report func(string, ...any)) (tp, fp, fn int) {
	t.Helper()
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
	for _, cc := range cases {
		rep := c.Run(Input{Body: cc.text})
		if rep.Language != cc.lang {
			report("%s: detected %s, want %s", cc.path, rep.Language, cc.lang)
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
				tp++
			} else {
				get(r).fp++
				fp++
				report("%s: false alarm [%s]: %s", cc.path, r, findingText(rep, cc.text, r))
			}
		}
		for r := range cc.expect {
			if !got[r] {
				get(r).fn++
				fn++
				report("%s: missed [%s]", cc.path, r)
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
	t.Logf("precision and recall per rule over %d labelled replies:\n%s", len(cases), b.String())
	return tp, fp, fn
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
