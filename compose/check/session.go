package check

// Session checks a draft again and again as it is edited. It remembers the
// analysis of every paragraph, so a keystroke costs one paragraph's
// analysis plus the cheap whole-text rules. A Session is not safe for
// concurrent use; the Checker it wraps is.
type Session struct {
	c     *Checker
	cache paraCache
}

// NewSession starts an incremental check with c.
func (c *Checker) NewSession() *Session { return &Session{c: c, cache: paraCache{}} }

// Check returns the same report as Checker.Run, reusing the paragraphs that
// did not change since the last call.
func (s *Session) Check(in Input) Report { return s.c.run(in, &s.cache) }

// HasSpelling reports whether spelling is checked for a language now: its
// dictionary has loaded.
func (c *Checker) HasSpelling(lang string) bool { return c != nil && c.spell.get(lang) != nil }
