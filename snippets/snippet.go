package snippets

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
)

// MaxFileBytes is the largest snippet file read; a snippet is a paragraph or
// two, so anything bigger is a mistake (or not a snippet).
const MaxFileBytes = 256 << 10

// Snippet is one reply template.
type Snippet struct {
	ID          string // the path inside its folder without extensions: "shipping/delay"
	Lang        string // "en", "nl", …; "" when the file does not say
	Title       string
	Description string
	Tags        []string
	Subject     string // a subject suggestion, may hold {{variables}}
	Fields      []Field
	Body        string
	Path        string // the file
	Dir         string // the folder it was loaded from
	BodyLine    int    // the line of the file where Body starts

	dirIndex int // the folder's place in the library, for precedence
}

// Field is a value the agent fills in a form.
type Field struct {
	Name     string
	Label    string
	Default  string
	Choices  []string
	Required bool
	Pattern  string
	re       *regexp.Regexp
}

// Problem is something wrong in a snippet file, with its place.
type Problem struct {
	Path      string
	Line, Col int
	Msg       string
}

func (p Problem) Error() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", p.Path, p.Line, p.Col, p.Msg)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Msg)
}

type frontMatter struct {
	Title       string               `yaml:"title"`
	Description string               `yaml:"description"`
	Tags        []string             `yaml:"tags"`
	Lang        string               `yaml:"lang"`
	Subject     string               `yaml:"subject"`
	Fields      map[string]fieldSpec `yaml:"fields"`
}

type fieldSpec struct {
	Label    string   `yaml:"label"`
	Default  string   `yaml:"default"`
	Choices  []string `yaml:"choices"`
	Required bool     `yaml:"required"`
	Pattern  string   `yaml:"pattern"`
}

// isFieldName reports a name like ^[A-Za-z][A-Za-z0-9_]*$, without a
// regular expression compiled at every start of kindly.
func isFieldName(n string) bool {
	for i := range len(n) {
		c := n[i]
		letter := 'a' <= c|0x20 && c|0x20 <= 'z'
		if !letter && (i == 0 || c != '_' && (c < '0' || c > '9')) {
			return false
		}
	}
	return n != ""
}

// Parse reads one snippet file. id and lang come from the file's place and
// name; the front matter may set lang. A file with problems returns them
// all; the snippet is nil when it cannot be used at all.
func Parse(path, id, lang string, data []byte) (*Snippet, []Problem) {
	return parse(path, id, lang, data, nil)
}

// patterns shares compiled field patterns between the snippets of one
// load: a team's snippets repeat the same few patterns thousands of times,
// and a compiled regexp is safe for concurrent use.
type patterns struct {
	mu sync.Mutex
	m  map[string]*regexp.Regexp
}

func (p *patterns) compile(expr string) (*regexp.Regexp, error) {
	if p == nil {
		return regexp.Compile(expr)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if re, ok := p.m[expr]; ok {
		return re, nil
	}
	re, err := regexp.Compile(expr)
	if err == nil {
		p.m[expr] = re
	}
	return re, err
}

func parse(path, id, lang string, data []byte, pats *patterns) (*Snippet, []Problem) {
	prob := func(line, col int, format string, args ...any) Problem {
		return Problem{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > MaxFileBytes {
		return nil, []Problem{prob(0, 0, "file is %d KB; a snippet must be under %d KB", len(data)>>10, MaxFileBytes>>10)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, []Problem{prob(0, 0, "binary file (NUL byte): not a snippet")}
	}
	if !utf8.Valid(data) {
		line := bytes.Count(data[:invalidAt(data)], []byte("\n")) + 1
		return nil, []Problem{prob(line, 0, "invalid UTF-8: save the file as UTF-8")}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	s := &Snippet{ID: id, Lang: lang, Path: path, BodyLine: 1}
	var problems []Problem
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		end := strings.Index(rest, "\n---\n")
		if end < 0 && strings.HasSuffix(rest, "\n---") {
			end = len(rest) - 4
		}
		if end < 0 {
			return nil, []Problem{prob(1, 1, "front matter starts with --- but never ends: add a line with --- after it")}
		}
		fmText := rest[:end+1]
		body := ""
		if end+5 <= len(rest) {
			body = rest[end+5:]
		}
		s.BodyLine = strings.Count(fmText, "\n") + 3
		fm, err := decodeFrontMatter(fmText)
		if err != nil {
			return nil, []Problem{yamlProblem(path, err)}
		}
		s.Title, s.Description, s.Tags, s.Subject = fm.Title, fm.Description, fm.Tags, fm.Subject
		if fm.Lang != "" {
			if lang != "" && fm.Lang != lang {
				problems = append(problems, prob(lineOf(fmText, "lang:")+2, 1, "lang: %s but the file name says %s", fm.Lang, lang))
			}
			s.Lang = fm.Lang
		}
		names := make([]string, 0, len(fm.Fields))
		for n := range fm.Fields {
			names = append(names, n)
		}
		// Keep the order of the file: the form asks in that order.
		sort.Slice(names, func(i, j int) bool { return lineOf(fmText, names[i]+":") < lineOf(fmText, names[j]+":") })
		for _, n := range names {
			spec := fm.Fields[n]
			line := lineOf(fmText, n+":") + 2
			if !isFieldName(n) {
				problems = append(problems, prob(line, 3, "field name %q: use letters, digits and _", n))
				continue
			}
			f := Field{Name: n, Label: spec.Label, Default: spec.Default, Choices: spec.Choices, Required: spec.Required, Pattern: spec.Pattern}
			if f.Label == "" {
				f.Label = n
			}
			if f.Pattern != "" {
				re, err := pats.compile(f.Pattern)
				if err != nil {
					problems = append(problems, prob(line, 3, "field %s: pattern does not compile: %v", n, err))
				} else {
					f.re = re
				}
			}
			if strings.Contains(f.Default, "{{") {
				problems = append(problems, prob(line, 3, "field %s: a default cannot hold {{…}} (a field cannot refer to itself or others)", n))
				f.Default = ""
			}
			s.Fields = append(s.Fields, f)
		}
		text = body
	}
	s.Body = strings.TrimRight(text, "\n") + "\n"
	if strings.TrimSpace(s.Body) == "" {
		problems = append(problems, prob(s.BodyLine, 1, "the snippet has no text"))
	}
	if s.Title == "" {
		s.Title = id
	}
	return s, problems
}

func yamlProblem(path string, err error) Problem {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		// +1: the front matter starts on the line after the first ---.
		return Problem{Path: path, Line: pos.Line + 1, Col: pos.Column, Msg: "front matter: " + ye.GetMessage()}
	}
	return Problem{Path: path, Line: 2, Msg: "front matter: " + firstLine(err.Error())}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// lineOf is the 0-based line of the first line of text starting (after
// spaces) with prefix.
func lineOf(text, prefix string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return i
		}
	}
	return 0
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// Field returns the field named name, or nil.
func (s *Snippet) Field(name string) *Field {
	for i := range s.Fields {
		if s.Fields[i].Name == name {
			return &s.Fields[i]
		}
	}
	return nil
}

// decodeFrontMatter decodes YAML strictly. go-yaml panics on some malformed
// input (found by FuzzParse): a bad file must never crash kindly, so the
// panic becomes an ordinary error.
func decodeFrontMatter(text string) (fm frontMatter, err error) {
	if fast, ok := fastFrontMatter(text); ok {
		return fast, nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the YAML cannot be read (%v); check its syntax", r)
		}
	}()
	err = yaml.UnmarshalWithOptions([]byte(text), &fm, yaml.DisallowUnknownField())
	return fm, err
}
