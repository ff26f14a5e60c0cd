package compose

import (
	"html"
	"strconv"
	"strings"
)

// htmlText converts an HTML email body to the plain text a person reads
// in a browser: blocks on their own lines, paragraphs apart, list items
// marked, quoted mail ("> ") kept recognisable for stripQuoted, scripts,
// styles and the head dropped, entities decoded once.
//
// It is our own small tokenizer on the standard library rather than a
// full HTML parser: an HTML library costs every kindly start-up its
// package initialisation, and the text checks need no DOM. It reads the
// input once, so any input, however broken, costs linear time.
func htmlText(src string) string {
	c := htmlConverter{src: src}
	c.w.b = make([]byte, 0, len(src)/2)
	c.run()
	return strings.Trim(string(c.w.b), " \t")
}

// Limits on what the text shows, so that output stays within a small
// multiple of the input whatever the nesting.
const (
	maxQuoteMarks = 8  // ">" marks before a quoted line
	maxListIndent = 4  // list levels that indent
	maxListStack  = 32 // list levels remembered for numbering
)

// htmlElement says how an element shapes the text around it.
type htmlElement uint8

const (
	inline    htmlElement = iota
	lineBlock             // starts and ends a line: div, li, tr, ...
	paraBlock             // a paragraph: a blank line before and after
	lineBreak             // br
	cell                  // td, th: a space between cells
	rawText               // script, style, ...: contents never shown
	headOnly              // may sit in <head> without ending it
)

var htmlElements = map[string]htmlElement{
	"p": paraBlock, "h1": paraBlock, "h2": paraBlock, "h3": paraBlock,
	"h4": paraBlock, "h5": paraBlock, "h6": paraBlock, "hr": paraBlock,

	"div": lineBlock, "li": lineBlock, "tr": lineBlock, "table": lineBlock,
	"blockquote": lineBlock, "ul": lineBlock, "ol": lineBlock, "dl": lineBlock,
	"pre": lineBlock, "section": lineBlock, "article": lineBlock, "header": lineBlock,
	"footer": lineBlock, "address": lineBlock, "dd": lineBlock, "dt": lineBlock,
	"form": lineBlock, "fieldset": lineBlock, "legend": lineBlock, "figure": lineBlock,
	"figcaption": lineBlock, "caption": lineBlock, "main": lineBlock, "nav": lineBlock,
	"aside": lineBlock, "center": lineBlock, "details": lineBlock, "summary": lineBlock,
	"option": lineBlock, "body": lineBlock, "html": lineBlock, "menu": lineBlock,
	"dir": lineBlock, "hgroup": lineBlock, "dialog": lineBlock,

	"br": lineBreak,
	"td": cell, "th": cell,

	"script": rawText, "style": rawText, "title": rawText, "template": rawText,
	"iframe": rawText, "noembed": rawText, "noframes": rawText,

	"meta": headOnly, "link": headOnly, "base": headOnly, "noscript": headOnly,
	"basefont": headOnly, "bgsound": headOnly, "head": headOnly,
}

// htmlTag is one start or end tag as the tokenizer read it, with the few
// attributes the text uses (raw, still entity-encoded).
type htmlTag struct {
	name             string // ASCII lower case; "" when longer than any name we know
	end              bool
	href, alt, start string
}

// htmlConverter walks the HTML once and feeds a textWriter.
type htmlConverter struct {
	src    string
	w      textWriter
	inHead bool

	linkOpen  bool
	linkHref  string
	linkStart int // where the link's text starts in w.b

	lists        []htmlList
	listOverflow int // list levels past maxListStack
}

type htmlList struct {
	ordered bool
	next    int
}

func (c *htmlConverter) run() {
	s := c.src
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			c.text(s[i:])
			break
		}
		if lt > 0 {
			c.text(s[i : i+lt])
			i += lt
		}
		i = c.markup(i)
	}
	c.closeLink()
}

// markup reads the construct starting with the '<' at s[i] and returns
// where the text after it starts. A '<' that starts nothing is text.
func (c *htmlConverter) markup(i int) int {
	s := c.src
	rest := s[i:]
	switch {
	case len(rest) > 1 && isASCIILetter(rest[1]),
		len(rest) > 2 && rest[1] == '/' && isASCIILetter(rest[2]):
		t, next := scanTag(s, i)
		if next < 0 { // the input ended inside the tag, as a browser drops it
			return len(s)
		}
		return c.tag(t, next)
	case strings.HasPrefix(rest, "<!--"):
		return skipComment(s, i)
	case strings.HasPrefix(rest, "<![CDATA["):
		if end := strings.Index(rest, "]]>"); end >= 0 {
			c.emit(rest[len("<![CDATA["):end])
			return i + end + len("]]>")
		}
		return skipPast(s, i, '>')
	case strings.HasPrefix(rest, "</>"):
		return i + 3
	case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"),
		len(rest) > 2 && rest[1] == '/':
		// DOCTYPE, processing instructions and broken end tags: skipped
		// to the next '>'.
		return skipPast(s, i, '>')
	}
	c.emit("<")
	return i + 1
}

// text writes a run of character data, decoding entities exactly once.
func (c *htmlConverter) text(raw string) {
	if c.inHead {
		if strings.Trim(raw, htmlSpace) == "" {
			return
		}
		c.inHead = false // text a browser would show ends the head
	}
	if strings.IndexByte(raw, '&') >= 0 {
		raw = html.UnescapeString(raw)
	}
	c.w.text(raw)
}

// emit writes literal text that needs no decoding.
func (c *htmlConverter) emit(s string) {
	c.inHead = false
	c.w.text(s)
}

// tag applies a start or end tag; next is where its text ends. It returns
// where reading goes on: past a raw-text element's contents.
func (c *htmlConverter) tag(t htmlTag, next int) int {
	kind := htmlElements[t.name]
	if c.inHead {
		endsHead := t.name == "head"
		if !t.end {
			endsHead = kind != headOnly && kind != rawText && t.name != "html"
		}
		if endsHead {
			c.inHead = false
		}
	}
	if t.end {
		c.endTag(t, kind)
		return next
	}
	switch kind {
	case rawText:
		return skipRawText(c.src, next, t.name)
	case lineBlock:
		if t.name == "pre" {
			next = skipNewline(c.src, next) // a browser drops the newline after <pre>
		}
	case headOnly:
		if t.name == "head" {
			c.inHead = true
		}
		return next
	}
	if c.inHead {
		return next
	}
	c.startTag(t, kind)
	return next
}

func (c *htmlConverter) startTag(t htmlTag, kind htmlElement) {
	w := &c.w
	switch kind {
	case paraBlock:
		w.block(2)
	case lineBlock:
		w.block(1)
	case lineBreak:
		w.lineBreak()
	case cell:
		w.space = true
	}
	switch t.name {
	case "a":
		c.closeLink() // links do not nest
		c.linkOpen, c.linkHref, c.linkStart = true, html.UnescapeString(t.href), len(w.b)
	case "img":
		if t.alt != "" {
			w.text(html.UnescapeString(t.alt))
		}
	case "blockquote":
		w.quote++
	case "pre":
		w.pre++
	case "ul", "ol":
		c.pushList(t)
	case "li":
		w.marker = c.listMarker()
	}
}

func (c *htmlConverter) endTag(t htmlTag, kind htmlElement) {
	w := &c.w
	switch kind {
	case paraBlock:
		w.block(2)
	case lineBlock:
		w.block(1)
	case lineBreak: // </br> is read as <br>, as browsers do
		w.lineBreak()
	}
	switch t.name {
	case "a":
		c.closeLink()
	case "blockquote":
		w.quote = max(w.quote-1, 0)
	case "pre":
		w.pre = max(w.pre-1, 0)
	case "ul", "ol":
		c.popList()
	case "li":
		w.marker = "" // an empty item shows nothing
	}
}

// closeLink ends the open link, adding its address after the text when
// the text alone would not tell the reader where it goes.
func (c *htmlConverter) closeLink() {
	if !c.linkOpen {
		return
	}
	c.linkOpen = false
	w := &c.w
	text := strings.TrimSpace(string(w.b[c.linkStart:]))
	shown, ok := linkTarget(c.linkHref)
	if !ok || text == "" || linkTextIsAddress(text) || sameTarget(text, shown) {
		return
	}
	after := w.space
	w.space = true
	w.word("(" + shown + ")")
	w.space = after
}

// linkTarget is how an href is shown: web and mail addresses only, with
// "mailto:" and its query dropped.
func linkTarget(href string) (string, bool) {
	href = strings.TrimSpace(href)
	for i := 0; i < len(href); i++ {
		if href[i] <= ' ' || href[i] == 0x7f {
			return "", false
		}
	}
	lower := strings.ToLower(href)
	switch {
	case strings.HasPrefix(lower, "mailto:"):
		addr, _, _ := strings.Cut(href[len("mailto:"):], "?")
		return addr, addr != ""
	case strings.HasPrefix(lower, "http://") && len(href) > len("http://"),
		strings.HasPrefix(lower, "https://") && len(href) > len("https://"):
		return href, true
	}
	return "", false
}

// linkTextIsAddress says the link text is itself a web or mail address
// (as when Outlook wraps a pasted URL in a safelinks redirect): it already
// tells the reader where the link goes.
func linkTextIsAddress(text string) bool {
	lower := strings.ToLower(text)
	return strings.Contains(lower, "://") || strings.HasPrefix(lower, "www.") || looksLikeAddress(text)
}

// sameTarget compares link text and address the way a reader would:
// "example.com" names "https://www.example.com/".
func sameTarget(text, target string) bool {
	norm := func(s string) string {
		s = strings.ToLower(s)
		for _, p := range []string{"https://", "http://", "www."} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(s, "/")
	}
	return norm(text) == norm(target)
}

func (c *htmlConverter) pushList(t htmlTag) {
	if len(c.lists) == maxListStack {
		c.listOverflow++
		return
	}
	first := 1
	if n, err := strconv.Atoi(strings.TrimSpace(t.start)); err == nil && n >= 0 && n < 1e6 {
		first = n
	}
	c.lists = append(c.lists, htmlList{ordered: t.name == "ol", next: first})
}

func (c *htmlConverter) popList() {
	switch {
	case c.listOverflow > 0:
		c.listOverflow--
	case len(c.lists) > 0:
		c.lists = c.lists[:len(c.lists)-1]
	}
}

// listMarker is what starts the next item of the innermost list: "- ",
// or "3. " in an ordered list, indented by nesting.
func (c *htmlConverter) listMarker() string {
	if len(c.lists) == 0 {
		return "- "
	}
	indent := strings.Repeat("  ", min(len(c.lists), maxListIndent)-1)
	l := &c.lists[len(c.lists)-1]
	if !l.ordered {
		return indent + "- "
	}
	l.next++
	return indent + strconv.Itoa(l.next-1) + ". "
}

// textWriter lays out text the way a browser shows it: whitespace
// collapsed outside <pre>, blocks on their own lines, at most one blank
// line in a row, and quoted lines marked with ">".
type textWriter struct {
	b       []byte
	midLine bool   // the current line has text
	space   bool   // collapsed whitespace waits before the next word
	breaks  int    // line ends waiting for the next word: 1, or 2 for a blank line
	marker  string // a list item's marker waiting for its first word
	pad     []byte // whitespace inside <pre> waiting for a word on its line

	quote     int // blockquote depth of the text being written
	lineQuote int // blockquote depth of the last line written
	pre       int // <pre> depth: whitespace kept when > 0
}

// block ends the current line, and leaves a blank line when n is 2.
func (w *textWriter) block(n int) {
	w.breaks = max(w.breaks, n)
	w.space = false
	w.pad = w.pad[:0]
}

// lineBreak is a <br>: one more line end, up to a blank line.
func (w *textWriter) lineBreak() {
	w.breaks = min(w.breaks+1, 2)
	w.space = false
	w.pad = w.pad[:0]
}

// text writes character data: entities already decoded.
func (w *textWriter) text(s string) {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\r' && w.pre > 0:
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
				continue
			}
			w.lineBreak()
		case c == '\n' && w.pre > 0:
			w.lineBreak()
		case c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r':
			if w.pre > 0 {
				w.preSpace(c)
			} else {
				w.space = true
			}
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0: // no-break space: a plain space
			if w.pre > 0 {
				w.preSpace(' ')
			} else {
				w.space = true
			}
			i += 2
			continue
		case c == 0:
		default:
			j := i + 1
			for j < len(s) && !specialText(s[j]) {
				j++
			}
			w.word(s[i:j])
			i = j
			continue
		}
		i++
	}
}

// preSpace holds whitespace inside <pre> until a word follows on the same
// line, so lines never end in spaces: tabs kept, the rest a space.
func (w *textWriter) preSpace(c byte) {
	if c != '\t' {
		c = ' '
	}
	w.pad = append(w.pad, c)
}

// specialText says the byte may need more than copying: whitespace, NUL,
// or the first byte of a no-break space.
func specialText(c byte) bool {
	return c <= ' ' && (isHTMLSpace(c) || c == 0) || c == 0xc2
}

// word writes text that is not whitespace to collapse, first laying out
// the line ends, quote marks, list marker or space waiting for it.
func (w *textWriter) word(s string) {
	if len(w.b) == 0 {
		w.breaks = 0 // no blank lines at the start
	}
	if w.breaks > 0 {
		w.b = append(w.b, '\n')
		if w.breaks > 1 {
			w.b = appendQuoteMarks(w.b, min(w.lineQuote, w.quote))
			w.b = append(w.b, '\n')
		}
		w.breaks = 0
		w.midLine = false
	}
	if !w.midLine {
		if w.quote > 0 {
			w.b = appendQuoteMarks(w.b, w.quote)
			w.b = append(w.b, ' ')
		}
		w.b = append(w.b, w.marker...)
		w.marker = ""
		w.lineQuote = w.quote
		w.midLine = true
	} else if w.space {
		w.b = append(w.b, ' ')
	}
	w.space = false
	w.b = append(w.b, w.pad...)
	w.pad = w.pad[:0]
	w.b = append(w.b, s...)
}

func appendQuoteMarks(b []byte, depth int) []byte {
	for range min(depth, maxQuoteMarks) {
		b = append(b, '>')
	}
	return b
}
