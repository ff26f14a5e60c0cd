package check

import (
	"net/mail"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// replyText is a body without the customer's email quoted under it.
func replyText(body string) string {
	if q := quoteStart(body); q >= 0 {
		return body[:q]
	}
	return body
}

// paraCache keeps paragraph results between runs of a Session.
type paraCache map[string]paraResult

func (c *Checker) run(in Input, cache *paraCache) Report {
	rep := Report{Language: in.Lang}
	body := in.Body
	// Detect the language once: it is the costliest whole-text step.
	own := replyText(body)
	detected, conf := c.detect(own)
	letter := c.splitLetter(in, detected)
	answer := body[letter.answerStart:letter.answerEnd]
	if rep.Language == "" {
		rep.Language = detected
		if rep.Language == "" && in.Incoming != nil {
			rep.Language = in.Incoming.Lang
		}
		if rep.Language == "" {
			rep.Language = "en"
		}
	}
	lex := c.lex.get(rep.Language)
	var fresh paraCache
	if cache != nil {
		fresh = make(paraCache, len(*cache))
	}

	// The answer, paragraph by paragraph.
	var agg paraResult
	paras := splitParagraphs(answer)
	var content map[string]bool
	if in.Incoming != nil && len(in.Incoming.Questions) > 0 {
		content = map[string]bool{}
	}
	var words []word // scratch for analyseParagraph
	for _, p := range paras {
		var r paraResult
		if cache != nil {
			key := rep.Language + "\x00" + p.text
			if c.spell.get(rep.Language) != nil {
				key = "spell\x00" + key // re-check paragraphs once a dictionary arrives
			}
			if cached, ok := (*cache)[key]; ok {
				r = cached
			} else {
				r = c.analyseParagraph(lex, rep.Language, p, &words)
			}
			fresh[key] = r
		} else {
			r = c.analyseParagraph(lex, rep.Language, p, &words)
		}
		base := letter.answerStart + p.start
		for _, f := range r.findings {
			f.Offset += base
			rep.Findings = append(rep.Findings, f)
		}
		for _, e := range r.exclaims {
			agg.exclaims = append(agg.exclaims, base+e)
		}
		agg.words += r.words
		agg.sentences += r.sentences
		agg.syllables += r.syllables
		agg.longWords += r.longWords
		agg.nextStep = agg.nextStep || r.nextStep
		agg.patience = agg.patience || r.patience
		agg.time = agg.time || r.time
		agg.offer = agg.offer || r.offer
		agg.warm += r.warm
		agg.positive += r.positive
		agg.negative += r.negative
		agg.formal += r.formal
		agg.casual += r.casual
		for _, w := range r.content {
			if content != nil {
				content[w] = true
			}
		}
	}
	if cache != nil {
		*cache = fresh
	}
	// A refusal that offers what can be done instead already does what
	// negative-wording asks: "we are unable to refund the rate … I would,
	// however, like to offer you two alternatives".
	if agg.offer {
		rep.Findings = slices.DeleteFunc(rep.Findings, func(f Finding) bool { return f.Rule == "negative-wording" })
	}
	// A capitalised word the reply writes mid-sentence elsewhere is a
	// name at a sentence's start too: "… dat Ruan se wiskunde beter gaan.
	// Ruan kan dus …".
	rep.Findings = slices.DeleteFunc(rep.Findings, func(f Finding) bool {
		return f.Rule == "spelling" && f.Field == FieldBody && namedMidSentence(in.Body, f.Offset, f.Length)
	})
	rep.Findings = slices.DeleteFunc(rep.Findings, func(f Finding) bool {
		return f.Rule == "jargon" && f.Field == FieldBody && f.Offset+f.Length <= len(in.Body) && explainedIn(in.Body, in.Body[f.Offset:f.Offset+f.Length])
	})
	rep.Metrics = metrics(rep.Language, agg, len(paras))
	rep.Tone = tone(agg, in)
	c.wholeText(&rep, in, letter, agg, detected, conf)
	c.fields(&rep, in, letter, lex)
	c.incoming(&rep, in, agg, content)

	out := rep.Findings[:0]
	for _, f := range rep.Findings {
		if !c.disabled[f.Rule] {
			out = append(out, f)
		}
	}
	rep.Findings = out
	placeFindings(rep.Findings, in)
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		a, b := rep.Findings[i], rep.Findings[j]
		if a.Field != b.Field {
			return fieldOrder(a.Field) < fieldOrder(b.Field)
		}
		return a.Offset < b.Offset
	})
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	return rep
}

// letter is where the parts of a plain-text reply are in Body.
type letter struct {
	answerStart, answerEnd int
	greeting               string
	greetingAt             int // offset in Body, -1 when the greeting is a field or missing
	closing, signature     bool
	closingAt              int
	teamOnly               bool // signed by a team, not a person
}

// splitLetter finds the greeting line at the top of the body and the
// closing and signature at the bottom, when they are not given as fields,
// so that they are left out of the reading figures.
func (c *Checker) splitLetter(in Input, detected string) letter {
	body := in.Body
	l := letter{answerEnd: len(body), greeting: in.Greeting, greetingAt: -1, closingAt: -1,
		closing: strings.TrimSpace(in.Closing) != "", signature: strings.TrimSpace(in.Signature) != ""}
	// The quoted customer email at the end is not part of the answer.
	if q := quoteStart(body); q >= 0 {
		l.answerEnd = q
	}
	if in.Greeting == "" && !in.Fragment {
		first := strings.TrimLeft(body[:l.answerEnd], " \t\n")
		lead := len(body[:l.answerEnd]) - len(first)
		line, rest, _ := strings.Cut(first, "\n")
		t := strings.TrimSpace(line)
		if greetingShaped(c.lex.get(c.langOr(in.Lang, detected)), t, rest) {
			l.greeting, l.greetingAt = t, lead
			l.answerStart = lead + len(line)
		}
	}
	if !l.closing && !in.Fragment {
		lex := c.lex.get(c.langOr(in.Lang, detected))
		lines := strings.Split(body[l.answerStart:l.answerEnd], "\n")
		off := l.answerStart
		offsets := make([]int, len(lines))
		for i, ln := range lines {
			offsets[i] = off
			off += len(ln) + 1
		}
		seen := 0
		for i := len(lines) - 1; i >= 0 && seen < 8; i-- {
			t := strings.TrimSpace(lines[i])
			if t == "" {
				continue
			}
			seen++
			if isClosing(lex, t) {
				l.closing, l.closingAt = true, offsets[i]+closingIn(lines[i])
				l.answerEnd = l.closingAt
				l.signature, l.teamOnly = signedByPerson(lex, lines[i+1:])
				break
			}
		}
		if !l.closing {
			if i := closingByShape(lex, lines); i >= 0 {
				l.closing, l.closingAt = true, offsets[i]+closingIn(lines[i])
				l.answerEnd = l.closingAt
				l.signature, l.teamOnly = signedByPerson(lex, lines[i+1:])
			} else if i := signatureStart(lex, lines); i >= 0 {
				// No closing, but a signature: a name in the short lines
				// at the bottom, and the lines under it.
				l.signature = true
				l.answerEnd = offsets[i]
			}
		}
	}
	if l.answerStart > l.answerEnd {
		l.answerStart = l.answerEnd
	}
	return l
}

// langOr is the language to read the letter's parts in: the one asked
// for, else the one detected, else English.
func (c *Checker) langOr(asked, detected string) string {
	switch {
	case asked != "":
		return asked
	case detected != "":
		return detected
	}
	return "en"
}

// greetingShaped reports a first line that is a greeting: at most six
// words ending as a greeting does ("Hi Anna,", "Estimada Sra. Ruiz:",
// "您好！"), or, as Afrikaans and Dutch often write it, with no mark at
// all ("Hallo Ruan", "Beste mnr. Kok") when it stands alone above a blank
// line and names someone: a capitalised word after the first, or a
// greeting of the lists ("Hallo").
func greetingShaped(lex *Lexicon, t, rest string) bool {
	if t == "" {
		return false
	}
	// A greeting that asks after the reader: "Hola, Martina, ¿cómo
	// estás?", "Hi Sam, how are you?".
	if i := strings.LastIndex(t, ","); i > 0 && strings.HasSuffix(t, "?") {
		return greetingShaped(lex, strings.TrimSpace(t[:i]), rest)
	}
	words := strings.Fields(t)
	switch {
	case strings.HasSuffix(t, "，") || strings.HasSuffix(t, "：") || strings.HasSuffix(t, "！"):
		return true
	case hanGreeting(t, rest):
		return true
	case strings.ContainsAny(t[len(t)-1:], ",:!"):
		return len(words) <= 8 // "Beste heer en mevrouw Van der Merwe,"
	}
	next, _, _ := strings.Cut(rest, "\n")
	if len(words) > 6 || strings.TrimSpace(next) != "" || strings.ContainsAny(t, "?;0123456789") {
		return false
	}
	if len(words) >= 2 && (strings.HasSuffix(t, "}}") || strings.HasSuffix(t, "]")) {
		return true // a name still to fill in: "Hallo {{voornaam}}"
	}
	if r, _ := utf8.DecodeLastRuneInString(t); !unicode.IsLetter(r) {
		return false // "Thanks for writing." is a sentence
	}
	if norm := normalizePhrase(t); lex != nil && (lex.has(inGreetingGeneric, norm) || lexHasPrefix(lex, "greeting-too-formal", norm)) {
		return true
	}
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// hanGreeting reports a short Chinese line that greets, ending in a full
// stop or nothing, alone above a blank line: "何经理，您好。", "周先生好".
// It ends as a greeting does: 您好, 下午好, or a title and 好. "您的电脑已经
// 修好。" is a sentence.
func hanGreeting(t, rest string) bool {
	next, _, _ := strings.Cut(rest, "\n")
	t = strings.TrimSuffix(t, "。")
	if strings.TrimSpace(next) != "" || utf8.RuneCountInString(t) > 16 || strings.ContainsAny(t, "。！？!?") {
		return false
	}
	for _, end := range [...]string{"您好", "你好", "早上好", "上午好", "中午好", "下午好", "晚上好", "大家好", "先生好", "女士好", "小姐好", "经理好", "老师好", "总好", "师傅好", "同学好"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// lexHasPrefix reports whether t starts with a phrase of a section.
func lexHasPrefix(lex *Lexicon, section, t string) bool {
	for _, e := range lex.sectionList(section) {
		if strings.HasPrefix(t, e.Phrase) {
			return true
		}
	}
	return false
}

// isClosing reports a line that is a sign-off: "Kind regards," or "Thanks
// again, and have a good weekend." is not; the line must be short.
func isClosing(lex *Lexicon, line string) bool {
	t := normalizePhrase(strings.TrimRight(line, ",.!:;，。！ "))
	if lex == nil || utf8.RuneCountInString(t) > 40 {
		return false
	}
	// A Chinese wish closes a reply whatever it wishes: 祝您骑行愉快！
	return lex.has(inClosing, t) || strings.ContainsFunc(line, isHan) && signOffShaped(line)
}

// closingByShape finds a sign-off that is in no list ("Merci pour votre
// confiance,", "Lekker dag verder!", "祝您骑行愉快！", "Met dank en
// vriendelike groete") by where it stands and how it looks: a short line
// ending as a sign-off does, or in a sign-off of the lists, with only a
// signature below it (at most five short lines) that starts with a name.
// It returns the line's index in lines, or -1.
func closingByShape(lex *Lexicon, lines []string) int {
	below := 0 // non-empty lines under the candidate
	for i := len(lines) - 1; i >= 0 && below <= 5; i-- {
		t := strings.TrimSpace(lines[i])
		if t == "" || below == 0 && isPostscript(t) {
			continue
		}
		if below > 0 && (signOffShaped(t) || endsInClosing(lex, t) || startsWithClosing(lex, t) || holdsClosing(lex, t)) && !isNameLine(t) {
			for _, ln := range lines[i+1:] {
				if s := strings.TrimSpace(ln); s != "" {
					if leadsWithName(s) {
						return i
					}
					break
				}
			}
		}
		if !signatureSized(t) {
			return -1 // a line of the answer, not of a signature
		}
		below++
	}
	return -1
}

// isPostscript reports a line added under the signature: "P.S. …", "PS:
// …", "P.D. …", "P. D.: …", Afrikaans "NS: …", "附：…".
func isPostscript(t string) bool {
	for _, p := range []string{"P.S.", "P. S.", "PS:", "PS ", "P.D.", "P. D.", "PD:", "N.B.", "NS:", "NS ", "N.S.", "附：", "附:"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// holdsClosing reports a line of one sentence, at most 25 words, that
// holds a sign-off of two words or more with at most five words after it:
// a wish for the season ("Au plaisir de voir Éloïse à l'atelier, et
// joyeuses Fêtes à toute la famille,") or a formal formula that ends a long
// sentence ("… aprovechamos la ocasión para saludarle muy atentamente.").
// A line of the answer that merely says thank you ("…, but thank you for
// sending the right address so quickly.") is no closing.
func holdsClosing(lex *Lexicon, t string) bool {
	body := strings.TrimRight(t, ",.!:;，。！ ")
	if lex == nil || strings.HasSuffix(t, "?") || strings.Contains(body, ". ") || strings.Contains(body, "! ") || strings.Contains(body, "? ") || lastSentence(body) > 0 {
		return false
	}
	words := strings.Fields(normalizePhrase(body))
	if len(words) > 25 {
		return false
	}
	for i := range words {
		words[i] = strings.Trim(words[i], ",;:")
	}
	for i := range words {
		for k := 2; k <= 4 && i+k <= len(words); k++ {
			if len(words)-(i+k) <= 5 && lex.has(inClosing, strings.Join(words[i:i+k], " ")) {
				return true
			}
		}
	}
	return false
}

// endsInClosing reports a line of at most twelve words whose last one to
// three words are a sign-off of the lists: "Met dank en vriendelike
// groete", "Sin otro particular, le saludamos atentamente."
func endsInClosing(lex *Lexicon, t string) bool {
	words := strings.Fields(normalizePhrase(strings.TrimRight(t, ",.!:;，。！ ")))
	if lex == nil || len(words) > 12 || strings.HasSuffix(t, "?") {
		return false
	}
	for k := 1; k <= 3 && k <= len(words); k++ {
		if lex.has(inClosing, strings.Join(words[len(words)-k:], " ")) {
			return true
		}
	}
	// A sign-off and where it comes from: "Groete uit Outjo", "Greetings
	// from sunny Durban".
	for i := 1; i < len(words) && i <= 3; i++ {
		if closingFrom[words[i]] && len(words)-i-1 <= 3 && lex.has(inClosing, strings.Join(words[:i], " ")) {
			return true
		}
	}
	return false
}

// genericGreeting reports a greeting that names no one: "Dear customer",
// or generic parts only, "亲爱的客户，您好".
func genericGreeting(lex *Lexicon, norm string) bool {
	if lex.has(inGreetingGeneric, norm) {
		return true
	}
	parts := strings.FieldsFunc(norm, func(r rune) bool { return r == ',' || r == '，' })
	for _, p := range parts {
		if !lex.has(inGreetingGeneric, strings.TrimSpace(p)) {
			return false
		}
	}
	return len(parts) > 1
}

// startsWithClosing reports a line of at most twelve words that opens
// with a sign-off of the lists of two words or more and goes on: "Au
// plaisir de vous accueillir, et belle semaine sur les pistes."
func startsWithClosing(lex *Lexicon, t string) bool {
	words := strings.Fields(normalizePhrase(strings.TrimRight(t, ",.!:;，。！ ")))
	if lex == nil || len(words) > 12 || strings.HasSuffix(t, "?") {
		return false
	}
	for i, w := range words {
		words[i] = strings.TrimRight(w, ",;:")
	}
	for k := 2; k <= 4 && k <= len(words); k++ {
		if lex.has(inClosing, strings.Join(words[:k], " ")) {
			return true
		}
	}
	// A one-word sign-off joined to a wish: "Saludos y nos vemos en
	// Cozumel", "Groete en sien jou Saterdag".
	if len(words) >= 3 && lex.has(inClosing, words[0]) {
		switch words[1] {
		case "and", "en", "et", "y", "e", "und":
			return true
		}
	}
	return false
}

// namedMidSentence reports whether the capitalised word at body[at:at+n]
// is written elsewhere in body after another word, not at a sentence's
// start: a name, then.
func namedMidSentence(body string, at, n int) bool {
	if at < 0 || n <= 0 || at+n > len(body) {
		return false
	}
	word := body[at : at+n]
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
		return false
	}
	for i := 0; ; {
		j := strings.Index(body[i:], word)
		if j < 0 {
			return false
		}
		j += i
		i = j + len(word)
		if j == at || !wordEdge(body, i) {
			continue
		}
		before := strings.TrimRight(body[:j], " ")
		if last, _ := utf8.DecodeLastRuneInString(before); len(before) < j && (unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',') {
			return true
		}
	}
}

// wordEdge reports whether s[i:] starts where a word ends.
func wordEdge(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i == len(s) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// closingFrom holds the words that join a sign-off to a place.
var closingFrom = map[string]bool{"from": true, "uit": true, "vanuit": true, "van": true, "de": true, "desde": true, "depuis": true}

// signOffShaped reports a line shaped like a sign-off: at most twelve words
// ending in a comma or an exclamation mark ("Thanks for learning with us,"),
// at most four ending in a full stop ("Thanks again."), or in Chinese a
// wish, a last clause that starts with 祝 or 顺颂 ("感谢您的支持，祝您生活
// 愉快！") or a first one (祝出差顺利，八月课上见), a short thanks or look
// ahead (再次感谢您的反馈。期待您和家人来看展。), or a short wish without
// 祝 (骑行愉快).
func signOffShaped(t string) bool {
	if strings.ContainsFunc(t, isHan) {
		// A wish as the last sentence of the last paragraph: "周五晚上我会
		// 再发一条上课提醒给你。期待周六一起下厨！"
		if i := lastSentence(t); i > 0 {
			return signOffShaped(t[i:])
		}
		body := strings.TrimRight(t, "！!。.，, ")
		if i := strings.LastIndexAny(body, "，,。"); i >= 0 {
			_, n := utf8.DecodeRuneInString(body[i:])
			body = body[i+n:]
		}
		if wish(body) {
			return utf8.RuneCountInString(body) <= 16
		}
		// A wish with a word after it: 祝出差顺利，八月课上见.
		if i := strings.IndexAny(t, "，,"); i >= 0 && wish(t[:i]) {
			return utf8.RuneCountInString(t) <= 20
		}
		// A closing thanks (再次感谢您的坦诚反馈。), a look ahead
		// (期待您和家人来看展。), either as the last clause of a sentence
		// (再次向您说声抱歉，谢谢您一直选择我们。), or a short wish without
		// 祝 (骑行愉快) or see-you (周六见！).
		n := utf8.RuneCountInString(t)
		for _, p := range []string{"感谢", "再次感谢", "谢谢", "非常感谢", "期待"} {
			if strings.HasPrefix(t, p) {
				return n <= 20
			}
			if strings.HasPrefix(body, p) && body != t {
				return utf8.RuneCountInString(body) <= 16 && n <= 30
			}
		}
		return n <= 8 && (strings.HasSuffix(body, "愉快") || strings.HasSuffix(body, "顺利") || strings.HasSuffix(body, "见"))
	}
	n := len(strings.Fields(t))
	switch {
	case strings.HasSuffix(t, ",") || strings.HasSuffix(t, "!"):
		return n <= 12
	case strings.HasSuffix(t, "."):
		return n <= 4 && !strings.HasSuffix(t, "..")
	}
	return false
}

// lastSentence returns where the last sentence of a Chinese line starts,
// or 0 when it has one sentence.
func lastSentence(t string) int {
	body := strings.TrimRight(t, "！!。.？? ")
	i := strings.LastIndexAny(body, "。！？")
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(body[i:])
	return i + n
}

// closingIn returns where the sign-off starts in a closing line: at its
// start, or at its last sentence when a Chinese reply closes its last
// paragraph with it.
func closingIn(line string) int {
	t := strings.TrimSpace(line)
	if !strings.ContainsFunc(t, isHan) || lastSentence(t) == 0 {
		return 0
	}
	return len(line) - len(strings.TrimLeft(line, " \t")) + lastSentence(t)
}

// wish reports a Chinese clause that wishes the reader well: 祝您生活愉快,
// 顺颂商祺.
func wish(s string) bool {
	s = strings.TrimPrefix(s, "提前") // 提前祝您新年快乐
	return strings.HasPrefix(s, "祝") || strings.HasPrefix(s, "顺颂") || strings.HasPrefix(s, "顺祝")
}

// isNameLine reports a line that can be a signature's name: one to four
// words, each capitalised but for particles (van, de, du, …), with no
// digits and no punctuation but for initials and hyphenated names; or two
// to four Chinese characters.
func isNameLine(t string) bool {
	if strings.ContainsFunc(t, isHan) {
		// A name, or a title and a name: 王晓雨, 客服专员 张伟, 售后服务部
		// 李静（工号 1024）.
		if i := strings.IndexAny(t, "（("); i > 0 {
			t = strings.TrimSpace(t[:i])
		}
		fields := strings.Fields(t)
		if len(fields) == 0 || len(fields) > 3 {
			return false
		}
		for _, f := range fields {
			if strings.ContainsFunc(f, func(r rune) bool { return !isHan(r) }) {
				return false
			}
		}
		n := utf8.RuneCountInString(fields[len(fields)-1])
		return n >= 2 && n <= 4
	}
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	capitals := 0
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '.' && r != '\'' && r != '’' {
				return false
			}
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capitals++
		} else if !isNameParticle(w) {
			return false
		}
	}
	return capitals > 0
}

// leadsWithName reports a signature line that starts with a name: the
// name alone, or followed by the team after a comma or a dash ("Pauline,
// du service client Frais&Vite", "Irene Castro – Atención al Viajero").
func leadsWithName(t string) bool {
	if isNameLine(t) {
		return true
	}
	name := nameOf(t)
	return name != t && len(strings.Fields(name)) <= 3 && isNameLine(name)
}

// nameOf is what comes before the first comma or dash of a signature line,
// or before the team the agent signs with ("Jorge Canché y el equipo de
// Azul Profundo"): the name, if the line starts with one.
func nameOf(t string) string {
	for _, sep := range []string{", ", " – ", " — ", " - ", " | ", " and the ", " y el ", " en die ", " en het ", " et l'", " et l’"} {
		if name, _, ok := strings.Cut(t, sep); ok {
			return name
		}
	}
	return t
}

// signatureSized reports a line short enough for a signature: a name, a
// title, a phone number in at most eight words and sixty characters, or a
// longer title and team or a phone number with its hours (up to sixteen
// words and eighty characters) that does not end as a sentence does.
func signatureSized(t string) bool {
	n, runes := len(strings.Fields(t)), utf8.RuneCountInString(t)
	if n <= 8 && runes <= 60 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".?!:;。？！", r) && !endsInTimeOfDay(t) {
		return false
	}
	if strings.ContainsFunc(t, unicode.IsDigit) {
		// a phone number and its hours: "Línea de atención: 604 444 1234,
		// de lunes a viernes, de 7:00 a. m. a 7:00 p. m."
		return n <= 20 && runes <= 100
	}
	return n <= 16 && runes <= 80
}

// endsInTimeOfDay reports a line that ends in "a.m.", "p. m." or the like,
// whose full stop ends an abbreviation, not a sentence.
func endsInTimeOfDay(t string) bool {
	t = strings.ToLower(strings.ReplaceAll(t, " ", ""))
	return strings.HasSuffix(t, "a.m.") || strings.HasSuffix(t, "p.m.")
}

// signatureStart finds a signature with no closing above it: a line
// shaped like a name, not a team's, among the short lines at the bottom of
// a reply (at most five). It returns the name line's index, or -1.
func signatureStart(lex *Lexicon, lines []string) int {
	at, n := -1, 0
	for i := len(lines) - 1; i >= 0 && n < 5; i-- {
		t := strings.TrimSpace(lines[i])
		if !signatureSized(t) {
			break
		}
		if t == "" {
			continue
		}
		n++
		if leadsWithName(t) && !isTeamLine(lex, t) {
			at = i
		}
	}
	return at
}

// signedByPerson reports whether a signature names a person: a line that
// is not blank, and not just a team ("Team Vakwijs", "The Acme support
// team"), is taken for the agent's name or title.
// teamOnly is true when the signature has lines, all of them a team's.
func signedByPerson(lex *Lexicon, sig []string) (person, teamOnly bool) {
	for _, ln := range sig {
		t := strings.TrimSpace(ln)
		if t == "" {
			continue
		}
		// "Pauline, du service client Frais&Vite": a person, then her team.
		if !isTeamLine(lex, t) || leadsWithName(t) && !isTeamLine(lex, nameOf(t)) {
			return true, false
		}
		// "长三角城际铁路客服中心 刘佳": a team, then a person.
		if f := strings.Fields(t); len(f) >= 2 && strings.ContainsFunc(t, isHan) && isNameLine(t) && !isTeamLine(lex, f[len(f)-1]) {
			return true, false
		}
		teamOnly = true
	}
	return false, teamOnly
}

// isTeamLine reports a short line that names a team, not a person.
func isTeamLine(lex *Lexicon, t string) bool {
	if len(strings.Fields(t)) > 5 {
		return false
	}
	norm := normalizePhrase(t)
	for _, e := range lex.sectionList("team") {
		if containsWords(norm, e.Phrase) {
			return true
		}
	}
	return false
}

// containsWords reports whether phrase occurs in s as whole words (or, in
// Chinese, anywhere).
func containsWords(s, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		first, _ := utf8.DecodeRuneInString(phrase)
		if isHan(first) || (start == 0 || !unicode.IsLetter(before)) && (end == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		i = start + 1
	}
}

// isNameParticle reports the lower-case words inside names: Jan van der
// Berg, Marie du Pont, Ana de la Cruz, Pieter 't Hart.
func isNameParticle(w string) bool {
	switch w {
	case "van", "der", "den", "de", "du", "la", "le", "da", "das", "dos", "del", "von", "ten", "ter", "te", "'t", "y", "bin", "al":
		return true
	}
	return false
}

// quoteStart finds the start of a quoted email at the end of the body: an
// attribution line followed by "> " lines, or the first "> " line.
func quoteStart(body string) int {
	idx := strings.Index(body, "\n>")
	if strings.HasPrefix(body, ">") {
		idx = 0
	}
	if idx < 0 {
		return -1
	}
	// Include the attribution line above it.
	start := idx
	if idx > 0 {
		prev := strings.LastIndexByte(body[:idx], '\n')
		line := strings.TrimSpace(body[prev+1 : idx])
		if strings.HasSuffix(line, ":") || strings.HasSuffix(line, "：") {
			start = prev + 1
		} else {
			start = idx + 1
		}
	}
	// Only when everything after is quoted (or blank).
	for _, ln := range strings.Split(body[idx:], "\n") {
		if t := strings.TrimSpace(ln); t != "" && !strings.HasPrefix(t, ">") {
			return -1
		}
	}
	return start
}

func (c *Checker) wholeText(rep *Report, in Input, l letter, agg paraResult, detected string, conf float64) {
	add := func(rule string, sev Severity, field string, off, n int, msg string, sugg ...string) {
		rep.Findings = append(rep.Findings, Finding{Rule: rule, Severity: sev, Message: msg, Field: field, Offset: off, Length: n, Suggestions: sugg})
	}
	// One exclamation mark, and one more per hundred words: a warm thanks
	// and a "good luck with the interview!" in a long reply are not loud.
	// A wish on its own line above the closing ("¡Mucho éxito en la
	// entrevista!", "Have a lovely weekend!") belongs to the sign-off.
	exclaims := agg.exclaims
	if n := len(exclaims); n > 0 {
		answer := strings.TrimRight(in.Body[l.answerStart:l.answerEnd], " \t\n")
		last := answer[strings.LastIndex(answer, "\n\n")+1:]
		if exclaims[n-1] >= l.answerStart+len(answer)-len(last) && len(strings.Fields(last)) <= 8 && !strings.Contains(strings.TrimSpace(last), "\n") {
			exclaims = exclaims[:n-1]
		}
	}
	if allowed := 1 + agg.words/100; len(exclaims) > allowed {
		for _, off := range exclaims[allowed:] {
			_, size := utf8.DecodeRuneInString(in.Body[off:]) // "!" or "！"
			add("exclamation", Warning, FieldBody, off, size, "exclamation marks make a reply sound loud; keep to one or two", ".")
		}
	}
	// Past 300 words (600 Chinese characters) an answer is a page to
	// read, not a reply. 250 was too tight: careful answers that list the
	// documents to send run to 260.
	limit, unit := 300, "words"
	if rep.Language == "zh" {
		limit, unit = 600, "characters"
	}
	if agg.words > limit {
		add("reply-too-long", Warning, FieldBody, l.answerStart, 0, "the answer is "+strconv.Itoa(agg.words)+" "+unit+"; over "+strconv.Itoa(limit)+", link to a help article instead of pasting it")
	}
	m := rep.Metrics
	if agg.words >= 60 && m.Grade > float64(c.cfg.ReadingGrade) {
		add("readability", Warning, FieldBody, l.answerStart, 0, "reading grade "+formatGrade(m.Grade)+" ("+m.Formula+"); aim for "+strconv.Itoa(c.cfg.ReadingGrade)+" or lower with shorter sentences and simpler words")
	}
	// A time counts as a next step: Dutch and Afrikaans say what will
	// happen in the present tense ("de lamp wordt woensdag bezorgd").
	if agg.words >= 20 && !agg.nextStep && !agg.time && !in.Fragment {
		add("no-next-step", Hint, FieldBody, l.answerStart, 0, "say what happens next and when the customer will hear from you")
	}
	if in.Incoming != nil && in.Incoming.Lang != "" && agg.words >= 5 && in.Lang == "" {
		if detected != "" && conf >= 0.3 && detected != in.Incoming.Lang {
			add("language-mismatch", Warning, FieldBody, l.answerStart, 0, "the customer wrote in "+langName(in.Incoming.Lang)+" but the reply is in "+langName(detected)+"; answer in their language")
		}
	}
}

func (c *Checker) fields(rep *Report, in Input, l letter, lex *Lexicon) {
	add := func(rule string, sev Severity, field string, off, n int, msg string, sugg ...string) {
		rep.Findings = append(rep.Findings, Finding{Rule: rule, Severity: sev, Message: msg, Field: field, Offset: off, Length: n, Suggestions: sugg})
	}
	// A whole reply, not a line typed so far: over 120 characters, about
	// 20 words; in Chinese, where a character is nearly a word, over 40.
	long := 120
	if rep.Language == "zh" {
		long = 40
	}
	full := !in.Fragment && (in.Message || utf8.RuneCountInString(in.Body) > long)
	// Subject.
	if in.Message || in.Subject != "" {
		s := in.Subject
		core := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "Re:"))
		switch {
		case core == "":
			add("subject-missing", Error, FieldSubject, 0, len(s), "the subject is empty; without one the email gets lost")
		default:
			n, max := utf8.RuneCountInString(s), 60
			if rep.Language == "zh" || strings.ContainsFunc(s, isHan) {
				max = 30
			}
			if n > max {
				add("subject-too-long", Warning, FieldSubject, 0, len(s), "the subject is "+strconv.Itoa(n)+" characters; mail clients show about "+strconv.Itoa(max)+" (phones 25–30): put the key words first")
			}
			for _, m := range placeholders(s) {
				add("placeholder-unfilled", Error, FieldSubject, m[0], m[1]-m[0], "unfilled placeholder "+s[m[0]:m[1]]+" in the subject")
			}
			caps := 0
			for _, w := range scanWords(s, 0) {
				if w.caps && !w.code && utf8.RuneCountInString(w.lower) >= 4 && !lex.has(inAcronyms, w.lower) {
					caps++
				}
			}
			if caps > 0 || strings.Count(s, "!")+strings.Count(s, "！") > 1 {
				add("subject-shouting", Warning, FieldSubject, 0, len(s), "capitals or exclamation marks in the subject read as shouting")
			}
		}
	}
	// Recipients.
	if in.Message && len(in.Recipients) == 0 {
		add("recipient-invalid", Error, FieldTo, 0, 0, "the reply has no recipient")
	}
	off := 0
	for _, r := range in.Recipients {
		if _, err := mail.ParseAddress(r); err != nil {
			add("recipient-invalid", Error, FieldTo, off, len(r), "\""+r+"\" is not a valid email address")
		}
		off += len(r) + 2
	}
	// Greeting.
	gField, gOff := FieldGreeting, 0
	if in.Greeting == "" {
		gField, gOff = FieldBody, l.greetingAt
	}
	g := l.greeting
	switch {
	case g == "" && full:
		add("greeting-no-name", Warning, FieldBody, 0, 0, "start with a greeting by the customer's name")
	case g != "":
		norm := normalizePhrase(strings.TrimRight(g, ",.!:;，。！："))
		formal := false
		for _, e := range lex.sectionList("greeting-too-formal") {
			if strings.Contains(norm, e.Phrase) {
				formal = true
				add("greeting-too-formal", Warning, gField, gOff, len(g), "\""+g+"\" feels distant; greet the customer by name", e.Suggestion)
				break
			}
		}
		generic := genericGreeting(lex, norm)
		named := in.CustomerName == "" || containsName(g, in.CustomerName)
		if !formal && (generic || !named) {
			add("greeting-no-name", Warning, gField, gOff, len(g), "greet the customer by name")
		}
	}
	// Placeholders outside the answer: in the greeting, closing and signature.
	for _, part := range []struct {
		field string
		text  string
		base  int
	}{{gField, g, gOff}, {FieldBody, tailOf(in.Body, l), l.answerEnd}, {FieldClosing, in.Closing, 0}, {FieldSignature, in.Signature, 0}} {
		if part.text == "" || part.base < 0 {
			continue
		}
		for _, m := range placeholders(part.text) {
			add("placeholder-unfilled", Error, part.field, part.base+m[0], m[1]-m[0], "unfilled placeholder "+part.text[m[0]:m[1]]+": fill it in or remove it before sending")
		}
	}
	// Closing and signature.
	if !l.closing && full {
		add("closing-missing", Warning, FieldBody, len(in.Body), 0, "close politely, e.g. with a thank-you and \"Kind regards,\"")
	}
	if !l.signature && full {
		msg := "sign with your name, title and how to reach you: two people talking, not a case being processed"
		if l.teamOnly {
			msg = "sign with your own name, not only the team's: two people talking, not a case being processed"
		}
		add("signature-missing", Warning, FieldBody, len(in.Body), 0, msg)
	}
	// Attachments.
	for i, a := range in.Attachments {
		if a.Size > 100*1024 {
			add("attachment-too-large", Warning, FieldAttachments, i, 1, a.Name+" is "+strconv.Itoa(int(a.Size/1024))+" KB; over 100 KB, send a link instead")
		}
	}
}

func (l *Lexicon) sectionList(s string) []Entry {
	if l == nil {
		return nil
	}
	return l.Sections[s]
}

func containsName(g, name string) bool {
	low := strings.ToLower(g)
	for _, part := range strings.Fields(strings.ToLower(name)) {
		if utf8.RuneCountInString(part) >= 2 && strings.Contains(low, part) {
			return true
		}
	}
	return strings.Contains(low, strings.ToLower(name))
}

func (c *Checker) incoming(rep *Report, in Input, agg paraResult, content map[string]bool) {
	inc := in.Incoming
	if inc == nil {
		return
	}
	add := func(rule string, sev Severity, off, n int, msg string, sugg ...string) {
		rep.Findings = append(rep.Findings, Finding{Rule: rule, Severity: sev, Message: msg, Field: FieldIncoming, Offset: off, Length: n, Suggestions: sugg})
	}
	if inc.Age > 24*time.Hour && !agg.patience {
		msg := "the customer wrote " + formatAge(inc.Age) + " ago; thank them for their patience"
		if inc.Age > 72*time.Hour {
			msg = "the customer has waited " + formatAge(inc.Age) + ": after 3 days customers doubt anyone read their email; thank them for their patience and apologise for the wait"
		}
		add("response-late", Warning, 0, 0, msg, patienceSuggestion(rep.Language))
	}
	if inc.Upset {
		add("customer-upset", Hint, 0, 0, "the customer sounds upset ("+strings.Join(inc.UpsetWhy, ", ")+"): pause, acknowledge how they feel, and answer calmly")
	}
	lex := c.lex.get(inc.Lang)
	for _, q := range inc.Questions {
		ok := agg.words > 0 && (answered(q.Text, content, lex) || agg.time && asksWhen(q.Text, lex))
		rep.Answered = append(rep.Answered, ok)
		if !ok && agg.words >= 10 {
			add("unanswered-questions", Warning, q.Offset, len(q.Text), "the customer asked: \""+q.Text+"\" — the reply does not seem to answer it")
		}
	}
}

// answered reports whether the reply shares a content word with the
// question: a cheap but useful sign that it was addressed.
func answered(q string, content map[string]bool, lex *Lexicon) bool {
	words := scanWords(q, 0)
	any := false
	for _, w := range words {
		if w.han {
			for _, bg := range hanBigrams(w.lower) {
				if lex.has(inStopwords, bg[:3]) {
					continue
				}
				any = true
				if content[bg] {
					return true
				}
			}
			continue
		}
		if w.code {
			any = true
			if content[stem(w.lower)] {
				return true
			}
			continue
		}
		if lex.has(inStopwords, w.lower) || utf8.RuneCountInString(w.lower) < 3 {
			continue
		}
		any = true
		if content[stem(w.lower)] {
			return true
		}
	}
	return !any
}

func patienceSuggestion(code string) string {
	switch code {
	case "nl":
		return "Bedankt voor uw geduld."
	case "fr":
		return "Merci pour votre patience."
	case "es":
		return "Gracias por su paciencia."
	case "af":
		return "Dankie vir u geduld."
	case "zh":
		return "感谢您的耐心等待。"
	}
	return "Thank you for your patience."
}

func formatAge(d time.Duration) string {
	if d >= 48*time.Hour {
		return strconv.Itoa(int(d/(24*time.Hour))) + " days"
	}
	return strconv.Itoa(int(d/time.Hour)) + " hours"
}

func langName(code string) string {
	return map[string]string{"en": "English", "nl": "Dutch", "fr": "French", "es": "Spanish", "af": "Afrikaans", "zh": "Chinese"}[code]
}

func fieldOrder(f string) int {
	for i, x := range []string{FieldTo, FieldSubject, FieldGreeting, FieldBody, FieldClosing, FieldSignature, FieldAttachments, FieldIncoming} {
		if x == f {
			return i
		}
	}
	return 99
}

// placeFindings fills Line and Col from the offsets.
func placeFindings(fs []Finding, in Input) {
	for i := range fs {
		var text string
		switch fs[i].Field {
		case FieldBody:
			text = in.Body
		case FieldSubject:
			text = in.Subject
		case FieldGreeting:
			text = in.Greeting
		case FieldIncoming:
			if in.Incoming != nil {
				text = in.Incoming.Text
			}
		}
		fs[i].Line, fs[i].Col = lineCol(text, fs[i].Offset)
	}
}

func lineCol(text string, off int) (int, int) {
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	before := text[:off]
	line := strings.Count(before, "\n") + 1
	start := strings.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCountInString(before[start:]) + 1
}

func isHan(r rune) bool { return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF }

// asksWhen reports a question about time, which a reply answers with a time
// rather than with the question's own words.
func asksWhen(q string, lex *Lexicon) bool {
	if lex == nil {
		return false
	}
	low := normalizePhrase(q)
	for _, e := range lex.Sections["when"] {
		if e.re == nil && (strings.HasPrefix(low, e.Phrase+" ") || strings.Contains(low, " "+e.Phrase+" ") || strings.Contains(low, e.Phrase) && isHan([]rune(e.Phrase)[0])) {
			return true
		}
	}
	return false
}

// tailOf is the closing and signature at the end of a plain-text body,
// before any quoted email.
func tailOf(body string, l letter) string {
	end := len(body)
	if q := quoteStart(body); q >= 0 {
		end = q
	}
	if l.answerEnd >= end {
		return ""
	}
	return body[l.answerEnd:end]
}
