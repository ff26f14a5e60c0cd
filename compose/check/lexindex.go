package check

import (
	"strings"

	"kindly/internal/fnv1a"
)

// The lists a lexicon's index knows membership of, as bits: the rules ask
// whether a word is an acronym, a stop word and so on.
const (
	inAcronyms = 1 << iota
	inRepeatOK
	inSteps
	inStopwords
	inSpellingOK
	inClosing
	inGreetingGeneric
	inActions
)

// indexedSections are the sections of those bits, in bit order.
var indexedSections = [...]string{"acronyms", "repeat-ok", "steps", "stopwords", "spelling-ok", "closing", "greeting-generic", "actions"}

// lexIndex looks up the phrases and words of a lexicon: which lists hold
// them, and which phrases of the body sections start with them. It is an
// open-addressing hash table over dense arrays, hashed with FNV-1a so that
// the built-in lexicons' can be generated with their lists (rules_gen.go)
// and a check builds none.
type lexIndex struct {
	slots []uint32      // 0: empty; else 1 + a key's number. A power of two long, at most half full
	keys  []string      // by number
	in    []uint8       // by number: the bits of the indexed sections that list the key
	first [][]phraseRef // by number: the body phrases that start with the key
}

// newLexIndex indexes l.
func newLexIndex(l *Lexicon) *lexIndex {
	x := &lexIndex{}
	number := map[string]int{}
	key := func(k string) int {
		n, ok := number[k]
		if !ok {
			n = len(x.keys)
			number[k] = n
			x.keys = append(x.keys, k)
			x.in = append(x.in, 0)
			x.first = append(x.first, nil)
		}
		return n
	}
	for _, sec := range phraseSections {
		for i, e := range l.Sections[sec] {
			if e.re == nil {
				n := key(e.words[0])
				x.first[n] = append(x.first[n], phraseRef{sec, i})
			}
		}
	}
	for bit, sec := range indexedSections {
		for _, e := range l.Sections[sec] {
			x.in[key(e.Phrase)] |= 1 << bit
			if sec == "stopwords" {
				// Stop words may be listed many to a line.
				for _, w := range e.words {
					x.in[key(w)] |= 1 << bit
				}
			}
		}
	}
	size := 16
	for size < 2*len(x.keys) {
		size *= 2
	}
	x.slots = make([]uint32, size)
	for n, k := range x.keys {
		h := fnv1a.String(k) & uint32(size-1)
		for x.slots[h] != 0 {
			h = (h + 1) & uint32(size-1)
		}
		x.slots[h] = uint32(n + 1)
	}
	return x
}

// find returns the number of key, or -1.
func (x *lexIndex) find(key string) int {
	if x == nil || len(x.slots) == 0 {
		return -1
	}
	mask := uint32(len(x.slots) - 1)
	for h := fnv1a.String(key) & mask; ; h = (h + 1) & mask {
		s := x.slots[h]
		if s == 0 || int(s) > len(x.keys) {
			return -1
		}
		if x.keys[s-1] == key {
			return int(s - 1)
		}
	}
}

// has reports whether w, or w in lower case, is an entry of the list bit
// names (inAcronyms, …).
func (l *Lexicon) has(bit uint8, w string) bool {
	if l == nil {
		return false
	}
	if n := l.idx.find(w); n >= 0 && l.idx.in[n]&bit != 0 {
		return true
	}
	low := strings.ToLower(w)
	if low == w {
		return false
	}
	n := l.idx.find(low)
	return n >= 0 && l.idx.in[n]&bit != 0
}

// firstOf returns the body phrases that start with the word w.
func (l *Lexicon) firstOf(w string) []phraseRef {
	if n := l.idx.find(w); n >= 0 {
		return l.idx.first[n]
	}
	return nil
}
