package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func newChecker(t testing.TB) *Checker {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const goodBody = "Thank you for your patience. Your refund was approved today and will reach your account within three business days."

func rulesOf(r Report) map[string]int {
	m := map[string]int{}
	for _, f := range r.Findings {
		m[f.Rule]++
	}
	return m
}

func TestFieldRules(t *testing.T) {
	c := newChecker(t)
	long := strings.Repeat("word ", 320)
	tests := []struct {
		name string
		in   Input
		want string // a rule that must fire; "" for none
	}{
		{"subject missing", Input{Message: true, Subject: "Re: ", Recipients: []string{"a@example.com"}, Body: goodBody}, "subject-missing"},
		{"subject long", Input{Subject: "Re: Your question about the delivery of the walnut bookshelf in a custom size", Body: goodBody}, "subject-too-long"},
		{"subject zh long", Input{Subject: "关于您定制胡桃木书架的配送时间以及更换颜色为橡木的问题的详细答复和说明", Body: goodBody}, "subject-too-long"},
		{"subject shouting", Input{Subject: "Re: URGENT order", Body: goodBody}, "subject-shouting"},
		{"subject bangs", Input{Subject: "Your order shipped!!", Body: goodBody}, "subject-shouting"},
		{"subject placeholder", Input{Subject: "Re: order {{order}}", Body: goodBody}, "placeholder-unfilled"},
		{"subject fine", Input{Subject: "Re: Where is my order HW-659?", Body: goodBody}, ""},
		{"no recipient", Input{Message: true, Subject: "Re: x", Body: goodBody}, "recipient-invalid"},
		{"bad recipient", Input{Subject: "Re: x", Recipients: []string{"anna@"}, Body: goodBody}, "recipient-invalid"},
		{"attachment", Input{Body: goodBody, Attachments: []Attachment{{Name: "manual.pdf", Size: 2 << 20}}}, "attachment-too-large"},
		{"small attachment", Input{Body: goodBody, Attachments: []Attachment{{Name: "label.pdf", Size: 40 << 10}}}, ""},
		{"too long", Input{Body: "Hi Anna,\n\n" + long + "\n\nKind regards,\nMaria"}, "reply-too-long"},
		{"greeting without name", Input{Greeting: "Hi Anna,", CustomerName: "Pieter van der Merwe", Body: goodBody}, "greeting-no-name"},
		{"greeting with name", Input{Greeting: "Hi Pieter,", CustomerName: "Pieter van der Merwe", Body: goodBody}, ""},
		{"readability", Input{Body: "Hi Anna,\n\n" + strings.Repeat("Notwithstanding considerable organisational complications, the administrative reconfiguration necessitates comprehensive verification procedures. ", 8) + "\n\nKind regards,\nMaria"}, "readability"},
		{"no next step", Input{Body: "Hi Anna,\n\nThank you for your message about the colour of the shelves. Oak and walnut are both lovely woods, and many customers like them.\n\nKind regards,\nMaria"}, "no-next-step"},
		{"disabled", Input{Subject: "Re: URGENT order", Body: goodBody}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc := c
			if tt.name == "disabled" {
				var err error
				if cc, err = New(Config{Disable: []string{"subject-shouting"}}); err != nil {
					t.Fatal(err)
				}
			}
			rep := cc.Run(tt.in)
			got := rulesOf(rep)
			if tt.want == "" {
				for _, f := range rep.Findings {
					if f.Severity != Hint && f.Field != FieldBody || f.Rule == "subject-shouting" {
						t.Errorf("unexpected %s: %s", f.Rule, f.Message)
					}
				}
				return
			}
			if got[tt.want] == 0 {
				t.Errorf("want [%s], got %v", tt.want, got)
			}
		})
	}
}

func TestIncomingRules(t *testing.T) {
	c := newChecker(t)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	text := "Hello,\n\nWhere is my order HW-659? Can I still change the colour to oak?\n\nThis is UNACCEPTABLE, I have waited THREE weeks!!!\n\n> old quoted text? ignored\n"
	inc := c.AnalyzeIncoming(text, now.Add(-80*time.Hour), now)
	if inc.Lang != "en" || len(inc.Questions) != 2 || !inc.Upset || inc.Age != 80*time.Hour {
		t.Fatalf("incoming = %+v", inc)
	}
	if text[inc.Questions[0].Offset:inc.Questions[0].Offset+len(inc.Questions[0].Text)] != inc.Questions[0].Text {
		t.Errorf("question offset wrong")
	}
	body := "Hi Anna,\n\nI'm sorry you had to wait. Order HW-659 will ship tomorrow.\n\nKind regards,\nMaria"
	got := rulesOf(c.Run(Input{Body: body, Incoming: inc}))
	if got["response-late"] != 1 || got["customer-upset"] != 1 || got["unanswered-questions"] != 1 {
		t.Errorf("got %v: want response-late, customer-upset and one unanswered question (the colour)", got)
	}
	body = "Hi Anna,\n\nThank you for your patience. Order HW-659 will ship tomorrow, and changing the colour to oak is still possible.\n\nKind regards,\nMaria"
	got = rulesOf(c.Run(Input{Body: body, Incoming: inc}))
	if got["response-late"] != 0 || got["unanswered-questions"] != 0 {
		t.Errorf("a reply that thanks for patience and answers both questions: %v", got)
	}
	nl := c.AnalyzeIncoming("Goedemorgen, waar is mijn bestelling? Ik wacht al twee weken.", time.Time{}, now)
	got = rulesOf(c.Run(Input{Body: "Hi Anna,\n\nYour order will ship tomorrow and arrive on Thursday.\n\nKind regards,\nMaria", Incoming: nl}))
	if got["language-mismatch"] != 1 {
		t.Errorf("English reply to Dutch email: %v", got)
	}
}

// TestAnsweredWhileTyping: Report.Answered follows the draft from the
// first word, while the unanswered-questions warning waits for ten words.
func TestAnsweredWhileTyping(t *testing.T) {
	c := newChecker(t)
	inc := c.AnalyzeIncoming("Hello,\n\nWhen will my bookshelf arrive? Can I still change the colour to oak?\n", time.Time{}, time.Time{})
	if len(inc.Questions) != 2 {
		t.Fatalf("questions = %+v", inc.Questions)
	}
	for _, tc := range []struct {
		body string
		want []bool
		warn int
	}{
		{"", []bool{false, false}, 0},
		{"Hi Anna,\n\nIt arrives on Thursday.\n\nKind regards,\nMaria", []bool{true, false}, 0},
		{"Hi Anna,\n\nOak is possible: I changed the colour for you.\n\nKind regards,\nMaria", []bool{false, true}, 0},
		{"Hi Anna,\n\nYour bookshelf arrives on Thursday, and I changed the colour to oak for you.\n\nKind regards,\nMaria", []bool{true, true}, 0},
		{"Hi Anna,\n\nIt leaves our warehouse in 2-3 business days.\n\nKind regards,\nMaria", []bool{true, false}, 0},
		{"Hi Anna,\n\nIt leaves our warehouse in 3 weeks.\n\nKind regards,\nMaria", []bool{true, false}, 0},
		{"Hi Anna,\n\nThank you for writing to us, we are always happy to hear from our customers.\n\nKind regards,\nMaria", []bool{false, false}, 2},
	} {
		rep := c.Run(Input{Body: tc.body, Incoming: inc})
		if !slices.Equal(rep.Answered, tc.want) || rulesOf(rep)["unanswered-questions"] != tc.warn {
			t.Errorf("%q: answered %v, %d warnings; want %v, %d", tc.body, rep.Answered, rulesOf(rep)["unanswered-questions"], tc.want, tc.warn)
		}
	}
}

func TestSpansAndPlaces(t *testing.T) {
	c := newChecker(t)
	body := "Hi Anna,\n\nUnfortunately the shelf is late.\nIt ships tomorrow.\n\nKind regards,\nMaria"
	rep := c.Run(Input{Body: body})
	for _, f := range rep.Findings {
		if f.Rule == "negative-wording" {
			if body[f.Offset:f.Offset+f.Length] != "Unfortunately" || f.Line != 3 || f.Col != 1 {
				t.Errorf("span %q at %d:%d", body[f.Offset:f.Offset+f.Length], f.Line, f.Col)
			}
			return
		}
	}
	t.Errorf("no negative-wording finding: %+v", rep.Findings)
}

func TestQuotedCustomerTextIgnored(t *testing.T) {
	c := newChecker(t)
	body := "Hi Anna,\n\nYour order ships tomorrow.\n\nKind regards,\nMaria\n\nOn Mon, 2 Nov 2026, Anna wrote:\n> This is UNACCEPTABLE!!! Unfortunately you FAILED\n> {{not mine}}\n"
	for _, f := range c.Run(Input{Body: body}).Findings {
		if f.Severity != Hint {
			t.Errorf("finding in quoted text: %s %s", f.Rule, f.Message)
		}
	}
}

// TestLanguageAsRunFindsIt: Language, which picks the dictionary to load
// before a run, leaves the quoted email out as Run does, and says what Run
// then reports, whichever comes first.
func TestLanguageAsRunFindsIt(t *testing.T) {
	c := newChecker(t)
	quote := "\n\nOp ma 2 nov 2026 schreef Anna:\n> Mijn bestelling is nog steeds niet aangekomen en niemand antwoordt op mijn berichten.\n> Ik wil graag weten wanneer het pakket komt, want ik heb het nodig.\n"
	for _, body := range []string{
		"Hi Anna,\n\nYour order ships tomorrow and should be with you on Thursday.\n\nKind regards,\nMaria" + quote,
		"Hallo Anna,\n\nJou bestelling word môre gestuur en behoort Donderdag by jou te wees.\n\nVriendelike groete\nMaria" + quote,
	} {
		got := c.Language(body)
		if rep := c.Run(Input{Body: body}); rep.Language != got {
			t.Errorf("Language %q, then Run %q: %s", got, rep.Language, body)
		}
		if other := newChecker(t); other.Run(Input{Body: body}).Language != other.Language(body) {
			t.Errorf("Run, then Language: differ on %s", body)
		}
	}
}

func TestMetrics(t *testing.T) {
	c := newChecker(t)
	rep := c.Run(Input{Body: "Hi Anna,\n\nThe cat sat on the mat. It was happy.\n\nThen it slept.\n\nKind regards,\nMaria"})
	m := rep.Metrics
	if m.Words != 12 || m.Sentences != 3 || m.Paragraphs != 2 || m.Formula != "Flesch–Kincaid" || m.ReadingSec < 1 {
		t.Errorf("metrics = %+v", m)
	}
	zh := c.Run(Input{Body: "王伟，您好：\n\n您的包裹明天送达。谢谢您的耐心。\n\n祝好，\n王丽"})
	if zh.Language != "zh" || zh.Metrics.Words != 14 || zh.Metrics.Sentences != 2 {
		t.Errorf("zh metrics = %+v (%s)", zh.Metrics, zh.Language)
	}
}

func TestTeamRuleFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "team.en.txt")
	os.WriteFile(good, []byte("[jargon]\nwidget-o-matic => our blender\n-ticket\n[negative-wording]\nre: \\bno can do\\b\n"), 0o644)
	bad := filepath.Join(dir, "broken.en.txt")
	os.WriteFile(bad, []byte("[jargon]\nfine\n[slang]\nre: (unclosed\n"), 0o644)
	c, err := New(Config{Rules: []string{good, bad}})
	if err == nil || !strings.Contains(err.Error(), bad+":4:") {
		t.Fatalf("err = %v, want %s:4: …", err, bad)
	}
	got := rulesOf(c.Run(Input{Body: "Your widget-o-matic ticket is ready. No can do on Sunday, but it ships tomorrow."}))
	if got["jargon"] != 1 || got["negative-wording"] != 1 {
		t.Errorf("team lists not applied: %v", got)
	}
	if rulesOf(c.Run(Input{Body: "Gonna ship it tomorrow."}))["slang"] != 1 {
		t.Error("built-in rules lost after a bad team file")
	}
}

func TestBadInput(t *testing.T) {
	c := newChecker(t)
	for _, body := range []string{"", "\xff\xfe\xfd", strings.Repeat("a", 1<<20), "مرحبا، طلبك في الطريق", "👩‍👩‍👧‍👦 🇳🇱 ok", "\u202eevil\u202c text", strings.Repeat("Hello there. ", 400000)} {
		rep := c.Run(Input{Body: body})
		for _, f := range rep.Findings {
			if f.Offset < 0 || f.Offset+f.Length > len(body) && f.Field == FieldBody {
				t.Errorf("span out of range: %+v", f)
			}
		}
	}
}

// TestVagueRequestIsAnswered: "Could you check?" asks for action, not for a
// fact; a reply that acts answers it, in every language's word list.
func TestVagueRequestIsAnswered(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ lang, incoming, reply string }{
		{"en", "My refund has not arrived. Could you check?", "Your refund of 49.95 was sent today and reaches your account within three days."},
		{"nl", "Mijn terugbetaling is nog niet binnen. Kunt u dat controleren?", "Uw terugbetaling van 49,95 euro is vandaag verstuurd en staat binnen drie dagen op uw rekening."},
		{"es", "Mi reembolso no ha llegado. ¿Puede revisarlo, por favor?", "Su reembolso de 49,95 euros se envió hoy y llegará a su cuenta en tres días."},
	}
	for _, tc := range cases {
		inc := c.AnalyzeIncoming(tc.incoming, time.Time{}, time.Time{})
		rep := c.Run(Input{Body: tc.reply, Lang: tc.lang, Incoming: inc, Fragment: true})
		for _, f := range rep.Findings {
			if f.Rule == "unanswered-questions" {
				t.Errorf("%s: %s", tc.lang, f.Message)
			}
		}
	}
	// A question with substance still needs its answer.
	inc := c.AnalyzeIncoming("Can you change the colour of the shelves to oak?", time.Time{}, time.Time{})
	rep := c.Run(Input{Body: "Your refund was sent today and reaches your account within three days.", Lang: "en", Incoming: inc, Fragment: true})
	if !hasFinding(rep, "unanswered-questions") {
		t.Error("a real question went unnoticed")
	}
}

func hasFinding(rep Report, rule string) bool {
	for _, f := range rep.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// TestGenericApologyNamingItsCause: "sorry for the inconvenience" is canned,
// unless the sentence goes on to say what caused it.
func TestGenericApologyNamingItsCause(t *testing.T) {
	c := newChecker(t)
	for _, tc := range []struct {
		lang, text string
		want       int
	}{
		{"en", "Sorry for any inconvenience this may have caused.", 1},
		{"en", "Sorry for the inconvenience caused by the late delivery.", 0},
		{"fr", "Désolé pour la gêne occasionnée.", 1},
		{"fr", "Désolé pour la gêne occasionnée par la panne de l’application hier soir.", 0},
		{"nl", "Excuses voor het ongemak.", 1},
		{"nl", "Excuses voor het ongemak door de storing van gisteren.", 0},
	} {
		got := rulesOf(c.Run(Input{Body: tc.text, Lang: tc.lang, Fragment: true}))["generic-apology"]
		if got != tc.want {
			t.Errorf("%s %q: %d generic-apology findings, want %d", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestRegexPrefilter: an expression runs only on text holding what every
// match must: a literal, or one of an alternation's leading literals.
func TestRegexPrefilter(t *testing.T) {
	for _, tc := range []struct {
		expr  string
		digit bool
		text  string
	}{
		{`\b\d+\s?% off`, true, "% off"},
		{`\b(?:u|je|jij) (?:heeft|hebt|had)\b.{0,50}\b(?:verkeerde?|foute?|niet goed)\b`, false, "verkeerd|fout|niet goed"},
		{`\b(?:read|check)\b.{0,40}\bmore carefully\b`, false, "more carefully"},
		{`(?:a|b)c`, false, "c"},
	} {
		digit, text := prefilter("(?i)" + tc.expr)
		if digit != tc.digit || text != tc.text {
			t.Errorf("%s: prefilter %v %q, want %v %q", tc.expr, digit, text, tc.digit, tc.text)
		}
	}
	c := newChecker(t)
	if !fires(c, "blame", "nl", "U heeft het formulier verkeerd ingevuld.") || !fires(c, "blame", "en", "You should've read the manual first.") {
		t.Error("blame not found")
	}
}
