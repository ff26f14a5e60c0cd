package snippets

import (
	"reflect"
	"testing"

	"github.com/goccy/go-yaml"
)

func goccy(text string) (fm frontMatter, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = yaml.ErrExceededMaxDepth
		}
	}()
	err = yaml.UnmarshalWithOptions([]byte(text), &fm, yaml.DisallowUnknownField())
	return fm, err
}

func normalize(fm frontMatter) frontMatter {
	if len(fm.Tags) == 0 {
		fm.Tags = nil
	}
	for k, f := range fm.Fields {
		if len(f.Choices) == 0 {
			f.Choices = nil
		}
		fm.Fields[k] = f
	}
	if len(fm.Fields) == 0 {
		fm.Fields = nil
	}
	return fm
}

var fastSeeds = []string{
	"title: Delivery estimate\ntags: [shipping, custom-order]\nlang: en\nsubject: Your custom order {{order}}\nfields:\n  order: {label: Order number, required: true, pattern: '^[A-Z]{2}-\\d+$'}\n  days:  {label: Business days, default: \"7 to 10\"}\n  speed: {label: Shipping, choices: [standard, express]}\n",
	"title: \"Réclamation : excuses\"\ntags: []\nlang: fr\n",
	"title: It's 'quoted'\n",
	"title: 'It''s quoted'\n",
	"title: 123\n",
	"title: yes\n",
	"tags: [a, 'b, c']\n",
	"fields:\n  a: {}\n",
	"fields:\n",
	"title: a: b\n",
}

// TestFastFrontMatterAgreesWithGoYAML: on every seed the fast reader
// either declines or reads exactly what go-yaml reads.
func TestFastFrontMatterAgreesWithGoYAML(t *testing.T) {
	accepted := 0
	for _, s := range fastSeeds {
		if checkAgreement(t, s) {
			accepted++
		}
	}
	if accepted < 4 {
		t.Errorf("the fast path took only %d of the usual shapes", accepted)
	}
	// The whole built-in set goes through the fast path.
	entries, _ := builtinFS.ReadDir("builtin")
	for _, e := range entries {
		data, _ := builtinFS.ReadFile("builtin/" + e.Name())
		text := string(data)[4:]
		end := indexOf(text, "\n---\n")
		if _, ok := fastFrontMatter(text[:end+1]); !ok {
			t.Errorf("%s: the fast path declined", e.Name())
		}
		checkAgreement(t, text[:end+1])
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return len(s) - 1
}

func checkAgreement(t *testing.T, text string) bool {
	t.Helper()
	fast, ok := fastFrontMatter(text)
	if !ok {
		return false
	}
	slow, err := goccy(text)
	if err != nil {
		t.Fatalf("fast path accepted what go-yaml refuses (%v):\n%s", err, text)
	}
	if !reflect.DeepEqual(normalize(fast), normalize(slow)) {
		t.Fatalf("fast path reads differently:\n%s\nfast %+v\nyaml %+v", text, fast, slow)
	}
	return true
}

// FuzzFastFrontMatter: differential fuzzing against go-yaml.
func FuzzFastFrontMatter(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkAgreement(t, text)
	})
}
