// Package lang tells which of kindly's languages a text is written in: en,
// nl, fr, es, af or zh. It scores function words, the most frequent and most
// telling words of each language, so it works on a single sentence and tells
// Dutch from Afrikaans by the words that differ between them (de/die,
// niet/nie, ik/ek, een/'n). Chinese is recognised by its script.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kindly/internal/fnv1a"
)

// Codes are the languages Detect can return.
var Codes = []string{"en", "nl", "fr", "es", "af", "zh"}

// table maps a lower-case word to its weight per language. Words shared by
// two languages count for both; words that tell two close languages apart
// (nl/af) weigh more. It is built from the lists below by newTable, and
// compiled into the program as a hash table (table_gen.go, written by
// TestGeneratedTable -update), so that no process builds it at start-up.
type table map[string][5]float32

const (
	en = iota
	nl
	fr
	es
	af
	zh
)

// The lists: common function words and support-mail words. A word listed
// for several languages scores for each.
var lists = [5]string{
	en: `the and to of a in is it you that for on are with as be this have not at or by from
	    your we i my me our can will would could please thanks thank hi hello dear order
	    what when where how why which was were has had do does did if but an they there
	    been any all just about get got still yet received soon kind regards sorry help`,
	nl: `de het een en van ik je u is dat niet te op voor met zijn er maar om als aan ook
	    bij wat nog wel naar uit dan kan zou heb hebt heeft wij we ze zij mijn uw onze hun
	    geen hoe waar wanneer waarom bedankt dank alvast graag groet groeten vriendelijke
	    beste bestelling ontvangen nog steeds mogelijk alstublieft alsjeblieft zal zullen
	    worden wordt werd deze dit die wij jullie goedemorgen hallo hoi`,
	fr: `le la avant prochaine voudrais les de des du un une et est je vous il elle nous que qui pas ne pour dans
	    en sur avec au aux ce cette mais ou plus mon ma mes votre vos notre bonjour merci
	    commande reçu toujours pouvez pourriez pourquoi quand comment où cordialement
	    madame monsieur suis avons avez été très bien s'il plaît j'ai c'est n'ai`,
	es: `el la quiero antes próxima fecha ha llegado los las de del un una y es en que no por para con mi mis su sus tu yo usted
	    nosotros pero como más muy este esta hola gracias pedido todavía cuándo dónde
	    cómo por qué puede podrían recibido saludos atentamente estimado estimada
	    he ha han sido está estoy lo le se al`,
	af: `die en van ek jy u is dit nie te op vir met is daar maar om as aan ook by wat
	    nog wel na uit dan kan sou het ons hulle my julle geen hoe waar wanneer hoekom
	    dankie baie asseblief groete vriendelike beste bestelling ontvang steeds moontlik
	    sal word is was 'n goeie môre hallo nog nie`,
}

// telling are words that mark one language against its close neighbour;
// they weigh three times as much.
var telling = map[string]int{
	"een": nl, "niet": nl, "ik": nl, "je": nl, "zijn": nl, "heb": nl, "hebt": nl, "heeft": nl,
	"wij": nl, "zij": nl, "mijn": nl, "uw": nl, "bedankt": nl, "alstublieft": nl, "zal": nl, "ontvangen": nl,
	"worden": nl, "wordt": nl, "deze": nl, "dit": -1, "goedemorgen": nl, "waarom": nl, "hun": nl, "zou": nl,
	"die": -1, "ek": af, "jy": af, "nie": af, "vir": af, "hulle": af, "julle": af, "dankie": af, "baie": af,
	"asseblief": af, "'n": af, "sou": af, "hoekom": af, "ontvang": af, "môre": af, "goeie": af, "vriendelike": af,
	"groete": af, "word": af, "the": en, "you": en, "le": fr, "les": fr, "vous": fr, "est": fr,
	"el": es, "los": es, "usted": es, "gracias": es, "hola": es, "merci": fr, "bonjour": fr,
}

// newTable builds the weights.
func newTable() table {
	t := table{}
	for l, list := range lists {
		for _, w := range strings.Fields(list) {
			v := t[w]
			v[l] = 1
			t[w] = v
		}
	}
	de := t["de"]
	de[nl] = 1.5 // more frequent in Dutch than in French or Spanish, and never Afrikaans
	t["de"] = de
	for w, l := range telling {
		if l < 0 {
			continue
		}
		v := t[w]
		v[l] = 3
		t[w] = v
	}
	return t
}

// weight returns the weights of a lower-case word, from the generated
// table: FNV-1a, open addressing, at most half full.
func weight(w string) ([5]float32, bool) {
	if w == "" {
		return [5]float32{}, false
	}
	mask := uint32(len(tableKeys) - 1)
	for h := fnv1a.String(w) & mask; ; h = (h + 1) & mask {
		switch tableKeys[h] {
		case w:
			return tableWeights[h], true
		case "":
			return [5]float32{}, false
		}
	}
}

// Detect returns the language of text as one of en nl fr es af zh with a
// confidence between 0 and 1, or "" when it cannot tell.
func Detect(text string) (code string, confidence float64) {
	scores, han, letters := score(text)
	if letters == 0 && han == 0 {
		return "", 0
	}
	if han > 0 && float64(han) >= 0.3*float64(han+letters) {
		return "zh", min(1, 0.5+float64(han)/float64(2*(han+letters)))
	}
	best, second := -1, -1
	for l := range scores {
		if best < 0 || scores[l] > scores[best] {
			best, second = l, best
		} else if second < 0 || scores[l] > scores[second] {
			second = l
		}
	}
	if scores[best] < 1 {
		return "", 0
	}
	margin := scores[best] - scores[second]
	if margin <= 0 {
		return "", 0
	}
	conf := float64(margin) / float64(scores[best])
	if conf > 1 {
		conf = 1
	}
	return Codes[best], conf
}

// score sums the weights of the words of text. Only the first 2,000 words
// are read: more does not change the answer.
func score(text string) (scores [5]float32, han, letters int) {
	words := 0
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(text[start:end])
		start = -1
		words++
		if v, ok := weight(w); ok {
			for l := range scores {
				scores[l] += v[l]
			}
		}
		shapeCues(w, &scores)
	}
	for i, r := range text {
		if words > 2000 {
			break
		}
		switch {
		case r == '¿' || r == '¡':
			flush(i)
			scores[es] += 1.5
		case r == utf8.RuneError:
			flush(i)
		case unicode.Is(unicode.Han, r):
			flush(i)
			han++
		case unicode.IsLetter(r) || (r == '\'' && start >= 0) || (r == '\'' && strings.HasPrefix(text[i:], "'n ")):
			letters++
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	return scores, han, letters
}

// shapeCues scores the spelling of a word that is not a function word:
// letters and endings that only some of the languages use.
func shapeCues(w string, scores *[5]float32) {
	switch {
	case strings.HasSuffix(w, "ción") || strings.HasSuffix(w, "sión") || strings.HasSuffix(w, "dad"):
		scores[es] += 1
	case strings.HasSuffix(w, "eux") || strings.HasSuffix(w, "ement") || strings.HasSuffix(w, "ais") || strings.HasSuffix(w, "ait"):
		scores[fr] += 0.7
	case strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ling"):
		scores[en] += 0.3
		scores[nl] += 0.2
		scores[af] += 0.2
	}
	if strings.Contains(w, "ij") {
		scores[nl] += 1 // Afrikaans writes y where Dutch writes ij
	}
	for _, r := range w {
		switch r {
		case 'ñ':
			scores[es] += 1.5
		case 'á', 'í', 'ó', 'ú':
			scores[es] += 0.6
		case 'ç', 'œ', 'è', 'à', 'â', 'î', 'ù':
			scores[fr] += 0.6
		case 'é':
			scores[fr] += 0.4
			scores[es] += 0.2
		case 'ê', 'ô', 'û':
			scores[fr] += 0.3
			scores[af] += 0.3
		}
	}
}
