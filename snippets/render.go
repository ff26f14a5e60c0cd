package snippets

import (
	"fmt"
	"slices"
	"strings"
)

// Span is where a field's or variable's value landed in rendered text.
type Span struct {
	Name       string
	Start, End int // bytes in Rendered.Text
}

// Rendered is a snippet with its placeholders filled in.
type Rendered struct {
	Text    string
	Subject string
	Spans   []Span
	// Missing are placeholders left as {{…}} because nothing filled them:
	// the checks report them as unfilled before sending.
	Missing []string
}

// FieldError says what is wrong with a field's value, in words an agent
// understands.
type FieldError struct {
	Field string
	Label string
	Msg   string
}

func (e *FieldError) Error() string { return e.Label + " " + e.Msg }

// Variables are the names filled automatically: customer.*, agent.*,
// company.name, ticket.subject, ticket.ref and today.
var Variables = []string{
	"customer.name", "customer.first_name", "customer.last_name", "customer.title", "customer.email",
	"agent.name", "agent.title", "agent.email", "agent.phone", "agent.company",
	"company.name", "ticket.subject", "ticket.ref", "today",
}

// IsVariable reports whether name is filled automatically rather than by
// the agent.
func IsVariable(name string) bool {
	return slices.Contains(Variables, name) || strings.Contains(name, ".")
}

// Validate checks the agent's values for the snippet's fields: required,
// one of the choices, matching the pattern. A value left empty takes the
// field's default first.
func Validate(s *Snippet, values map[string]string) []FieldError {
	var errs []FieldError
	for _, f := range s.Fields {
		if err := f.Check(valueOf(f, values)); err != nil {
			errs = append(errs, *err)
		}
	}
	return errs
}

// Check validates one value of the field.
func (f *Field) Check(v string) *FieldError {
	fail := func(format string, args ...any) *FieldError {
		return &FieldError{Field: f.Name, Label: f.Label, Msg: fmt.Sprintf(format, args...)}
	}
	switch {
	case strings.TrimSpace(v) == "":
		if f.Required {
			return fail("is required")
		}
	case len(f.Choices) > 0 && !slices.Contains(f.Choices, v):
		return fail("must be one of: %s", strings.Join(f.Choices, ", "))
	case f.re != nil && !f.re.MatchString(v):
		return fail("does not look right (expected the form %s)", f.Pattern)
	}
	return nil
}

func valueOf(f Field, values map[string]string) string {
	if v, ok := values[f.Name]; ok && v != "" {
		return v
	}
	return f.Default
}

// Render fills the snippet's placeholders: {{name}} from values (the
// agent's fields, then their defaults) or vars (the automatic variables),
// {{name|fallback}} with fallback when both are empty. It is plain
// substitution in one pass: no code runs, nothing is read from disk, and a
// value — which may be the customer's own text — is inserted as it is and
// never expanded again.
func Render(s *Snippet, vars, values map[string]string) Rendered {
	lookup := func(name string) (string, bool) {
		if f := s.Field(name); f != nil {
			v := valueOf(*f, values)
			return v, v != ""
		}
		v, ok := vars[name]
		if !ok {
			v, ok = values[name]
		}
		return v, ok && v != ""
	}
	var r Rendered
	r.Text, r.Spans, r.Missing = expand(s.Body, lookup)
	r.Subject, _, _ = expand(s.Subject, lookup)
	return r
}

// expand replaces each {{name}} or {{name|fallback}} in text.
func expand(text string, lookup func(string) (string, bool)) (string, []Span, []string) {
	if !strings.Contains(text, "{{") {
		return text, nil, nil
	}
	var (
		b       strings.Builder
		spans   []Span
		missing []string
	)
	for {
		i := strings.Index(text, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(text[i+2:], "}}")
		if j < 0 {
			break
		}
		inner := text[i+2 : i+2+j]
		b.WriteString(text[:i])
		name, fallback, hasFallback := strings.Cut(inner, "|")
		name = strings.TrimSpace(name)
		v, ok := lookup(name)
		if !ok && hasFallback {
			v, ok = strings.TrimSpace(fallback), true
		}
		if ok {
			spans = append(spans, Span{Name: name, Start: b.Len(), End: b.Len() + len(v)})
			b.WriteString(v)
		} else {
			missing = append(missing, name)
			b.WriteString(text[i : i+4+j])
		}
		text = text[i+4+j:]
	}
	b.WriteString(text)
	return b.String(), spans, missing
}

// Placeholders lists the names used in text, in order, once each.
func Placeholders(text string) []string {
	var names []string
	for {
		i := strings.Index(text, "{{")
		if i < 0 {
			return names
		}
		j := strings.Index(text[i+2:], "}}")
		if j < 0 {
			return names
		}
		name, _, _ := strings.Cut(text[i+2:i+2+j], "|")
		name = strings.TrimSpace(name)
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		text = text[i+4+j:]
	}
}
