package spell

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// affix is one PFX or SFX rule: strip these characters from the stem, add
// those, if the stem meets the condition.
type affix struct {
	flag  flag
	strip string
	add   string
	cond  condition // nil matches every stem
	cross bool      // may combine with an affix of the other kind
	cont  flagSet   // continuation classes: flags the affixed word gains
}

// affixGroup is the affixes that add the same text and strip the same
// text: one stem, built and looked up once, serves them all.
type affixGroup struct {
	strip  string
	list   []*affix
	outer  bool // some suffix of the group is continued by another (two suffixes)
	cross  bool // some prefix of the group combines with suffixes
	permit bool // some rule of the group may stand inside a compound (COMPOUNDPERMITFLAG)
}

// cpdPattern is a CHECKCOMPOUNDPATTERN: a join of two compound parts that
// is forbidden, the left part ending in left (or, with leftStem, being an
// unaffixed stem) and the right one starting with right, each part carrying
// its flag if one is given.
type cpdPattern struct {
	left, right         string
	leftFlag, rightFlag flag
	leftStem            bool
}

// ruleElem is one step of a COMPOUNDRULE: a part carrying f, once (q == 0),
// any number of times ('*') or at most once ('?').
type ruleElem struct {
	f flag
	q byte
}

// dict is one .aff and .dic pair.
type dict struct {
	words    map[string]int32 // word → its homonym group, while the .dic is read
	table    wordTable        // the same, frozen by finish
	groups   string           // the homonym groups (homGroup), back to back
	groupEnd u32s             // groupEnd[i]: where group i ends in groups
	starts   startSet         // how the words start

	pfxList, sfxList map[string][]*affix // by the text they add, while the .aff is read
	pfxTrie, sfxTrie affixTrie           // the same, grouped by what they strip (finish)
	sfxCont          map[flag]bool       // flags that some suffix continues with (two-level suffixes)

	mode    flagMode
	aliases []flagSet // AF: flag sets numbered from 1

	needAffix, forbidden, keepCase, onlyInCompound, circumfix, forceUCase flag

	compoundFlag, compoundBegin, compoundMiddle, compoundEnd flag
	compoundPermit, compoundForbid                           flag
	cpdMin, cpdMax                                           int
	checkDup, checkCase, checkTriple                         bool
	patterns                                                 []cpdPattern
	rules                                                    [][]ruleElem
	ruleBase                                                 []int // each rule's first state (see stateSet)
	ruleStates                                               int
	ruleFlags                                                map[flag]bool

	iconv      converter
	ignore     string
	fullStrip  bool
	free       bool // Options.JoinedWords
	looseStart bool // Options.LooseCompoundStart
	startFlag  flag // Options.CompoundStartFlag
}

// compounds reports whether the dictionary builds words from parts at all.
func (d *dict) compounds() bool {
	return d.compoundFlag != 0 || d.compoundBegin != 0 || len(d.rules) > 0 || d.free
}

func newDict() *dict {
	return &dict{
		words:   map[string]int32{},
		pfxList: map[string][]*affix{},
		sfxList: map[string][]*affix{},
		sfxCont: map[flag]bool{},
		cpdMin:  -1,
	}
}

// affixHead is what a PFX or SFX header says about the rules that follow.
type affixHead struct {
	left  int
	cross bool
}

// parseAff reads an .aff file. Directives kindly does not need for checking
// (suggestions, morphology, BREAK) are skipped; anything malformed in those
// it reads is an error naming the line.
func parseAff(data, name string) (*dict, error) {
	d := newDict()
	data = strings.TrimPrefix(data, "\uFEFF")
	heads := map[string]*affixHead{}
	tables := map[string]int{}
	// Single-flag directives are read after FLAG, wherever FLAG stands.
	type pending struct {
		n   int
		dst *flag
		arg string
	}
	var flagLines []pending
	// Lines that need the flag mode too (affixes, rules, patterns) are kept
	// in order and read after the first pass.
	type line struct {
		n int
		f []string
	}
	var later []line
	single := map[string]*flag{
		"NEEDAFFIX": &d.needAffix, "PSEUDOROOT": &d.needAffix, "FORBIDDENWORD": &d.forbidden,
		"KEEPCASE": &d.keepCase, "ONLYINCOMPOUND": &d.onlyInCompound, "CIRCUMFIX": &d.circumfix,
		"FORCEUCASE": &d.forceUCase, "COMPOUNDFLAG": &d.compoundFlag, "COMPOUNDBEGIN": &d.compoundBegin,
		"COMPOUNDMIDDLE": &d.compoundMiddle, "COMPOUNDEND": &d.compoundEnd,
		"COMPOUNDLAST": &d.compoundEnd, "COMPOUNDPERMITFLAG": &d.compoundPermit,
		"COMPOUNDFORBIDFLAG": &d.compoundForbid,
	}
	n := 0
	for rest := data; rest != ""; {
		var text string
		text, rest, _ = strings.Cut(rest, "\n")
		n++
		f := strings.Fields(text)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		errf := func(format string, args ...any) error { return lineErr(name, n, f[0], format, args...) }
		arg := ""
		if len(f) > 1 {
			arg = f[1]
		}
		if dst, ok := single[f[0]]; ok {
			if arg == "" {
				return nil, errf("missing flag")
			}
			flagLines = append(flagLines, pending{n, dst, arg})
			continue
		}
		switch f[0] {
		case "SET":
			if !strings.EqualFold(arg, "UTF-8") {
				return nil, errf("%q is not supported (UTF-8 only)", arg)
			}
		case "FLAG":
			switch strings.ToUpper(arg) {
			case "LONG":
				d.mode = flagLong
			case "NUM":
				d.mode = flagNum
			case "UTF-8":
				d.mode = flagUTF8
			default:
				return nil, errf("unknown flag type %q (long, num or UTF-8)", arg)
			}
		case "COMPOUNDMIN", "COMPOUNDWORDMAX":
			v, err := strconv.Atoi(arg)
			if err != nil || v < 0 {
				return nil, errf("want a number, got %q", arg)
			}
			if f[0] == "COMPOUNDMIN" {
				d.cpdMin = max(v, 1)
			} else {
				d.cpdMax = v
			}
		case "CHECKCOMPOUNDDUP":
			d.checkDup = true
		case "CHECKCOMPOUNDCASE":
			d.checkCase = true
		case "CHECKCOMPOUNDTRIPLE":
			d.checkTriple = true
		case "FULLSTRIP":
			d.fullStrip = true
		case "IGNORE":
			d.ignore = arg
		case "ICONV", "AF", "COMPOUNDRULE", "CHECKCOMPOUNDPATTERN":
			// Tables: a count line ("ICONV 3"), then that many entries.
			if tables[f[0]] == 0 {
				count, err := strconv.Atoi(arg)
				if err != nil || count < 1 || len(f) != 2 {
					return nil, errf("want the number of entries, got %q", strings.Join(f[1:], " "))
				}
				tables[f[0]] = count
				continue
			}
			tables[f[0]]--
			if f[0] == "ICONV" {
				if len(f) < 3 {
					return nil, errf("want a pattern and its replacement")
				}
				if err := d.iconv.add(f[1], f[2]); err != nil {
					return nil, errf("%v", err)
				}
				continue
			}
			if len(f) < 2 {
				return nil, errf("missing entry")
			}
			later = append(later, line{n, f})
		case "PFX", "SFX":
			later = append(later, line{n, f})
		}
	}
	for _, p := range flagLines {
		v, err := d.mode.parseOne(p.arg)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, p.n, err)
		}
		*p.dst = v
	}
	// AF first: affixes refer to the aliases by number.
	for _, l := range later {
		if l.f[0] != "AF" {
			continue
		}
		fs, err := d.mode.parse(l.f[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: AF: %v", name, l.n, err)
		}
		d.aliases = append(d.aliases, makeFlagSet(fs))
	}
	for _, l := range later {
		f := l.f
		var err error
		switch f[0] {
		case "PFX", "SFX":
			err = d.addAffix(f, heads)
		case "COMPOUNDRULE":
			err = d.addRule(f[1])
		case "CHECKCOMPOUNDPATTERN":
			if len(f) < 3 {
				return nil, lineErr(name, l.n, f[0], "want two patterns")
			}
			if len(f) > 3 && !strings.HasPrefix(f[3], "#") {
				continue // a replacement (simplified compounds): not supported, so not forbidding either
			}
			err = d.addPattern(f[1], f[2])
		}
		if err != nil {
			return nil, lineErr(name, l.n, f[0], "%v", err)
		}
	}
	for h, head := range heads {
		if head.left > 0 {
			return nil, fmt.Errorf("%s: %s %s: %d rules fewer than its header says", name, h[:3], h[3:], head.left)
		}
	}
	if d.cpdMin < 1 {
		d.cpdMin = 3
	}
	return d, nil
}

// lineErr is an error naming the file, the line and the directive.
func lineErr(name string, n int, directive, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s: %s", name, n, directive, fmt.Sprintf(format, args...))
}

// flags reads a flag field of the .dic or of an affix's continuation: a
// number when the file uses AF aliases, otherwise flags in the file's mode.
func (d *dict) flags(s string) (flagSet, error) {
	if len(d.aliases) > 0 {
		i, err := strconv.Atoi(s)
		if err != nil || i < 1 || i > len(d.aliases) {
			return "", fmt.Errorf("flag alias %q: want 1 to %d", s, len(d.aliases))
		}
		return d.aliases[i-1], nil
	}
	fs, err := d.mode.parse(s)
	if err != nil {
		return "", err
	}
	return makeFlagSet(fs), nil
}

func (d *dict) addAffix(f []string, heads map[string]*affixHead) error {
	if len(f) < 2 {
		return fmt.Errorf("missing flag")
	}
	fl, err := d.mode.parseOne(f[1])
	if err != nil {
		return err
	}
	key := f[0] + f[1]
	h := heads[key]
	if h == nil || h.left == 0 {
		// A header: PFX A Y 3
		if len(f) < 4 {
			return fmt.Errorf("header wants a flag, Y or N and a count")
		}
		count, err := strconv.Atoi(f[3])
		if err != nil || count < 0 {
			return fmt.Errorf("header count %q is not a number", f[3])
		}
		if h != nil && h.left == 0 && count == 0 {
			return nil
		}
		heads[key] = &affixHead{left: count, cross: f[2] == "Y"}
		return nil
	}
	h.left--
	// A rule: PFX A strip add[/flags] [condition [morphology…]]
	if len(f) < 4 {
		return fmt.Errorf("rule wants strip, affix and condition")
	}
	a := &affix{flag: fl, cross: h.cross}
	if f[2] != "0" {
		a.strip = d.removeIgnored(f[2])
	}
	add, cont, hasCont := strings.Cut(f[3], "/")
	if add != "0" {
		a.add = d.removeIgnored(add)
	}
	if hasCont && cont != "" {
		if a.cont, err = d.flags(cont); err != nil {
			return err
		}
	}
	if len(f) > 4 {
		if a.cond, err = parseCondition(f[4]); err != nil {
			return err
		}
	}
	if f[0] == "SFX" {
		d.sfxList[a.add] = append(d.sfxList[a.add], a)
		for i := 0; i+1 < len(a.cont); i += 2 {
			d.sfxCont[flag(a.cont[i])<<8|flag(a.cont[i+1])] = true
		}
	} else {
		d.pfxList[a.add] = append(d.pfxList[a.add], a)
	}
	return nil
}

// addRule reads a COMPOUNDRULE: flags (in parentheses for long and numeric
// flags), each perhaps followed by * or ?.
func (d *dict) addRule(s string) error {
	var r []ruleElem
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '*' || c == '?':
			if len(r) == 0 || r[len(r)-1].q != 0 {
				return fmt.Errorf("rule %q: %c must follow a flag", s, c)
			}
			r[len(r)-1].q = c
			i++
		case d.mode == flagLong || d.mode == flagNum:
			if c != '(' {
				return fmt.Errorf("rule %q: flags go in parentheses", s)
			}
			j := strings.IndexByte(s[i:], ')')
			if j < 0 {
				return fmt.Errorf("rule %q: ( without )", s)
			}
			fl, err := d.mode.parseOne(s[i+1 : i+j])
			if err != nil {
				return err
			}
			r = append(r, ruleElem{f: fl})
			i += j + 1
		default:
			size := 1
			if d.mode == flagUTF8 {
				_, size = utf8.DecodeRuneInString(s[i:])
			}
			fl, err := d.mode.parseOne(s[i : i+size])
			if err != nil {
				return err
			}
			r = append(r, ruleElem{f: fl})
			i += size
		}
	}
	if len(r) == 0 {
		return fmt.Errorf("empty rule")
	}
	if !d.numberRule(r) {
		return nil // more rules than the automaton holds: the rest are left out
	}
	d.rules = append(d.rules, r)
	return nil
}

func (d *dict) addPattern(left, right string) error {
	var p cpdPattern
	var err error
	split := func(s string) (string, flag, error) {
		text, fs, ok := strings.Cut(s, "/")
		if !ok || fs == "" {
			return text, 0, nil
		}
		fl, err := d.mode.parseOne(fs)
		return text, fl, err
	}
	if p.left, p.leftFlag, err = split(left); err != nil {
		return err
	}
	if p.right, p.rightFlag, err = split(right); err != nil {
		return err
	}
	if p.left == "0" {
		p.left, p.leftStem = "", true
	}
	d.patterns = append(d.patterns, p)
	return nil
}

// removeIgnored drops the IGNORE characters from s.
func (d *dict) removeIgnored(s string) string {
	if d.ignore == "" || !strings.ContainsAny(s, d.ignore) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(d.ignore, r) {
			return -1
		}
		return r
	}, s)
}
