package check

import "testing"

// TestTone: in every language a warm, positive reply scores above a cold,
// negative one, and stiff or casual wording moves formality the right way.
func TestTone(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, warm, cold, stiff, casual string
	}{
		{"en", "Thank you for your patience. Good news: your refund has been sent today and I understand how frustrating the wait was.",
			"Unfortunately we cannot refund this order. You should have read the terms before ordering the product.",
			"Pursuant to your request we hereby inform you that the matter has been forwarded herewith.",
			"Hey, gonna fix it tomorrow lol, no worries at all!!"},
		{"nl", "Bedankt voor uw geduld. Goed nieuws: uw geld is teruggestort en ik begrijp dat het wachten vervelend was.",
			"Helaas kunnen wij dit niet terugbetalen. U had de voorwaarden moeten lezen voordat u bestelde.",
			"", ""},
		{"fr", "Merci pour votre patience. Bonne nouvelle : votre colis est en route et je comprends votre frustration.",
			"Malheureusement nous ne pouvons pas vous rembourser. Vous auriez dû lire les conditions avant de commander.",
			"", ""},
		{"es", "Gracias por su paciencia. Buenas noticias: su pedido está en camino y entiendo su frustración.",
			"Lamentablemente no podemos reembolsar este pedido. Usted debió leer las condiciones antes de comprar.",
			"", ""},
		{"af", "Baie dankie vir u geduld. Goeie nuus: u bestelling is op pad en ek verstaan dat die wag frustrerend was.",
			"Ongelukkig kan ons nie hierdie bestelling terugbetaal nie. U moes die voorwaardes gelees het voordat u bestel het.",
			"", ""},
		{"zh", "感谢您的耐心等待。好消息：您的退款已经发出，我们非常理解您的心情。",
			"很遗憾，我们无法退款。您应该在下单前阅读条款。",
			"", ""},
	}
	for _, tc := range cases {
		warm := c.Run(Input{Body: tc.warm, Lang: tc.lang, Fragment: true}).Tone
		cold := c.Run(Input{Body: tc.cold, Lang: tc.lang, Fragment: true}).Tone
		if warm.Warmth <= cold.Warmth || warm.Positivity <= cold.Positivity {
			t.Errorf("%s: warm reply %+v, cold reply %+v", tc.lang, warm, cold)
		}
		if cold.Positivity >= 0.5 {
			t.Errorf("%s: a negative reply has positivity %.2f", tc.lang, cold.Positivity)
		}
		if tc.stiff != "" {
			stiff := c.Run(Input{Body: tc.stiff, Lang: tc.lang, Fragment: true}).Tone
			casual := c.Run(Input{Body: tc.casual, Lang: tc.lang, Fragment: true}).Tone
			if stiff.Formality <= 0.5 || casual.Formality >= 0.5 {
				t.Errorf("%s: stiff %.2f, casual %.2f", tc.lang, stiff.Formality, casual.Formality)
			}
		}
	}
	named := c.Run(Input{Body: "Your parcel left our warehouse today.", Greeting: "Dear Anna,", CustomerName: "Anna de Vries", Lang: "en"}).Tone
	unnamed := c.Run(Input{Body: "Your parcel left our warehouse today.", Greeting: "Dear customer,", CustomerName: "Anna de Vries", Lang: "en"}).Tone
	if named.Warmth <= unnamed.Warmth {
		t.Errorf("greeting by name adds no warmth: %.2f vs %.2f", named.Warmth, unnamed.Warmth)
	}
}

// TestRefusalWithAlternative: a refusal that says what can be done instead
// gets no negative-wording warning; one that offers nothing, or negates its
// offer, still does.
func TestRefusalWithAlternative(t *testing.T) {
	checkFires(t, "negative-wording", []firesCase{
		{"en", "This rate is non-refundable, so we are unable to return the €486.00. I would, however, like to offer you two alternatives.", false},
		{"en", "This rate is non-refundable, so we are unable to return the €486.00 you paid for the stay.", true},
		{"es", "Por eso no podemos aprobar el cambio de la mesa. Como alternativa, nuestro servicio de restauración puede barnizarla.", false},
		{"es", "Lamentablemente, no es posible atender su solicitud, y tampoco podemos ofrecerle un bono.", true},
		{"nl", "Helaas kunnen wij deze schade niet vergoeden. Bent u het er niet mee eens? Dan kunt u binnen zes weken bezwaar maken.", false},
		{"zh", "因此，已支付的款项我们无法退还。为尽量减少您的损失，我们可以为您提供以下两种安排。", false},
		{"zh", "很遗憾，我们无法退款。", true},
		{"zh", "6 月 4 日，华东地区的用户无法打开报表页面。我们已经修复了这个问题。", false},
	})
}

// TestFormalLegalReference: "pursuant to" before a law is the plainest way
// to cite it; before anything else it is stiff.
func TestFormalLegalReference(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"fr", "Conformément à l'article 15 du RGPD, voici les informations demandées.", false},
		{"af", "Ingevolge POPIA het u die reg om 'n afskrif te vra.", false},
		{"en", "Pursuant to section 3 of the terms, the deposit is kept.", false},
		{"en", "Pursuant to your request, the deposit has been returned.", true},
		{"fr", "Conformément à votre demande, la commande est annulée.", true},
		{"fr", "Un abonnement annuel ne peut pas être remboursé, conformément à nos conditions générales.", false},
	}
	for _, tc := range cases {
		if got := fires(c, "too-formal", tc.lang, tc.text); got != tc.want {
			t.Errorf("%s: too-formal %v, want %v: %s", tc.lang, got, tc.want, tc.text)
		}
	}
}

// fires reports whether rule finds something in a piece of a reply.
// firesCase is a text and whether a rule should fire on it.
type firesCase struct {
	lang, text string
	want       bool
}

// checkFires runs a rule over texts (as fragments) and reports each one it
// fires on, or misses, against the case's want.
func checkFires(t *testing.T, rule string, cases []firesCase) {
	t.Helper()
	checkRule(t, rule, cases, true)
}

// checkLetters is checkFires for whole replies, whose greeting, closing
// and signature are read too.
func checkLetters(t *testing.T, rule string, cases []firesCase) {
	t.Helper()
	checkRule(t, rule, cases, false)
}

func checkRule(t *testing.T, rule string, cases []firesCase, fragment bool) {
	t.Helper()
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		if got := firesIn(c, rule, Input{Body: tc.text, Lang: tc.lang, Fragment: fragment}); got != tc.want {
			t.Errorf("%s %s: fired %v, want %v: %q", rule, tc.lang, got, tc.want, tc.text)
		}
	}
}

func fires(c *Checker, rule, lang, text string) bool {
	return firesIn(c, rule, Input{Body: text, Lang: lang, Fragment: true})
}

// firesIn reports whether a check of in finds rule; for a whole letter,
// whose greeting and closing are read, where fires reads a fragment.
func firesIn(c *Checker, rule string, in Input) bool {
	for _, f := range c.Run(in).Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// TestNegativeWordThatRefusesNothing: "can't wait" is eager, and a clause
// that starts with "if" says what happens, not what is refused.
func TestNegativeWordThatRefusesNothing(t *testing.T) {
	checkFires(t, "negative-wording", []firesCase{
		{"en", "Can't wait to see you out there.", false},
		{"en", "If the merchant cannot show that you authorised the payment, the credit becomes permanent.", false},
		{"en", "We cannot refund the payment.", true},
		{"en", "The payment went through, and we cannot refund it, even if you ask.", true},
		{"nl", "Als het pakket helaas niet op tijd komt, sturen we een nieuw.", false},
		{"nl", "Helaas kunnen we het pakket niet vervangen.", true},
		{"es", "Si no es posible entregarlo el lunes, lo llevamos el martes.", false},
	})
}
