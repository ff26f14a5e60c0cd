package check

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// spellingPackages name the Debian package of each language's dictionary.
var spellingPackages = map[string]string{
	"en": "hunspell-en-us", "nl": "hunspell-nl", "fr": "hunspell-fr", "es": "hunspell-es", "af": "hunspell-af",
}

// spellingChecker loads lang's dictionary, skipping the test (failing it on
// CI) when its Debian package is missing.
func spellingChecker(t testing.TB, lang string) *Checker {
	t.Helper()
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.LoadSpelling(lang); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("%v (install the Debian package %s)", err, spellingPackages[lang])
	}
	return c
}

// spellingFindings returns the words the spelling rule flags in a reply
// (or, with fragment, a piece of one).
func spellingFindings(c *Checker, lang, text string, fragment bool) []string {
	var out []string
	for _, f := range c.Run(Input{Body: text, Lang: lang, Fragment: fragment}).Findings {
		if f.Rule == "spelling" {
			out = append(out, text[f.Offset:f.Offset+f.Length])
		}
	}
	return out
}

// TestSpellingLanguages runs real sentences through the spelling rule:
// compounds, elisions and accents pass, and each typo, and only it, is
// found.
func TestSpellingLanguages(t *testing.T) {
	cases := []struct {
		lang, good, bad string
		typos           []string
	}{
		{"nl",
			"Uw bestelnummer staat in de verzendbevestiging van onze klantenservice. De retourkosten zijn voor ons en het retourlabel zit in het pakket. " +
				"Een klantenservicemedewerker belt u vrijdag over de terugbetaling; de bezorgdatum, het wachtwoordherstel en de bedrijfsgegevens regel ik vandaag. " +
				"Vijfentwintig werkdagen is te lang, dus IJsland krijgt voorrang.",
			"Uw bestlenummer staat in de verzendbevestiging van onze klantenserivce. Ik heb het pakket verzodnen.",
			[]string{"bestlenummer", "klantenserivce", "verzodnen"}},
		{"af",
			"U sal vandag die opsporingskakel en u bestellingnommer per e-pos ontvang. Ons kliëntediens help graag, en die terugbetaling is binne drie werksdae in u rekening. " +
				"Ek het u wagwoord herstel.",
			"U sal vandag die opsporingskaekl ontvang. Ons kliëntediens help graag, en u sal dit môre ontvnag.",
			[]string{"opsporingskaekl", "ontvnag"}},
		{"fr",
			"Je vous confirme aujourd'hui que l'adresse est corrigée et qu'il n'y a rien à faire. J'ai vérifié votre commande : l’équipe s'en occupe jusqu'à jeudi. " +
				"L'application d'Example et l'Example Store sont à jour ; n'hésitez pas, c'est déjà réglé. Lorsqu'il arrivera, d'accord ?",
			"Je vous confirme aujourd'hui que l'adrese est corrigée. Votre comande arrivera demain.",
			[]string{"l'adrese", "comande"}},
		{"es",
			"Su devolución está en camino y recibirá el reembolso en un plazo de tres días hábiles. También le envié la confirmación por correo electrónico. " +
				"¿Podría indicarme su número de pedido? Quedo a su disposición; el envío llegará el miércoles.",
			"Su devolucion está en camino y recibirá el reembolso. Tambien le envié la confirmacion.",
			[]string{"devolucion", "Tambien", "confirmacion"}},
		{"en",
			"Thank you for your patience while we looked into the refunded order. The customer's parcel and the customers' invoices went out on Thursday.",
			"Thank you for your patiense while we looked into the refundde order.",
			[]string{"patiense", "refundde"}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			c := spellingChecker(t, tc.lang)
			if got := spellingFindings(c, tc.lang, tc.good, true); len(got) > 0 {
				t.Errorf("false alarms in a good text: %q", got)
			}
			got := spellingFindings(c, tc.lang, tc.bad, true)
			if !slices.Equal(got, tc.typos) {
				t.Errorf("flagged %q, want %q", got, tc.typos)
			}
		})
	}
}

// TestSpellingCorpusLanguages: every good reply of the labelled corpus gets
// no spelling finding, in every language with a dictionary; each language
// has a bad reply whose typo is found. The held-out set's false alarms are
// logged, as TestHeldOut does, and fail only over one in ten replies.
func TestSpellingCorpusLanguages(t *testing.T) {
	corpus := loadCorpus(t)
	cases := append(corpus, loadLabelled(t, "testdata/heldout")...)
	heldOutAlarms, heldOut := 0, 0
	checkers := map[string]*Checker{}
	for _, cc := range cases {
		if spellingPackages[cc.lang] == "" {
			continue // Chinese: no spelling
		}
		c := checkers[cc.lang]
		if c == nil {
			c = spellingChecker(t, cc.lang)
			checkers[cc.lang] = c
		}
		got := spellingFindings(c, cc.lang, cc.text, false)
		report := t.Errorf
		if strings.Contains(cc.path, "heldout") {
			report = t.Logf
			heldOut++
			if !cc.expect["spelling"] && len(got) > 0 {
				heldOutAlarms++
			}
		}
		switch {
		case cc.expect["spelling"] && len(got) == 0:
			report("%s: typo not found", cc.path)
		case !cc.expect["spelling"] && len(got) > 0:
			report("%s: false alarm on %q", cc.path, got)
		}
	}
	t.Logf("held out: spelling false alarms in %d of %d replies", heldOutAlarms, heldOut)
	if heldOutAlarms*10 > heldOut {
		t.Errorf("held out: spelling false alarms in %d of %d replies, over one in ten", heldOutAlarms, heldOut)
	}
	for lang := range spellingPackages {
		found := slices.ContainsFunc(cases, func(cc corpusCase) bool {
			return cc.lang == lang && cc.expect["spelling"] && strings.Contains(cc.path, "/bad-")
		})
		if !found {
			t.Errorf("%s: no bad reply labelled with a spelling mistake", lang)
		}
	}
}

// BenchmarkSpellingReply checks a short reply per language, with its
// dictionary loaded and without: the difference is the spelling rule's
// share of a check.
func BenchmarkSpellingReply(b *testing.B) {
	texts := map[string]string{
		"nl": "Bedankt voor uw geduld. Uw bestelnummer staat in de verzendbevestiging van onze klantenservice, en het retourlabel zit in het pakket. Een klantenservicemedewerker belt u vrijdag over de terugbetaling.",
		"fr": "Merci pour votre patience. Je vous confirme aujourd'hui que l'adresse est corrigée et qu'il n'y a rien à faire. L'équipe s'en occupe jusqu'à jeudi.",
		"es": "Gracias por su paciencia. Su devolución está en camino y recibirá el reembolso en un plazo de tres días hábiles. También le envié la confirmación.",
		"af": "Dankie vir u geduld. U sal vandag die opsporingskakel en u bestellingnommer per e-pos ontvang. Ons kliëntediens help graag.",
	}
	for _, lang := range []string{"nl", "fr", "es", "af"} {
		for _, spelling := range []bool{true, false} {
			name := lang + "/without"
			if spelling {
				name = lang + "/with"
			}
			b.Run(name, func(b *testing.B) {
				c := newChecker(b)
				if spelling {
					c = spellingChecker(b, lang)
				}
				in := Input{Body: texts[lang], Lang: lang, Fragment: true}
				for b.Loop() {
					c.Run(in)
				}
			})
		}
	}
}

// TestSpellingLoanwordsAndNames: English loanwords, a name after a title
// or a street's abbreviation, a brand with a capital inside, a URL and a
// placeholder's inside are not typos; a typo still is.
func TestSpellingLoanwordsAndNames(t *testing.T) {
	c := spellingChecker(t, "es")
	clean := "Previsiblemente, abra la app y elija su cita con la Dra. Marta Sanz en https://citas.example.es antes del martes.\n- Dr. Amira Shah le llamará. Su número es {{numero_caso}}. Estamos en Av. Irarrázaval 2840. eSIM activada."
	if got := spellingFindings(c, "es", clean, true); len(got) > 0 {
		t.Errorf("false alarms: %v", got)
	}
	if got := spellingFindings(c, "es", "Abra la aplicasion y elija su cita.", true); !slices.Equal(got, []string{"aplicasion"}) {
		t.Errorf("typo: got %v, want [aplicasion]", got)
	}
}

// TestNameAtSentenceStart: a capitalised word that the reply writes
// mid-sentence elsewhere is a name at a sentence's start too; a typo at a
// sentence's start is still a typo.
func TestNameAtSentenceStart(t *testing.T) {
	c := spellingChecker(t, "af")
	body := "Hi Lize\n\nLekker om te hoor dat Ruan se wiskunde al beter gaan.\n\nElke les word opgeneem. Ruan kan dus weer kyk. Aplikasie werk ook.\n\nMooi bly\nMarike\n"
	if got := spellingFindings(c, "af", body, false); !slices.Equal(got, []string{"Aplikasie"}) {
		t.Errorf("got %v, want [Aplikasie]", got)
	}
}

// TestShoutingInQuotes: a name in capitals between quotation marks is
// quoted as written (a merchant on a card statement), not shouted.
func TestShoutingInQuotes(t *testing.T) {
	checkFires(t, "shouting", []firesCase{
		{"fr", "Le débit de 89,00 EUR au profit de « STREAMPLUS DIGITAL » est contesté.", false},
		{"en", "The charge from \"FASTPARK CENTRAL\" is on your statement.", false},
		{"en", "The charge is IMPORTANT and \"quoted\" here.", true},
	})
}

// TestShoutingOrAcronym: a word in capitals is shouting when it is a word,
// an acronym when it is not; with no dictionary, four letters are an
// acronym unless a common word (the stopwords list).
func TestShoutingOrAcronym(t *testing.T) {
	plain, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text      string
		plain, en bool // shouting without a dictionary, with en
	}{
		{"Your SEPA mandate and the IMAP settings are attached.", false, false},
		{"You MUST restart the router first.", true, true},
		{"This is VERY important for your account.", false, true}, // four letters, not a stopword: taken for an acronym
		{"Please read the ATTENTION note first.", true, true},
		{"Under POPIA you may ask for a copy.", true, false},
	}
	speller := spellingChecker(t, "en")
	for _, tc := range cases {
		for _, run := range []struct {
			c    *Checker
			want bool
		}{{plain, tc.plain}, {speller, tc.en}} {
			got := false
			for _, f := range run.c.Run(Input{Body: tc.text, Lang: "en", Fragment: true}).Findings {
				got = got || f.Rule == "shouting"
			}
			if got != run.want {
				t.Errorf("%q (dictionary %v): shouting %v, want %v", tc.text, run.c == speller, got, run.want)
			}
		}
	}
}

// TestSpellingDerivedForms: words a language builds by rule and its
// dictionary lists only some of — Spanish verbs with pronouns written on,
// the Argentinian vos forms, verbs with re- (again),
// Afrikaans participles, abbreviations with an apostrophe plural, Dutch
// and Afrikaans compounds of an English word and their own — are
// right when the rule builds them from a known word, and a typo in them
// is still found.
func TestSpellingDerivedForms(t *testing.T) {
	cases := []struct {
		lang, clean, typo, want string
	}{
		{"es", "Confírmamelo mañana, quédatelo si te sirve, indíquenos la hora y respóndeme antes de enviarlo; estamos revisándolo.", "Confírmamlo mañana, por favor.", "Confírmamlo"},
		{"fr", "Votre compte sera recrédité demain.", "Votre compte sera recrédté demain.", "recrédté"},
		{"es", "Reprogramamos la cita para el jueves.", "Reprogramams la cita para el jueves.", "Reprogramams"},
		{"es", "Si querés, podés pasar el jueves; respondé a este correo o avisame y fijate en la hora.", "Si querés, podés pasr el jueves.", "pasr"},
		{"af", "Ons het die rekening gedeaktiveer en die gekrapte deur vervang. U sal twee sms'e kry.", "Ons het die rekening gedeaktievr.", "gedeaktievr"},
		{"nl", "Roamingkosten staan op uw factuur; het trackingnummer en de bookingsbevestiging krijgt u per mail, het cookiebeleid staat op de checkoutpagina.", "Uw meterstand en uw persoonlijke roamingbundel staan in de app, het trackingnummmer niet.", "trackingnummmer"},
		{"af", "Die roamingkoste en u trackingnommer is op die checkoutbladsy, saam met ons cookiebeleid.", "Die roamingkoste is op die checkoutbaldsy.", "checkoutbaldsy"},
	}
	for _, tc := range cases {
		c := spellingChecker(t, tc.lang)
		if got := spellingFindings(c, tc.lang, tc.clean, true); len(got) > 0 {
			t.Errorf("%s: false alarms: %v", tc.lang, got)
		}
		if got := spellingFindings(c, tc.lang, tc.typo, true); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%s: typo: got %v, want [%s]", tc.lang, got, tc.want)
		}
	}
}
