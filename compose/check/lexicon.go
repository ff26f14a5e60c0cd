package check

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Rule files are plain text, one per language (rules/en.txt, …):
//
//	# a comment
//	lang: en               (optional; else taken from the file name)
//	[negative-wording]     a section names a rule id or a word list
//	unfortunately          a phrase, matched as whole words, any case
//	can't => can           a phrase and its suggestion
//	<number> days          <number> stands for any number (3, 2-3, 1,5)
//	re: ^\d+ days late$    a regular expression (Go syntax), matched per sentence
//	-cannot                removes a phrase that an earlier file added
//
// Team files (config [checks] rules) are read after the built-in ones and
// add to or take from the same lists.
//
// The built-in files (rules/*.txt) are compiled into the program as Go data
// (rules_gen.go, written by TestGeneratedRules -update, which also fails
// when it is stale), so that a check reads no rule file and allocates
// nothing for its language's lists: parsing them was a millisecond of every
// `kindly check`.

// Entry is one phrase of a word list.
type Entry struct {
	Phrase     string // lower case, words separated by one space
	Suggestion string
	re         *pattern // for re: entries
	words      []string
	// needDigit and needText are cheap tests a text must pass before the
	// regular expression is worth running: a digit, and one of needText's
	// "|"-separated literals.
	needDigit bool
	needText  string
}

// pattern is the regular expression of a re: entry, compiled the first time
// it is needed: most replies fail an expression's prefilter, and the
// built-in ones are tested to compile (TestGeneratedRules).
type pattern struct {
	expr string
	re   atomic.Pointer[regexp.Regexp]
}

func (p *pattern) get() *regexp.Regexp {
	if re := p.re.Load(); re != nil {
		return re
	}
	re := regexp.MustCompile(p.expr)
	p.re.Store(re) // two goroutines may both compile it: no harm
	return re
}

// Lexicon holds the word lists of one language, by section.
type Lexicon struct {
	Lang     string
	Sections map[string][]Entry
	// idx looks phrases up (lexindex.go); nil until the lists are final.
	idx *lexIndex
}

// RuleFileError is a problem in a rule file, with its place.
type RuleFileError struct {
	File string
	Line int
	Msg  string
}

func (e *RuleFileError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ParseRuleFile reads rule-file text into lexicons by language; lang is the
// language to assume when the file does not say. Every check process parses
// its language's built-in file, so this walks the text once and allocates
// little.
func ParseRuleFile(name, text, lang string, into map[string]*Lexicon) error {
	text = strings.TrimPrefix(text, "\uFEFF")
	section := ""
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimSpace(line)
		if i := strings.Index(line, " #"); i >= 0 && !strings.HasPrefix(line, "re:") {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "lang:"):
			lang = strings.TrimSpace(strings.TrimPrefix(line, "lang:"))
			continue
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") || len(line) < 3 {
				return &RuleFileError{name, n, fmt.Sprintf("section header %q must look like [rule-id]", line)}
			}
			section = strings.TrimSpace(line[1 : len(line)-1])
			if !knownSection(section) {
				return &RuleFileError{name, n, fmt.Sprintf("unknown section [%s]; known: %s", section, strings.Join(sectionNames(), ", "))}
			}
			continue
		}
		if section == "" {
			return &RuleFileError{name, n, "phrase before any [section]"}
		}
		if lang == "" {
			return &RuleFileError{name, n, "unknown language: name the file like en.txt or add a lang: line"}
		}
		lex := into[lang]
		if lex == nil {
			lex = &Lexicon{Lang: lang, Sections: map[string][]Entry{}}
			into[lang] = lex
		}
		lex.idx = nil // to be made again for the changed lists
		if strings.HasPrefix(line, "-") {
			lex.remove(section, normalizePhrase(line[1:]))
			continue
		}
		phrase, sugg, _ := strings.Cut(line, "=>")
		e := Entry{Suggestion: strings.TrimSpace(sugg)}
		phrase = strings.TrimSpace(phrase)
		if rest, ok := strings.CutPrefix(phrase, "re:"); ok {
			p := &pattern{expr: "(?i)" + strings.TrimSpace(rest)}
			re, err := regexp.Compile(p.expr)
			if err != nil {
				return &RuleFileError{name, n, fmt.Sprintf("regular expression does not compile: %v", err)}
			}
			p.re.Store(re)
			e.re, e.Phrase = p, strings.TrimSpace(rest)
			e.needDigit, e.needText = prefilter(strings.TrimSpace(rest))
		} else {
			e.Phrase = normalizePhrase(phrase)
			if e.Phrase == "" {
				return &RuleFileError{name, n, "empty phrase"}
			}
			e.words = strings.Split(e.Phrase, " ")
		}
		lex.Sections[section] = append(lex.Sections[section], e)
	}
	return nil
}

// remove takes a phrase out of a section. It makes a new list: the old one
// may be built-in data, shared by every checker.
func (l *Lexicon) remove(section, phrase string) {
	list := l.Sections[section]
	out := make([]Entry, 0, len(list))
	for _, e := range list {
		if e.Phrase != phrase {
			out = append(out, e)
		}
	}
	l.Sections[section] = out
}

// normalizePhrase lower-cases, unifies apostrophes and collapses spaces.
// Most phrases of the built-in files are already so, and are returned as
// they are.
func normalizePhrase(s string) string {
	if isNormal(s) {
		return s
	}
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	return strings.Join(strings.Fields(s), " ")
}

// isNormal reports whether s is lower-case ASCII with single spaces
// between words, and none at the ends.
func isNormal(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if c >= 0x80 || 'A' <= c && c <= 'Z' || c < ' ' || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// sections are the lists a rule file may have: rule ids that match phrases,
// and word lists other rules use.
var sections = map[string]string{
	"slang": "rule", "too-formal": "rule", "negative-wording": "rule", "generic-apology": "rule",
	"blame": "rule", "promotional": "rule", "jargon": "rule", "greeting-too-formal": "rule",
	"closing":          "list: phrases that close a reply (Kind regards)",
	"greeting-generic": "list: greetings without a name (Dear customer)",
	"next-step":        "list: phrases that say what happens next",
	"patience":         "list: phrases that thank for patience",
	"steps":            "list: words that mark steps (first, then, finally)",
	"actions":          "list: verbs that tell the customer to do something on screen (click, open, choose): steps when several are in one paragraph",
	"upset":            "list: words of an upset customer",
	"acronyms":         "list: upper-case words that are not shouting",
	"repeat-ok":        "list: words that may be doubled (had had)",
	"stopwords":        "list: words too common to show a question was answered",
	"apology":          "list: words of an apology (sorry), for specific-apology checks",
	"when":             "list: words that ask when (a question answered by a time)",
	"time":             "list: time expressions (tomorrow, Thursday, within 3 days)",
	"warm":             "list: warm phrases for the tone meter (thank you, I understand)",
	"spelling-ok":      "list: words the spelling check accepts (loanwords, product names)",
	"positive":         "list: positive phrases for the tone meter (good news, glad to)",
	"team":             "list: words that name a team, not a person, in a signature (team, customer service)",
	"alternative":      "list: phrases that offer what can be done instead (alternatively, we can offer): a refusal with one needs no negative-wording warning",
}

func knownSection(s string) bool { _, ok := sections[s]; return ok }

func sectionNames() []string {
	var out []string
	for k := range sections {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lexicons holds the word lists per language, each built the first time a
// check needs it: a `kindly check` of an English reply parses and compiles
// only the English lists. The team's files are read and checked at New,
// so a bad one is reported at once, and are applied after the built-in
// ones each time a language is built.
type lexicons struct {
	team   []ruleSource // team files that parsed cleanly, in order
	mu     sync.Mutex
	byLang map[string]*Lexicon
}

type ruleSource struct {
	name, lang string
	data       string
}

// readTeamRules reads the team's rule files (files or folders of *.txt)
// and keeps those that parse; the others are errors with file:line.
func readTeamRules(extra []string) ([]ruleSource, []error) {
	var out []ruleSource
	var errs []error
	for _, p := range extra {
		files := []string{p}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			files, _ = filepath.Glob(filepath.Join(p, "*.txt"))
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				errs = append(errs, fmt.Errorf("rule file: %w", err))
				continue
			}
			src := ruleSource{name: file, lang: langFromName(filepath.Base(file)), data: string(data)}
			if err := ParseRuleFile(src.name, string(data), src.lang, map[string]*Lexicon{}); err != nil {
				errs = append(errs, err) // the file is left out whole
				continue
			}
			out = append(out, src)
		}
	}
	return out, errs
}

// get returns the word lists of a language (nil when it has none).
func (ls *lexicons) get(lang string) *Lexicon {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if l, ok := ls.byLang[lang]; ok {
		return l
	}
	m := map[string]*Lexicon{}
	if l := builtinLexicon(lang); l != nil {
		m[lang] = l
	}
	for _, src := range ls.team {
		_ = ParseRuleFile(src.name, src.data, src.lang, m)
	}
	l := m[lang]
	if l != nil && l.idx == nil {
		l.idx = newLexIndex(l) // changed by a team file
	}
	if ls.byLang == nil {
		ls.byLang = map[string]*Lexicon{}
	}
	ls.byLang[lang] = l
	return l
}

// langFromName takes "en" from "en.txt" or "team.en.txt".
func langFromName(name string) string {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		base = base[i+1:]
	}
	if len(base) == 2 && unicode.IsLetter(rune(base[0])) {
		return strings.ToLower(base)
	}
	return ""
}

// prefilter finds what any match of a regular expression must contain: a
// digit (when it is a concatenation with a \d part) and text: a literal
// run, or one of the literals an alternation's branches start with
// ("verkeerd|fout|niet goed"), whichever is the most telling (its shortest
// literal the longest). The expression runs, and is compiled, only on text
// that could match: on most replies, none is.
func prefilter(expr string) (digit bool, text string) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return false, ""
	}
	re = re.Simplify()
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	best := 0 // the length of the shortest literal in text
	for _, p := range parts {
		if p.Op == syntax.OpCapture {
			p = p.Sub[0]
		}
		switch p.Op {
		case syntax.OpLiteral:
			if lit := strings.ToLower(string(p.Rune)); len(lit) > best {
				text, best = lit, len(lit)
			}
		case syntax.OpAlternate:
			var lits []string
			shortest := -1
			for _, branch := range p.Sub {
				lit := leadingLiteral(branch)
				if lit == "" || strings.Contains(lit, "|") {
					shortest = 0
					break
				}
				lits = append(lits, lit)
				if shortest < 0 || len(lit) < shortest {
					shortest = len(lit)
				}
			}
			if shortest > best {
				text, best = strings.Join(lits, "|"), shortest
			}
		case syntax.OpPlus, syntax.OpRepeat:
			if len(p.Sub) == 1 && p.Sub[0].Op == syntax.OpCharClass && isDigitClass(p.Sub[0]) {
				digit = true
			}
		case syntax.OpCharClass:
			if isDigitClass(p) {
				digit = true
			}
		}
	}
	return digit, text
}

// leadingLiteral is the literal text every match of re starts with, in
// lower case, or "".
func leadingLiteral(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		return strings.ToLower(string(re.Rune))
	case syntax.OpConcat, syntax.OpCapture:
		if len(re.Sub) > 0 {
			return leadingLiteral(re.Sub[0])
		}
	}
	return ""
}

// containsOneOf reports whether s contains one of the "|"-separated
// literals of a prefilter.
func containsOneOf(s, literals string) bool {
	for {
		lit, rest, more := strings.Cut(literals, "|")
		if strings.Contains(s, lit) {
			return true
		}
		if !more {
			return false
		}
		literals = rest
	}
}

func isDigitClass(re *syntax.Regexp) bool {
	return len(re.Rune) == 2 && re.Rune[0] == '0' && re.Rune[1] == '9'
}
