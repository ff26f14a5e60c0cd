package spell

import (
	"fmt"
	"sort"
	"strings"
)

// converter is an ICONV table: text replaced in a word before it is looked
// up (’ by ', a decomposed é by é, Dutch ij by the ligature ĳ the nl
// dictionary is written with). At each place the longest pattern wins. A
// pattern starting or ending with _ only matches at the start or end of the
// word.
type converter struct {
	first [256]bool // bytes that start some pattern
	by    map[byte][]convPair
}

type convPair struct {
	from, to   string
	start, end bool // anchored
}

func (c *converter) add(from, to string) error {
	p := convPair{from: from, to: strings.ReplaceAll(to, "_", " ")}
	if len(p.from) > 1 && strings.HasPrefix(p.from, "_") {
		p.from, p.start = p.from[1:], true
	}
	if len(p.from) > 1 && strings.HasSuffix(p.from, "_") {
		p.from, p.end = p.from[:len(p.from)-1], true
	}
	if p.from == "" || p.from == "_" {
		return fmt.Errorf("empty pattern")
	}
	if c.by == nil {
		c.by = map[byte][]convPair{}
	}
	b := p.from[0]
	c.first[b] = true
	c.by[b] = append(c.by[b], p)
	sort.SliceStable(c.by[b], func(i, j int) bool { return len(c.by[b][i].from) > len(c.by[b][j].from) })
	return nil
}

// conv returns w with the table applied; w itself when nothing matches, so
// the common case costs a scan and no allocation.
func (c *converter) conv(w string) string {
	if c.by == nil {
		return w
	}
	i := 0
	for i < len(w) && !c.first[w[i]] {
		i++
	}
	if i == len(w) {
		return w
	}
	var b strings.Builder
	changed := false
	for i < len(w) {
		if c.first[w[i]] {
			if p, ok := c.match(w, i); ok {
				if !changed {
					b.Grow(len(w) + 8)
					b.WriteString(w[:i])
					changed = true
				}
				b.WriteString(p.to)
				i += len(p.from)
				continue
			}
		}
		if changed {
			b.WriteByte(w[i])
		}
		i++
	}
	if !changed {
		return w
	}
	return b.String()
}

func (c *converter) match(w string, i int) (convPair, bool) {
	for _, p := range c.by[w[i]] {
		if strings.HasPrefix(w[i:], p.from) && (!p.start || i == 0) && (!p.end || i+len(p.from) == len(w)) {
			return p, true
		}
	}
	return convPair{}, false
}
