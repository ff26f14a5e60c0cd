package spell

import (
	"iter"
	"unsafe"
)

// homGroup is the flag sets of a word's dictionary lines (homonyms), one
// after another, each a varint length and then its flags. The groups of a
// dictionary are one string: a cached one is used from the mapped file as
// it is, with nothing decoded or allocated until a word is looked up. (A
// struct, so that ranging over it by mistake, over its runes, cannot
// compile.)
type homGroup struct{ s string }

// empty reports whether the group has no flag sets: the word is not in
// the dictionary.
func (g homGroup) empty() bool { return g.s == "" }

// all yields the flag sets of the group. A damaged group (from a damaged
// cache) stops early; it never panics.
func (g homGroup) all() iter.Seq[flagSet] {
	return func(yield func(flagSet) bool) {
		for s := g.s; s != ""; {
			n, k := uvarint(s)
			if k <= 0 || n > uint64(len(s)-k) {
				return
			}
			if !yield(flagSet(s[k : k+int(n)])) {
				return
			}
			s = s[k+int(n):]
		}
	}
}

// first is the group's first flag set, "" for none.
func (g homGroup) first() flagSet {
	for fs := range g.all() {
		return fs
	}
	return ""
}

// appendSet adds a flag set to an encoded group.
func appendSet(b []byte, fs flagSet) []byte {
	for n := uint64(len(fs)); ; n >>= 7 {
		if n < 0x80 {
			b = append(b, byte(n))
			break
		}
		b = append(b, byte(n)|0x80)
	}
	return append(b, fs...)
}

// uvarint is binary.Uvarint on a string: the count read and the bytes it
// took, 0 or less when there is none.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < 10; i++ {
		c := s[i]
		if c < 0x80 {
			return x | uint64(c)<<(7*i), i + 1
		}
		x |= uint64(c&0x7f) << (7 * i)
	}
	return 0, 0
}

// group returns homonym group i, empty when there is none.
func (d *dict) group(i int) homGroup {
	if i < 0 || i >= d.groupEnd.len() {
		return homGroup{}
	}
	start := uint32(0)
	if i > 0 {
		start = d.groupEnd.at(i - 1)
	}
	end := d.groupEnd.at(i)
	if start > end || int(end) > len(d.groups) {
		return homGroup{}
	}
	return homGroup{d.groups[start:end]}
}

// bytesString is b as a string without a copy; b must never change after.
// The cache's mapped file never does: it is read-only and never unmapped
// once a dictionary uses it.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
