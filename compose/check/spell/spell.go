// Package spell checks words against Hunspell dictionaries (.aff and .dic,
// as Debian's hunspell-* packages install them), in pure Go. It reads what
// checking needs — prefixes and suffixes with conditions, cross products
// and continuation classes (two suffixes), all four FLAG types and AF
// aliases, ICONV and IGNORE, NEEDAFFIX, FORBIDDENWORD, KEEPCASE, CIRCUMFIX
// — and Hunspell's compounding: COMPOUNDFLAG, COMPOUNDBEGIN/MIDDLE/END,
// ONLYINCOMPOUND, COMPOUNDPERMITFLAG, COMPOUNDFORBIDFLAG, the CHECKCOMPOUND*
// tests and COMPOUNDRULE. It checks a word by stripping affixes and
// splitting compounds, never by expanding the dictionary, so a dictionary
// loads fast and stays small. Suggestions and morphology are left out.
package spell

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Dirs are where Debian installs Hunspell dictionaries.
var Dirs = []string{"/usr/share/hunspell", "/usr/share/myspell"}

// Options change what counts as a word beyond the dictionary's own rules.
type Options struct {
	// JoinedWords accepts a word made of two to four words of the
	// dictionary, of four letters or more each or one of three beside
	// words of five or more, written as one, perhaps with a linking s
	// ("opsporing" + "skakel", "bestelling" + "nommer", "rat" + "kabel").
	// Afrikaans writes compounds as one word as Dutch does, but its
	// Hunspell dictionary has no compound rules for them, so without this
	// every compound it does not list is a false alarm.
	JoinedWords bool

	// LooseCompoundStart lets a word the dictionary marks to end a
	// compound begin one too. nl lists "retourbiljet" and "retouradres"
	// but marks "retour" to end compounds only, so Hunspell refuses
	// "retourkosten", "retourlabel" and "retourformulier", words every
	// Dutch web shop uses. The price: a missing linking s
	// ("bestellingnummer") is no longer caught.
	LooseCompoundStart bool

	// CompoundStartFlag names a flag of the .aff, written as the .aff
	// writes flags, that lets a word carrying it begin a compound, as
	// COMPOUNDBEGIN does. nl gives its verb stems V3 (the -t of "hij
	// vult") but no compound flag, so Hunspell refuses "vulslang",
	// "ontkalkprogramma" and "ontkalkmiddel"; with V3, 0.4% more of a set
	// of generated typos passed (82 of 2,510 instead of 73).
	CompoundStartFlag string

	// CacheDir, when set, keeps each dictionary parsed in a file there,
	// so that later loads read it in a millisecond instead of parsing the
	// sources for 20 to 60 (see cache.go).
	CacheDir string
}

// Dict is a loaded dictionary, or several merged. It is safe for
// concurrent use.
type Dict struct {
	parts []*part
}

// part is one dictionary of a Dict. The first is loaded by OpenWith; the
// others only when a word comes that the ones before do not know: most
// English replies are all in en_US, so en_GB is never read for them.
type part struct {
	once sync.Once
	open func() (*dict, error)
	d    *dict // nil when it could not be loaded: the others still work
}

func (p *part) get() *dict {
	p.once.Do(func() {
		p.d, _ = p.open()
		p.open = nil
	})
	return p.d
}

// loaded returns a part already loaded.
func loaded(d *dict) *part {
	p := &part{d: d}
	p.once.Do(func() {})
	return p
}

// Open loads the dictionaries named (like "en_US", "en_GB") from Dirs and
// merges them: a word is correct if any of them has it.
func Open(names ...string) (*Dict, error) {
	return OpenWith(Options{}, names...)
}

// OpenWith is Open with options.
func OpenWith(opt Options, names ...string) (*Dict, error) {
	d := &Dict{}
	seen := map[string]bool{} // fr_FR is a link to fr on Debian: load it once
	for _, name := range names {
		for _, dir := range Dirs {
			aff, dic := filepath.Join(dir, name+".aff"), filepath.Join(dir, name+".dic")
			if _, err := os.Stat(dic); err != nil {
				continue
			}
			if real, err := filepath.EvalSymlinks(dic); err == nil {
				if seen[real] {
					break
				}
				seen[real] = true
			}
			open := func() (*dict, error) {
				var x *dict
				var err error
				if opt.CacheDir != "" {
					x, err = loadCached(opt.CacheDir, name, aff, dic)
				} else {
					x, err = load(aff, dic)
				}
				if err != nil {
					return nil, err
				}
				if err := x.setOptions(opt); err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
				return x, nil
			}
			if len(d.parts) == 0 {
				x, err := open()
				if err != nil {
					return nil, err
				}
				d.parts = append(d.parts, loaded(x))
			} else {
				d.parts = append(d.parts, &part{open: open})
			}
			break
		}
	}
	if len(d.parts) == 0 {
		return nil, fmt.Errorf("no Hunspell dictionary %s in %s (Debian packages hunspell-en-us, hunspell-nl, hunspell-fr, …)", strings.Join(names, ", "), strings.Join(Dirs, ", "))
	}
	return d, nil
}

// setOptions applies opt to a loaded dictionary.
func (d *dict) setOptions(opt Options) error {
	d.free, d.looseStart = opt.JoinedWords, opt.LooseCompoundStart
	if opt.CompoundStartFlag != "" {
		f, err := d.mode.parseOne(opt.CompoundStartFlag)
		if err != nil {
			return fmt.Errorf("CompoundStartFlag: %w", err)
		}
		d.startFlag = f
	}
	return nil
}

func load(affPath, dicPath string) (*dict, error) {
	aff, err := os.ReadFile(affPath)
	if err != nil {
		return nil, err
	}
	d, err := parseAff(string(aff), affPath)
	if err != nil {
		return nil, err
	}
	dic, err := os.ReadFile(dicPath)
	if err != nil {
		return nil, err
	}
	d.parseDic(string(dic))
	d.finish()
	return d, nil
}

// finish groups the affixes by what they add and strip.
func (d *dict) finish() {
	group := func(lists map[string][]*affix) map[string][]affixGroup {
		out := make(map[string][]affixGroup, len(lists))
		for add, list := range lists {
			slices.SortStableFunc(list, func(a, b *affix) int { return strings.Compare(a.strip, b.strip) })
			var gs []affixGroup
			for _, a := range list {
				if len(gs) == 0 || gs[len(gs)-1].strip != a.strip {
					gs = append(gs, affixGroup{strip: a.strip})
				}
				g := &gs[len(gs)-1]
				g.list = append(g.list, a)
				g.outer = g.outer || d.sfxCont[a.flag]
				g.cross = g.cross || a.cross
				g.permit = g.permit || a.cont.has(d.compoundPermit)
			}
			out[add] = gs
		}
		return out
	}
	for w := range d.words {
		d.starts.add(w)
	}
	d.pfxTrie = newAffixTrie(group(d.pfxList), false)
	d.sfxTrie = newAffixTrie(group(d.sfxList), true)
	d.table = newWordTable(d.words)
	// What only reading the files needed goes, so that a dictionary read
	// from the cache is the same as one parsed.
	d.words, d.pfxList, d.sfxList, d.aliases = nil, nil, nil, nil
}

// Correct reports whether word is spelled right, allowing the case changes
// of normal writing: "Thank" at the start of a sentence, "THANK" in capitals.
func (d *Dict) Correct(word string) bool {
	w := word
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	if w == "" {
		return true
	}
	for _, p := range d.parts {
		if x := p.get(); x != nil && x.correct(w) {
			return true
		}
	}
	// English possessives, which the dictionaries leave to the speller.
	if base, ok := strings.CutSuffix(w, "'s"); ok && base != "" || strings.HasSuffix(w, "s'") {
		if !ok {
			base = w[:len(w)-1]
		}
		for _, p := range d.parts {
			if x := p.get(); x != nil && x.correct(base) {
				return true
			}
		}
	}
	return false
}

// verdict is what a dictionary says of a word.
type verdict uint8

const (
	unknown verdict = iota
	good
	forbidden // FORBIDDENWORD: wrong even if its parts are right
)

type hit struct {
	v    verdict
	root flagSet // the stem's flags (for KEEPCASE), empty for compounds
}

// correct checks one case form after another, as Hunspell does: the word
// as written, then (capitalised) in lower case, or (in capitals) with an
// initial capital and in lower case. Each form is looked up as a word
// first, and only then split as a compound, the slow part.
func (d *dict) correct(w string) bool {
	w = d.removeIgnored(d.iconv.conv(w))
	if w == "" || isNumber(w) {
		return true
	}
	upper, lower := 0, 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	origCap := upper > 0
	forms := [4]string{w}
	if r, size := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || upper > 0 && lower == 0 {
		low := strings.ToLower(w)
		if lower == 0 {
			f, n := utf8.DecodeRuneInString(low)
			forms[1] = string(unicode.ToUpper(f)) + low[n:]
		}
		forms[2] = low
		if first := string(unicode.ToLower(r)) + w[size:]; first != low {
			forms[3] = first
		}
	}
	// Each form as a dictionary word, then with affixes, then as a
	// compound: the cheap tests of every form before the dearer ones.
	for i, f := range forms {
		if f == "" {
			continue
		}
		h := d.bare(f)
		if h.v == forbidden {
			if i == 0 {
				return false
			}
			forms[i] = "" // a forbidden form is not built from parts either
		}
		if d.caseOK(h, i, lower == 0) {
			return true
		}
	}
	// Lower case first: a capitalised word with affixes is most often a
	// common word at the start of a sentence, and names rarely take any.
	for i := len(forms) - 1; i >= 0; i-- {
		if forms[i] != "" && d.caseOK(d.withAffixes(forms[i]), i, lower == 0) {
			return true
		}
	}
	if !d.compounds() || len(w) > maxCompound {
		return false
	}
	for _, f := range forms {
		if f != "" && d.compound(f, origCap) {
			return true
		}
	}
	return false
}

// maxCompound is the longest word, in bytes, tried as a compound: the
// search grows with the square of the length, and no real word is longer.
const maxCompound = 120

// caseOK reports a good verdict for case form i of a word (0: as
// written): a changed case form, or one in capitals, must not find a
// KEEPCASE word.
func (d *dict) caseOK(h hit, i int, caps bool) bool {
	return h.v == good && !((i > 0 || caps) && h.root.has(d.keepCase))
}

// lookup finds w as a dictionary word or one built by affixes.
func (d *dict) lookup(w string) hit {
	if h := d.bare(w); h.v != unknown {
		return h
	}
	return d.withAffixes(w)
}

// bare finds w as a dictionary word.
func (d *dict) bare(w string) hit {
	homs := d.entries(w)
	if homs.first().has(d.forbidden) {
		return hit{v: forbidden}
	}
	for f := range homs.all() {
		if !f.has(d.needAffix) && !f.has(d.onlyInCompound) {
			return hit{v: good, root: f}
		}
	}
	return hit{}
}

// withAffixes finds w as a word built by affixes.
func (d *dict) withAffixes(w string) hit {
	var h hit
	d.affixed(w, query{pos: alone}, func(f form) bool {
		h = hit{v: good, root: f.root}
		if f.root.has(d.forbidden) {
			h = hit{v: forbidden}
		}
		return true
	})
	return h
}

// isNumber reports digits with separators, like 1.000,50 or 2023-10.
func isNumber(w string) bool {
	digits := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' || c == ',' || c == '-':
			if i == 0 || w[i-1] < '0' || w[i-1] > '9' {
				return false
			}
		default:
			return false
		}
	}
	return digits
}
