package compose

import (
	"fmt"
	"io"
	"mime"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
)

const maxTextBytes = 4 << 20 // text kept from one part; a support email's text is far smaller

// walker collects the readable text and the attachments of a message tree.
type walker struct {
	m     *Message
	plain []string
	html  []string
	parts int
}

func (w *walker) text() string {
	if len(w.plain) > 0 {
		return normalizeText(strings.Join(w.plain, "\n\n"))
	}
	if len(w.html) > 0 {
		w.m.FromHTML = true
		return normalizeText(strings.Join(w.html, "\n\n"))
	}
	return ""
}

func (w *walker) walk(e *message.Entity, depth int) {
	w.parts++
	if depth > maxPartDepth || w.parts > maxParts {
		w.m.Problems = append(w.m.Problems, "too many nested parts; the rest was skipped")
		return
	}
	mediaType, params, err := e.Header.ContentType()
	if err != nil || mediaType == "" {
		mediaType = "text/plain"
	}
	if mr := e.MultipartReader(); mr != nil {
		var alternatives []*walker
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				if p == nil {
					w.m.Problems = append(w.m.Problems, "broken multipart: "+err.Error())
					break
				}
				w.m.Problems = append(w.m.Problems, err.Error())
			}
			if mediaType == "multipart/alternative" {
				// Each alternative is the same content: keep the best one.
				sub := &walker{m: w.m, parts: w.parts}
				sub.walk(p, depth+1)
				w.parts = sub.parts
				alternatives = append(alternatives, sub)
				continue
			}
			w.walk(p, depth+1)
		}
		w.pickAlternative(alternatives)
		return
	}
	disp, dparams, _ := e.Header.ContentDisposition()
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	name = decodeHeader(name, nil)
	isText := mediaType == "text/plain" || mediaType == "text/html"
	if disp == "attachment" || (!isText && mediaType != "message/rfc822") || (name != "" && disp != "inline") {
		n, _ := io.Copy(io.Discard, e.Body)
		w.m.Attachments = append(w.m.Attachments, Attachment{Filename: cleanText(path.Base(name)), ContentType: mediaType, Size: n})
		return
	}
	if mediaType == "message/rfc822" {
		if inner, err := message.Read(e.Body); err == nil || inner != nil {
			w.walk(inner, depth+1)
		}
		return
	}
	body, err := io.ReadAll(io.LimitReader(e.Body, maxTextBytes))
	if err != nil {
		w.m.Problems = append(w.m.Problems, fmt.Sprintf("%s part: %v", mediaType, err))
	}
	text := string(body)
	if !utf8.ValidString(text) {
		// No charset label and 8-bit text, as old clients send it.
		text = guessCharset(body)
	}
	if mediaType == "text/html" {
		w.html = append(w.html, htmlText(text))
		return
	}
	if strings.EqualFold(params["format"], "flowed") {
		text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
	}
	w.plain = append(w.plain, text)
}

// pickAlternative keeps the text/plain alternative when there is one with
// text, else the HTML one.
func (w *walker) pickAlternative(alts []*walker) {
	var best *walker
	for _, a := range alts {
		if len(a.plain) > 0 && strings.TrimSpace(strings.Join(a.plain, "")) != "" {
			best = a
			break
		}
	}
	if best == nil {
		for _, a := range alts {
			if len(a.html) > 0 {
				best = a
				break
			}
		}
	}
	if best != nil {
		w.plain = append(w.plain, best.plain...)
		w.html = append(w.html, best.html...)
	}
}

// normalizeText gives LF line ends, valid UTF-8 and no NUL bytes.
func normalizeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\x00", "")
	return strings.TrimRight(s, "\n ") + "\n"
}

// unflow decodes format=flowed text (RFC 3676): a line ending in a space
// continues on the next one, and space-stuffing is removed.
func unflow(s string, delSp bool) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var out strings.Builder
	var para strings.Builder
	prevDepth := -1
	flush := func(depth int) {
		if prevDepth >= 0 {
			out.WriteString(strings.Repeat(">", prevDepth))
			if prevDepth > 0 {
				out.WriteByte(' ')
			}
			out.WriteString(para.String())
			out.WriteByte('\n')
		}
		para.Reset()
		prevDepth = -1
	}
	for _, l := range lines {
		depth := 0
		for depth < len(l) && l[depth] == '>' {
			depth++
		}
		l = l[depth:]
		l = strings.TrimPrefix(l, " ") // space-stuffing
		if prevDepth >= 0 && depth != prevDepth {
			flush(depth)
		}
		prevDepth = depth
		soft := strings.HasSuffix(l, " ") && l != "-- "
		if soft && delSp {
			l = l[:len(l)-1]
		}
		para.WriteString(l)
		if !soft {
			flush(depth)
		}
	}
	if prevDepth >= 0 {
		flush(0)
	}
	return strings.TrimSuffix(out.String(), "\n")
}

// decodeHeader decodes RFC 2047 encoded words. Broken ones, as seen in the
// wild (unknown charsets, bad base64, words split mid-character, encoded
// words inside quotes), are decoded as far as possible and kept as they are
// otherwise. problems, if not nil, collects what went wrong.
func decodeHeader(v string, problems *[]string) string {
	dec := mime.WordDecoder{CharsetReader: charsetReader}
	v = guessCharset([]byte(v)) // raw 8-bit header text, as old clients send it
	if s, err := dec.DecodeHeader(v); err == nil {
		return cleanText(s)
	}
	// Decode word by word, joining adjacent encoded words as RFC 2047 says.
	var b strings.Builder
	words := strings.Fields(v)
	prevEncoded := false
	for i, w := range words {
		s, err := dec.Decode(w)
		encoded := err == nil
		if !encoded {
			s = w
		}
		if i > 0 && !(encoded && prevEncoded) {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		prevEncoded = encoded
	}
	if problems != nil {
		*problems = append(*problems, fmt.Sprintf("broken encoded words in %q", truncate(v, 60)))
	}
	return cleanText(b.String())
}
