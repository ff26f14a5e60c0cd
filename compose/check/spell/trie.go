package spell

// affixTrie finds the affixes a word starts (or ends) with by walking its
// bytes once, instead of looking up every prefix of the word in a map:
// French has 5,600 affix rules, and a word is tried against them in
// every part of every compound split.
type affixTrie struct {
	nodes  []trieNode
	keys   []byte       // the bytes that lead on from each node, node by node
	next   []int32      // the nodes they lead to
	groups []affixGroup // each node's groups, node by node
	root   [256]int32   // the root's children by byte (-1: none), the busiest step
}

// trieNode is a node as spans of its trie's arrays: a trie is a few flat
// slices, not three for each node. es_ES's suffixes make 12,619 nodes, 72
// bytes each as slices, 16 as spans and with no pointer for the GC to
// follow; a process that checks Spanish reads them all from the cache.
type trieNode struct {
	kids, nKids uint32 // keys[kids:kids+nKids], and next
	grps, nGrps uint32 // groups[grps:grps+nGrps]
}

// newAffixTrie builds a trie of the groups by the text they add, read
// backwards for suffixes.
func newAffixTrie(groups map[string][]affixGroup, backwards bool) affixTrie {
	type node struct {
		keys   []byte
		next   []int32
		groups []affixGroup
	}
	nodes := []node{{}}
	child := func(n int32, b byte) int32 {
		for i, k := range nodes[n].keys {
			if k == b {
				return nodes[n].next[i]
			}
		}
		return -1
	}
	for add, gs := range groups {
		n := int32(0)
		for i := range len(add) {
			b := add[i]
			if backwards {
				b = add[len(add)-1-i]
			}
			next := child(n, b)
			if next < 0 {
				next = int32(len(nodes))
				nodes = append(nodes, node{})
				nodes[n].keys = append(nodes[n].keys, b)
				nodes[n].next = append(nodes[n].next, next)
			}
			n = next
		}
		nodes[n].groups = gs
	}
	t := affixTrie{nodes: make([]trieNode, len(nodes))}
	for i, n := range nodes {
		t.nodes[i] = trieNode{kids: uint32(len(t.keys)), nKids: uint32(len(n.keys)), grps: uint32(len(t.groups)), nGrps: uint32(len(n.groups))}
		t.keys = append(t.keys, n.keys...)
		t.next = append(t.next, n.next...)
		t.groups = append(t.groups, n.groups...)
	}
	t.setRoot()
	return t
}

// setRoot fills root from the first node's children.
func (t *affixTrie) setRoot() {
	for b := range t.root {
		t.root[b] = t.child(0, byte(b))
	}
}

// child is the node byte b leads to from node n, or -1.
func (t *affixTrie) child(n int32, b byte) int32 {
	nd := t.nodes[n]
	for i, k := range t.keys[nd.kids : nd.kids+nd.nKids] {
		if k == b {
			return t.next[int(nd.kids)+i]
		}
	}
	return -1
}

// kidsOf returns the bytes that lead on from node n and the nodes they
// lead to.
func (t *affixTrie) kidsOf(n int32) ([]byte, []int32) {
	nd := t.nodes[n]
	return t.keys[nd.kids : nd.kids+nd.nKids], t.next[nd.kids : nd.kids+nd.nKids]
}

// groupsOf returns node n's groups.
func (t *affixTrie) groupsOf(n int32) []affixGroup {
	nd := t.nodes[n]
	return t.groups[nd.grps : nd.grps+nd.nGrps]
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
				it.node = it.t.child(it.node, b)
			}
			if it.node < 0 {
				break
			}
			it.n++
		}
		it.started = true
		if gs := it.t.groupsOf(it.node); len(gs) > 0 {
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
