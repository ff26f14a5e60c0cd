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
