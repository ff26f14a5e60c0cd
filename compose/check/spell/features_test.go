package spell

import (
	"strings"
	"testing"
)

// dictFrom builds a Dict from .aff and .dic text.
func dictFrom(t *testing.T, aff, dic string, opt Options) *Dict {
	t.Helper()
	d, err := parseAff(aff, "test.aff")
	if err != nil {
		t.Fatal(err)
	}
	d.parseDic(dic)
	d.finish()
	if err := d.setOptions(opt); err != nil {
		t.Fatal(err)
	}
	return &Dict{parts: []*part{loaded(d)}}
}

// featureCases try each .aff feature on a small dictionary of its own.
// Hunspell 1.7 agrees with every verdict but two: it takes
// "foobarfoobarfoo" (five parts; kindly stops at four) and "foobaz" (it
// applies COMPOUNDFORBIDFLAG on stems to the first part only).
var featureCases = []struct {
	name, aff, dic string
	opt            Options
	good, bad      string
}{
	{"single flags, cross product", `
PFX R Y 1
PFX R 0 re .
SFX S Y 2
SFX S 0 s [^y]
SFX S y ies y
PFX U N 1
PFX U 0 un .
SFX D N 1
SFX D 0 ed .
`, "3\nword/RS\nstory/S\nlock/UD\n", Options{},
		"word words reword rewords stories Word WORDS unlock locked", "storys restory unlocked wordies"},
	{"FLAG long", `
FLAG long
PFX Pr Y 1
PFX Pr 0 re .
SFX Sx Y 1
SFX Sx 0 s .
`, "2\nword/PrSx\nstory/Sx\n", Options{}, "word words rewords", "restory restories"},
	{"FLAG num and AF", `
FLAG num
AF 2
AF 1,2
AF 3
SFX 1 Y 1
SFX 1 0 en .
PFX 2 N 1
PFX 2 0 on .
SFX 3 Y 1
SFX 3 0 s .
`, "2\nklant/1\nboek/2\n", Options{}, "klant klanten onklant boeks", "onklanten boeken onboek"},
	{"FLAG UTF-8 and FULLSTRIP", `
SET UTF-8
FLAG UTF-8
FULLSTRIP
SFX é Y 1
SFX é er é er
SFX ê Y 1
SFX ê être est être
`, "2\nparler/é\nêtre/ê\n", Options{}, "parler parlé être est", "parlê"},
	{"two suffixes", `
SFX A Y 1
SFX A 0 ing/B .
SFX B Y 1
SFX B 0 s .
`, "1\nwalk/A\n", Options{}, "walk walking walkings", "walks walkingss"},
	{"NEEDAFFIX, FORBIDDENWORD, KEEPCASE", `
NEEDAFFIX X
FORBIDDENWORD F
KEEPCASE K
SFX A Y 1
SFX A 0 en .
`, "4\nkom/XA\ngoed/A\ngoeden/F\nkm/K\n", Options{}, "komen goed km", "kom goeden Goeden Km KM"},
	{"ICONV and IGNORE", "SET UTF-8\nICONV 2\nICONV ij ĳ\nICONV _ph_ f\nIGNORE \u00ad\n",
		"3\nvrĳ\nfoto\nafname\n", Options{}, "vrij vrĳ af\u00adname", "vry"},
	{"CIRCUMFIX", `
CIRCUMFIX X
PFX A Y 1
PFX A 0 leg/X .
SFX B Y 1
SFX B 0 obb/AX .
`, "1\nnagy/B\n", Options{}, "nagy legnagyobb", "nagyobb legnagy"},
	{"COMPOUNDFLAG and its checks", `
COMPOUNDFLAG C
COMPOUNDMIN 3
ONLYINCOMPOUND O
COMPOUNDFORBIDFLAG N
COMPOUNDPERMITFLAG P
CHECKCOMPOUNDDUP
CHECKCOMPOUNDCASE
CHECKCOMPOUNDTRIPLE
SFX S Y 1
SFX S 0 s .
SFX T Y 1
SFX T 0 en/P .
`, "9\nfoo/CST\nbar/CS\nxy/C\nlinks/CO\nbaz/CN\nball/C\nllama/C\nBerlin/C\nplain\n", Options{},
		"foobar barfoo foobarfoo foolinksbar foolinks barfoos fooenbar baz ballbar Foobar",
		"foofoo fooBar fooxy links foobaz bazfoo foosbar balllama plainbar fooplain foobarfoobarfoo"},
	{"COMPOUNDBEGIN, MIDDLE, END", `
COMPOUNDBEGIN B
COMPOUNDMIDDLE M
COMPOUNDEND E
`, "3\nhuis/BE\ndeur/E\nklink/M\n", Options{}, "huisdeur huishuis huisklinkdeur", "deurhuis huisklink klinkdeur"},
	{"CHECKCOMPOUNDPATTERN", `
COMPOUNDFLAG C
CHECKCOMPOUNDPATTERN 2
CHECKCOMPOUNDPATTERN o b
CHECKCOMPOUNDPATTERN /X /Y
`, "4\nfoo/C\nbar/C\nkip/CX\npan/CY\n", Options{}, "barfoo kipbar pankip", "foobar kippan"},
	{"COMPOUNDRULE", `
COMPOUNDMIN 1
COMPOUNDRULE 2
COMPOUNDRULE ab*c
COMPOUNDRULE d?e
`, "5\naa/a\nbb/b\ncc/c\ndd/d\nee/e\n", Options{}, "aacc aabbcc aabbbbcc ddee", "aabb ccaa ddddee aacca"},
	{"COMPOUNDRULE with long flags", `
FLAG long
COMPOUNDMIN 1
COMPOUNDRULE 1
COMPOUNDRULE (N1)(N2)*
`, "2\neen/N1\ntwee/N2\n", Options{}, "eentwee eentweetwee", "tweeeen eeneen"},
	{"FORCEUCASE", `
COMPOUNDFLAG C
FORCEUCASE U
`, "2\nfoo/C\nbar/CU\n", Options{}, "Foobar barfoo", "foobar"},
	{"joined words", "", "4\nopsporing\nskakel\nwerk\ndag\n", Options{JoinedWords: true},
		"opsporingskakel opsporingsskakel werkopsporing dagopsporing opsporingsdag dagskakel", "werkdag dagwerk dagdagwerk opsporingskakle skakelx"},
	{"loose compound start", `
COMPOUNDBEGIN B
COMPOUNDEND E
`, "2\nretour/E\nlabel/BE\n", Options{LooseCompoundStart: true}, "retourlabel labelretour", "retourretourx"},
	{"compound start flag", `
FLAG long
COMPOUNDBEGIN Ca
COMPOUNDEND Cc
`, "3\nvul/V3\nslang/Cc\nkabel/CaCc\n", Options{CompoundStartFlag: "V3"}, "vulslang kabelslang", "slangvul vulvul kabelvul"},
}

// TestFeatures checks each .aff feature on its own small dictionary, so
// they are tested without Debian's dictionaries too.
func TestFeatures(t *testing.T) {
	for _, tc := range featureCases {
		t.Run(tc.name, func(t *testing.T) {
			d := dictFrom(t, tc.aff, tc.dic, tc.opt)
			for _, w := range strings.Fields(tc.good) {
				if !d.Correct(w) {
					t.Errorf("%q marked wrong", w)
				}
			}
			for _, w := range strings.Fields(tc.bad) {
				if d.Correct(w) {
					t.Errorf("%q marked right", w)
				}
			}
		})
	}
	// Without the option, nl-style begin/end flags refuse retourlabel.
	if dictFrom(t, "COMPOUNDBEGIN B\nCOMPOUNDEND E\n", "2\nretour/E\nlabel/BE\n", Options{}).Correct("retourlabel") {
		t.Error("retourlabel right without LooseCompoundStart")
	}
}

// TestMalformedAff: a broken .aff is an error naming the line, never a
// panic and never a silently wrong dictionary.
func TestMalformedAff(t *testing.T) {
	for _, aff := range []string{
		"FLAG weird",
		"SET ISO8859-1",
		"PFX A Y x",
		"SFX A Y 2\nSFX A 0 s .",
		"FLAG long\nSFX A Y 1\nSFX A 0 s .",
		"FLAG num\nSFX 70000 Y 1\nSFX 70000 0 s .",
		"FLAG num\nSFX 0 Y 1\nSFX 0 0 s .",
		"SFX A Y 1\nSFX A 0 s [abc",
		"SFX A Y 1\nSFX A 0 s ab]",
		"SFX A Y 1\nSFX A 0",
		"AF 1\nAF AB\nSFX A Y 1\nSFX A 0 s/7 .",
		"COMPOUNDRULE 1\nCOMPOUNDRULE *a",
		"FLAG long\nCOMPOUNDRULE 1\nCOMPOUNDRULE (Aa",
		"ICONV x",
		"ICONV 1\nICONV a",
		"COMPOUNDMIN x",
		"NEEDAFFIX",
		"FLAG UTF-8\nNEEDAFFIX 😀",
		"CHECKCOMPOUNDPATTERN 1\nCHECKCOMPOUNDPATTERN a",
	} {
		d, err := parseAff(aff, "bad.aff")
		if err == nil {
			t.Errorf("%q: no error (%+v)", aff, d)
			continue
		}
		if !strings.HasPrefix(err.Error(), "bad.aff") {
			t.Errorf("%q: error %q does not name the file", aff, err)
		}
	}
}

// TestDicLines: morphology, escaped slashes, homonyms and phrases.
func TestDicLines(t *testing.T) {
	d := dictFrom(t, "FORBIDDENWORD F\nSFX A Y 1\nSFX A 0 s .\n",
		"6\nkm\\/h\n1er/A po:adj is:mas\nabandonware/A\tNoun: uncountable\nab initio\nlead/A\nlead/F\n", Options{})
	for _, w := range []string{"km/h", "1er", "1ers", "abandonware", "abandonwares"} {
		if !d.Correct(w) {
			t.Errorf("%q marked wrong", w)
		}
	}
	for _, w := range []string{"ab", "initio", "km", "po:adj"} {
		if d.Correct(w) {
			t.Errorf("%q marked right", w)
		}
	}
}
