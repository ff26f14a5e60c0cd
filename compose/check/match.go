package check

import "strings"

// phraseRef points at one phrase of a lexicon section.
type phraseRef struct {
	section string
	idx     int
}

// phraseSections are the sections whose phrases are looked for in the body.
var phraseSections = []string{"slang", "too-formal", "negative-wording", "generic-apology", "blame", "promotional", "jargon", "next-step", "patience", "apology", "time", "warm", "positive", "alternative"}

// matchPhrases calls found for every phrase of the body sections that
// occurs in text as whole words (or, for Chinese, as a substring). Longer
// phrases win over shorter ones that start at the same word.
func (c *Checker) matchPhrases(lex *Lexicon, lang string, text string, words []word, found func(section string, e Entry, start, end int)) {
	if lex == nil {
		return
	}
	if lang == "zh" {
		// The lists are lower case ("sla"); Latin letters in Chinese text
		// are mostly capitals ("SLA"). Lowering only A–Z keeps offsets.
		text := asciiLower(text)
		for _, sec := range phraseSections {
			for _, e := range lex.Sections[sec] {
				if e.re != nil {
					continue
				}
				for off := 0; ; {
					i := strings.Index(text[off:], e.Phrase)
					if i < 0 {
						break
					}
					// Latin letters and digits in a Chinese phrase are a
					// word: "SLA" is not in "SLAB", nor "L2" in "L200".
					start, end := off+i, off+i+len(e.Phrase)
					if !(alnumAt(text, start-1) && alnumAt(e.Phrase, 0) || alnumAt(text, end) && alnumAt(e.Phrase, len(e.Phrase)-1)) {
						found(sec, e, start, end)
					}
					off = end
				}
			}
		}
		return
	}
	for i, w := range words {
		refs := lex.firstOf(w.lower)
		var numbered []phraseRef // phrases that start with any number: "<number> days"
		if w.code && isNumber(w.lower) {
			numbered = lex.firstOf(anyNumber)
		}
		if len(refs) == 0 && len(numbered) == 0 {
			continue
		}
		best := map[string]int{} // section → index of the longest match
		bestLen := map[string]int{}
		bestEnd := map[string]int{} // section → offset where the match ends
		for _, list := range [2][]phraseRef{refs, numbered} {
			for _, ref := range list {
				e := lex.Sections[ref.section][ref.idx]
				if end, ok := matchAt(words, i, e.words); ok && len(e.words) > bestLen[ref.section] {
					best[ref.section], bestLen[ref.section], bestEnd[ref.section] = ref.idx, len(e.words), end
				}
			}
		}
		for _, sec := range phraseSections {
			if _, ok := bestLen[sec]; ok {
				found(sec, lex.Sections[sec][best[sec]], w.start, bestEnd[sec])
			}
		}
	}
	// Regular expressions, on text that passes their prefilter.
	var lower string
	hasDigit := strings.ContainsAny(text, "0123456789")
	for _, sec := range phraseSections {
		for _, e := range lex.Sections[sec] {
			if e.re == nil || e.needDigit && !hasDigit {
				continue
			}
			if e.needText != "" {
				if lower == "" {
					lower = strings.ToLower(text)
				}
				if !containsOneOf(lower, e.needText) {
					continue
				}
			}
			for _, m := range e.re.get().FindAllStringIndex(text, -1) {
				found(sec, e, m[0], m[1])
			}
		}
	}
}

// matchAt reports whether the phrase's words (the first already matched)
// follow words[i], and the offset where they end. A doubled word is read
// through, as a reader does: "sorry voor het het ongemak" is still the
// phrase, with the repeated-word warning besides.
func matchAt(words []word, i int, phrase []string) (end int, ok bool) {
	j := i
	for k := 1; k < len(phrase); k++ {
		j++
		if j < len(words) && !wordIs(words[j], phrase[k]) && words[j].lower == words[j-1].lower {
			j++
		}
		if j >= len(words) || !wordIs(words[j], phrase[k]) {
			return 0, false
		}
	}
	return words[j].end, true
}

// anyNumber is the word of a phrase that stands for any number.
const anyNumber = "<number>"

// wordIs reports whether w is the phrase word p.
func wordIs(w word, p string) bool {
	return w.lower == p || p == anyNumber && w.code && isNumber(w.lower)
}

// isNumber reports a number as a reader counts it: 3, 24, 2-3, 1,5, 1.5.
func isNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && !strings.ContainsRune("-–.,/", r) {
			return false
		}
	}
	return true
}

// alnumAt reports an ASCII letter or digit at s[i].
func alnumAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// asciiLower lowers A–Z only, so every byte stays where it was.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
