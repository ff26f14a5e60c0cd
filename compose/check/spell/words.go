package spell

import (
	"encoding/binary"
	"math/bits"

	"kindly/internal/fnv1a"
)

// wordTable holds a dictionary's words in an open-addressing hash table laid
// out in flat byte arrays. It is built once from the parsed .dic, written to
// the cache as it is, and used straight from the bytes read back: filling a
// map with the 180,000 words of nl takes 15 ms, reading the table none.
//
// A slot holds a word's index + 1 in its low bits and the top bits of the
// word's hash in the rest (a tag), so that a probe past another word's
// slot, most probes of a word that is not there, is settled in the slot
// array without reading that word's end and key: two more pages of a
// table read lazily from disk, and what made spelling cost a start-up.
//
// Every lookup checks its indexes, so a damaged cache file gives wrong
// answers at worst, never a panic.
type wordTable struct {
	keys  []byte // the words, back to back
	ends  u32s   // ends[i]: where word i ends in keys (it starts at ends[i-1])
	homs  u32s   // homs[i]: word i's index into dict.homs
	slots u32s   // 0: empty; otherwise a word's index + 1; a power of two long
}

// u32s is a little-endian array of uint32, kept as bytes so that it can be
// used as read from a file.
type u32s []byte

func (s u32s) len() int { return len(s) / 4 }

func (s u32s) at(i int) uint32 { return binary.LittleEndian.Uint32(s[4*i:]) }

func (s u32s) set(i int, v uint32) { binary.LittleEndian.PutUint32(s[4*i:], v) }

// hashWord is FNV-1a: the table is written to disk, so its hash must not
// change from one process to the next as maphash's does.
func hashWord(w string) uint32 { return fnv1a.String(w) }

// newWordTable freezes the parsed words (word → index into homs).
func newWordTable(words map[string]int32) wordTable {
	n := len(words)
	size := max(1<<bits.Len(uint(n+n/3)), 8) // filled to three quarters at most
	t := wordTable{
		ends:  make(u32s, 4*n),
		homs:  make(u32s, 4*n),
		slots: make(u32s, 4*size),
	}
	mask := uint32(size - 1)
	i := 0
	for w, hom := range words {
		t.keys = append(t.keys, w...)
		t.ends.set(i, uint32(len(t.keys)))
		t.homs.set(i, uint32(hom))
		hash := hashWord(w)
		h := hash & mask
		for t.slots.at(int(h)) != 0 {
			h = (h + 1) & mask
		}
		t.slots.set(int(h), t.tag(hash)|uint32(i+1))
		i++
	}
	return t
}

// indexBits is how many low bits of a slot hold the index: enough for the
// number of words + 1; the tag has the rest.
func (t *wordTable) indexBits() int { return bits.Len32(uint32(t.ends.len())) }

// tag is the part of a word's hash kept in its slot, in place.
func (t *wordTable) tag(hash uint32) uint32 {
	b := t.indexBits()
	return hash >> b << b
}

// lookup returns the homs index of w.
func (t *wordTable) lookup(w string) (int, bool) {
	size := t.slots.len()
	if size == 0 {
		return 0, false
	}
	n := uint32(t.ends.len())
	mask := uint32(size - 1)
	hash := hashWord(w)
	tag, index := t.tag(hash), uint32(1)<<t.indexBits()-1
	h := hash & mask
	for range size {
		v := t.slots.at(int(h))
		if v == 0 {
			return 0, false
		}
		if v&^index != tag {
			h = (h + 1) & mask
			continue
		}
		if v&index == 0 || v&index > n {
			return 0, false
		}
		k := int(v&index - 1)
		start := uint32(0)
		if k > 0 {
			start = t.ends.at(k - 1)
		}
		end := t.ends.at(k)
		if start <= end && int(end) <= len(t.keys) && string(t.keys[start:end]) == w {
			if k >= t.homs.len() {
				return 0, false
			}
			return int(t.homs.at(k)), true
		}
		h = (h + 1) & mask
	}
	return 0, false
}

// valid reports whether the arrays fit together: as many homs as ends, and
// a power of two of slots. Indexes inside them are checked on each lookup.
func (t *wordTable) valid() bool {
	size := t.slots.len()
	return len(t.ends)%4 == 0 && len(t.homs) == len(t.ends) && len(t.slots)%4 == 0 &&
		size > 0 && size&(size-1) == 0
}
