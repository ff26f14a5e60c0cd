package check

import "testing"

// Cases from the second read of rounds 11–13: each heuristic added there
// stops where it should.
func TestRound11To13Limits(t *testing.T) {
	// A thank-you inside a line of the answer is no closing, and the line
	// is still checked.
	body := "Hi Tom,\n\nWe have looked into your order 4411.\n\nIt is not our fault that the parcel came back, but thank you for sending the right address so quickly.\n\nAnna Smith\nCustomer Support"
	checkLetters(t, "closing-missing", []firesCase{{"en", body, true}})
	checkLetters(t, "blame", []firesCase{{"en", body, true}})
	// A Chinese sentence ending in 好 is no greeting.
	checkLetters(t, "greeting-no-name", []firesCase{
		{"zh", "您的电脑已经修好。\n\n我们今天下午会把电脑寄回给您，顺丰单号明天发给您。\n\n祝您生活愉快！\n\n小林\n远山维修", true},
	})
	checkFires(t, "blame", []firesCase{
		{"es", "No te preocupes, no es tu culpa: el paquete se perdió en el centro de reparto.", false},
		{"en", "Please don't worry, this is not your own fault.", false},
		{"en", "As you ordered two, we packed the wrong size by mistake.", false},
		{"fr", "Si vous n'avez pas suivi le webinaire, la vidéo est en ligne.", false},
		{"zh", "是我们的安装师傅没有按照说明书操作，我们会免费上门重装。", false},
	})
	checkFires(t, "negative-wording", []firesCase{
		{"es", "Es imposible cambiar la fecha del curso.", true},
	})
	checkFires(t, "jargon", []firesCase{
		{"fr", "Les enfants ont escaladé le grand mur en dix minutes.", false},
	})
	checkFires(t, "paragraph-too-long", []firesCase{
		{"en", "We got it. We read it. We checked it. We fixed it. We sent it. We called you. We wrote. We waited. We closed it. We are glad.", true},
	})
	checkFires(t, "sentence-too-long", []firesCase{
		// Prose typed with three spaces after a full stop is no table.
		{"en", "Thanks for writing.   We have checked your order and the parcel left our warehouse in Leeds on Monday morning with the courier that usually delivers in your area, and it should reach you at home\nby Thursday at the latest.   The courier will send you a text message with a one-hour delivery window on the day itself.", true},
	})
	if isListItem("三、四天后退款会到账。") {
		t.Errorf("三、四 (three or four) read as a list item")
	}
}

// Capitals after a code are a display's message, but not the common words
// of a shouted sentence; run with a dictionary, which tells words from
// names.
func TestShoutingAfterCodeWithDictionary(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "The code E07 LOW FLOW on your Vento AW-12 means the unit isn't getting enough water.", false},
		{"nl", "U schreef dat het display de melding E21 HOGE DRUK geeft.", false},
		{"en", "Your order A1234 WILL NOT be refunded.", true},
	} {
		c := spellingChecker(t, tc.lang)
		if got := fires(c, "shouting", tc.lang, tc.text); got != tc.want {
			t.Errorf("%s %q: shouting %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
	c := spellingChecker(t, "en")
	if got := spellingFindings(c, "en", "Unfortunatly 3 of the cups arrived broken.", true); len(got) != 1 {
		t.Errorf("a typo before a count: spelling %v, want [Unfortunatly]", got)
	}
}
