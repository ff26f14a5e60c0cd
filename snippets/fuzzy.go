package snippets

import (
	"unicode/utf8"
)

// fuzzyMatch matches query against hay, both already lower case: every
// character of query must appear in hay in order. The score rewards what
// people mean when they type a few letters: a match at the very start,
// matches at the start of words, and runs of consecutive characters; it
// costs a little for each skipped character. Positions are byte offsets
// in hay. sahilm/fuzzy scores the same way but folds case rune by rune on
// every keystroke; our haystacks are lowered once, when they are indexed,
// which makes a search over 10,000 snippets several times faster.
func fuzzyMatch(query, hay string, positions []int) (int, []int, bool) {
	score, pos, ok := matchFrom(query, hay, 0, positions)
	if !ok || len(query) == 0 || len(pos) == 0 || pos[0] == 0 {
		return score, pos, ok
	}
	// Greedy matching takes the first occurrence of the first letter; a
	// word that starts with it later is often the better match ("délai" in
	// "retard · délai").
	_, size := utf8.DecodeRuneInString(query)
	best := append([]int(nil), pos...)
	for i := pos[0] + 1; i < len(hay); i++ {
		if !isSep(hay[i-1]) || hay[i:min(len(hay), i+size)] != query[:size] {
			continue
		}
		if s, p, ok := matchFrom(query, hay, i, nil); ok && s > score {
			score, best = s, p
		}
	}
	return score, best, true
}

func isSep(b byte) bool { return b == ' ' || b == '-' || b == '/' || b == '_' || b == '.' }

func matchFrom(query, hay string, from int, positions []int) (int, []int, bool) {
	positions = positions[:0]
	score, qi, prev := 0, 0, -2
	prevWasSep := true
	for hi := from; hi < len(hay) && qi < len(query); {
		hr, hsize := rune(hay[hi]), 1
		if hr >= utf8.RuneSelf {
			hr, hsize = utf8.DecodeRuneInString(hay[hi:])
		}
		qr, qsize := rune(query[qi]), 1
		if qr >= utf8.RuneSelf {
			qr, qsize = utf8.DecodeRuneInString(query[qi:])
		}
		if hr == qr {
			switch {
			case hi == 0:
				score += 15
			case prev == hi-1 || prev >= 0 && prev+len(string(hr)) == hi:
				score += 10
			case prevWasSep:
				score += 8
			default:
				score -= 1
			}
			positions = append(positions, hi)
			prev = hi
			qi += qsize
		} else if prev >= 0 {
			score-- // a gap inside the match
		}
		prevWasSep = hr == ' ' || hr == '-' || hr == '/' || hr == '_' || hr == '·' || hr == '.'
		hi += hsize
	}
	if qi < len(query) {
		return 0, positions, false
	}
	return score, positions, true
}
