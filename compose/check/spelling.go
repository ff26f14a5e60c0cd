package check

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"kindly/compose/check/spell"
)

// dictionaries are the Hunspell dictionaries per language; a word is
// right if any of them has it (so both American and British English pass).
// Only English for now: Dutch and Afrikaans write compounds as one word and
// need Hunspell's compound rules, and the Dutch, French and Spanish
// dictionaries use long or UTF-8 flags, which spell does not read yet —
// without those, a good reply would get false alarms.
var dictionaries = map[string][]string{
	"en": {"en_US", "en_GB"},
}

// spellers holds the loaded dictionaries; it is replaced whole, so a check
// running while a dictionary loads sees either the old set or the new one.
type spellers struct {
	mu    sync.Mutex
	dicts atomic.Pointer[map[string]*spell.Dict]
}

func (s *spellers) get(lang string) *spell.Dict {
	if m := s.dicts.Load(); m != nil {
		return (*m)[lang]
	}
	return nil
}

// LoadSpelling loads the dictionaries for a language so that the spelling
// rule checks it. It takes about 100 ms for English, so the TUI calls it in
// the background; until it returns, spelling is not checked. A language
// without a dictionary on this machine returns an error naming the Debian
// package, and the other rules go on as before.
func (c *Checker) LoadSpelling(lang string) error {
	names, ok := dictionaries[lang]
	if !ok {
		return fmt.Errorf("spelling: no dictionary known for %q", lang)
	}
	c.spell.mu.Lock()
	defer c.spell.mu.Unlock()
	if c.spell.get(lang) != nil {
		return nil
	}
	d, err := spell.Open(names...)
	if err != nil {
		return fmt.Errorf("spelling (%s): %w", lang, err)
	}
	next := map[string]*spell.Dict{lang: d}
	if old := c.spell.dicts.Load(); old != nil {
		for k, v := range *old {
			next[k] = v
		}
	}
	c.spell.dicts.Store(&next)
	return nil
}

// misspelled finds words the dictionary does not know. Names (capitals
// after the start of a sentence), acronyms, codes, compounds with hyphens
// and very short words are never findings: a false alarm costs more trust
// than a missed typo.
func misspelled(d *spell.Dict, text string, sents []sentence, found func(start, end int)) {
	for _, s := range sents {
		for i, w := range s.words {
			if w.code || w.han || w.caps || utf8.RuneCountInString(w.lower) < 3 {
				continue
			}
			word := text[w.start:w.end]
			if strings.ContainsAny(word, "-./@") {
				continue
			}
			r, _ := utf8.DecodeRuneInString(word)
			if unicode.IsUpper(r) && i > 0 {
				continue // a name, a product, a place
			}
			if !d.Correct(word) {
				found(w.start, w.end)
			}
		}
	}
}
