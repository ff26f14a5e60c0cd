package spell

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// flag is an affix or attribute flag, as Hunspell numbers them: 16 bits,
// 0 meaning "none".
type flag uint16

// flagSet is a sorted set of flags, two bytes each, kept as a string so that
// identical sets (most words share theirs with thousands of others) are
// interned and compared cheaply.
type flagSet string

// has reports whether s holds f; the zero flag is never held.
func (s flagSet) has(f flag) bool {
	if f == 0 {
		return false
	}
	for i := 0; i+1 < len(s); i += 2 {
		g := flag(s[i])<<8 | flag(s[i+1])
		if g >= f {
			return g == f
		}
	}
	return false
}

func makeFlagSet(fs []flag) flagSet {
	slices.Sort(fs)
	fs = slices.Compact(fs)
	b := make([]byte, 0, 2*len(fs))
	for _, f := range fs {
		if f != 0 {
			b = append(b, byte(f>>8), byte(f))
		}
	}
	return flagSet(b)
}

// flagMode is how a dictionary writes its flags (the FLAG directive).
type flagMode int

const (
	flagChar flagMode = iota // one byte a flag (the default)
	flagLong                 // two bytes a flag: FLAG long
	flagNum                  // decimal numbers separated by commas: FLAG num
	flagUTF8                 // one character a flag: FLAG UTF-8
)

// parseOne reads a single flag, as a directive like NEEDAFFIX gives it.
func (m flagMode) parseOne(s string) (flag, error) {
	fs, err := m.parse(s)
	if err != nil {
		return 0, err
	}
	if len(fs) != 1 {
		return 0, fmt.Errorf("want one flag, got %q", s)
	}
	return fs[0], nil
}

// parse reads a run of flags.
func (m flagMode) parse(s string) ([]flag, error) {
	var out []flag
	switch m {
	case flagLong:
		if len(s)%2 != 0 {
			return nil, fmt.Errorf("flags %q: FLAG long needs two characters a flag", s)
		}
		for i := 0; i < len(s); i += 2 {
			out = append(out, flag(s[i])<<8|flag(s[i+1]))
		}
	case flagNum:
		for _, part := range strings.Split(s, ",") {
			n, err := strconv.Atoi(part)
			if err != nil || n <= 0 || n > 0xFFFF {
				return nil, fmt.Errorf("flags %q: FLAG num needs numbers 1 to 65535 separated by commas", s)
			}
			out = append(out, flag(n))
		}
	case flagUTF8:
		for _, r := range s {
			if r == utf8.RuneError || r > 0xFFFF {
				return nil, fmt.Errorf("flags %q: FLAG UTF-8 takes characters of the Basic Multilingual Plane only", s)
			}
			out = append(out, flag(r))
		}
	default:
		for i := 0; i < len(s); i++ {
			out = append(out, flag(s[i]))
		}
	}
	for _, f := range out {
		if f == 0 {
			return nil, fmt.Errorf("flags %q: flag 0 is not allowed", s)
		}
	}
	return out, nil
}
