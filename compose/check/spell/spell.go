// Package spell checks words against Hunspell dictionaries (.aff and .dic,
// as Debian's hunspell-* packages install them), in pure Go. It reads the
// affix rules kindly needs — prefixes and suffixes with conditions, cross
// products, NEEDAFFIX, FORBIDDENWORD — and checks a word by stripping
// affixes, so a dictionary loads fast and stays small.
package spell

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dirs are where Debian installs Hunspell dictionaries.
var Dirs = []string{"/usr/share/hunspell", "/usr/share/myspell"}

type affix struct {
	flag  rune
	strip string
	add   string
	cond  *regexp.Regexp // nil matches everything
	cross bool
	flags string // continuation flags (ignored beyond one level)
}

// Dict is a loaded dictionary. It is safe for concurrent use.
type Dict struct {
	words     map[string]string // word → its flags
	sfx, pfx  map[string][]affix
	maxSfx    int
	maxPfx    int
	needAffix rune
	forbidden rune
	files     int
}

// Open loads the dictionaries named (like "en_US", "en_GB") from Dirs and
// merges them: a word is correct if any of them has it.
func Open(names ...string) (*Dict, error) {
	d := &Dict{words: map[string]string{}, sfx: map[string][]affix{}, pfx: map[string][]affix{}}
	loaded := 0
	for _, name := range names {
		for _, dir := range Dirs {
			aff, dic := filepath.Join(dir, name+".aff"), filepath.Join(dir, name+".dic")
			if _, err := os.Stat(dic); err != nil {
				continue
			}
			if err := d.load(aff, dic); err != nil {
				return nil, err
			}
			loaded++
			break
		}
	}
	if loaded == 0 {
		return nil, fmt.Errorf("no Hunspell dictionary %s in %s (Debian packages hunspell-en-us, hunspell-en-gb, …)", strings.Join(names, ", "), strings.Join(Dirs, ", "))
	}
	return d, nil
}

func (d *Dict) load(affPath, dicPath string) error {
	f, err := os.Open(affPath)
	if err != nil {
		return err
	}
	defer f.Close()
	// Each file's flags are moved into a range of their own (in the private
	// use area) so that two dictionaries' flags never mix.
	base := rune(0xF0000 + d.files*0x100)
	d.files++
	if err := d.readAff(f, affPath, base); err != nil {
		return err
	}
	g, err := os.Open(dicPath)
	if err != nil {
		return err
	}
	defer g.Close()
	return d.readDic(g, base)
}

// mapFlags renames flags into this file's private range.
func mapFlags(s string, base rune) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x100 {
			r = 0xFF // only single-byte flags are supported (checked in readAff)
		}
		b.WriteRune(base + r)
	}
	return b.String()
}

func (d *Dict) readAff(r io.Reader, name string, base rune) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "FLAG":
			if len(f) > 1 {
				return fmt.Errorf("%s:%d: FLAG %s is not supported yet", name, n, f[1])
			}
		case "SET":
			if len(f) > 1 && !strings.EqualFold(f[1], "UTF-8") {
				return fmt.Errorf("%s:%d: SET %s is not supported yet (UTF-8 only)", name, n, f[1])
			}
		case "NEEDAFFIX":
			if len(f) > 1 {
				d.needAffix, _ = utf8.DecodeRuneInString(mapFlags(f[1], base))
			}
		case "FORBIDDENWORD":
			if len(f) > 1 {
				d.forbidden, _ = utf8.DecodeRuneInString(mapFlags(f[1], base))
			}
		case "PFX", "SFX":
			// Header: PFX A Y 1; rule: PFX A strip add cond
			if len(f) == 4 {
				if _, err := strconv.Atoi(f[3]); err == nil {
					continue
				}
			}
			if len(f) < 4 {
				return fmt.Errorf("%s:%d: short %s line", name, n, f[0])
			}
			flag, _ := utf8.DecodeRuneInString(mapFlags(f[1], base))
			a := affix{flag: flag, cross: true}
			if f[2] != "0" {
				a.strip = f[2]
			}
			a.add, a.flags, _ = strings.Cut(f[3], "/")
			if a.add == "0" {
				a.add = ""
			}
			cond := "."
			if len(f) > 4 {
				cond = f[4]
			}
			if cond != "." {
				expr := cond + "$"
				if f[0] == "PFX" {
					expr = "^" + cond
				}
				re, err := regexp.Compile(expr)
				if err != nil {
					return fmt.Errorf("%s:%d: condition %q: %v", name, n, cond, err)
				}
				a.cond = re
			}
			if f[0] == "SFX" {
				d.sfx[a.add] = append(d.sfx[a.add], a)
				d.maxSfx = max(d.maxSfx, len(a.add))
			} else {
				d.pfx[a.add] = append(d.pfx[a.add], a)
				d.maxPfx = max(d.maxPfx, len(a.add))
			}
		}
	}
	return sc.Err()
}

func (d *Dict) readDic(r io.Reader, base rune) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil {
				if len(d.words) == 0 && n > 0 && n < 10_000_000 {
					// Sized for this file and a second one like it: growing
					// the map was a third of the load time.
					d.words = make(map[string]string, n*3)
				}
				continue
			}
		}
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			line = line[:i] // morphological fields
		}
		word, flags, _ := strings.Cut(line, "/")
		if word == "" {
			continue
		}
		d.words[word] += mapFlags(flags, base)
	}
	return sc.Err()
}

func (d *Dict) has(word string, flag rune) bool {
	flags, ok := d.words[word]
	return ok && strings.ContainsRune(flags, flag) && !strings.ContainsRune(flags, d.forbidden)
}

// check reports a word in the dictionary as written, or built by one
// suffix and/or one prefix.
func (d *Dict) check(w string) bool {
	if flags, ok := d.words[w]; ok {
		if (d.needAffix == 0 || !strings.ContainsRune(flags, d.needAffix)) && (d.forbidden == 0 || !strings.ContainsRune(flags, d.forbidden)) {
			return true
		}
	}
	if d.checkSuffix(w, 0) {
		return true
	}
	for n := 1; n <= d.maxPfx && n < len(w); n++ {
		for _, p := range d.pfx[w[:n]] {
			stem := p.strip + w[n:]
			if p.cond != nil && !p.cond.MatchString(stem) {
				continue
			}
			if d.has(stem, p.flag) || p.cross && d.checkSuffix(stem, p.flag) {
				return true
			}
		}
	}
	return false
}

// checkSuffix looks for a stem that takes one of the suffixes of w; with a
// prefix flag, the stem must also allow that prefix (cross product).
func (d *Dict) checkSuffix(w string, prefix rune) bool {
	for n := 1; n <= d.maxSfx && n < len(w); n++ {
		for _, s := range d.sfx[w[len(w)-n:]] {
			stem := w[:len(w)-n] + s.strip
			if s.cond != nil && !s.cond.MatchString(stem) {
				continue
			}
			if d.has(stem, s.flag) && (prefix == 0 || s.cross && d.has(stem, prefix)) {
				return true
			}
		}
	}
	return false
}

// Correct reports whether word is spelled right, allowing the case changes
// of normal writing: "Thank" at the start of a sentence, "THANK" in capitals.
func (d *Dict) Correct(word string) bool {
	w := strings.ReplaceAll(word, "’", "'")
	if w == "" || d.check(w) {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	lower := strings.ToLower(w)
	if unicode.IsUpper(r) && (d.check(lower) || d.check(string(unicode.ToLower(r))+w[size:])) {
		return true
	}
	if strings.HasSuffix(w, "'s") && d.check(w[:len(w)-2]) || strings.HasSuffix(w, "s'") && d.check(w[:len(w)-1]) {
		return true
	}
	return false
}
