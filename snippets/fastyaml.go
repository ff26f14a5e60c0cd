package snippets

import (
	"strings"
	"unicode/utf8"
)

// fastFrontMatter decodes the simple front matter that nearly every
// snippet has — scalars, quoted strings, [a, b] lists and one-line field
// maps — about twenty times faster than go-yaml, which dominates loading a
// large library. It refuses (ok false) anything it is not certain to read
// exactly as go-yaml would; FuzzFastFrontMatter holds it to that. The
// caller then falls back to go-yaml, which also gives the error positions.
func fastFrontMatter(text string) (fm frontMatter, ok bool) {
	if !utf8.ValidString(text) {
		return fm, false // Parse refuses it before; go-yaml would replace bytes
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	inFields := false
	seen := map[string]bool{}
	for _, line := range lines {
		for _, r := range line {
			if r < 0x20 || r == 0x7f || r == 0x85 || r == 0xa0 || r == 0xfeff || r >= 0x2000 && r <= 0x200b || r == 0x2028 || r == 0x2029 || r == 0x3000 {
				return fm, false // controls and unusual spaces: go-yaml's business
			}
		}
		if strings.Trim(line, " ") == "" {
			continue
		}
		if strings.ContainsAny(line, "\t#&*!|>%@`") {
			return fm, false
		}
		if strings.HasPrefix(line, "  ") && inFields {
			name, rest, found := strings.Cut(strings.TrimPrefix(line, "  "), ": ")
			if !found || !plainKey(name) || hasField(fm.Fields, name) {
				return fm, false
			}
			spec, ok := flowField(rest)
			if !ok {
				return fm, false
			}
			fm.Fields[name] = spec
			continue
		}
		inFields = false
		key, rest, found := strings.Cut(line, ":")
		if !found || !plainKey(key) || seen[key] || rest != "" && rest[0] != ' ' {
			return fm, false
		}
		seen[key] = true
		rest = trimSpaces(rest)
		switch key {
		case "title", "description", "lang", "subject":
			v, ok := blockScalar(rest)
			if !ok {
				return fm, false
			}
			switch key {
			case "title":
				fm.Title = v
			case "description":
				fm.Description = v
			case "lang":
				fm.Lang = v
			case "subject":
				fm.Subject = v
			}
		case "tags":
			list, ok := flowList(rest)
			if !ok {
				return fm, false
			}
			fm.Tags = list
		case "fields":
			if rest != "" {
				return fm, false
			}
			inFields = true
			fm.Fields = map[string]fieldSpec{}
		default:
			return fm, false
		}
	}
	if fm.Fields != nil && len(fm.Fields) == 0 {
		return fm, false // "fields:" with nothing under it: let go-yaml decide
	}
	return fm, true
}

func hasField(m map[string]fieldSpec, name string) bool { _, ok := m[name]; return ok }

func plainKey(k string) bool {
	if k == "" || !(k[0] >= 'a' && k[0] <= 'z' || k[0] >= 'A' && k[0] <= 'Z') {
		return false
	}
	switch strings.ToLower(k) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// blockScalar reads a value outside brackets, where YAML allows {}[], in
// a plain scalar after its first character.
func blockScalar(s string) (string, bool) {
	if s == "" || strings.ContainsAny(s[:1], "[]{},?:-=~<'\"#&*!|>%@`") {
		return scalar(s)
	}
	masked := strings.NewReplacer("{", "x", "}", "x", "[", "x", "]", "x", ",", "x").Replace(s)
	if _, ok := scalar(masked); !ok {
		return "", false
	}
	return s, true
}

// scalar reads a plain or simply quoted string that YAML would read as
// that same string (not a number, a boolean or null), in flow context.
func scalar(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	switch s[0] {
	case '"':
		// Double quotes have escapes: leave those to go-yaml.
		if len(s) < 2 || s[len(s)-1] != '"' || strings.ContainsAny(s[1:len(s)-1], "\"\\") {
			return "", false
		}
		return s[1 : len(s)-1], true
	case '\'':
		if len(s) < 2 || s[len(s)-1] != '\'' {
			return "", false
		}
		inner := s[1 : len(s)-1]
		if strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
			return "", false
		}
		return strings.ReplaceAll(inner, "''", "'"), true
	}
	if strings.ContainsAny(s[:1], "[]{},?:-=~<") || strings.Contains(s, ":") || strings.ContainsAny(s, "{}[],'\"") || s != trimSpaces(s) {
		return "", false
	}
	low := strings.ToLower(s)
	switch low {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		return "", false
	}
	if looksNumeric(s) || s[0] >= '0' && s[0] <= '9' || s[0] == '.' || s[0] == '+' {
		return "", false // numbers in any YAML notation (0x1F, 1_000, .inf): go-yaml's business
	}
	return s, true
}

func looksNumeric(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '.' || r == '+' || r == 'e' || r == 'E' || r == '_' || r == 'x' || r == 'o' || r == 'b' {
			continue
		}
		return false
	}
	return true
}

// flowList reads [a, b, 'c'].
func flowList(s string) ([]string, bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return nil, false
	}
	inner := trimSpaces(s[1 : len(s)-1])
	if inner == "" {
		return []string{}, true
	}
	if strings.ContainsAny(inner, "[]{}") {
		return nil, false
	}
	var out []string
	for _, item := range strings.Split(inner, ",") {
		v, ok := scalar(trimSpaces(item))
		if !ok || strings.Contains(v, ",") {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}

// flowField reads {label: X, required: true, choices: [a, b], pattern: '…'}.
func flowField(s string) (fieldSpec, bool) {
	var f fieldSpec
	s = trimSpaces(s)
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return f, false
	}
	inner := trimSpaces(s[1 : len(s)-1])
	if inner == "" {
		return f, true
	}
	seen := map[string]bool{}
	for _, part := range splitTop(inner) {
		k, v, found := strings.Cut(trimSpaces(part), ": ")
		if !found || seen[k] {
			return f, false
		}
		seen[k] = true
		v = trimSpaces(v)
		switch k {
		case "label", "default", "pattern":
			sv, ok := scalar(v)
			if !ok {
				return f, false
			}
			switch k {
			case "label":
				f.Label = sv
			case "default":
				f.Default = sv
			case "pattern":
				f.Pattern = sv
			}
		case "required":
			switch v {
			case "true":
				f.Required = true
			case "false":
			default:
				return f, false
			}
		case "choices":
			list, ok := flowList(v)
			if !ok {
				return f, false
			}
			f.Choices = list
		default:
			return f, false
		}
	}
	return f, true
}

// splitTop splits at commas outside [] and quotes; ok only for the simple
// shapes fastFrontMatter accepts.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// trimSpaces trims what YAML trims here: spaces (tabs were refused).
func trimSpaces(s string) string { return strings.Trim(s, " ") }
