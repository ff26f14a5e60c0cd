package snippets

import (
	"strings"
	"testing"
)

// FuzzParse: no file makes Parse panic; problems always carry the path.
func FuzzParse(f *testing.F) {
	f.Add([]byte(orderSnippet))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("---\nfields:\n  a: {pattern: '('}\n---\n{{a|x}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, problems := Parse("f.md", "f", "", data)
		for _, p := range problems {
			if !strings.HasPrefix(p.Error(), "f.md") {
				t.Fatalf("problem without place: %v", p)
			}
		}
		if s != nil {
			Render(s, map[string]string{"customer.name": "{{x}}"}, map[string]string{"x": "{{customer.name}}"})
		}
	})
}

// FuzzRender: a value (which may be the customer's text) is never expanded:
// whatever it holds appears in the output exactly once per placeholder.
func FuzzRender(f *testing.F) {
	f.Add("Hi {{customer.first_name}}, order {{order}}.", "{{order}}", "HW-659")
	f.Add("{{a|{{b}}}} {{", "}}{{", "{{a}}")
	f.Fuzz(func(t *testing.T, body, customer, order string) {
		s := &Snippet{Body: body, Fields: []Field{{Name: "order"}}}
		r := Render(s, map[string]string{"customer.first_name": customer}, map[string]string{"order": order})
		for _, sp := range r.Spans {
			if sp.Start < 0 || sp.End > len(r.Text) || sp.Start > sp.End {
				t.Fatalf("span %+v outside %d bytes", sp, len(r.Text))
			}
			v := r.Text[sp.Start:sp.End]
			// An empty value takes the placeholder's fallback instead.
			if sp.Name == "customer.first_name" && customer != "" && v != customer || sp.Name == "order" && order != "" && v != order {
				t.Fatalf("value changed in rendering: %q", v)
			}
		}
	})
}
