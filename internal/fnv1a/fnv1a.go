// Package fnv1a is the 32-bit FNV-1a hash of a string. kindly's hash tables
// that are written to disk (the spelling cache) or generated into the
// source (the word lists, the language table) need a hash that is the same
// in every process, which hash/maphash's is not, and a lookup that does not
// allocate, which hash/fnv's does.
package fnv1a

// String returns the FNV-1a hash of s.
func String(s string) uint32 {
	h := uint32(2166136261)
	for i := range len(s) {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
