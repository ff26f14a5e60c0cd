package spell

import "slices"

// cpdPos is where a word being analysed stands.
type cpdPos uint8

const (
	alone   cpdPos = iota // a word on its own
	atBegin               // the first or a middle part of a compound
	atEnd                 // the last part of a compound
)

// query says what an analysis must satisfy: where the word stands, and a
// flag the stem or one of the affixes must carry (a compound flag), if any.
type query struct {
	pos  cpdPos
	need flag
}

// form is one analysis of a word: a dictionary stem and the affixes that
// build the word from it.
type form struct {
	root  flagSet // the stem's flags
	stem  string
	pfx   *affix
	sfx   *affix // the outer suffix
	inner *affix // the inner suffix, when there are two
}

// has reports whether the analysed word carries f: its stem, or one of its
// affixes through its continuation classes.
func (f *form) has(fl flag) bool {
	return f.root.has(fl) || f.pfx != nil && f.pfx.cont.has(fl) || f.sfx != nil && f.sfx.cont.has(fl) || f.inner != nil && f.inner.cont.has(fl)
}

// entries returns the flag sets of w's dictionary lines, empty when it is
// not a dictionary word.
func (d *dict) entries(w string) homGroup {
	if i, ok := d.table.lookup(w); ok {
		return d.group(i)
	}
	return homGroup{}
}

// affixed calls yield with each way w is built from a stem by a prefix,
// a suffix, both, or two suffixes, as Hunspell allows them, until yield
// returns true; it reports whether one did.
func (d *dict) affixed(w string, q query, yield func(form) bool) bool {
	// Suffixes first: most words that have affixes have only those.
	if d.suffixed(w, q, nil, nil, yield) || d.prefixed(w, q, false, yield) {
		return true
	}
	// Two suffixes: never on the first part of a compound (Hunspell's
	// COMPOUNDMORESUFFIXES, which no dictionary here uses).
	if q.pos != atBegin && len(d.sfxCont) > 0 {
		return d.suffixed2(w, q, nil, yield) || d.prefixed(w, q, true, yield)
	}
	return false
}

func (d *dict) pfxAllowed(p *affix, q query) bool {
	switch q.pos {
	case alone:
		return !p.cont.has(d.onlyInCompound)
	case atEnd:
		// Prefixes belong at the start of a compound, unless permitted.
		return p.cont.has(d.compoundPermit)
	}
	return true
}

// prefixed tries the prefixes of w: alone or crossed with a suffix, or
// (two) with two suffixes.
func (d *dict) prefixed(w string, q query, two bool, yield func(form) bool) bool {
	for it := d.pfxTrie.walk(w, false); ; {
		n, groups, ok := it.next()
		if !ok {
			break
		}
		if n == len(w) && !d.fullStrip {
			continue
		}
		for _, g := range groups {
			if q.pos == atEnd && !g.permit || !slices.ContainsFunc(g.list, func(p *affix) bool { return d.pfxAllowed(p, q) }) {
				continue
			}
			if !g.cross && !d.starts.may(g.strip, w[n:]) {
				continue // no stem starts so, and no suffix will change that
			}
			stem := g.strip + w[n:]
			homs := d.entries(stem)
			for _, p := range g.list {
				if !d.pfxAllowed(p, q) || p.cond != nil && !p.cond.matchStart(stem) {
					continue
				}
				if two {
					if p.cross && d.suffixed2(stem, q, p, yield) {
						return true
					}
					continue
				}
				if !homs.empty() && !p.cont.has(d.needAffix) && !p.cont.has(d.circumfix) {
					for root := range homs.all() {
						if !root.has(p.flag) || q.pos == alone && root.has(d.onlyInCompound) {
							continue
						}
						if q.need != 0 && !root.has(q.need) && !p.cont.has(q.need) {
							continue
						}
						if yield(form{root: root, stem: stem, pfx: p}) {
							return true
						}
					}
				}
				if p.cross && d.suffixed(stem, q, p, nil, yield) {
					return true
				}
			}
		}
	}
	return false
}

func (d *dict) sfxAllowed(s *affix, q query, pfx *affix, inner bool) bool {
	switch q.pos {
	case atBegin:
		// Suffixes belong at the end of a compound, unless permitted.
		if !s.cont.has(d.compoundPermit) {
			return false
		}
	case alone:
		if s.cont.has(d.onlyInCompound) {
			return false
		}
	case atEnd:
		// A linking morpheme cannot end a word.
		if pfx == nil && s.cont.has(d.onlyInCompound) {
			return false
		}
	}
	if d.circumfix != 0 && (pfx != nil && pfx.cont.has(d.circumfix)) != s.cont.has(d.circumfix) {
		return false
	}
	// A suffix that needs a further affix needs a prefix (or, as the inner
	// suffix, the outer one).
	if !inner && s.cont.has(d.needAffix) && (pfx == nil || pfx.cont.has(d.needAffix)) {
		return false
	}
	return true
}

// suffixed tries the suffixes of w. With pfx, they cross with that prefix
// (already stripped). With outer, the suffix is the inner one of two, and
// must continue with one of the outer suffixes; yield gets that one too.
func (d *dict) suffixed(w string, q query, pfx *affix, outer []*affix, yield func(form) bool) bool {
	for it := d.sfxTrie.walk(w, true); ; {
		n, groups, ok := it.next()
		if !ok {
			break
		}
		if n == len(w) && !d.fullStrip {
			continue
		}
		for _, g := range groups {
			// The tests that need no stem first: at the start of a
			// compound most groups end here, without building a stem.
			usable := func(s *affix) (out *affix, ok bool) {
				if pfx != nil && !s.cross || !d.sfxAllowed(s, q, pfx, outer != nil) {
					return nil, false
				}
				for _, o := range outer {
					if s.cont.has(o.flag) {
						return o, true
					}
				}
				return nil, outer == nil
			}
			if q.pos == atBegin && !g.permit || !d.starts.may(w[:len(w)-n], g.strip) || !slices.ContainsFunc(g.list, func(s *affix) bool { _, ok := usable(s); return ok }) {
				continue
			}
			stem := w[:len(w)-n] + g.strip
			homs := d.entries(stem)
			if homs.empty() {
				continue
			}
			for _, s := range g.list {
				out, ok := usable(s)
				if !ok || s.cond != nil && !s.cond.matchEnd(stem) {
					continue
				}
				for root := range homs.all() {
					if !root.has(s.flag) && (pfx == nil || !pfx.cont.has(s.flag)) {
						continue
					}
					if pfx != nil && !root.has(pfx.flag) && !s.cont.has(pfx.flag) {
						continue
					}
					if q.pos == alone && root.has(d.onlyInCompound) {
						continue
					}
					if q.need != 0 && !root.has(q.need) && !s.cont.has(q.need) && (pfx == nil || !pfx.cont.has(q.need)) {
						continue
					}
					f := form{root: root, stem: stem, pfx: pfx, sfx: s}
					if out != nil {
						f.inner, f.sfx = s, out
					}
					if yield(f) {
						return true
					}
				}
			}
		}
	}
	return false
}

// suffixed2 tries two suffixes: an outer one that some suffix continues
// with, and under it an inner one that does.
func (d *dict) suffixed2(w string, q query, pfx *affix, yield func(form) bool) bool {
	var outs []*affix
	for it := d.sfxTrie.walk(w, true); ; {
		n, groups, ok := it.next()
		if !ok {
			break
		}
		if n == len(w) && !d.fullStrip {
			continue
		}
		for _, g := range groups {
			if !g.outer {
				continue
			}
			stem := w[:len(w)-n] + g.strip
			outs = outs[:0]
			for _, s := range g.list {
				if d.sfxCont[s.flag] && (pfx == nil || s.cross) && (s.cond == nil || s.cond.matchEnd(stem)) {
					outs = append(outs, s)
				}
			}
			if len(outs) == 0 {
				continue
			}
			inq := query{pos: alone, need: q.need}
			if pfx == nil {
				// One pass over the inner suffixes serves every outer one.
				if d.suffixed(stem, inq, nil, outs, yield) {
					return true
				}
				continue
			}
			for _, s := range outs {
				inner := pfx
				if s.cont.has(pfx.flag) {
					inner = nil // the outer suffix allows the prefix
				}
				found := d.suffixed(stem, inq, inner, []*affix{s}, func(f form) bool {
					f.pfx = pfx
					return yield(f)
				})
				if found {
					return true
				}
			}
		}
	}
	return false
}
