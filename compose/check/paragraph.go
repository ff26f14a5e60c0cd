package check

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"kindly/compose/check/spell"
)

// paraResult is what one paragraph contributes to a report. Offsets are
// relative to the paragraph, so a cached result stays right when the text
// before it changes.
type paraResult struct {
	findings  []Finding
	words     int // characters for Chinese
	sentences int
	syllables int
	longWords int // more than six letters, for LIX
	exclaims  []int
	nextStep  bool
	patience  bool
	apology   bool
	time      bool     // gives a time: answers a "when" question
	offer     bool     // offers what can be done instead
	content   []string // content words, lower case, for the questions check

	// Tone counts: phrases of the word lists.
	warm, positive, negative, formal, casual int
}

var (
	placeholderRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\{\{[^{}\n]{0,80}\}\}|\[(?i:customer name|customer|name|first name|last name|naam|nom|nom du client|prénom|nombre|nombre del cliente|naam van klant|naam van kliënt|order number|date|datum|fecha)\]|[\[【](?:客户姓名|客户名称|客户名|姓名|名字|订单号|日期)[\]】]|\[(?i:[^\[\]\n]{0,30}\b(?:número|numero|nombre|name|naam|nom|nommer|fecha|datum|date|numéro|number|bedrag|amount|importe|montant|referencia|référence|reference|verwysing)\b[^\[\]\n]{0,30})\]|<[A-Z][A-Z_ ]{1,30}>|\bX{3,}\b|\bTODO\b|\bTBD\b`)
	})
	repeatedPunct = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[!?！？]{2,}|\.{4,}|,{2,}|。{2,}`) })
	emoticonRe    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[\s(])((?:[:;=][-'^o]?[)(\]\[DPpOo/\\|*3]|<3|\^_*\^|[xX]D|:'\(|T_T|-_-))(?:$|[\s.,!?)])`)
	})
)

// isWord tells a word written in capitals (PLEASE, NIET, TRÈS) from an
// acronym (SEPA, IMAP, RGPD, POPIA): a dictionary of the language, or of
// English, knows the word. With no dictionary loaded, words of five letters
// or more are taken for words, and of four only when they are stopwords
// (MUST, PLEASE, NIET); most acronyms have four letters or fewer.
func (c *Checker) isWord(lex *Lexicon, lang, lower string) bool {
	d := c.spell.get(lang)
	en := c.spell.get("en")
	if d == nil && en == nil {
		return utf8.RuneCountInString(lower) >= 5 || lex.has(inStopwords, lower)
	}
	return d != nil && d.Correct(lower) || en != nil && en.Correct(lower)
}

// citesLaw reports text that starts by naming a law, an article of one or
// the contract (within four words): "l'article 15 du RGPD", "POPIA",
// "section 3 of the terms", "nos conditions générales". After "pursuant
// to" or "ingevolge" that is a reference, the plainest way to say it.
func citesLaw(text string) bool {
	for i, w := range strings.Fields(text) {
		if i == 4 {
			break
		}
		w = strings.Trim(w, ",.;:()«»\"")
		if j := strings.LastIndexAny(w, "'’"); j >= 0 {
			w = w[j+1:] // l'article
		}
		switch strings.ToLower(w) {
		case "article", "artikel", "artículo", "art", "section", "clause", "§", "regulation", "règlement", "reglamento",
			"law", "act", "loi", "ley", "wet", "directive", "directiva", "richtlijn",
			"terms", "conditions", "condiciones", "voorwaarden", "voorwaardes", "contract", "contrat", "contrato", "kontrak":
			return true
		}
		if utf8.RuneCountInString(w) >= 3 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			return true // an acronym: RGPD, POPIA, GDPR, AVG
		}
	}
	return false
}

// explainedIn reports a term of the trade the reply explains where it
// uses it, once: "the TTL (time to live)", "the TTL, or “time to live”,
// …", "time to live (TTL)", "DNS – the system that …". A customer who is
// told what it means is not left with jargon, here or further on.
func explainedIn(body, term string) bool {
	for i := 0; ; {
		j := strings.Index(body[i:], term)
		if j < 0 {
			return false
		}
		j += i
		if explained(body[:j], body[j+len(term):]) {
			return true
		}
		i = j + len(term)
	}
}

// explained reports an explanation right around a term: in brackets or
// after ", or" or a dash behind it, or the term in brackets after it.
func explained(before, after string) bool {
	if strings.HasSuffix(strings.TrimRight(before, " "), "(") && strings.HasPrefix(after, ")") {
		return true // the term in brackets after its explanation
	}
	after = strings.TrimLeft(after, " ")
	for _, m := range [...]string{"(", ", or ", ", of ", ", ou ", ", o ", ", oftewel ", ", i.e. ", ", c'est-à-dire ", ", es decir ", "– ", "— "} {
		if strings.HasPrefix(after, m) {
			return true
		}
	}
	return false
}

// inQuotes reports whether pos is inside quotation marks on its line: after
// an opening « or “ not yet closed, or after an odd number of straight ".
func inQuotes(text string, pos int) bool {
	line := text[strings.LastIndexByte(text[:pos], '\n')+1 : pos]
	if strings.LastIndex(line, "«") > strings.LastIndex(line, "»") || strings.LastIndex(line, "“") > strings.LastIndex(line, "”") {
		return true
	}
	return strings.Count(line, `"`)%2 == 1
}

// conditionals open a clause that says what happens if something is so:
// "If the merchant cannot show that you authorised the payment, …" is
// no refusal.
var conditionals = map[string][]string{
	"en": {"if", "unless"},
	"nl": {"als", "indien", "mocht", "mochten"},
	"fr": {"si", "s'il", "s'ils"},
	"es": {"si"},
	"af": {"as", "indien"},
}

// notARefusal reports a negative word that refuses nothing: in a clause
// that starts with "if" (within the five words before it), or in "can't
// wait", which is eager.
func notARefusal(lang, before, after string) bool {
	if lang == "en" && strings.HasPrefix(strings.ToLower(strings.TrimLeft(after, " ")), "wait") {
		return true
	}
	clause := before[max(strings.LastIndexAny(before, ".!?;:,\n")+1, 0):]
	words := strings.Fields(strings.ToLower(clause))
	for _, w := range words[max(len(words)-5, 0):] {
		if slices.Contains(conditionals[lang], w) {
			return true
		}
	}
	return false
}

// negatedBefore reports text that ends in a negation, which turns the
// phrase after it around: "no", "tampoco", "not", 不.
func negatedBefore(text string) bool {
	t := strings.TrimRight(text, " ,")
	if strings.HasSuffix(t, "不") || strings.HasSuffix(t, "无法") || strings.HasSuffix(t, "没有") {
		return true
	}
	i := strings.LastIndexAny(t, " \n(")
	switch strings.ToLower(t[i+1:]) {
	case "no", "not", "never", "tampoco", "nunca", "ni", "niet", "nie", "geen", "pas", "jamais":
		return true
	}
	return false
}

// mayHaveEmoticon reports text that could hold one of emoticonRe's: the
// expression is compiled and run only then. A colon is in most replies
// ("workshop: it", "14:00"); a colon with a mouth after it is not. (An
// "8" is no eye: "item 8)", "04 83 21".)
func mayHaveEmoticon(text string) bool {
	for _, s := range [...]string{"<3", "^", "xD", "XD", "T_T", "-_-", ":'("} {
		if strings.Contains(text, s) {
			return true
		}
	}
	for i := 0; i < len(text); i++ {
		if !strings.ContainsRune(":;=", rune(text[i])) {
			continue
		}
		mouth := func(j int) bool { return j < len(text) && strings.ContainsRune(")(][DPpOo/\\|*3", rune(text[j])) }
		if mouth(i+1) || i+1 < len(text) && strings.ContainsRune("-'^o", rune(text[i+1])) && mouth(i+2) {
			return true
		}
	}
	return false
}

// placeholders finds the unfilled placeholders of s. The expression is
// compiled only for text that could have one, which most replies cannot.
func placeholders(s string) [][]int {
	if !strings.ContainsAny(s, "{[<【") && !strings.Contains(s, "XXX") && !strings.Contains(s, "TODO") && !strings.Contains(s, "TBD") {
		return nil
	}
	return placeholderRe().FindAllStringIndex(s, -1)
}

// analyseParagraph runs the rules that look at one paragraph alone.
//
// buf is scratch space for the paragraph's words, reused from one
// paragraph to the next: nothing of them is kept in the result.
func (c *Checker) analyseParagraph(lex *Lexicon, lang string, p paragraph, buf *[]word) paraResult {
	var r paraResult
	text := p.text
	words := scanWordsInto((*buf)[:0], text, 0)
	*buf = words
	rel := paragraph{start: 0, end: len(text), text: text, list: p.list}
	sents := splitSentences(rel, words)
	r.sentences = len(sents)
	r.words = countUnits(words)
	add := func(rule string, sev Severity, start, end int, msg string, sugg ...string) {
		if c.disabled[rule] {
			return
		}
		f := Finding{Rule: rule, Severity: sev, Message: msg, Field: FieldBody, Offset: start, Length: end - start}
		for _, s := range sugg {
			if s != "" {
				f.Suggestions = append(f.Suggestions, s)
			}
		}
		r.findings = append(r.findings, f)
	}

	// Placeholders: the classic disaster of canned answers.
	for _, m := range placeholders(text) {
		add("placeholder-unfilled", Error, m[0], m[1], "unfilled placeholder "+text[m[0]:m[1]]+": fill it in or remove it before sending")
	}
	if strings.Contains(text, "!!") || strings.Contains(text, "??") || strings.Contains(text, "?!") || strings.Contains(text, "!?") || strings.Contains(text, "....") || strings.Contains(text, ",,") || strings.Contains(text, "！！") || strings.Contains(text, "？？") || strings.Contains(text, "。。") {
		for _, m := range repeatedPunct().FindAllStringIndex(text, -1) {
			add("punctuation-repeated", Warning, m[0], m[1], "repeated punctuation "+text[m[0]:m[1]]+" reads as shouting or impatience", strings.TrimSpace(string([]rune(text[m[0]:m[1]])[:1])))
		}
	}
	if mayHaveEmoticon(text) {
		for _, m := range emoticonRe().FindAllStringSubmatchIndex(text, -1) {
			add("emoticon", Warning, m[2], m[3], "emoticons read as too casual in a support reply; say it in words")
			r.casual++
		}
	}
	for i, rn := range text {
		if isEmoji(rn) {
			add("emoticon", Warning, i, i+utf8.RuneLen(rn), "emoji read as too casual in a support reply; say it in words")
			r.casual++
		}
		if rn == '!' || rn == '！' {
			prevBang := i > 0 && (text[i-1] == '!')
			next := i + utf8.RuneLen(rn)
			nextBang := next < len(text) && (text[next] == '!' || strings.HasPrefix(text[next:], "！"))
			if !prevBang && !nextBang {
				r.exclaims = append(r.exclaims, i)
			}
		}
	}

	// Shouting: words in capitals that are not acronyms or codes.
	for i, w := range words {
		if !w.caps || w.code || w.han || utf8.RuneCountInString(w.lower) < 4 || lex.has(inAcronyms, strings.ToUpper(w.lower)) || !c.isWord(lex, lang, w.lower) {
			continue
		}
		if i > 0 && (strings.HasSuffix(words[i-1].lower, "code") || strings.HasSuffix(words[i-1].lower, "código") || strings.HasSuffix(words[i-1].lower, "kode")) {
			continue // a discount or product code, written as it must be typed
		}
		if inQuotes(text, w.start) {
			continue // a name as it is written elsewhere: « STREAMPLUS DIGITAL »
		}
		if !lex.has(inStopwords, w.lower) && afterCode(text, words[:i], w.start) {
			continue // a message as a display shows it: "E07 LOW FLOW"
		}
		if inProductName(text, words, i) {
			continue // "LEGO Education SPIKE Prime", "MAPEI Keraflex"
		}
		add("shouting", Warning, w.start, w.end, "a word in capitals reads as shouting", strings.ToLower(text[w.start:w.end]))
	}

	// Repeated words: "the the".
	for i := 1; i < len(words); i++ {
		a, b := words[i-1], words[i]
		// Across a line break it is layout, a heading and its first line:
		// "Lesse vir Mia\nMia ry …".
		if a.lower != b.lower || a.code || a.han || strings.TrimSpace(text[a.end:b.start]) != "" || strings.Contains(text[a.end:b.start], "\n") || lex.has(inRepeatOK, a.lower) {
			continue
		}
		if nameParticle(text[a.start:a.end], text[b.start:b.end]) {
			continue // "de fietsregeling van Van Leeuwen", "bij de De Vries"
		}
		add("repeated-word", Warning, a.start, b.end, "the word \""+text[b.start:b.end]+"\" is repeated", text[a.start:a.end])
	}

	// Chinese doubles characters on purpose (谢谢, 看看), but never these
	// particles, pronouns and conjunctions: "新的的授权码" and "我们我们上次
	// 维修" are typos.
	if lang == "zh" {
		for _, w := range words {
			if !w.han {
				continue
			}
			for _, d := range [...]string{"的的", "是是", "在在", "和和", "您您", "我们我们", "你们你们", "他们他们", "已经已经", "可以可以", "如果如果", "因为因为", "所以所以", "但是但是"} {
				if i := strings.Index(w.lower, d); i >= 0 {
					add("repeated-word", Warning, w.start+i, w.start+i+len(d), "\""+d[len(d)/2:]+"\" is repeated", d[len(d)/2:])
				}
			}
		}
	}

	// Phrases of the word lists.
	c.matchPhrases(lex, lang, text, words, func(section string, e Entry, start, end int) {
		switch section {
		case "slang":
			r.casual++
			add("slang", Warning, start, end, "\""+text[start:end]+"\" is slang; not every customer reads it the same way", e.Suggestion)
		case "too-formal":
			if citesLaw(text[end:]) {
				return // "Conformément à l'article 15 du RGPD" is precise, not stiff
			}
			r.formal++
			add("too-formal", Warning, start, end, "\""+text[start:end]+"\" sounds stiff; most customers prefer a plain, friendly tone", e.Suggestion)
		case "negative-wording":
			if notARefusal(lang, text[:start], text[end:]) {
				return
			}
			r.negative++
			add("negative-wording", Warning, start, end, "\""+text[start:end]+"\" is negative; say what you can do", e.Suggestion)
		case "generic-apology":
			if !saysWhy(text[end:]) {
				add("generic-apology", Warning, start, end, "a generic apology sounds canned; say what you are sorry for", e.Suggestion)
			}
		case "blame":
			if negatedBefore(text[:start]) {
				return // reassurance: "no es tu culpa", "this is not your own fault"
			}
			r.negative++
			add("blame", Warning, start, end, "\""+text[start:end]+"\" can read as blaming the customer", e.Suggestion)
		case "promotional":
			if first, _ := utf8.DecodeRuneInString(text[start:]); unicode.IsDigit(first) && benefitBefore(lang, text[:start]) && !offerAround(lang, text, start, end) {
				return // a discount the customer already has: "the 10% off food", "el 15 % de descuento"
			}
			add("promotional", Warning, start, end, "a support reply is no place for offers or promotions")
		case "jargon":
			add("jargon", Warning, start, end, "\""+text[start:end]+"\" is internal jargon the customer may not know", e.Suggestion)
		case "next-step":
			r.nextStep = true
		case "patience":
			r.patience = true
			r.warm++
		case "apology":
			r.apology = true
		case "warm":
			r.warm++
		case "positive":
			r.positive++
		case "time":
			r.time = true
		case "alternative":
			// "tampoco podemos ofrecerle un bono" offers nothing.
			r.offer = r.offer || !negatedBefore(text[:start])
		}
	})

	// Spelling, where a dictionary is loaded.
	if d := c.spell.get(lang); d != nil && !c.disabled["spelling"] {
		// A word already flagged as slang or jargon, or inside an unfilled
		// placeholder, is not a typo as well.
		flagged := func(start, end int) bool {
			for _, f := range r.findings {
				if (f.Rule == "slang" || f.Rule == "jargon" || f.Rule == "placeholder-unfilled") && f.Offset < end && start < f.Offset+f.Length {
					return true
				}
			}
			return false
		}
		var en *spell.Dict
		if lang != "en" {
			en = c.spell.get("en")
		}
		misspelled(lang, d, en, lex, text, sents, flagged, func(start, end int) {
			add("spelling", Warning, start, end, "\""+text[start:end]+"\" is not in the "+lang+" dictionary: a typo?")
		})
	}

	// Sentences and steps.
	steps, actions := map[string]bool{}, map[string]bool{}
	// 35 words: in eleven rounds of replies written blind, the sentences
	// of 31–37 words were in good replies eight times out of nine (30
	// flagged them all), and every sentence a writer marked too long but
	// one had 39 words or more. French and Spanish take about a fifth more
	// words than English to say the same (articles, de, clitics: "se lo",
	// "de la"); the same sentence translated runs 15–25% longer.
	limit := 35
	switch lang {
	case "zh":
		limit = 60
	case "fr", "es":
		limit = 40
	}
	for _, s := range sents {
		if n := sentenceLength(text, s.words); n > limit {
			add("sentence-too-long", Warning, s.start, s.end, sentenceMsg(n, limit, lang), "split it in two")
		}
		for _, w := range s.words {
			if lex.has(inSteps, w.lower) {
				steps[w.lower] = true
			}
			if lex.has(inActions, w.lower) {
				actions[w.lower] = true
			}
		}
	}
	multiWord(lex, "steps", lang, text, words, steps)
	multiWord(lex, "actions", lang, text, words, actions)
	// Three steps are three marks of order (first, then, finally), or
	// fewer marks and enough actions to make three or more steps: "open
	// the console … Then click Invite, enter the addresses and confirm".
	asProse := !p.list && (len(steps) >= 3 || len(steps) >= 1 && len(actions) >= 3 && len(steps)+len(actions) >= 4 || len(actions) >= 5)
	if asProse {
		add("steps-as-prose", Warning, 0, len(text), "three or more steps read more easily as a numbered list", "1. …\n2. …\n3. …")
	}
	maxWords := 120
	if lang == "zh" {
		maxWords = 250
	}
	// Many sentences make a paragraph long, unless they are short and few
	// (six sentences of ten words are a paragraph of sixty, an ordinary
	// one; nine are not), steps as prose (the numbered list they need
	// breaks them up, so one finding says it) or the lines of a list it
	// holds ("调整后的行程：\n- …\n- …"). A paragraph long in words is long
	// whatever it holds.
	if !p.list && (len(sents) > 5 && (r.words > maxWords*2/3 || len(sents) > 8) && !asProse && listItems(text) < 2 || r.words > maxWords) {
		end := len(text)
		if nl := strings.IndexByte(text, '\n'); nl > 0 {
			end = nl
		}
		add("paragraph-too-long", Warning, 0, end, "a long paragraph is hard to read in an email; keep paragraphs to a few sentences")
	}

	// Metrics and content words.
	for _, w := range words {
		if w.code {
			continue
		}
		if w.han {
			r.content = append(r.content, hanBigrams(w.lower)...)
			continue
		}
		r.syllables += syllables(w.lower)
		if utf8.RuneCountInString(w.lower) > 6 {
			r.longWords++
		}
		if !lex.has(inStopwords, w.lower) && utf8.RuneCountInString(w.lower) >= 3 {
			r.content = append(r.content, stem(w.lower))
		}
	}
	return r
}

// multiWord adds to seen the phrases of a section the word index cannot
// find: those of more than one word ("after that", "ga naar"), and in
// Chinese, which has no spaces, every phrase (首先…然后…最后).
func multiWord(lex *Lexicon, section, lang, text string, words []word, seen map[string]bool) {
	for _, e := range lex.sectionList(section) {
		switch {
		case lang == "zh":
			if strings.Contains(text, e.Phrase) {
				seen[e.Phrase] = true
			}
		case len(e.words) > 1 && !seen[e.words[0]]:
			// A phrase whose first word is already counted is the same
			// action: "klik op" after "klik" is one step, not two.
			for i := range words {
				if words[i].lower != e.words[0] {
					continue
				}
				if _, ok := matchAt(words, i, e.words); ok {
					seen[e.Phrase] = true
					break
				}
			}
		}
	}
}

// sentenceLength counts a sentence's words for sentence-too-long: a run
// of numbers and codes is read as one ("01 44 52 18 90", "4 820 kWh" is
// two), as the eye takes it in, and so is a quoted Chinese name. A colon or
// a semicolon is a pause the reader rests at ("You are right: …", "…
// met die app wil koppel nie; dit is frustrerend …"), so the longest part
// between them is what counts. An aside in brackets ("（型号 SG10RT-P2）",
// "(Monday to Friday, 9 to 5)") is read apart from the sentence around
// it: it counts on its own, not towards the sentence.
func sentenceLength(text string, words []word) int {
	longest, outside, depth, from := 0, 0, 0, 0
	for i := 1; i <= len(words); i++ {
		var gap string
		if i < len(words) {
			gap = text[words[i-1].end:words[i].start]
			if !strings.ContainsAny(gap, ":;()：；（）") {
				continue
			}
		}
		if n := partLength(text, words[from:i]); depth > 0 {
			longest = max(longest, n)
		} else {
			outside += n
		}
		from = i
		if pause := strings.TrimLeft(gap, " "); depth == 0 && (i == len(words) || strings.HasPrefix(pause, ":") || strings.HasPrefix(pause, ";") || strings.HasPrefix(pause, "：") || strings.HasPrefix(pause, "；")) {
			longest = max(longest, outside)
			outside = 0
		}
		depth += strings.Count(gap, "(") + strings.Count(gap, "（") - strings.Count(gap, ")") - strings.Count(gap, "）")
		depth = max(depth, 0)
	}
	return max(longest, outside)
}

// partLength counts the words of a part of a sentence, as sentenceLength.
func partLength(text string, words []word) int {
	n := countUnits(words)
	for i, w := range words {
		if i > 0 && w.code && words[i-1].code && !w.han {
			n--
		}
		// A name in Chinese quotes (“深圳星河智能科技有限公司”) is read
		// as one.
		if w.han && strings.HasSuffix(text[:w.start], "“") && strings.HasPrefix(text[w.end:], "”") {
			n -= utf8.RuneCountInString(w.lower) - 1
		}
	}
	return n
}

func sentenceMsg(n, limit int, lang string) string {
	unit := "words"
	if lang == "zh" {
		unit = "characters"
	}
	return "a sentence of " + strconv.Itoa(n) + " " + unit + " is hard to follow; keep sentences under " + strconv.Itoa(limit)
}

func isEmoji(r rune) bool {
	return (r >= 0x1F300 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF && r != 0x2713 && r != 0x2714) || (r >= 0x1F000 && r <= 0x1F2FF)
}

// stem cuts a word to its first five letters, enough to match "refund" and
// "refunded" or "levering" and "leveren" without a real stemmer.
func stem(w string) string {
	if utf8.RuneCountInString(w) <= 5 {
		return w
	}
	return string([]rune(w)[:5])
}

func hanBigrams(s string) []string {
	rs := []rune(s)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// syllables counts vowel groups, a fair estimate for the Latin-script
// languages kindly checks; a final silent e in English-like words is dropped.
func syllables(w string) int {
	n, prev := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouyàáâäèéêëìíîïòóôöùúûüýÿœæ", r)
		if v && !prev {
			n++
		}
		prev = v
	}
	if n > 1 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && !strings.HasSuffix(w, "ee") {
		n--
	}
	if n == 0 {
		n = 1
	}
	return n
}

// causeMarkers start the cause of an apology: "sorry for the inconvenience
// caused by yesterday's outage" says what the sorry is for.
var causeMarkers = []string{
	"caused by ", "due to ", "because ", "from the ", "with the ",
	"veroorzaakt door ", "door de ", "door het ", "vanwege ", "doordat ",
	"causée par ", "causé par ", "par la ", "par le ", "par l'", "due à ", "liée à ", "lié à ", "d'autant que ", "d'autant plus que ",
	"causada por ", "causado por ", "por la ", "por el ", "debido a ", "con la ", "con el ",
	"veroorsaak deur ", "deur die ", "weens ", "as gevolg van ",
	"由于", "因为",
}

// saysWhy reports whether the text after a generic apology goes on to
// name its cause.
func saysWhy(rest string) bool {
	rest = strings.TrimLeft(rest, " ,")
	if len(rest) > 32 {
		rest = rest[:32] // the markers are short: no need to lower the whole paragraph
	}
	rest = strings.ToLower(rest)
	rest = strings.ReplaceAll(rest, "’", "'")
	for _, m := range causeMarkers {
		if strings.HasPrefix(rest, m) {
			return true
		}
	}
	return false
}

// afterCode reports capitals that follow a code in capitals, with only
// capitals and spaces between: the words of an error as the screen shows
// it ("the code E07 LOW FLOW", "de melding E21 HOGE DRUK"). before is the
// words before the one asked about, which starts at next.
func afterCode(text string, before []word, next int) bool {
	for i := len(before) - 1; i >= 0; i-- {
		w := before[i]
		if strings.Trim(text[w.end:next], " ") != "" {
			return false // a mark between: "… E07. PLEASE CALL"
		}
		s := text[w.start:w.end]
		switch {
		case w.code:
			return strings.ToUpper(s) == s && strings.ContainsFunc(s, unicode.IsUpper)
		case !w.caps || w.han:
			return false
		}
		next = w.start
	}
	return false
}

// nameParticle reports a word repeated as the particle of a surname: a
// lower-case "van", "de", "du"… followed by the same word capitalised,
// where the name starts.
func nameParticle(a, b string) bool {
	switch a {
	case "van", "de", "der", "den", "ter", "ten", "te", "du", "le", "la", "von", "da", "di", "del":
		r, _ := utf8.DecodeRuneInString(b)
		return unicode.IsUpper(r)
	}
	return false
}

// inProductName reports a word in capitals next to a capitalised word
// with only a space between: a brand or model as the maker writes it
// ("LEGO Education SPIKE Prime"). Shouting has ordinary words around it:
// "we DO NOT refund", and a capital that starts a sentence is no name:
// "Please NEVER share it".
func inProductName(text string, words []word, i int) bool {
	titled := func(j int) bool {
		w := words[j]
		if j == 0 || strings.ContainsAny(text[words[j-1].end:w.start], ".!?:;\n") {
			return false
		}
		r, _ := utf8.DecodeRuneInString(text[w.start:w.end])
		return !w.caps && !w.code && unicode.IsUpper(r)
	}
	if i > 0 && text[words[i-1].end:words[i].start] == " " && titled(i-1) {
		return true
	}
	return i+1 < len(words) && text[words[i].end:words[i+1].start] == " " && titled(i+1)
}

// benefitBefore reports text that ends in a definite article or a
// possessive, which makes the discount after it one the customer has, not
// one offered: "the 10% off", "your 15% discount", "el 15 % de
// descuento", "die 10% afslag". "de" is an article only in Dutch:
// "disfruta de 15 % de descuento" is an offer.
func benefitBefore(lang, text string) bool {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	word := t
	if i := strings.LastIndexFunc(t, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(\"“«", r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(t[i:])
		word = t[i+n:]
	}
	return slices.Contains(benefitWords[lang], strings.ToLower(word))
}

// offerAround reports a sentence that pushes the discount at text[start:end]:
// a verb of taking it before ("Claim your 20% off", "Aprovecha el 15 %")
// or a call to act after ("… starts Friday, so book now").
func offerAround(lang, text string, start, end int) bool {
	from := strings.LastIndexAny(text[:start], ".!?\n") + 1
	to := len(text)
	if i := strings.IndexAny(text[end:], ".!?\n"); i >= 0 {
		to = end + i
	}
	before := " " + strings.ToLower(text[from:start])
	after := strings.ToLower(text[end:to]) + " "
	for _, v := range offerVerbs[lang] {
		if strings.Contains(before, " "+v+" ") {
			return true
		}
	}
	for _, v := range callsToAct[lang] {
		if strings.Contains(after, v) {
			return true
		}
	}
	return false
}

// offerVerbs and callsToAct are the words of offerAround.
var (
	offerVerbs = map[string][]string{
		"en": {"claim", "get", "grab", "enjoy", "redeem", "use", "unlock"},
		"es": {"aprovecha", "aproveche", "consigue", "consiga", "obtén", "obtenga", "disfruta", "disfrute", "usa", "use"},
		"fr": {"profitez", "profite", "obtenez", "utilisez"},
		"nl": {"profiteer", "krijg", "pak", "gebruik"},
		"af": {"kry", "geniet", "benut", "gebruik"},
	}
	callsToAct = map[string][]string{
		"en": {"book now", "order now", "buy now", "today only", "this week only", "starts ", "ends "},
		"es": {"reserva ya", "compra ya", "solo hasta", "sólo hasta", "empieza", "termina"},
		"fr": {"réservez dès maintenant", "jusqu'à dimanche", "seulement jusqu"},
		"nl": {"boek nu", "bestel nu", "alleen tot", "alleen deze"},
		"af": {"boek nou", "bestel nou", "net hierdie", "slegs hierdie"},
	}
)

// benefitWords are the articles and possessives of benefitBefore.
var benefitWords = map[string][]string{
	"en": {"the", "your"},
	"es": {"el", "tu", "su"},
	"fr": {"le", "votre", "ton", "ta"},
	"nl": {"de", "je", "uw", "jouw"},
	"af": {"die", "jou", "u"},
}
