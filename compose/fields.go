package compose

import "strings"

// FillFields replaces each {{name}} in text by fields[name], in one pass:
// a value is inserted as it is and never expanded again, so text that came
// from the customer can never act as a template. Names without a value stay
// as they are, for the checks to report as unfilled placeholders.
func FillFields(text string, fields map[string]string) string {
	if len(fields) == 0 || !strings.Contains(text, "{{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.Index(text, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(text[i+2:], "}}")
		if j < 0 {
			break
		}
		name := strings.TrimSpace(text[i+2 : i+2+j])
		b.WriteString(text[:i])
		if v, ok := fields[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(text[i : i+4+j])
		}
		text = text[i+4+j:]
	}
	b.WriteString(text)
	return b.String()
}
