package spell

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// maxParts bounds how many parts a compound may have. Hunspell has no such
// bound, but Dutch compounds of more than four parts are rare, and the
// bound keeps a long typo from costing more than a few microseconds.
const maxParts = 4

// maxForms bounds the analyses kept for one part.
const maxForms = 4

// compound reports whether w is made of dictionary words as the .aff file
// allows (COMPOUNDFLAG, COMPOUNDBEGIN…, COMPOUNDRULE), or, with
// Options.JoinedWords, simply of dictionary words.
func (d *dict) compound(w string, origCap bool) bool {
	if (d.compoundFlag != 0 || d.compoundBegin != 0) && d.flagCompound(w, origCap) {
		return true
	}
	if len(d.rules) > 0 && d.ruleCompound(w) {
		return true
	}
	return d.free && d.joined(w)
}

// role is a part's place in a compound.
type role uint8

const (
	first role = iota
	middle
	last
)

// cpdSearch finds a split of one word into compound parts. Every span and
// role is analysed once, and every tail once per number of parts before
// it, so the work grows with the square of the word's length, never
// exponentially. Searches are pooled: their tables are reused.
type cpdSearch struct {
	d       *dict
	w       string
	origCap bool
	arena   []form    // every analysis kept, in runs
	forms   []formRun // (start, end, role) → the part's analyses
	tails   []formRun // (start, parts before) → first parts of a valid rest
}

// formRun is a run of the arena; done says it was computed.
type formRun struct {
	start, end int32
	done       bool
}

var searches = sync.Pool{New: func() any { return new(cpdSearch) }}

func (d *dict) flagCompound(w string, origCap bool) bool {
	s := searches.Get().(*cpdSearch)
	defer searches.Put(s)
	n := len(w) + 1
	*s = cpdSearch{d: d, w: w, origCap: origCap, arena: s.arena[:0],
		forms: resize(s.forms, n*n*3), tails: resize(s.tails, n*maxParts)}
	limit := maxParts
	if d.cpdMax > 1 {
		limit = min(limit, d.cpdMax)
	}
	for j := s.next(0); j < len(w); j = s.next(j) {
		heads := s.partForms(0, j, first)
		if len(heads) == 0 {
			continue
		}
		for _, q := range s.tail(j, 1, limit) {
			for i := range heads {
				if s.join(&heads[i], &q, j) {
					return true
				}
			}
		}
	}
	return false
}

// resize returns a cleared table of n runs, reusing t's memory.
func resize(t []formRun, n int) []formRun {
	if cap(t) < n {
		return make([]formRun, n)
	}
	t = t[:n]
	clear(t)
	return t
}

func (s *cpdSearch) run(r formRun) []form { return s.arena[r.start:r.end:r.end] }

// next is the byte offset of the rune boundary after i.
func (s *cpdSearch) next(i int) int {
	_, size := utf8.DecodeRuneInString(s.w[i:])
	return i + max(size, 1)
}

// tail returns the analyses of the part starting at i that begin a valid
// rest of the compound, k parts coming before it.
func (s *cpdSearch) tail(i, k, limit int) []form {
	key := i*maxParts + k
	if s.tails[key].done {
		return s.run(s.tails[key])
	}
	var out []form
	n := len(s.w)
	for j := s.next(i); j <= n; j = s.next(j) {
		if j == n {
			out = append(out, s.partForms(i, j, last)...)
			break
		}
		if k+1 >= limit {
			continue
		}
		ps := s.partForms(i, j, middle)
		if len(ps) == 0 {
			continue
		}
		rest := s.tail(j, k+1, limit)
		for pi := range ps {
			for qi := range rest {
				if s.join(&ps[pi], &rest[qi], j) {
					out = append(out, ps[pi])
					break
				}
			}
		}
	}
	start := int32(len(s.arena))
	s.arena = append(s.arena, out...)
	s.tails[key] = formRun{start, int32(len(s.arena)), true}
	return s.run(s.tails[key])
}

// partForms analyses w[i:j] as a part in role r.
func (s *cpdSearch) partForms(i, j int, r role) []form {
	key := (i*(len(s.w)+1)+j)*3 + int(r)
	if s.forms[key].done {
		return s.run(s.forms[key])
	}
	start := int32(len(s.arena))
	s.arena = s.d.partForms(s.w[i:j], r, s.origCap, s.arena)
	s.forms[key] = formRun{start, int32(len(s.arena)), true}
	return s.run(s.forms[key])
}

// partForms appends to out the analyses of part in role r.
func (d *dict) partForms(part string, r role, origCap bool, out []form) []form {
	if utf8.RuneCountInString(part) < d.cpdMin {
		return out
	}
	base := len(out)
	needs := [4]flag{d.compoundFlag, d.compoundBegin}
	pos := atBegin
	switch r {
	case middle:
		needs[1] = d.compoundMiddle
	case last:
		needs[1], pos = d.compoundEnd, atEnd
	}
	if d.looseStart && r == first {
		needs[2] = d.compoundEnd // a word that may end a compound may begin one
	}
	if r == first {
		needs[3] = d.startFlag // Options.CompoundStartFlag
	}
	ok := func(f *form, need flag) bool {
		if f.root.has(d.forbidden) || f.has(d.compoundForbid) {
			return false
		}
		if r == last && f.root.has(d.forceUCase) && !origCap {
			return false
		}
		// With COMPOUNDFLAG, a suffix that marks the end of a compound
		// cannot stand before it (Hunspell's rule).
		if need == d.compoundFlag && r != last && f.sfx != nil && f.sfx.cont.has(d.compoundEnd) {
			return false
		}
		return true
	}
	for h := range d.entries(part).all() {
		if h.has(d.needAffix) || !slices.ContainsFunc(needs[:], h.has) {
			continue
		}
		f := form{root: h, stem: part}
		if ok(&f, 0) {
			out = append(out, f)
		}
	}
	if len(out)-base >= maxForms {
		return out
	}
	// One pass over the affixes, keeping forms that carry a needed flag.
	d.affixed(part, query{pos: pos}, func(f form) bool {
		for _, need := range needs {
			if need != 0 && f.has(need) && ok(&f, need) {
				out = append(out, f)
				break
			}
		}
		return len(out)-base >= maxForms
	})
	return out
}

// join reports whether parts a and b may meet at byte offset pos.
func (s *cpdSearch) join(a, b *form, pos int) bool {
	d, w := s.d, s.w
	if d.checkDup && a.stem == b.stem && a.root == b.root {
		return false
	}
	if d.checkCase {
		x, _ := utf8.DecodeLastRuneInString(w[:pos])
		y, _ := utf8.DecodeRuneInString(w[pos:])
		if x != '-' && y != '-' && (unicode.IsUpper(x) || unicode.IsUpper(y)) {
			return false
		}
	}
	if d.checkTriple && pos >= 1 && pos < len(w) && w[pos-1] == w[pos] &&
		(pos >= 2 && w[pos-2] == w[pos-1] || pos+1 < len(w) && w[pos+1] == w[pos]) {
		return false
	}
	for i := range d.patterns {
		p := &d.patterns[i]
		if !strings.HasPrefix(w[pos:], p.right) {
			continue
		}
		if p.leftFlag != 0 && !a.has(p.leftFlag) || p.rightFlag != 0 && !b.has(p.rightFlag) {
			continue
		}
		if p.leftStem && strings.HasSuffix(w[:pos], a.stem) || !p.leftStem && strings.HasSuffix(w[:pos], p.left) {
			return false
		}
	}
	return true
}

// stateSet is a set of COMPOUNDRULE positions: rule r, element i is bit
// d.ruleBase[r]+i.
type stateSet [4]uint64

const maxRuleStates = len(stateSet{}) * 64

func (s *stateSet) add(i int)           { s[i/64] |= 1 << (i % 64) }
func (s *stateSet) hasState(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s *stateSet) empty() bool         { return *s == stateSet{} }
func (s *stateSet) union(t stateSet) {
	for i := range s {
		s[i] |= t[i]
	}
}

// closure adds the positions reachable by skipping optional elements.
func (d *dict) closure(s stateSet) stateSet {
	for r, rule := range d.rules {
		base := d.ruleBase[r]
		for i, e := range rule {
			if s.hasState(base+i) && e.q != 0 {
				s.add(base + i + 1)
			}
		}
	}
	return s
}

// step moves s over one part with flags f.
func (d *dict) step(s stateSet, f flagSet) stateSet {
	var t stateSet
	for r, rule := range d.rules {
		base := d.ruleBase[r]
		for i, e := range rule {
			if s.hasState(base+i) && f.has(e.f) {
				if e.q == '*' {
					t.add(base + i)
				} else {
					t.add(base + i + 1)
				}
			}
		}
	}
	return d.closure(t)
}

func (d *dict) accepts(s stateSet) bool {
	for r, rule := range d.rules {
		if s.hasState(d.ruleBase[r] + len(rule)) {
			return true
		}
	}
	return false
}

// ruleCompound runs the COMPOUNDRULE patterns over the word as an automaton
// whose input is parts: at each place it keeps the rule positions reachable
// with one part and with more, so every span is looked up once.
func (d *dict) ruleCompound(w string) bool {
	n := len(w)
	one := make([]stateSet, n+1)  // reached with exactly one part
	more := make([]stateSet, n+1) // with two or more
	var start stateSet
	for r := range d.rules {
		start.add(d.ruleBase[r])
	}
	start = d.closure(start)
	for i := 0; i < n; {
		var from [2]stateSet // parts so far: 0 or 1, 2 or more
		switch {
		case i == 0:
			from[0] = start
		default:
			from[0], from[1] = one[i], more[i]
		}
		if !from[0].empty() || !from[1].empty() {
			d.ruleParts(w, i, func(j int, f flagSet) {
				for k, s := range from {
					if s.empty() {
						continue
					}
					t := d.step(s, f)
					if i == 0 && k == 0 {
						one[j].union(t)
					} else {
						more[j].union(t)
					}
				}
			})
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		i += max(size, 1)
	}
	return d.accepts(more[n])
}

// ruleParts calls found for each part w[i:j] a rule may use: a dictionary
// word carrying a rule flag, or, as the last part, such a word with affixes.
func (d *dict) ruleParts(w string, i int, found func(j int, f flagSet)) {
	useful := func(f flagSet) bool {
		if f.has(d.forbidden) || f.has(d.needAffix) {
			return false
		}
		for k := 0; k+1 < len(f); k += 2 {
			if d.ruleFlags[flag(f[k])<<8|flag(f[k+1])] {
				return true
			}
		}
		return false
	}
	count := 0
	for j := i; j < len(w); {
		_, size := utf8.DecodeRuneInString(w[j:])
		j += max(size, 1)
		count++
		if count < d.cpdMin {
			continue
		}
		for h := range d.entries(w[i:j]).all() {
			if useful(h) {
				found(j, h)
			}
		}
		if j == len(w) && i > 0 {
			d.affixed(w[i:], query{pos: atEnd}, func(f form) bool {
				if useful(f.root) {
					found(j, f.root)
				}
				return false
			})
		}
	}
}

// joined reports whether w is two to maxParts words of the dictionary
// written as one, perhaps with a linking s between them
// (Options.JoinedWords). Each part has at least four letters, or one part
// three when every other part has five or more ("vel|kleure",
// "rat|kabel", "aflewerings|tyd"). On generated one-edit typos of the
// words of kindly's Afrikaans replies, af_ZA took 3.6% with four letters a
// part, 10.6% with three, 5.6% with this rule; of its own stems of nine
// letters or more it found 65%, 78% and 76% as joins of others. A linking
// e added nothing but typos: the plural it usually is ("kliënte-diens") is
// a word itself.
func (d *dict) joined(w string) bool {
	const minJoined = 4
	n := len(w)
	if utf8.RuneCountInString(w) < 2*minJoined {
		return false
	}
	// The fewest parts that reach each offset (0: not reached), by the
	// shortest part on the way: [0] five letters or more, [1] four, [2]
	// three.
	parts := make([][3]int8, n+1)
	for i := 0; i < n; i++ {
		if i > 0 && parts[i] == [3]int8{} {
			continue
		}
		count := 0
		for j := i; j < n; {
			_, size := utf8.DecodeRuneInString(w[j:])
			j += max(size, 1)
			count++
			if count < minJoined-1 || i == 0 && j == n || !d.plainWord(w[i:j]) {
				continue
			}
			for from, k := range parts[i] {
				if i > 0 && k == 0 || i == 0 && from > 0 || int(k) >= maxParts {
					continue
				}
				to := from // the shortest part with this one
				switch {
				case count == minJoined-1:
					if from != 0 {
						continue // three letters only among parts of five or more
					}
					to = 2
				case count == minJoined:
					if from == 2 {
						continue
					}
					to = max(from, 1)
				}
				reach := func(at int) {
					if p := &parts[at][to]; *p == 0 || *p > k+1 {
						*p = k + 1
					}
				}
				reach(j)
				if j+1 < n && w[j] == 's' {
					reach(j + 1)
				}
			}
		}
	}
	for _, k := range parts[n] {
		if k >= 2 {
			return true
		}
	}
	return false
}

// plainWord reports whether w is a word of the dictionary on its own,
// compounds aside.
func (d *dict) plainWord(w string) bool {
	h := d.lookup(w)
	return h.v == good
}
