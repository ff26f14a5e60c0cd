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
// right if any of them has it (so both American and British English pass;
// fr_FR and fr are the same file on Debian, loaded once). Chinese has no
// spelling to check.
var dictionaries = map[string]struct {
	names []string
	opt   spell.Options
}{
	"en": {names: []string{"en_US", "en_GB"}},
	// nl marks some words to end compounds only, and so refuses
	// "retourkosten", and lets no verb stem begin one ("vulslang",
	// "ontkalkprogramma"); see spell.Options.
	"nl": {names: []string{"nl"}, opt: spell.Options{LooseCompoundStart: true, CompoundStartFlag: "V3"}},
	"fr": {names: []string{"fr_FR", "fr"}},
	"es": {names: []string{"es_ES"}},
	// af_ZA lists compounds but has no rules to build them, and Afrikaans
	// writes them as one word: "opsporingskakel", "bestellingnommer".
	"af": {names: []string{"af_ZA"}, opt: spell.Options{JoinedWords: true}},
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
// rule checks it. Parsing them takes 40 to 70 ms, reading them back from
// SpellCache 3 to 6, so the TUI calls it in the background; until it
// returns, spelling is not checked. A language
// without a dictionary on this machine returns an error naming the Debian
// package, and the other rules go on as before.
func (c *Checker) LoadSpelling(lang string) error {
	dict, ok := dictionaries[lang]
	if !ok {
		return fmt.Errorf("spelling: no dictionary known for %q", lang)
	}
	c.spell.mu.Lock()
	defer c.spell.mu.Unlock()
	if c.spell.get(lang) != nil {
		return nil
	}
	opt := dict.opt
	opt.CacheDir = c.SpellCache
	d, err := spell.OpenWith(opt, dict.names...)
	if err != nil {
		return fmt.Errorf("spelling (%s): %w", lang, err)
	}
	next := map[string]*spell.Dict{lang: d}
	// English too, for the loanwords support mail in every language is
	// full of (app, router, roaming, feedback): see misspelled.
	if c.spell.get("en") == nil && lang != "en" {
		en := dictionaries["en"]
		opt := en.opt
		opt.CacheDir = c.SpellCache
		if d, err := spell.OpenWith(opt, en.names...); err == nil {
			next["en"] = d
		}
	}
	if old := c.spell.dicts.Load(); old != nil {
		for k, v := range *old {
			next[k] = v
		}
	}
	c.spell.dicts.Store(&next)
	return nil
}

// misspelled finds words the dictionary does not know. Names (capitals
// after the start of a sentence), brands (eSIM), acronyms, codes,
// compounds with hyphens and very short words are never findings: a false
// alarm costs more trust than a missed typo.
//
// A word the language's dictionary does not know but English does (en,
// when it is not the language checked) is taken for a loanword: "app",
// "router" and "roaming" are in every language's support mail and in few
// of their dictionaries, and an English word is seldom a typo there.
func misspelled(lang string, d, en *spell.Dict, lex *Lexicon, text string, sents []sentence, skip func(start, end int) bool, found func(start, end int)) {
	derive := derived[lang]
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
			if unicode.IsUpper(r) && (i > 0 || i+1 < len(s.words) && s.words[i+1].code && modelNumber(text[s.words[i+1].start:s.words[i+1].end])) || elidedName(word) || innerCapital(word) {
				continue // a name, a product, a place: eSIM, WhatsApp, "Pelikan 4001"
			}
			if lex.has(inSpellingOK, w.lower) || skip(w.start, w.end) {
				continue
			}
			if !d.Correct(word) && (en == nil || !en.Correct(word)) && (derive == nil || !derive(d, word)) && !abbreviationPlural(d, en, lex, word) && !(loanCompounds[lang] && loanCompound(d, en, word)) {
				found(w.start, w.end)
			}
		}
	}
}

// innerCapital reports a capital after a lower-case letter, which marks a
// product or a brand (eSIM, eHerkenning, WhatsApp), not a typo.
func innerCapital(word string) bool {
	lower := false
	for _, r := range word {
		if unicode.IsUpper(r) && lower {
			return true
		}
		lower = unicode.IsLower(r)
	}
	return false
}

// elidedName reports a name after an elided article or preposition:
// "d'Amazon", "l’Example BV". The dictionary checks "l'adresse" whole, but
// knows few names.
func elidedName(word string) bool {
	i := strings.IndexAny(word, "'’")
	if i < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(word[i:])
	r, _ := utf8.DecodeRuneInString(word[i+size:])
	return unicode.IsUpper(r)
}

// derived are, per language, the words a language builds by rule and its
// dictionary lists only some of, so that a word it lacks is still right
// when the rule builds it from a word it has.
var derived = map[string]func(d *spell.Dict, word string) bool{
	"es": func(d *spell.Dict, word string) bool {
		return adverb(d, word) || enclitic(d, word) || voseo(d, word) || prefixed(d, word, "re", "co")
	},
	"fr": func(d *spell.Dict, word string) bool { return prefixed(d, word, "re") },
	"af": func(d *spell.Dict, word string) bool {
		return participle(d, word) || prefixed(d, word, "her")
	},
}

// clitics are the Spanish pronouns written onto a verb, pairs first:
// "confírma|melo", "indíque|nos", "enviar|lo".
var clitics = [...]string{
	"melo", "mela", "melos", "melas", "telo", "tela", "telos", "telas",
	"selo", "sela", "selos", "selas", "noslo", "nosla", "noslos", "noslas",
	"oslo", "osla", "oslos", "oslas",
	"me", "te", "se", "nos", "os", "lo", "la", "los", "las", "le", "les",
}

// enclitic reports a Spanish verb with pronouns written onto it, which
// es_ES lists for some verbs only ("dímelo" but not "confírmamelo"). The
// pronouns move the stress, so an imperative or a gerund takes an accent
// it does not have alone ("indique" → "indíquenos", "enviando" →
// "enviándolo"), while an infinitive with one pronoun takes none
// ("enviarlo"), and nor does the imperative of vos, which is the
// infinitive without its r ("fijate", "avisame", "decime"). Either way
// what is left must be a word.
func enclitic(d *spell.Dict, word string) bool {
	lower := strings.ToLower(word)
	for _, c := range clitics {
		stem, ok := strings.CutSuffix(lower, c)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		if plain := unaccented(stem); plain != stem {
			if d.Correct(plain) {
				return true
			}
		} else if strings.HasSuffix(stem, "r") && d.Correct(stem) || strings.ContainsAny(stem[len(stem)-1:], "aei") && d.Correct(stem+"r") {
			return true
		}
	}
	return false
}

// voseo reports a verb in the vos form of Argentina, Uruguay and much of
// Central America, which es_ES lacks: the present "podés", "querés",
// "vivís" and the imperative "respondé", "mirá", each the infinitive's
// stem and its stressed vowel. With a pronoun on it, see enclitic.
func voseo(d *spell.Dict, word string) bool {
	stem := strings.TrimSuffix(strings.ToLower(word), "s")
	for _, v := range [...]struct{ stressed, plain string }{{"á", "a"}, {"é", "e"}, {"í", "i"}} {
		if base, ok := strings.CutSuffix(stem, v.stressed); ok && utf8.RuneCountInString(base) >= 2 && d.Correct(base+v.plain+"r") {
			return true
		}
	}
	return false
}

// prefixed reports a word of the dictionary with a prefix before it that
// the dictionaries list for some words only: re- (again) in Spanish and
// French ("reprogramamos", "recrédité"), co- in Spanish ("copagos"),
// her- in Afrikaans ("herinstallasie"). What follows must have five
// letters or more.
func prefixed(d *spell.Dict, word string, prefixes ...string) bool {
	lower := strings.ToLower(word)
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(lower, p); ok && utf8.RuneCountInString(rest) >= 5 && d.Correct(rest) {
			return true
		}
	}
	return false
}

// unaccented is s without the acute accents Spanish writes for stress.
func unaccented(s string) string {
	if !strings.ContainsAny(s, "áéíóú") {
		return s
	}
	return strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u").Replace(s)
}

// participle reports an Afrikaans past participle that af_ZA lacks: ge-
// and a verb it has ("gedeaktiveer"), or a participle it has with the
// attributive -te or -de ("gekrap" → "gekrapte").
func participle(d *spell.Dict, word string) bool {
	lower := strings.ToLower(word)
	for _, suffix := range [...]string{"", "te", "de"} {
		base, ok := strings.CutSuffix(lower, suffix)
		if !ok {
			continue
		}
		verb, ok := strings.CutPrefix(base, "ge")
		if ok && utf8.RuneCountInString(verb) >= 4 && (suffix != "" && d.Correct(base) || d.Correct(verb)) {
			return true
		}
	}
	return false
}

// abbreviationPlural reports the plural of an abbreviation, which Dutch
// and Afrikaans write with an apostrophe: "sms'e", "cd's", "pdf'jies".
// The abbreviation must be known, to a dictionary or as an acronym.
func abbreviationPlural(d, en *spell.Dict, lex *Lexicon, word string) bool {
	i := strings.LastIndexAny(word, "'’")
	if i <= 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(word[i:])
	switch strings.ToLower(word[i+size:]) {
	case "s", "e", "en", "tjie", "tjies", "je", "jes":
	default:
		return false
	}
	base := word[:i]
	if utf8.RuneCountInString(base) > 5 {
		return false
	}
	up := strings.ToUpper(base)
	return lex.has(inAcronyms, strings.ToLower(base)) || d.Correct(base) || d.Correct(up) || en != nil && (en.Correct(base) || en.Correct(up))
}

// loanCompounds are the languages that write an English word and one of
// their own as one word, as they write their own compounds.
var loanCompounds = map[string]bool{"nl": true, "af": true}

// loanCompound reports an English word of five letters or more and a word
// of the language of four or more written as one, perhaps with a linking
// s: "roaming|kosten", "cookie|beleid", "booking|s|bevestiging",
// "tracking|nommer". Their dictionaries know few of these: nl has
// "roaming" but does not let it begin a compound. The second word may be
// a compound itself ("roaming|databundel"); the English one is no plural,
// whose s is the linking one ("posts|egel" is "postzegel" mistyped). On
// generated one-edit typos of kindly's replies this took 0.25% more in nl
// (9 of 3,593: "personolijk", "metrestand") and 0.07% in af (2 of 3,024),
// and 44 of 45 and 38 of 42 such compounds that were false alarms.
func loanCompound(d, en *spell.Dict, word string) bool {
	if en == nil {
		return false
	}
	lower := strings.ToLower(word)
	for i := range lower {
		head, rest := lower[:i], lower[i:]
		if utf8.RuneCountInString(head) < 5 || utf8.RuneCountInString(rest) < 4 || !en.Correct(head) {
			continue
		}
		if stem, ok := strings.CutSuffix(head, "s"); ok && en.Correct(stem) {
			continue
		}
		if d.Correct(rest) || strings.HasPrefix(rest, "s") && utf8.RuneCountInString(rest) > 4 && d.Correct(rest[1:]) {
			return true
		}
	}
	return false
}

// adverb reports a Spanish adverb made of an adjective and -mente
// ("previsiblemente"), which any adjective can make and es_ES lists only
// some of.
func adverb(d *spell.Dict, word string) bool {
	stem, ok := strings.CutSuffix(word, "mente")
	return ok && utf8.RuneCountInString(stem) >= 4 && d.Correct(stem)
}

// modelNumber reports a code (a word with digits) that names a model:
// letters and digits ("KX-7"), or three digits or more ("4001"); a count
// ("3 of the cups") or a time or date ("10:30", "3/5") is none.
func modelNumber(s string) bool {
	if strings.ContainsAny(s, ":/.,") {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			return true
		case unicode.IsDigit(r):
			digits++
		}
	}
	return digits >= 3
}
