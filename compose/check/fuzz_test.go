package check

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var timeZero time.Time

// FuzzRun: the engine never panics, and every span lies inside its field on
// UTF-8 boundaries.
func FuzzRun(f *testing.F) {
	c, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	for _, cc := range loadCorpus(f) {
		f.Add(cc.text, "Re: x")
	}
	f.Add("Hi {{x}},\n\n> quoted\nFirst, then, finally!!! :) 😀", "URGENT!!")
	f.Fuzz(func(t *testing.T, body, subject string) {
		inc := c.AnalyzeIncoming(body, timeZero, timeZero)
		rep := c.Run(Input{Body: body, Subject: subject, Incoming: inc, Message: true})
		for _, fd := range rep.Findings {
			var text string
			switch fd.Field {
			case FieldBody:
				text = body
			case FieldSubject:
				text = subject
			case FieldIncoming:
				text = body
			default:
				continue
			}
			if fd.Offset < 0 || fd.Length < 0 || fd.Offset+fd.Length > len(text) {
				t.Fatalf("%s span %d+%d outside %d bytes", fd.Rule, fd.Offset, fd.Length, len(text))
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(at(text, fd.Offset)) || !utf8.RuneStart(at(text, fd.Offset+fd.Length))) {
				t.Fatalf("%s span %d+%d splits a character", fd.Rule, fd.Offset, fd.Length)
			}
		}
	})
}

func at(s string, i int) byte {
	if i >= len(s) {
		return 'x'
	}
	return s[i]
}

// FuzzRuleFile: the rule-file parser never panics and reports errors with a
// line number.
func FuzzRuleFile(f *testing.F) {
	f.Add("[slang]\ngonna => going to\nre: \\d+ days\n-gonna\n")
	f.Add("lang: nl\n[jargon]\nticket\n[nope]\n")
	f.Add("[slang]\nre: (\n")
	f.Fuzz(func(t *testing.T, text string) {
		lex := map[string]*Lexicon{}
		err := ParseRuleFile("f.txt", text, "en", lex)
		if err != nil && !strings.HasPrefix(err.Error(), "f.txt:") {
			t.Fatalf("error without place: %v", err)
		}
		for _, l := range lex {
			x := newLexIndex(l)
			for n, k := range x.keys {
				if x.find(k) != n {
					t.Fatalf("key %q not found in its own index", k)
				}
			}
		}
	})
}
