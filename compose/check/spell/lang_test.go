package spell

import (
	"os"
	"testing"
)

// langs are the dictionaries and options kindly uses (as in
// check.dictionaries).
var langs = map[string]struct {
	pkg   string
	names []string
	opt   Options
}{
	"en": {"hunspell-en-us", []string{"en_US", "en_GB"}, Options{}},
	"nl": {"hunspell-nl", []string{"nl"}, Options{LooseCompoundStart: true, CompoundStartFlag: "V3"}},
	"fr": {"hunspell-fr", []string{"fr_FR", "fr"}, Options{}},
	"es": {"hunspell-es", []string{"es_ES"}, Options{}},
	"af": {"hunspell-af", []string{"af_ZA"}, Options{JoinedWords: true}},
}

// openLang opens a language's dictionaries, skipping the test (failing it
// on CI) when its Debian package is not installed.
func openLang(t testing.TB, lang string) *Dict {
	t.Helper()
	l := langs[lang]
	d, err := OpenWith(l.opt, l.names...)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("%v (Debian package %s)", err, l.pkg)
	}
	return d
}

// TestLanguages: real words, compounds and elisions pass; typos do not.
func TestLanguages(t *testing.T) {
	cases := []struct {
		lang string
		good []string
		bad  []string
	}{
		{"nl", []string{"bestelling", "klantenservice", "bestelnummer", "verzonden", "teruggestort", "werkdagen", "Bedankt", "vriendelijke", "geduld", "onderweg", "retourlabel", "ontwikkelaars", "kosteloos", "afschrijving", "vulslang", "ontkalkprogramma"},
			[]string{"bestleling", "klantenserivce", "verzondne", "vriendleijke"}},
		{"fr", []string{"l'adresse", "qu'il", "aujourd'hui", "remboursé", "commande", "livraison", "d'hier", "l'application", "n'hésitez", "désolée", "cordialement", "étiquette"},
			[]string{"remboursée2", "comande", "livrasion", "cordialemnt"}},
		{"es", []string{"pedido", "devolución", "también", "reembolsado", "días", "envío", "Gracias", "atentamente", "cremallera", "actualización"},
			[]string{"pedidio", "devolucion", "tambien", "grácias"}},
		{"af", []string{"bestelling", "terugbetaal", "werksdae", "opsporingskakel", "bestellingnommer", "kliëntediens", "vriendelike", "groete", "ontwikkelaars", "weergawe", "velkleure", "ratkabel", "afleweringstyd"},
			[]string{"bestleling", "vriendleike", "werksdea"}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			d := openLang(t, tc.lang)
			for _, w := range tc.good {
				if !d.Correct(w) {
					t.Errorf("%q marked wrong", w)
				}
			}
			for _, w := range tc.bad {
				if d.Correct(w) {
					t.Errorf("%q marked right", w)
				}
			}
		})
	}
}

// BenchmarkOpen loads each language's dictionaries.
func BenchmarkOpen(b *testing.B) {
	for _, lang := range []string{"en", "nl", "fr", "es", "af"} {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				openLang(b, lang)
			}
		})
	}
}

// BenchmarkCorrectLang checks dictionary words (as written or with
// affixes), compounds and typos, each kind on its own: a typo costs the
// most, as every analysis has to fail.
func BenchmarkCorrectLang(b *testing.B) {
	words := map[string]map[string][]string{
		"en": {"word": {"thank", "patience", "refunded", "Thursday", "customers"}, "typo": {"recieve", "definately", "seperate", "thnaks", "patiense"}},
		"nl": {"word": {"bestelling", "verzonden", "werkdagen", "Bedankt", "vriendelijke"},
			"compound": {"klantenservice", "verzendbevestiging", "retourkosten", "klantenservicemedewerker", "wachtwoordherstel"},
			"typo":     {"bestleling", "klantenserivce", "verzondne", "vriendleijke", "bezorgdatmu"}},
		"fr": {"word": {"l'adresse", "remboursé", "commande", "aujourd'hui", "qu'il"}, "typo": {"comande", "livrasion", "cordialemnt", "l'adrese", "remboursee"}},
		"es": {"word": {"pedido", "devolución", "también", "días", "Gracias"}, "typo": {"pedidio", "devolucion", "tambien", "grácias", "reembolzo"}},
		"af": {"word": {"bestelling", "terugbetaal", "werksdae", "kliëntediens", "vriendelike"},
			"compound": {"opsporingskakel", "bestellingnommer", "betalingsbewys", "afleweringsadres", "wagwoordherstel"},
			"typo":     {"bestleling", "vriendleike", "werksdea", "opsporingskaekl", "ontvnag"}},
	}
	for _, lang := range []string{"en", "nl", "fr", "es", "af"} {
		for _, kind := range []string{"word", "compound", "typo"} {
			ws := words[lang][kind]
			if ws == nil {
				continue
			}
			b.Run(lang+"/"+kind, func(b *testing.B) {
				d := openLang(b, lang)
				for _, w := range ws {
					if d.Correct(w) != (kind != "typo") {
						b.Fatalf("%q: wrong verdict", w)
					}
				}
				i := 0
				for b.Loop() {
					d.Correct(ws[i%len(ws)])
					i++
				}
			})
		}
	}
}

// TestSecondDictionaryOnDemand: en_GB is read only when a word comes that
// en_US does not know, once, however many goroutines ask at the same time.
func TestSecondDictionaryOnDemand(t *testing.T) {
	d := openLang(t, "en")
	if len(d.parts) != 2 {
		t.Fatalf("%d dictionaries for en, want en_US and en_GB", len(d.parts))
	}
	if !d.Correct("order") || d.parts[1].open == nil {
		t.Fatal("en_GB was read for a word en_US knows")
	}
	done := make(chan bool)
	for range 4 {
		go func() { done <- d.Correct("colour") }()
	}
	for range 4 {
		if !<-done {
			t.Error("colour (en_GB) marked wrong")
		}
	}
	if d.parts[1].d == nil {
		t.Error("en_GB not loaded after colour")
	}
}
