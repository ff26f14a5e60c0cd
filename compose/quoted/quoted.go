// Package quoted finds where an earlier email begins inside a customer's
// email, so that the questions, language and mood kindly reads are the
// customer's own and not those of the thread below them. Quoted lines
// ("> …") are each easy to spot; this finds the other way mail programs
// quote: Outlook's header block ("From: … Sent: … To: … Subject: …", in
// each language kindly checks, also when an HTML email was converted to
// text) and the "-----Original Message-----" line.
package quoted

import "strings"

// separators are lines that start an earlier email.
var separators = []string{
	"-----original message-----", "-----oorspronkelijk bericht-----", "-----message d'origine-----",
	"-----mensaje original-----", "-----oorspronklike boodskap-----", "-----ursprüngliche nachricht-----",
}

// fromKeys start a header block; sentKeys must follow within a few lines,
// so that a customer's own "From: Rotterdam" is not taken for one.
var (
	fromKeys = []string{"from", "van", "de", "von", "发件人"}
	sentKeys = []string{"sent", "date", "verzonden", "datum", "envoyé", "enviado", "fecha", "gestuur", "gesendet", "发送时间", "日期"}
)

// Start returns the byte offset of the line where an earlier email begins
// in text, or -1 when there is none.
func Start(text string) int {
	pos := 0
	for rest := text; rest != ""; {
		line, next, _ := strings.Cut(rest, "\n")
		t := strings.ToLower(strings.TrimSpace(line))
		for _, s := range separators {
			if strings.HasPrefix(t, s) {
				return pos
			}
		}
		if headerKey(t, fromKeys) && sentFollows(next) {
			return pos
		}
		pos += len(line) + 1
		rest = next
	}
	return -1
}

// sentFollows reports whether one of the next four non-blank lines is a
// Sent: or Date: header.
func sentFollows(text string) bool {
	for seen := 0; text != "" && seen < 4; {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		t := strings.ToLower(strings.TrimSpace(line))
		if t == "" {
			continue
		}
		if headerKey(t, sentKeys) {
			return true
		}
		seen++
	}
	return false
}

// headerKey reports whether a lower-cased line starts with one of keys and
// a colon ("from:", French "de :", full-width "发件人："), with a value after.
func headerKey(t string, keys []string) bool {
	t = strings.TrimLeft(t, "*")
	for _, k := range keys {
		rest, ok := strings.CutPrefix(t, k)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " *\u00a0")
		if after, ok := strings.CutPrefix(rest, ":"); ok {
			return strings.TrimSpace(after) != ""
		}
		if after, ok := strings.CutPrefix(rest, "："); ok {
			return strings.TrimSpace(after) != ""
		}
	}
	return false
}
