package spell

import (
	"strconv"
	"strings"
)

// parseDic reads a .dic file: a count, then a word a line, perhaps with
// flags after a slash ("klant/CcCaYbZbCb") and morphological fields after
// a tab or a space ("1er/-- po:adj"). Lines Hunspell would reject are
// skipped, as Hunspell skips them after a warning: one bad line must not
// cost a whole language.
func (d *dict) parseDic(data string) {
	data = strings.TrimPrefix(data, "\uFEFF")
	first := true
	cache := map[string]int32{} // raw flags (and homonym chains) → group index
	var keys []string           // group index → its cache key
	var groups []byte
	var ends []uint32
	for rest := data; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if first {
			first = false
			if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil {
				if len(d.words) == 0 && n > 0 && n < 10_000_000 {
					// Growing the map was a fifth of the load time.
					d.words = make(map[string]int32, n)
				}
				continue
			}
		}
		word, raw := splitDicLine(line)
		word = d.removeIgnored(word)
		if word == "" || strings.IndexByte(word, ' ') >= 0 {
			continue // a phrase can never match one token
		}
		key := raw
		if old, ok := d.words[word]; ok {
			key = keys[old] + "\x00" + raw
		}
		idx, ok := cache[key]
		if !ok {
			fs, err := d.flags(raw)
			if raw == "" {
				fs, err = "", nil
			}
			if err != nil {
				continue
			}
			if old, ok := d.words[word]; ok {
				start := uint32(0)
				if old > 0 {
					start = ends[old-1]
				}
				groups = append(groups, groups[start:ends[old]]...)
			}
			groups = appendSet(groups, fs)
			idx = int32(len(ends))
			ends = append(ends, uint32(len(groups)))
			keys = append(keys, key)
			cache[key] = idx
		}
		d.words[word] = idx
	}
	d.groups = string(groups)
	d.groupEnd = make(u32s, 4*len(ends))
	for i, e := range ends {
		d.groupEnd.set(i, e)
	}
}

// splitDicLine cuts a .dic line into the word and its raw flags, dropping
// morphological fields ("\tpo:noun", " is:pl") and undoing "\/".
func splitDicLine(line string) (word, flags string) {
	if i := strings.IndexByte(line, '\t'); i >= 0 {
		line = line[:i]
	}
	// A morphological field is a space, two characters and a colon.
	for i := strings.IndexByte(line, ':'); i >= 0; {
		if i >= 3 && line[i-3] == ' ' {
			line = line[:i-3]
			break
		}
		j := strings.IndexByte(line[i+1:], ':')
		if j < 0 {
			break
		}
		i += j + 1
	}
	line = strings.TrimRight(line, " ")
	// The first slash not escaped and not leading starts the flags.
	slash := -1
	for i := 1; i < len(line); i++ {
		if line[i] == '/' && line[i-1] != '\\' {
			slash = i
			break
		}
	}
	word = line
	if slash >= 0 {
		word, flags = line[:slash], line[slash+1:]
	}
	if strings.Contains(word, `\/`) {
		word = strings.ReplaceAll(word, `\/`, "/")
	}
	return word, flags
}
