package spell

// affixTrie finds the affixes a word starts (or ends) with by walking its
// bytes once, instead of looking up every prefix of the word in a map:
// French has 5,600 affix rules, and a word is tried against them in
// every part of every compound split.
type affixTrie struct {
	nodes []trieNode
	root  [256]int32 // the root's children by byte (-1: none), the busiest step
}

type trieNode struct {
	keys   []byte  // the bytes that lead on
	next   []int32 // to these nodes
	groups []affixGroup
}

// newAffixTrie builds a trie of the groups by the text they add, read
// backwards for suffixes.
func newAffixTrie(groups map[string][]affixGroup, backwards bool) affixTrie {
	t := affixTrie{nodes: []trieNode{{}}}
	for add, gs := range groups {
		n := int32(0)
		for i := range len(add) {
			b := add[i]
			if backwards {
				b = add[len(add)-1-i]
			}
			next := t.nodes[n].child(b)
			if next < 0 {
				next = int32(len(t.nodes))
				t.nodes = append(t.nodes, trieNode{})
				t.nodes[n].keys = append(t.nodes[n].keys, b)
				t.nodes[n].next = append(t.nodes[n].next, next)
			}
			n = next
		}
		t.nodes[n].groups = gs
	}
	for b := range t.root {
		t.root[b] = t.nodes[0].child(byte(b))
	}
	return t
}

func (n *trieNode) child(b byte) int32 {
	for i, k := range n.keys {
		if k == b {
			return n.next[i]
		}
	}
	return -1
}

// trieWalk goes through the affixes a word starts (or ends) with,
// shortest first, walking the word's bytes once.
type trieWalk struct {
	t       *affixTrie
	w       string
	back    bool
	node    int32 // the node reached after n bytes; -1 when done
	n       int
	started bool
}

func (t *affixTrie) walk(w string, backwards bool) trieWalk {
	it := trieWalk{t: t, w: w, back: backwards}
	if len(t.nodes) == 0 {
		it.node = -1
	}
	return it
}

// next returns the next affix length with affixes, and their groups.
func (it *trieWalk) next() (int, []affixGroup, bool) {
	for it.node >= 0 {
		if it.started {
			if it.n == len(it.w) {
				it.node = -1
				break
			}
			b := it.w[it.n]
			if it.back {
				b = it.w[len(it.w)-1-it.n]
			}
			if it.node == 0 {
				it.node = it.t.root[b]
			} else {
				it.node = it.t.nodes[it.node].child(b)
			}
			if it.node < 0 {
				break
			}
			it.n++
		}
		it.started = true
		if gs := it.t.nodes[it.node].groups; len(gs) > 0 {
			return it.n, gs, true
		}
	}
	return 0, nil, false
}

// startSet records how the dictionary's words start (their first three
// bytes, hashed into a bitmap), so that most stems an affix rule would
// make are refused before they are built and looked up: "l'adresse" minus
// any suffix starts with "l'a", and no French word does.
type startSet struct {
	bits []byte // a bitmap, used as read from the cache
}

const startBits = 1 << 20

func startHash(a, b string) uint32 {
	var k [3]byte
	n := copy(k[:], a)
	copy(k[n:], b)
	return (uint32(k[0])*7919 + uint32(k[1])*131 + uint32(k[2])) * 2654435761 >> 12 % startBits
}

func (s *startSet) add(w string) {
	if s.bits == nil {
		s.bits = make([]byte, startBits/8)
	}
	h := startHash(w, "")
	s.bits[h/8] |= 1 << (h % 8)
}

// may reports whether a word of the dictionary may start as a+b does.
func (s *startSet) may(a, b string) bool {
	if len(s.bits) != startBits/8 {
		return false
	}
	h := startHash(a, b)
	return s.bits[h/8]&(1<<(h%8)) != 0
}
