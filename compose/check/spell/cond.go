package spell

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// condition is an affix condition: a sequence of characters, "." (any
// character) and bracket sets ("[aeiou]", "[^y]"), which the stem must
// start with (prefixes) or end with (suffixes). Hunspell's conditions are
// not regular expressions: there are no ranges, repeats or groups, so a
// small matcher of our own is faster than regexp and cannot be surprised by
// a "(" or "+".
type condition []condElem

type condElem struct {
	any bool   // "."
	neg bool   // "[^...]"
	set string // the characters of the set, or the one literal character
}

func (e condElem) match(r rune) bool {
	if e.any {
		return true
	}
	return strings.ContainsRune(e.set, r) != e.neg
}

// parseCondition reads a condition; "." alone matches everything and gives
// nil.
func parseCondition(s string) (condition, error) {
	if s == "." || s == "" {
		return nil, nil
	}
	var c condition
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			c = append(c, condElem{any: true})
			i++
		case '[':
			j := strings.IndexByte(s[i+1:], ']')
			if j < 0 {
				return nil, fmt.Errorf("condition %q: [ without ]", s)
			}
			set := s[i+1 : i+1+j]
			e := condElem{}
			if strings.HasPrefix(set, "^") {
				e.neg, set = true, set[1:]
			}
			if set == "" {
				return nil, fmt.Errorf("condition %q: empty set", s)
			}
			e.set = set
			c = append(c, e)
			i += j + 2
		case ']':
			return nil, fmt.Errorf("condition %q: ] without [", s)
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			c = append(c, condElem{set: s[i : i+size]})
			i += size
		}
	}
	return c, nil
}

// matchStart reports whether stem starts with what c describes.
func (c condition) matchStart(stem string) bool {
	for _, e := range c {
		r, size := utf8.DecodeRuneInString(stem)
		if size == 0 || !e.match(r) {
			return false
		}
		stem = stem[size:]
	}
	return true
}

// matchEnd reports whether stem ends with what c describes.
func (c condition) matchEnd(stem string) bool {
	for i := len(c) - 1; i >= 0; i-- {
		r, size := utf8.DecodeLastRuneInString(stem)
		if size == 0 || !c[i].match(r) {
			return false
		}
		stem = stem[:len(stem)-size]
	}
	return true
}
