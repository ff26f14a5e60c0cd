package check

import (
	"strings"
	"testing"
	"time"
)

// words builds a realistic reply of about n words from the good corpus.
func replyOfWords(n int) string {
	paras := []string{
		"Thank you for your patience, and I'm sorry your bookshelf is taking longer than we promised. I checked order HW-659 with our workshop: it is nearly finished and will ship on Thursday.",
		"You will receive a tracking link by email the same day. If anything changes, I will let you know straight away.",
		"Changing the shelves to oak is still possible, at no extra cost. Just reply to this email and I will pass it on to the workshop today.",
	}
	var b strings.Builder
	b.WriteString("Hi Anna,\n\n")
	count := 0
	for i := 0; count < n; i++ {
		p := paras[i%len(paras)]
		b.WriteString(p)
		b.WriteString("\n\n")
		count += len(strings.Fields(p))
	}
	b.WriteString("Kind regards,\nMaria Jansen\nCustomer Service, Example BV\n")
	return b.String()
}

func benchRun(b *testing.B, words int) {
	c := newChecker(b)
	inc := c.AnalyzeIncoming("Can you tell me when it will arrive? Can I change the colour to oak?", time.Now().Add(-30*time.Hour), time.Now())
	in := Input{Body: replyOfWords(words), Subject: "Re: Where is my order?", Incoming: inc}
	// Two bodies in turn, so that each run detects the language afresh
	// rather than reusing the last detection of the same text.
	bodies := []string{in.Body, strings.Replace(in.Body, "Anna", "Anne", 1)}
	b.SetBytes(int64(len(in.Body)))
	i := 0
	for b.Loop() {
		in.Body = bodies[i%2]
		c.Run(in)
		i++
	}
}

// BenchmarkCheck160: a full check of a 160-word reply (target ≤ 0.2 ms).
func BenchmarkCheck160(b *testing.B) { benchRun(b, 160) }

// BenchmarkCheck10k: a full check of 10,000 words (target ≤ 10 ms).
func BenchmarkCheck10k(b *testing.B) { benchRun(b, 10000) }

// BenchmarkIncremental500: re-checking a 500-word draft after one
// keystroke, with a Session (target ≤ 0.1 ms).
func BenchmarkIncremental500(b *testing.B) {
	c := newChecker(b)
	inc := c.AnalyzeIncoming("Can you tell me when it will arrive?", time.Now().Add(-2*time.Hour), time.Now())
	body := replyOfWords(500)
	s := c.NewSession()
	s.Check(Input{Body: body, Incoming: inc})
	at := strings.Index(body, "Thursday.") + len("Thursday")
	keys := []string{body[:at] + "x" + body[at:], body}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		s.Check(Input{Body: keys[i%2], Incoming: inc})
		i++
	}
}

// TestIncrementalSameAsFull: the Session gives the same report as a full run.
func TestIncrementalSameAsFull(t *testing.T) {
	c := newChecker(t)
	s := c.NewSession()
	body := replyOfWords(300) + "\n\nUnfortunately gonna be late!!"
	edits := []string{body, strings.Replace(body, "Thursday", "Friday", 1), strings.Replace(body, "gonna", "going to", 1), body}
	for _, e := range edits {
		full, inc := c.Run(Input{Body: e}), s.Check(Input{Body: e})
		if len(full.Findings) != len(inc.Findings) || full.Metrics != inc.Metrics {
			t.Fatalf("incremental differs: %d vs %d findings, %+v vs %+v", len(full.Findings), len(inc.Findings), full.Metrics, inc.Metrics)
		}
		for i := range full.Findings {
			a, b := full.Findings[i], inc.Findings[i]
			if a.Rule != b.Rule || a.Offset != b.Offset || a.Line != b.Line {
				t.Fatalf("finding %d differs: %+v vs %+v", i, a, b)
			}
		}
	}
}
