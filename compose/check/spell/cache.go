package spell

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// A dictionary takes 20 to 60 ms to parse (French's 5,600 affix rules alone
// take 10 to 25), far too long for `kindly check` to pay on every run. So
// the first load writes what it parsed to a cache file, and later loads read
// that file back: the word table is used as read, and the rest is small.
//
// A cache file is named after the dictionary and a hash of its source
// files' paths, sizes and modification times and of the format version; a
// new dictionary package or a new kindly makes a new name, and the stale
// file is removed when the new one is written. A checksum guards its small
// sections, the lengths of the sections must add up to the file's, and
// every value read back is checked before it is used: a damaged file is
// parsed again from the sources, or at worst gives a wrong verdict, never a
// panic.

const (
	cacheMagic   = "kindly-spell\x00"
	cacheVersion = 10 // change it whenever dict or this encoding changes
)

// cacheName is the file a dictionary's cache is kept in: its name, then a
// hash of its sources' paths and what they are: size, time and, where
// there is one, the file's identity (device and inode), which stands for
// the file a symbolic link points at, for one stat instead of resolving
// the link a directory at a time.
func cacheName(dir, name, affPath, dicPath string) (string, error) {
	h := hashWord(fmt.Sprint(cacheVersion))
	for _, p := range []string{affPath, dicPath} {
		fi, err := os.Stat(p)
		if err != nil {
			return "", err
		}
		h ^= hashWord(fmt.Sprintf("%s\x00%d\x00%d\x00%s", p, fi.Size(), fi.ModTime().UnixNano(), fileID(fi)))
		h *= 16777619
	}
	return filepath.Join(dir, fmt.Sprintf("%s-v%d-%08x.dict", name, cacheVersion, h)), nil
}

// loadCached loads a dictionary from dir's cache, or parses it and writes
// the cache. The cache is an optimisation only: when it cannot be read or
// written, the dictionary is parsed as if there were none.
func loadCached(dir, name, affPath, dicPath string) (*dict, error) {
	file, err := cacheName(dir, name, affPath, dicPath)
	if err != nil {
		return load(affPath, dicPath)
	}
	if data, err := mapFile(file); err == nil {
		if d, err := decodeCache(data); err == nil {
			return d, nil // d uses data from now on: it stays mapped
		}
		unmapFile(data)
	}
	d, err := load(affPath, dicPath)
	if err != nil {
		return nil, err
	}
	writeCache(file, name, d) // best effort: see loadCached
	return d, nil
}

// writeCache writes d's cache atomically and removes stale ones.
func writeCache(file, name string, d *dict) {
	dir := filepath.Dir(file)
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".tmp-"+name+"-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(encodeCache(d))
	if err == nil {
		err = tmp.Sync() // renamed over only once it is all on disk
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	removeStale(dir, name, file, time.Now())
}

// removeStale removes the caches of name other than file: at once those of
// this cache version (their dictionary files changed), and those of other
// versions once they were written a month ago (reading a mapped file does
// not change its time, so a build still in use then parses its dictionary
// once more and writes its cache again). Two kindly builds of different cache
// versions used side by side would otherwise remove each other's file and
// each parse its dictionary on every run.
func removeStale(dir, name, file string, now time.Time) {
	old, _ := filepath.Glob(filepath.Join(dir, name+"-v*-*.dict"))
	legacy, _ := filepath.Glob(filepath.Join(dir, name+"-[0-9a-f]*.dict")) // before versions were in the name
	ours := fmt.Sprintf("%s-v%d-", name, cacheVersion)
	for _, o := range append(old, legacy...) {
		if o == file {
			continue
		}
		if !strings.HasPrefix(filepath.Base(o), ours) {
			if fi, err := os.Stat(o); err != nil || now.Sub(fi.ModTime()) < 30*24*time.Hour {
				continue
			}
		}
		os.Remove(o)
	}
}

// encodeCache lays d out as: the magic, the version, a checksum, the lengths of
// the sections, then the sections: a pool of strings, the rest of the .aff as
// varints and references into the pool, and the arrays of the word table,
// the start set and the homonym groups as they are in memory.
func encodeCache(d *dict) []byte {
	w := cacheWriter{pool: map[string]uint64{}}
	w.dict(d)
	secs := [cacheSections][]byte{w.strs, w.buf, []byte(d.groups), d.groupEnd, d.table.keys, d.table.ends, d.table.homs, d.table.slots, d.starts.bits}
	out := []byte(cacheMagic)
	out = binary.LittleEndian.AppendUint32(out, cacheVersion)
	out = append(out, 0, 0, 0, 0) // the checksum, below
	for _, sec := range secs {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(sec)))
	}
	for i, sec := range secs {
		out = append(out, sec...)
		if i == checkedSections-1 {
			sumAt := len(cacheMagic) + 4
			binary.LittleEndian.PutUint32(out[sumAt:], checksum(out[sumAt+4:]))
		}
	}
	return out
}

// checkedSections are the sections the checksum covers, with the table of
// lengths: the pool, the .aff and the homonym groups, where a damaged byte
// could go unnoticed (a lost flag is a wrong verdict, not an error). The
// big arrays of the word table are not covered: checking them would read
// every page of the file, a millisecond on every run, and a damaged one is
// found out by the bounds every lookup checks.
const checkedSections = 4

// cacheSections is how many sections a cache file has.
const cacheSections = 9

// decodeCache reads what encodeCache wrote.
func decodeCache(data []byte) (*dict, error) {
	head := len(cacheMagic) + 8
	if len(data) < head || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, errors.New("not a kindly spelling cache")
	}
	if v := binary.LittleEndian.Uint32(data[len(cacheMagic):]); v != cacheVersion {
		return nil, fmt.Errorf("spelling cache version %d, want %d", v, cacheVersion)
	}
	secs, err := sections(data[head:])
	if err != nil {
		return nil, err
	}
	checked := 4 * cacheSections
	for _, sec := range secs[:checkedSections] {
		checked += len(sec)
	}
	if checksum(data[head:head+checked]) != binary.LittleEndian.Uint32(data[head-4:]) {
		return nil, errors.New("spelling cache damaged")
	}
	return decodeSections(secs)
}

// checksum guards the cache's small sections against a damaged byte. It
// is not hash/crc32's CRC: that package builds its tables when a program
// starts and again on first use, a tenth of a millisecond of every check
// for a file of 30 KB. Four lanes of multiply and shift over 8-byte words
// keep the multiplier busy; each step is one-to-one, so a change in any
// one word changes the 64-bit sum, and the 32 bits kept of it but for one
// time in four billion.
func checksum(b []byte) uint32 {
	const k = 0x9e3779b97f4a7c15 // odd: multiplying by it is one-to-one
	h := [4]uint64{1, 2, 3, 4}
	for ; len(b) >= 32; b = b[32:] {
		for i := range h {
			h[i] = (h[i] ^ binary.LittleEndian.Uint64(b[8*i:])) * k
			h[i] ^= h[i] >> 31
		}
	}
	var tail [32]byte
	copy(tail[:], b)
	sum := uint64(len(b))
	for i := range h {
		h[i] = (h[i] ^ binary.LittleEndian.Uint64(tail[8*i:])) * k
		h[i] ^= h[i] >> 31
		sum = (sum ^ h[i]) * k
	}
	return uint32(sum ^ sum>>32)
}

// sections cuts the data after the header into its sections: a table of
// their lengths, then the sections, which must fill it exactly. The lengths
// come first so that a load touches one page for them, not one per section.
func sections(data []byte) (secs [cacheSections][]byte, err error) {
	if len(data) < 4*cacheSections {
		return secs, errors.New("spelling cache truncated")
	}
	lengths := data[:4*cacheSections]
	data = data[4*cacheSections:]
	for i := range secs {
		n := binary.LittleEndian.Uint32(lengths[4*i:])
		if uint64(n) > uint64(len(data)) {
			return secs, errors.New("spelling cache truncated")
		}
		secs[i], data = data[:n], data[n:]
	}
	if len(data) != 0 {
		return secs, errors.New("spelling cache: trailing bytes")
	}
	return secs, nil
}

// decodeSections reads the sections; it is what the fuzz test exercises,
// the checksum out of the way.
func decodeSections(secs [cacheSections][]byte) (*dict, error) {
	var r cacheReader
	if r.readPool(secs[0]); r.err != nil {
		return nil, r.err
	}
	r.buf = secs[1]
	d := r.dict()
	if r.err != nil {
		return nil, r.err
	}
	if len(secs[3])%4 != 0 {
		return nil, errors.New("spelling cache: bad homonym groups")
	}
	d.groups, d.groupEnd = bytesString(secs[2]), u32s(secs[3])
	d.table = wordTable{keys: secs[4], ends: u32s(secs[5]), homs: u32s(secs[6]), slots: u32s(secs[7])}
	if !d.table.valid() || len(secs[8]) != startBits/8 {
		return nil, errors.New("spelling cache: bad word table")
	}
	d.starts.bits = secs[8]
	return d, nil
}

// cacheWriter encodes numbers as varints and strings as their place in a
// pool, each distinct string once: French's affixes share most of theirs,
// and reading them back costs one allocation for the pool.
type cacheWriter struct {
	buf  []byte
	strs []byte
	pool map[string]uint64
}

func (w *cacheWriter) num(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }

func (w *cacheWriter) int(v int) { w.buf = binary.AppendVarint(w.buf, int64(v)) }

func (w *cacheWriter) bool(b bool) {
	if b {
		w.num(1)
	} else {
		w.num(0)
	}
}

// str writes a string as its number in the pool, adding it the first
// time; the pool is each string's length and bytes, in order.
func (w *cacheWriter) str(s string) {
	id, ok := w.pool[s]
	if !ok {
		id = uint64(len(w.pool))
		w.strs = binary.AppendUvarint(w.strs, uint64(len(s)))
		w.strs = append(w.strs, s...)
		w.pool[s] = id
	}
	w.num(id)
}

// bits writes up to eight booleans as one number.
func (w *cacheWriter) bits(bs ...bool) {
	var v uint64
	for i, b := range bs {
		if b {
			v |= 1 << i
		}
	}
	w.num(v)
}

func (w *cacheWriter) flags(m map[flag]bool) {
	keys := make([]flag, 0, len(m))
	for f := range m {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	w.num(uint64(len(keys)))
	for _, f := range keys {
		w.num(uint64(f))
	}
}

func (w *cacheWriter) dict(d *dict) {
	w.num(uint64(d.mode))
	for _, f := range d.singleFlags() {
		w.num(uint64(*f))
	}
	w.int(d.cpdMin)
	w.int(d.cpdMax)
	for _, b := range []bool{d.checkDup, d.checkCase, d.checkTriple, d.fullStrip} {
		w.bool(b)
	}
	w.str(d.ignore)
	w.num(uint64(len(d.patterns)))
	for _, p := range d.patterns {
		w.str(p.left)
		w.str(p.right)
		w.num(uint64(p.leftFlag))
		w.num(uint64(p.rightFlag))
		w.bool(p.leftStem)
	}
	w.num(uint64(len(d.rules)))
	for _, r := range d.rules {
		w.num(uint64(len(r)))
		for _, e := range r {
			w.num(uint64(e.f))
			w.num(uint64(e.q))
		}
	}
	w.flags(d.sfxCont)
	w.converter(&d.iconv)
	// The affixes, numbered, then the tries that refer to them.
	index := map[*affix]uint64{}
	var list []*affix
	for _, t := range []*affixTrie{&d.pfxTrie, &d.sfxTrie} {
		for _, g := range t.groups {
			for _, a := range g.list {
				if _, ok := index[a]; !ok {
					index[a] = uint64(len(list))
					list = append(list, a)
				}
			}
		}
	}
	// The conditions, each distinct one once: es_ES's 6,800 affixes share
	// far fewer, and each read back is memory a check touches.
	condAt := map[string]uint64{}
	affixCond := make([]uint64, len(list)) // 0: none
	var conds []condition
	elems := 0
	for i, a := range list {
		if len(a.cond) == 0 {
			continue
		}
		k := condKey(a.cond)
		if _, ok := condAt[k]; !ok {
			condAt[k] = uint64(len(conds)) + 1
			conds = append(conds, a.cond)
			elems += len(a.cond)
		}
		affixCond[i] = condAt[k]
	}
	w.num(uint64(len(conds)))
	w.num(uint64(elems))
	for _, c := range conds {
		w.num(uint64(len(c)))
		for _, e := range c {
			w.bits(e.any, e.neg)
			w.str(e.set)
		}
	}
	w.num(uint64(len(list)))
	for i, a := range list {
		w.num(uint64(a.flag))
		w.str(a.strip)
		w.str(a.add)
		w.bool(a.cross)
		w.str(string(a.cont))
		w.num(affixCond[i])
	}
	for _, t := range []*affixTrie{&d.pfxTrie, &d.sfxTrie} {
		// The totals first, so that the reader makes one slice of each.
		lists := 0
		for _, g := range t.groups {
			lists += len(g.list)
		}
		for _, v := range []int{len(t.nodes), len(t.keys), len(t.groups), lists} {
			w.num(uint64(v))
		}
		for i := range t.nodes {
			keys, next := t.kidsOf(int32(i))
			w.str(string(keys))
			for _, n := range next {
				w.num(uint64(n))
			}
			groups := t.groupsOf(int32(i))
			w.num(uint64(len(groups)))
			for _, g := range groups {
				w.str(g.strip)
				w.bits(g.outer, g.cross, g.permit)
				w.num(uint64(len(g.list)))
				for _, a := range g.list {
					w.num(index[a])
				}
			}
		}
	}
}

func (w *cacheWriter) converter(c *converter) {
	keys := make([]int, 0, len(c.by))
	for b := range c.by {
		keys = append(keys, int(b))
	}
	slices.Sort(keys)
	w.num(uint64(len(keys)))
	for _, b := range keys {
		pairs := c.by[byte(b)]
		w.num(uint64(len(pairs)))
		for _, p := range pairs {
			w.str(p.from)
			w.str(p.to)
			w.bits(p.start, p.end)
		}
	}
}

// singleFlags are the .aff's one-flag directives, in the cache's order.
// condKey is a condition as a map key.
func condKey(c condition) string {
	var b strings.Builder
	for _, e := range c {
		b.WriteByte(byte(len(e.set)))
		if e.any {
			b.WriteByte('.')
		}
		if e.neg {
			b.WriteByte('^')
		}
		b.WriteString(e.set)
		b.WriteByte(0)
	}
	return b.String()
}

func (d *dict) singleFlags() []*flag {
	return []*flag{&d.needAffix, &d.forbidden, &d.keepCase, &d.onlyInCompound, &d.circumfix, &d.forceUCase,
		&d.compoundFlag, &d.compoundBegin, &d.compoundMiddle, &d.compoundEnd, &d.compoundPermit, &d.compoundForbid}
}

// cacheReader reads what cacheWriter wrote. The first problem sticks in err
// and every read after it returns zero values, so the decoding code reads
// straight through and checks err once.
type cacheReader struct {
	buf  []byte
	strs []string // the pool, by number
	err  error
}

func (r *cacheReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("spelling cache: bad %s", what)
	}
	r.buf = nil // every read from now on takes the slow path, and finds nothing
}

// num reads a varint. Most are one byte: that case is small enough to be
// inlined, and French's 150,000 numbers are read at a byte a step.
func (r *cacheReader) num() uint64 {
	if b := r.buf; len(b) > 0 && b[0] < 0x80 {
		r.buf = b[1:]
		return uint64(b[0])
	}
	return r.numSlow()
}

func (r *cacheReader) numSlow() uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.buf)
	if k <= 0 {
		r.fail("number")
		return 0
	}
	r.buf = r.buf[k:]
	return v
}

func (r *cacheReader) int() int {
	if r.err != nil {
		return 0
	}
	v, k := binary.Varint(r.buf)
	if k <= 0 || v < math.MinInt32 || v > math.MaxInt32 {
		r.fail("number")
		return 0
	}
	r.buf = r.buf[k:]
	return int(v)
}

// count reads a number of things to come, each taking at least one byte,
// so that a damaged count cannot make a huge allocation.
func (r *cacheReader) count() int {
	n := r.num()
	if n > uint64(len(r.buf)) {
		r.fail("count")
		return 0
	}
	return int(n)
}

// index reads a number below n.
func (r *cacheReader) index(n int, what string) int {
	v := r.num()
	if v >= uint64(n) {
		r.fail(what)
		return 0
	}
	return int(v)
}

func (r *cacheReader) bool() bool {
	switch r.num() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail("boolean")
	return false
}

func (r *cacheReader) flag() flag {
	v := r.num()
	if v > math.MaxUint16 {
		r.fail("flag")
		return 0
	}
	return flag(v)
}

func (r *cacheReader) str() string {
	id := r.num()
	if id >= uint64(len(r.strs)) {
		r.fail("string")
		return ""
	}
	return r.strs[id]
}

// bits reads what cacheWriter.bits wrote for n booleans.
func (r *cacheReader) bits(n int) uint64 {
	v := r.num()
	if v >= 1<<n {
		r.fail("flags")
		return 0
	}
	return v
}

// readPool splits the pool into its strings. They point into data, which
// stays mapped (see loadCached): a copy would touch each page twice.
func (r *cacheReader) readPool(data []byte) {
	pool := bytesString(data)
	n := 0 // the strings, counted first (6,391 for es_ES)
	for at := 0; at < len(pool); n++ {
		size, k := binary.Uvarint(data[at:])
		if k <= 0 || size > uint64(len(pool)-at-k) {
			break // reported below
		}
		at += k + int(size)
	}
	r.strs = make([]string, 0, n)
	for at := 0; at < len(pool); {
		n, k := binary.Uvarint(data[at:])
		if k <= 0 || n > uint64(len(pool)-at-k) {
			r.fail("string pool")
			return
		}
		at += k
		r.strs = append(r.strs, pool[at:at+int(n)])
		at += int(n)
	}
}

func (r *cacheReader) flagSet() flagSet {
	s := r.str()
	if len(s)%2 != 0 {
		r.fail("flag set")
		return ""
	}
	return flagSet(s)
}

func (r *cacheReader) flagSetMap() map[flag]bool {
	m := map[flag]bool{}
	for range r.count() {
		m[r.flag()] = true
	}
	return m
}

func (r *cacheReader) dict() *dict {
	d := &dict{}
	if m := r.num(); m <= uint64(flagUTF8) {
		d.mode = flagMode(m)
	} else {
		r.fail("flag mode")
	}
	for _, f := range d.singleFlags() {
		*f = r.flag()
	}
	d.cpdMin, d.cpdMax = r.int(), r.int()
	for _, b := range []*bool{&d.checkDup, &d.checkCase, &d.checkTriple, &d.fullStrip} {
		*b = r.bool()
	}
	d.ignore = r.str()
	if n := r.count(); n > 0 {
		d.patterns = make([]cpdPattern, n)
	}
	for i := range d.patterns {
		d.patterns[i] = cpdPattern{left: r.str(), right: r.str(), leftFlag: r.flag(), rightFlag: r.flag(), leftStem: r.bool()}
	}
	if n := r.count(); n > 0 {
		d.rules = make([][]ruleElem, n)
	}
	for i := range d.rules {
		d.rules[i] = make([]ruleElem, r.count())
		for j := range d.rules[i] {
			d.rules[i][j].f = r.flag()
			switch q := r.num(); q {
			case 0, '*', '?':
				d.rules[i][j].q = byte(q)
			default:
				r.fail("compound rule")
			}
		}
	}
	if r.err == nil && !d.indexRules() {
		r.fail("compound rules")
	}
	d.sfxCont = r.flagSetMap()
	r.converter(&d.iconv)
	conds := make([]condition, r.count()+1) // [0]: none
	elems := make(condition, 0, r.count())
	for i := 1; i < len(conds) && r.err == nil; i++ {
		n := r.count()
		if n == 0 || n > cap(elems)-len(elems) {
			r.fail("affix condition")
			break
		}
		at := len(elems)
		for range n {
			b := r.bits(2)
			elems = append(elems, condElem{any: b&1 != 0, neg: b&2 != 0, set: r.str()})
		}
		conds[i] = elems[at:len(elems):len(elems)]
	}
	list := make([]affix, r.count())
	for i := range list {
		a := &list[i]
		a.flag, a.strip, a.add, a.cross, a.cont = r.flag(), r.str(), r.str(), r.bool(), r.flagSet()
		if c := r.index(len(conds), "affix condition"); r.err == nil {
			a.cond = conds[c]
		}
	}
	d.pfxTrie, d.sfxTrie = r.trie(list), r.trie(list)
	if r.err == nil && len(r.buf) != 0 {
		r.fail("length")
	}
	return d
}

// indexRules numbers the states of the compound rules read from the cache,
// as addRule does while it reads them from the .aff; it reports false when
// they do not fit.
func (d *dict) indexRules() bool {
	for _, rule := range d.rules {
		if len(rule) == 0 || !d.numberRule(rule) {
			return false
		}
	}
	return true
}

// numberRule gives a compound rule its states in the automaton (see
// stateSet); it reports false when they do not fit.
func (d *dict) numberRule(rule []ruleElem) bool {
	if d.ruleStates+len(rule)+1 > maxRuleStates {
		return false
	}
	d.ruleBase = append(d.ruleBase, d.ruleStates)
	d.ruleStates += len(rule) + 1
	if d.ruleFlags == nil {
		d.ruleFlags = map[flag]bool{}
	}
	for _, e := range rule {
		d.ruleFlags[e.f] = true
	}
	return true
}

func (r *cacheReader) converter(c *converter) {
	for range r.count() {
		n := r.count()
		for range n {
			p := convPair{from: r.str(), to: r.str()}
			b := r.bits(2)
			p.start, p.end = b&1 != 0, b&2 != 0
			if r.err != nil {
				return
			}
			if p.from == "" {
				r.fail("ICONV pattern")
				return
			}
			if c.by == nil {
				c.by = map[byte][]convPair{}
			}
			c.first[p.from[0]] = true
			c.by[p.from[0]] = append(c.by[p.from[0]], p)
		}
	}
}

func (r *cacheReader) trie(list []affix) affixTrie {
	n, nKeys, nGroups, nLists := r.count(), r.count(), r.count(), r.count()
	if n == 0 {
		r.fail("affix table")
		return affixTrie{}
	}
	t := affixTrie{nodes: make([]trieNode, n)}
	if nKeys > 0 { // nil, as parsed, when there are none
		t.keys, t.next = make([]byte, 0, nKeys), make([]int32, 0, nKeys)
	}
	if nGroups > 0 {
		t.groups = make([]affixGroup, 0, nGroups)
	}
	lists := make([]*affix, 0, nLists)
	for i := range t.nodes {
		node := &t.nodes[i]
		k := r.str()
		if len(k) > cap(t.keys)-len(t.keys) {
			r.fail("affix table")
		}
		if r.err != nil {
			return affixTrie{}
		}
		node.kids, node.nKids = uint32(len(t.keys)), uint32(len(k))
		t.keys = append(t.keys, k...)
		for range k {
			t.next = append(t.next, int32(r.index(n, "affix table")))
		}
		g := r.count()
		if g > cap(t.groups)-len(t.groups) {
			r.fail("affix table")
			return affixTrie{}
		}
		node.grps, node.nGrps = uint32(len(t.groups)), uint32(g)
		for range g {
			grp := affixGroup{strip: r.str()}
			b := r.bits(3)
			grp.outer, grp.cross, grp.permit = b&1 != 0, b&2 != 0, b&4 != 0
			m := r.count()
			if m > cap(lists)-len(lists) {
				r.fail("affix table")
				return affixTrie{}
			}
			from := len(lists)
			for range m {
				if a := r.index(len(list), "affix"); r.err == nil {
					lists = append(lists, &list[a])
				}
			}
			grp.list = lists[from:len(lists):len(lists)]
			t.groups = append(t.groups, grp)
		}
		if r.err != nil {
			return affixTrie{}
		}
	}
	t.setRoot()
	return t
}
