package spell

import (
	"os"
	"strings"
	"testing"
)

func openEN(t testing.TB) *Dict {
	t.Helper()
	d, err := Open("en_US", "en_GB")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err.Error())
	}
	return d
}

func TestEnglish(t *testing.T) {
	d := openEN(t)
	for _, w := range []string{"thanks", "Thank", "patience", "colour", "color", "licences", "apologise", "apologize", "shipped", "refunded", "unfortunately", "reorder", "tomorrow", "Thursday", "bookshelf", "I'm", "don't", "customers'", "customer's", "emails", "THANKS"} {
		if !d.Correct(w) {
			t.Errorf("%q marked wrong", w)
		}
	}
	for _, w := range []string{"recieve", "teh", "definately", "seperate", "thnaks"} {
		if d.Correct(w) {
			t.Errorf("%q marked right", w)
		}
	}
}

func TestOpenMissing(t *testing.T) {
	if _, err := Open("xx_XX"); err == nil || !strings.Contains(err.Error(), "no Hunspell dictionary") {
		t.Errorf("err = %v", err)
	}
}

func FuzzAff(f *testing.F) {
	f.Add("SFX A Y 1\nSFX A 0 s [^s]\nPFX B Y 1\nPFX B 0 re .\n", "2\nword/AB\nother\n", "rewords")
	f.Add("FLAG long\nSFX Aa Y 1\nSFX Aa 0 s/Bb .\nSFX Bb Y 1\nSFX Bb 0 en .\nCOMPOUNDFLAG Cc\n", "1\nwoord/AaCc\nboek\\/x/Cc\n", "woordboek")
	f.Add("FLAG num\nAF 2\nAF 1,2\nAF 3\nSFX 1 Y 1\nSFX 1 0 s .\nONLYINCOMPOUND 3\nFULLSTRIP\n", "2\nkat/1\nkop/2\n", "katkop")
	f.Add("FLAG UTF-8\nSFX é Y 1\nSFX é tre est être\nICONV 1\nICONV ’ '\n", "1\nêtre/é\n", "est")
	f.Fuzz(func(t *testing.T, aff, dic, word string) {
		d, err := parseAff(aff, "f.aff")
		if err != nil {
			return
		}
		d.parseDic(dic)
		d.finish()
		d.free = len(word)%2 == 0
		(&Dict{parts: []*part{loaded(d)}}).Correct(word)
	})
}

func BenchmarkOpenEnglish(b *testing.B) {
	for b.Loop() {
		openEN(b)
	}
}

func BenchmarkCorrect(b *testing.B) {
	d := openEN(b)
	words := strings.Fields("thank you for your patience while we looked into the refunded order recieve")
	i := 0
	for b.Loop() {
		d.Correct(words[i%len(words)])
		i++
	}
}
