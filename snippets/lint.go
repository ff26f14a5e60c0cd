package snippets

import (
	"slices"
	"sort"
	"strings"

	"kindly/compose/check"
)

// Lint loads the folders and reports everything wrong with them, like a
// compiler: files that do not parse, fields used but not declared or
// declared but not used, and tone findings in the text (with checker, which
// may be nil). It is what a team runs in its snippet repository's CI.
func Lint(dirs []string, checker *check.Checker) []Problem {
	l := Load(dirs)
	problems := append([]Problem{}, l.Problems...)
	all := append(append([]*Snippet{}, l.Snippets...), l.Shadowed...)
	for _, s := range all {
		if s.Dir == BuiltinDir && !slices.Contains(dirs, BuiltinDir) {
			continue
		}
		problems = append(problems, lintSnippet(s, checker)...)
	}
	sort.SliceStable(problems, func(i, j int) bool {
		if problems[i].Path != problems[j].Path {
			return problems[i].Path < problems[j].Path
		}
		return problems[i].Line < problems[j].Line
	})
	return problems
}

// LintBuiltin lints the embedded default set.
func LintBuiltin(checker *check.Checker) []Problem {
	l := Load(nil)
	problems := append([]Problem{}, l.Problems...)
	for _, s := range append(append([]*Snippet{}, l.Snippets...), l.Shadowed...) {
		problems = append(problems, lintSnippet(s, checker)...)
	}
	return problems
}

func lintSnippet(s *Snippet, checker *check.Checker) []Problem {
	var out []Problem
	used := map[string]bool{}
	for _, text := range []string{s.Body, s.Subject} {
		for _, name := range Placeholders(text) {
			used[name] = true
			if IsVariable(name) {
				if !slices.Contains(Variables, name) {
					line, col := placeOf(s, "{{"+name)
					out = append(out, Problem{Path: s.Path, Line: line, Col: col, Msg: "unknown variable {{" + name + "}}; known: " + strings.Join(Variables, ", ")})
				}
				continue
			}
			if s.Field(name) == nil && !hasFallback(s.Body, name) {
				line, col := placeOf(s, "{{"+name)
				out = append(out, Problem{Path: s.Path, Line: line, Col: col, Msg: "field {{" + name + "}} is not declared in the front matter (add it under fields:, or give a fallback: {{" + name + "|…}})"})
			}
		}
	}
	for _, f := range s.Fields {
		if !used[f.Name] {
			out = append(out, Problem{Path: s.Path, Line: 2, Col: 1, Msg: "field " + f.Name + " is declared but never used in the text"})
		}
	}
	if checker != nil {
		rep := checker.Run(check.Input{Body: s.Body, Lang: s.Lang, Fragment: true})
		for _, f := range rep.Findings {
			if f.Severity == check.Hint || f.Field != check.FieldBody {
				continue
			}
			if f.Rule == "placeholder-unfilled" && strings.HasPrefix(s.Body[f.Offset:], "{{") {
				continue // the snippet's own fields
			}
			out = append(out, Problem{Path: s.Path, Line: s.BodyLine + f.Line - 1, Col: f.Col, Msg: f.Severity.String() + ": " + f.Message + " [" + f.Rule + "]"})
		}
	}
	return out
}

func hasFallback(body, name string) bool {
	return strings.Contains(body, "{{"+name+"|")
}

// placeOf finds the line and column of needle in the snippet's file.
func placeOf(s *Snippet, needle string) (int, int) {
	i := strings.Index(s.Body, needle)
	if i < 0 {
		return 2, 1
	}
	before := s.Body[:i]
	line := strings.Count(before, "\n")
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
	return s.BodyLine + line, col
}
