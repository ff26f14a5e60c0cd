package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// politeReply is a good English reply, shared with kindly-check's tests.
var politeReply = func() string {
	data, err := os.ReadFile("testdata/polite-reply.txt")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

func TestCheckCommand(t *testing.T) {
	good := writeFile(t, "good.txt", politeReply)
	warn := writeFile(t, "warn.txt", strings.Replace(politeReply, "and I'm sorry your bookshelf is taking longer than we promised", "sorry for any inconvenience", 1))
	bad := writeFile(t, "bad.txt", strings.Replace(politeReply, "Anna", "{{customer.first_name}}", 1))
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"clean", []string{"check", good}, 0, "0 errors, 0 warnings"},
		{"warning passes by default", []string{"check", warn}, 0, warn + ":3:30: warning: a generic apology"},
		{"fail on warning", []string{"check", "--fail-on", "warning", warn}, 1, "[generic-apology]"},
		{"error fails", []string{"check", bad}, 1, bad + ":1:4: error: unfilled placeholder {{customer.first_name}}"},
		{"subject", []string{"check", "--subject", "Re: WHERE IS MY ORDER", good}, 0, good + ": subject: warning"},
		{"greeting to the wrong customer", []string{"check", "--incoming", "compose/testdata/in/gmail-alternative.eml", good}, 0, good + ":1:1: warning: greet the customer by name"},
		{"unanswered question", []string{"check", "--incoming", "compose/testdata/in/af-utf8.eml", "--lang", "af", good}, 0, "compose/testdata/in/af-utf8.eml:3:"},
		{"whole email", []string{"check", "compose/testdata/golden/nl-latin1.eml"}, 0, "0 errors, 0 warnings"},
		{"bad format", []string{"check", "--format", "xml", good}, 2, ""},
		{"missing file", []string{"check", "nope.txt"}, 2, ""},
		{"bad lang", []string{"check", "--lang", "de", good}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runKindly(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, stderr)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("output lacks %q:\n%s", tt.out, out)
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	out, stderr, code := runKindly(t, "Hi Anna,\n\nUnfortunately it is late!! :)\n", "check", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Language string         `json:"language"`
		Metrics  map[string]any `json:"metrics"`
		Findings []struct {
			Rule, Severity, Message string
			Line, Col               int
			Offset, Length          int
			Suggestions             []string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rules := map[string]bool{}
	for _, f := range rep.Findings {
		rules[f.Rule] = true
		if f.Suggestions == nil && strings.Contains(out, `"suggestions": null`) {
			t.Error("suggestions must be an array")
		}
	}
	if rep.Language != "en" || rep.Metrics["words"] == nil || !rules["negative-wording"] || !rules["punctuation-repeated"] || !rules["emoticon"] {
		t.Errorf("report = %+v", rep)
	}
}

// TestCheckJSONQuestions: with --incoming, the JSON lists the customer's
// questions and whether the reply answers each.
func TestCheckJSONQuestions(t *testing.T) {
	incoming := writeFile(t, "in.eml", "From: Anna <anna@example.com>\nSubject: order\n\nHello,\n\nWhen will my bookshelf arrive? Can I still change the colour to oak?\n")
	out, stderr, code := runKindly(t, "", "check", "--format", "json", "--incoming", incoming, writeFile(t, "r.txt", politeReply))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Questions []struct {
			Text     string `json:"text"`
			Answered bool   `json:"answered"`
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Questions) != 2 || !rep.Questions[0].Answered || rep.Questions[1].Answered || rep.Questions[1].Text != "Can I still change the colour to oak?" {
		t.Errorf("questions = %+v, want the arrival answered (Thursday) and the colour open", rep.Questions)
	}
}

// TestCheckIncomingOutlookThread: in an Outlook reply (HTML, the earlier
// email below a From:/Sent: block, not quoted with "> "), only the
// customer's own question counts.
func TestCheckIncomingOutlookThread(t *testing.T) {
	out, stderr, code := runKindly(t, "", "check", "--format", "json", "--incoming", "compose/testdata/in/outlook-html-thread.eml", writeFile(t, "r.txt", politeReply))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Questions []struct {
			Text string `json:"text"`
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Questions) != 1 || rep.Questions[0].Text != "Can I still change the colour to oak?" {
		t.Errorf("questions = %+v, want only the customer's own", rep.Questions)
	}
}

func TestCheckSanitisesCustomerText(t *testing.T) {
	incoming := writeFile(t, "in.eml", "From: a@example.com\nSubject: x\n\nWhere is \x1b]0;pwned\x07my order \x1b[2J?\n")
	out, _, _ := runKindly(t, "", "check", "--incoming", incoming, writeFile(t, "r.txt", politeReply))
	if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
		t.Errorf("escape sequence reached the terminal: %q", out)
	}
}

func TestCheckSpelling(t *testing.T) {
	draft := writeFile(t, "typo.txt", strings.Replace(politeReply, "You will receive", "You will recieve", 1))
	out, stderr, _ := runKindly(t, "", "check", draft)
	if strings.Contains(stderr, "spelling not checked") {
		skipOrFailMain(t, stderr)
	}
	if !strings.Contains(out, draft+":5:10: warning: \"recieve\" is not in the en dictionary") {
		t.Errorf("typo not found:\n%s", out)
	}
	out, _, _ = runKindly(t, "", "check", writeFile(t, "good.txt", politeReply))
	if strings.Contains(out, "[spelling]") {
		t.Errorf("false alarm on a good reply:\n%s", out)
	}
}

// skipOrFailMain skips when a Debian package is missing, and fails in CI.
func skipOrFailMain(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why + " (install hunspell-en-us and hunspell-en-gb)")
}
