package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Every pattern of the built-in lists runs only on text that holds one of
// its prefilter's words, so a prefilter that is a common word ("you",
// "en") makes the pattern run on nearly every paragraph: the blame pattern
// "because you entered the wrong …" filtered on " you " made a check 20%
// slower. This keeps each prefilter to words a reply does not hold on
// every line.
func TestPrefiltersAreRare(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "nl", "fr", "es", "af", "zh"} {
		lex := c.lex.get(lang)
		for _, sec := range phraseSections {
			for _, e := range lex.Sections[sec] {
				if e.re == nil || e.needDigit {
					continue
				}
				if e.needText == "" {
					t.Errorf("%s [%s] %q: no prefilter; give the pattern a literal word", lang, sec, e.Phrase)
					continue
				}
				for _, alt := range strings.Split(e.needText, "|") {
					if !rareWords(lex, alt) {
						t.Errorf("%s [%s] %q: prefilter %q is too common; make a rarer literal word the longest", lang, sec, e.Phrase, alt)
					}
				}
			}
		}
	}
}

// rareWords reports a prefilter a reply does not hold on every line: a
// word of four letters or more that is not one of the language's most
// common words, a phrase of whole words ("pas lu", "vous avez mal"), or
// Chinese. "you", "wel", "en n" and "vous n" are not.
func rareWords(lex *Lexicon, alt string) bool {
	words := strings.Fields(alt)
	if strings.ContainsFunc(alt, isHan) {
		return true
	}
	if len(words) == 1 {
		return utf8.RuneCountInString(words[0]) >= 4 && !lex.has(inStopwords, words[0])
	}
	letters := 0
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if n < 2 {
			return false // a word cut off: "en n"
		}
		letters += n
	}
	return letters >= 5
}
