package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of the text, with its byte span in the field.
type word struct {
	lower      string // lower case, ’ as '
	start, end int
	caps       bool // all letters upper case, at least two letters
	code       bool // has digits, or is a URL, an address or a product code: never judged
	han        bool // a run of Chinese characters
}

// sentence is a span of words ending in . ! ? or a line end in a list.
type sentence struct {
	start, end int
	words      []word
}

// paragraph is a block of text between blank lines, quoted lines excluded.
type paragraph struct {
	start, end int
	text       string
	list       bool // every line is a list item
}

// splitParagraphs cuts text at blank lines. Lines quoted from the customer
// ("> …") end a paragraph and are never analysed.
func splitParagraphs(text string) []paragraph {
	var out []paragraph
	start := -1
	listLines, lines, inList := 0, 0, false
	flush := func(end int) {
		if start >= 0 && end > start {
			p := paragraph{start: start, end: end, text: text[start:end]}
			// A list, perhaps under a line or two that introduce it ("To
			// reset your password:", or a heading and that line).
			p.list = listLines >= 2 && listLines >= lines-2
			if strings.TrimSpace(p.text) != "" {
				out = append(out, p)
			}
		}
		start, listLines, lines, inList = -1, 0, 0, false
	}
	for pos := 0; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		line := text[pos:end]
		trim := strings.TrimSpace(line)
		switch {
		case trim == "" || strings.HasPrefix(trim, ">"):
			flush(pos)
		default:
			if start < 0 {
				start = pos
			}
			lines++
			// A list item, a note indented under one ("1. Zet de loc op
			// het programmeerspoor.\n   Dat is het aparte stuk rails …"),
			// or a row of a table laid out with spaces.
			indented := line[0] == ' ' || line[0] == '\t'
			if isListItem(trim) || isTableRow(trim) || indented && inList {
				listLines++
				inList = true
			} else {
				inList = false
			}
		}
		if nl < 0 {
			flush(end)
			break
		}
		pos = end + 1
		if pos >= len(text) {
			flush(end)
		}
	}
	return out
}

// listItems counts the lines of text that start an item of a list.
func listItems(text string) int {
	n := 0
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		if isListItem(line) {
			n++
		}
		text = rest
	}
	return n
}

// isTableRow reports a line laid out in columns: a short first column
// (four words at most, not the end of a sentence), a gap of three spaces
// or a tab, and more text ("12 April       Pre-wedding shoot"). Three
// spaces after a full stop are prose typed the old way.
func isTableRow(line string) bool {
	i := strings.Index(line, "   ")
	if j := strings.IndexByte(line, '\t'); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i <= 0 || strings.TrimSpace(line[i:]) == "" {
		return false
	}
	first := line[:i]
	return len(strings.Fields(first)) <= 4 && !strings.ContainsAny(first[len(first)-1:], ".!?")
}

// hanNumeral is the length in bytes of the Chinese numeral (一 to 十,
// up to two characters: 十二) at the start of s, or 0.
func hanNumeral(s string) int {
	n := 0
	for i, r := range s {
		if i >= 6 || !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		n = i + utf8.RuneLen(r)
	}
	return n
}

// isListItem reports a line that starts an item of a list: a bullet ("- ",
// "• ", "· ", "– "), a number ("1.", "2)", "3、"), a circled one ("①") or
// a Chinese one ("一、", "（二）"). It looks only at the line's start, so
// text from there on will do.
func isListItem(line string) bool {
	for _, b := range []string{"- ", "* ", "• ", "· ", "・", "– ", "▪ ", "◦ ", "● "} {
		if strings.HasPrefix(line, b) {
			return true
		}
	}
	if r, _ := utf8.DecodeRuneInString(line); r >= '①' && r <= '⑳' {
		return true
	}
	if n := hanNumeral(line); n > 0 && strings.HasPrefix(line[n:], "、") {
		return hanNumeral(line[n+len("、"):]) == 0 // "三、四天后" is "three or four days"
	}
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if rest, ok := strings.CutPrefix(line, br[0]); ok {
			if n := hanNumeral(rest); n > 0 && strings.HasPrefix(rest[n:], br[1]) {
				return true
			}
		}
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')' || strings.HasPrefix(line[i:], "、"))
}

// scanWords finds the words of s (offsets relative to s plus base). Chinese
// is split into runs of Han characters, each character counting as a word
// for the metrics.
func scanWords(s string, base int) []word {
	// Room for a word per four bytes, which prose seldom passes: one
	// allocation rather than a doubling, but not more than 2,048 words up
	// front for one long run of letters.
	return scanWordsInto(make([]word, 0, min(len(s)/4+1, 2048)), s, base)
}

// scanWordsInto is scanWords appending to out.
func scanWordsInto(out []word, s string, base int) []word {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Han, r) {
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !unicode.Is(unicode.Han, r2) {
					break
				}
				j += sz
			}
			out = append(out, word{lower: s[i:j], start: base + i, end: base + j, han: true})
			i = j
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) || (isJoiner(r2) && j+sz < len(s) && nextIsWord(s[j+sz:])) {
				j += sz
				continue
			}
			if r2 == ':' && strings.HasPrefix(s[j:], "://") && nextIsWord(s[j+3:]) {
				j += 3 // https://example.com is one token, not "https" and a code
				continue
			}
			break
		}
		w := s[i:j]
		out = append(out, makeWord(w, base+i, base+j))
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) && !unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports runes that join parts of one token: don't, e-mail,
// HW-659, example.com, anna@example.nl, https://….
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', '@', '/', ':', '_', '+', '#', '=', '?', '&', '%':
		return true
	}
	return false
}

func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func makeWord(w string, start, end int) word {
	lower := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	wd := word{start: start, end: end}
	letters, upper := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			wd.code = true
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == '@' || r == '/' || r == ':' || r == '_' || r == '#' || r == '=' || r == '&' || r == '%':
			wd.code = true
		}
	}
	if strings.Count(w, ".") > 0 && !strings.HasSuffix(w, ".") {
		wd.code = true // example.com, v2.1, e.g. counts as code too, which is harmless
	}
	wd.caps = letters >= 2 && upper == letters
	// Sentence punctuation glued on by the joiner rule: "end." is not a joiner case,
	// but keep the lower form clean of trailing dots anyway.
	wd.lower = strings.TrimRight(lower, ".")
	return wd
}

// splitSentences cuts a paragraph into sentences at . ! ? (and their
// full-width forms), and at line ends inside lists.
func splitSentences(p paragraph, words []word) []sentence {
	var out []sentence
	text := p.text
	cur := sentence{start: p.start}
	wi, first := 0, 0 // a sentence's words are words[first:wi], not a copy
	items := -1       // the paragraph's list lines, counted at its first line break
	line := 0         // where the current line starts
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		abs := p.start + i
		for wi < len(words) && words[wi].start < abs {
			wi++
		}
		cur.words = words[first:wi:wi]
		end := false
		switch r {
		case '.', '!', '?', '。', '！', '？', '…':
			// "e.g." and "3.5" and "example.com" are inside a word: the word
			// scanner took them, so a dot here is between words.
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			end = i+size >= len(text) || unicode.IsSpace(next) || next == '"' || next == ')' || r >= 0x3000
			// "Dr. Amira Shah": a title's dot ends no sentence.
			if end && r == '.' && wi > first && words[wi-1].end == abs && isTitle(words[wi-1].lower) {
				end = false
			}
			// "de 8:00 a. m. a 5:30 p. m.": a letter's dot with a
			// lower-case word after it is an abbreviation's.
			if end && r == '.' && wi > first && words[wi-1].end == abs && utf8.RuneCountInString(words[wi-1].lower) == 1 {
				after := strings.TrimLeft(text[i+size:], " ")
				if n, _ := utf8.DecodeRuneInString(after); unicode.IsLower(n) {
					end = false
				}
			}
		case '\n':
			// A list's lines are sentences of their own, in a paragraph
			// that is a list or one that leads into one: "调整后的行程：\n- 5月2日
			// …\n- 5月3日 …". One numbered line is a heading: "1. Btw-nummer
			// op je facturen\nJe kunt …".
			if items < 0 {
				items = listItems(text)
			}
			end = p.list || items >= 2 && (isListItem(text[line:]) || isListItem(text[i+size:]))
			line = i + size
		}
		i += size
		if end {
			// swallow runs of . ! ?
			for i < len(text) && strings.ContainsRune(".!?。！？", rune(text[i])) {
				i++
			}
			cur.end = p.start + i
			if len(cur.words) > 0 {
				out = append(out, cur)
			}
			cur, first = sentence{start: p.start + i}, wi
		}
	}
	cur.words = words[first:len(words):len(words)]
	if len(cur.words) > 0 {
		cur.end = p.end
		out = append(out, cur)
	}
	return out
}

// isTitle reports the abbreviations written before a name, in the six
// languages: titles (Dr., Mrs., Sra., Mme, Dhr., Mnr. …) and the kinds of
// street (Av. Irarrázaval, Blvd. …).
func isTitle(w string) bool {
	switch w {
	case "dr", "dra", "mr", "mrs", "ms", "mx", "prof", "sr", "sra", "srta", "mme", "mlle",
		"dhr", "mevr", "mnr", "mev", "ir", "drs",
		"av", "avda", "ave", "blvd", "bd":
		return true
	}
	return false
}

// countUnits counts words, or characters for Chinese.
func countUnits(words []word) int {
	n := 0
	for _, w := range words {
		if w.han {
			n += utf8.RuneCountInString(w.lower)
		} else {
			n++
		}
	}
	return n
}
