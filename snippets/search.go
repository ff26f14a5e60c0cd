package snippets

import (
	"sort"
	"strings"
)

// searchEntry is a snippet's precomputed search text.
type searchEntry struct {
	s          *Snippet
	haystack   string // lower case: title, tags, id
	lowerTitle string
	body       string // lower case
}

func (l *Library) buildIndex() {
	l.index = make([]searchEntry, len(l.Snippets))
	for i, s := range l.Snippets {
		l.index[i] = searchEntry{
			s:          s,
			haystack:   strings.ToLower(s.Title + " · " + strings.Join(s.Tags, " ") + " · " + s.ID),
			lowerTitle: strings.ToLower(s.Title),
			body:       strings.ToLower(s.Body),
		}
	}
}

// Match is a search result.
type Match struct {
	Snippet *Snippet
	Score   int
	// Positions are the matched byte offsets in the Title, for highlighting.
	Positions []int
	// InBody says the query matched the text, not the title, tags or id.
	InBody bool
}

// Search finds snippets for query: a fuzzy match over title, tags and id,
// then whole words of the text. Results are ranked by how well the snippet
// (in any of its languages) matches, plus a bonus for the snippets the agent
// uses most and most recently (usage may be nil); then the customer's
// language comes first, then snippets without a language. An empty query
// lists everything in that order.
func (l *Library) Search(query, lang string, usage *Usage) []Match {
	query = strings.ToLower(strings.TrimSpace(query))
	var out []Match
	if query == "" {
		for _, e := range l.index {
			out = append(out, Match{Snippet: e.s})
		}
	} else {
		seen := make([]bool, len(l.index))
		var scratch []int
		for i, e := range l.index {
			score, pos, ok := fuzzyMatch(query, e.haystack, scratch)
			scratch = pos
			if !ok {
				continue
			}
			seen[i] = true
			var inTitle []int
			if len(e.lowerTitle) == len(e.s.Title) {
				for _, p := range pos {
					if p < len(e.s.Title) {
						inTitle = append(inTitle, p)
					}
				}
			}
			out = append(out, Match{Snippet: e.s, Score: score, Positions: inTitle})
		}
		words := strings.Fields(query)
		for i, e := range l.index {
			if seen[i] {
				continue
			}
			all := true
			for _, w := range words {
				if !strings.Contains(e.body, w) {
					all = false
					break
				}
			}
			if all {
				out = append(out, Match{Snippet: e.s, Score: -1000, InBody: true})
			}
		}
	}
	// A snippet matches as well as its best-matching language variant.
	best := map[string]int{}
	for _, m := range out {
		if v, ok := best[m.Snippet.ID]; !ok || m.Score > v {
			best[m.Snippet.ID] = m.Score
		}
	}
	rank := func(m Match) int {
		r := best[m.Snippet.ID]
		if usage != nil {
			r += usage.bonus(m.Snippet.ID)
		}
		return r
	}
	langRank := func(s *Snippet) int {
		switch {
		case lang != "" && s.Lang == lang:
			return 0
		case s.Lang == "":
			return 1
		case s.Lang == "en":
			return 2
		}
		return 3
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra > rb
		}
		if a.Snippet.ID != b.Snippet.ID {
			return a.Snippet.ID < b.Snippet.ID
		}
		return langRank(a.Snippet) < langRank(b.Snippet)
	})
	return out
}
