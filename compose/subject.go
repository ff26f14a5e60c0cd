package compose

import (
	"regexp"
	"strings"
	"sync"
)

// replyPrefix matches one reply prefix as mail clients write them in many
// languages: Re, RE, Aw (German), Antw (Dutch), Réf/Ref (French), RV
// (Spanish), SV (Nordic), VS (Finnish), Odp (Polish), YNT (Turkish),
// 回复/答复/回覆 (Chinese), with optional counters like Re[2] or Re(3), and a
// colon, full-width colon or none for the Chinese ones.
var replyPrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:\s*(?:re|aw|antw|antwoord|réf|ref|rv|sv|vs|odp|ynt|atb|res|rif)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\s*(?:回复|答复|回覆|答覆)\s*[:：]?)\s*`)
})

// ReplySubject derives the reply's subject: exactly one "Re: " in front of
// the original, whatever reply prefixes and repeats it had. Nothing else is
// altered. An empty subject stays empty, so that the checks ask for one.
func ReplySubject(original string) string {
	s := strings.TrimSpace(original)
	for {
		loc := replyPrefix().FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			break
		}
		s = strings.TrimSpace(s[loc[1]:])
	}
	if s == "" {
		return ""
	}
	return "Re: " + s
}
