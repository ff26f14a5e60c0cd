package compose

import "strings"

// The tokenizer of htmlText: tags, comments and raw-text elements, each
// read in one pass from where it starts.

const htmlSpace = " \t\n\r\f"

func isHTMLSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

func isASCIILetter(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z'
}

// scanTag reads the tag starting at s[i] (a '<' then a letter or "/" and
// a letter). Attribute values in quotes may hold '>'. next is where the
// text after the tag starts, or -1 when the input ends inside the tag.
func scanTag(s string, i int) (t htmlTag, next int) {
	j := i + 1
	if s[j] == '/' {
		t.end = true
		j++
	}
	start := j
	for j < len(s) && !isHTMLSpace(s[j]) && s[j] != '/' && s[j] != '>' {
		j++
	}
	t.name = lowerName(s[start:j])
	for {
		for j < len(s) && (isHTMLSpace(s[j]) || s[j] == '/') {
			j++
		}
		if j >= len(s) {
			return t, -1
		}
		if s[j] == '>' {
			return t, j + 1
		}
		start = j
		j++ // a name may start with '='
		for j < len(s) && !isHTMLSpace(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=' {
			j++
		}
		name := s[start:j]
		for j < len(s) && isHTMLSpace(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			continue
		}
		j++
		for j < len(s) && isHTMLSpace(s[j]) {
			j++
		}
		if j >= len(s) {
			return t, -1
		}
		var value string
		if q := s[j]; q == '"' || q == '\'' {
			end := strings.IndexByte(s[j+1:], q)
			if end < 0 {
				return t, -1
			}
			value = s[j+1 : j+1+end]
			j += end + 2
		} else {
			start = j
			for j < len(s) && !isHTMLSpace(s[j]) && s[j] != '>' {
				j++
			}
			value = s[start:j]
		}
		switch {
		case equalFoldASCII(name, "href"):
			t.href = value
		case equalFoldASCII(name, "alt"):
			t.alt = value
		case equalFoldASCII(name, "start"):
			t.start = value
		}
	}
}

// lowerName is an element name in ASCII lower case, as HTML compares
// names; "" for names longer than any element the converter knows.
func lowerName(name string) string {
	const longest = len("blockquote") // and "figcaption"
	if len(name) > longest {
		return ""
	}
	for i := 0; i < len(name); i++ {
		if 'A' <= name[i] && name[i] <= 'Z' {
			b := []byte(name)
			for j, c := range b {
				if 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return name
}

// equalFoldASCII compares s with lower, an ASCII lower-case name, ignoring
// ASCII case only (strings.EqualFold would also match "ſ" with "s").
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// skipComment skips the comment at s[i] ("<!--"). An unclosed comment runs
// to the end, as in a browser.
func skipComment(s string, i int) int {
	body := i + len("<!--")
	switch {
	case strings.HasPrefix(s[body:], ">"): // <!-->
		return body + 1
	case strings.HasPrefix(s[body:], "->"): // <!--->
		return body + 2
	}
	if end := strings.Index(s[body:], "-->"); end >= 0 {
		return body + end + len("-->")
	}
	return len(s)
}

// skipPast returns the index after the first b at or after s[i], or the
// end of s.
func skipPast(s string, i int, b byte) int {
	if end := strings.IndexByte(s[i:], b); end >= 0 {
		return i + end + 1
	}
	return len(s)
}

// skipNewline returns the index after a line end at s[i], or i.
func skipNewline(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "\r\n"):
		return i + 2
	case strings.HasPrefix(s[i:], "\n"), strings.HasPrefix(s[i:], "\r"):
		return i + 1
	}
	return i
}

// skipRawText returns where the end tag of the raw-text element name (in
// lower case) starts at or after s[i], or the end of s: its contents are
// not markup and are never shown.
func skipRawText(s string, i int, name string) int {
	for {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			return len(s)
		}
		i += lt
		rest := s[i+1:]
		if len(rest) > len(name) && rest[0] == '/' && equalFoldASCII(rest[1:1+len(name)], name) {
			if after := rest[1+len(name):]; after == "" || isHTMLSpace(after[0]) || after[0] == '/' || after[0] == '>' {
				return i
			}
		}
		i++
	}
}
