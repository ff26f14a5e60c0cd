package check

import (
	"strings"
	"time"
	"unicode/utf8"

	"kindly/compose/check/lang"
	"kindly/compose/quoted"
)

// AnalyzeIncoming reads the customer's email: its language, the questions
// asked (for the checklist), whether they sound upset, and its age. text is
// the email's body; quoted lines and the signature are ignored.
func (c *Checker) AnalyzeIncoming(text string, date, now time.Time) *Incoming {
	inc := &Incoming{Text: text}
	own := ownText(text)
	inc.Lang, _ = lang.Detect(own)
	if !date.IsZero() && !now.IsZero() && now.After(date) {
		inc.Age = now.Sub(date)
	}
	lex := c.lex.get(inc.Lang)
	for _, p := range splitParagraphs(own) {
		words := scanWords(p.text, p.start)
		for _, s := range splitSentences(p, words) {
			t := strings.TrimSpace(own[s.start:s.end])
			if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") {
				inc.Questions = append(inc.Questions, Question{Text: t, Offset: s.start + strings.Index(own[s.start:s.end], t)})
			}
		}
		caps := 0
		for _, w := range words {
			if w.caps && !w.code && utf8.RuneCountInString(w.lower) >= 4 && !lex.has(inAcronyms, w.lower) {
				caps++
			}
		}
		if caps >= 2 {
			inc.UpsetWhy = appendOnce(inc.UpsetWhy, "CAPITALS")
		}
		c.matchUpset(lex, inc, p.text, words)
	}
	if strings.Contains(own, "!!!") || strings.Contains(own, "？？") || strings.Contains(own, "!!?") || strings.Contains(own, "?!?") {
		inc.UpsetWhy = appendOnce(inc.UpsetWhy, "piled-up punctuation")
	}
	inc.Upset = len(inc.UpsetWhy) > 0
	return inc
}

func (c *Checker) matchUpset(lex *Lexicon, inc *Incoming, text string, words []word) {
	if lex == nil {
		return
	}
	for _, e := range lex.Sections["upset"] {
		if inc.Lang == "zh" {
			if strings.Contains(text, e.Phrase) {
				inc.UpsetWhy = appendOnce(inc.UpsetWhy, e.Phrase)
			}
			continue
		}
		for i := range words {
			if i+len(e.words) > len(words) {
				break
			}
			ok := true
			for k, ew := range e.words {
				if words[i+k].lower != ew {
					ok = false
					break
				}
			}
			if ok {
				inc.UpsetWhy = appendOnce(inc.UpsetWhy, e.Phrase)
				break
			}
		}
	}
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// ownText blanks out (keeping offsets) quoted lines and everything from a
// signature separator or an earlier email (see package quoted) on.
func ownText(text string) string {
	b := []byte(text)
	if i := quoted.Start(text); i >= 0 {
		for j := i; j < len(b); j++ {
			if b[j] != '\n' {
				b[j] = ' '
			}
		}
	}
	pos := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "--" {
			for i := pos; i < len(b); i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			break
		}
		if strings.HasPrefix(t, ">") {
			for i := pos; i < pos+len(line); i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
		}
		pos += len(line)
	}
	return string(b)
}
