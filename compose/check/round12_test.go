package check

import "testing"

// A closing may be a wish for the season, a long formal formula, or a
// wish that starts 提前祝; a closing with no name under it is a closing.
func TestClosingRound12(t *testing.T) {
	checkLetters(t, "closing-missing", []firesCase{
		{"af", "Hi Carla\n\nDie R585 word na jou kaart terugbetaal.\n\n'n Geseënde Kersfees en 'n voorspoedige nuwe jaar vir jou en jou gesin.\n\nPieter-Jan Louw\nInk & Veer Vulpenwinkel, Pretoria", false},
		{"fr", "Bonjour Madame Gagnon,\n\nJe vous envoie ensuite le lien de paiement.\n\nAu plaisir de voir Éloïse à l'atelier, et joyeuses Fêtes à toute la famille,\n\nAudrey Beaulieu\nAtelier Terre et Feu", false},
		{"fr", "Bonjour Madame Roux,\n\nVotre commande sera livrée le jeudi 20 février.\n\nDans l'attente de votre confirmation du créneau, nous vous prions d'agréer, Madame, l'expression de nos salutations distinguées.\n\nYves Châtelain\nService clientèle", false},
		{"es", "Estimado Sr. Gallego:\n\nLa entrega se efectuará el martes 18 de marzo.\n\nSin otro particular, y quedando a la espera de sus noticias, aprovechamos la ocasión para saludarle muy atentamente.\n\nFernando Gallego\nDepartamento Comercial", false},
		{"es", "Hola, Sergio:\n\nYa revisamos su máquina de escribir.\n\nQuedamos atentos.\n\nCordialmente,", false},
		{"zh", "高女士，您好：\n\n以后有任何问题，都可以直接联系我。\n\n期待在丽江见到您，提前祝您新年快乐、万事顺遂！\n\n高雅琴\n客户关系经理", false},
	})
}

// Blame in the forms of round 12.
func TestBlameRound12(t *testing.T) {
	checkFires(t, "blame", []firesCase{
		{"es", "El error fue tuyo: elegiste la talla equivocada.", true},
		{"fr", "C'était pourtant écrit en gras dans l'e-mail de confirmation, tu l'as bien lu ??", true},
		{"nl", "Had u de handleiding goed gelezen, dan had u geweten dat de beveiliging dan afslaat.", true},
		{"zh", "色带卡住是因为您自己把色带装反了。", true},
		{"zh", "您自己把旧色带取出来即可。", false},
	})
}

// Doubled Chinese pronouns and conjunctions are typos.
func TestRepeatedHanRound12(t *testing.T) {
	checkFires(t, "repeated-word", []firesCase{
		{"zh", "这不属于我们我们上次维修的质量问题。", true},
		{"zh", "我们上次维修的是色带。您可以看看。", false},
	})
}

// What can be done instead, said as the closest match or with "wel", is
// an alternative; "免费" inside a refusal is none.
func TestAlternativeRound12(t *testing.T) {
	checkFires(t, "negative-wording", []firesCase{
		{"af", "Dit is ongelukkig nie toegelaat nie. U kan wel van die strand noord van die monding hengel.", false},
		// "wel" as "indeed" offers nothing: "Dat is wel jammer".
		{"nl", "Helaas kunnen we uw bestelling niet terugnemen. Dat is wel jammer.", true},
		{"af", "Ongelukkig kan ons dit nie terugneem nie. Die pakkie sal wel eers Maandag kom.", true},
		{"zh", "很遗憾，我们无法再供货。它的味道确实是不可替代的。", true},
		{"nl", "Helaas kunnen we de cursus niet verplaatsen. U kunt wel gratis instromen in de groep van mei.", false},
		{"nl", "Helaas heb ik slecht nieuws: deze kleur is uit het assortiment. Ik heb twee kleuren uitgezocht die er dicht bij komen.", false},
		{"zh", "很遗憾要告诉您，这款墨水已经停产。颜色最接近的是同一厂家的远岫青。", false},
		{"zh", "按照规定，我们不能免费重新发货。", true},
	})
}

// Notes indented under numbered steps, and rows of a table laid out with
// spaces, are a list.
func TestListShapesRound12(t *testing.T) {
	checkFires(t, "steps-as-prose", []firesCase{
		{"nl", "1. Zet de locomotief op het programmeerspoor.\n   Dat is het aparte stuk rails dat aan de aansluiting 'Prog' van uw centrale hangt.\n2. Kies in het menu 'Programmeren' en daarna 'CV schrijven'.\n3. Vul bij CV 1 het adres in dat u wilt gebruiken, bijvoorbeeld 18.\n   Kies een adres dat nog niet bij een andere loc in gebruik is.\n4. Bevestig met OK en wacht een paar seconden.\n   De loc schokt even of de lampen knipperen.\n5. Zet de loc terug op de baan en roep adres 18 op.", false},
	})
	checkFires(t, "sentence-too-long", []firesCase{
		{"en", "12 April       Pre-wedding shoot at Clevedon Pier, 6:30 pm\n3 May          Final planning call (I'll send a video link a week before)\n14 June        Your wedding day at Tyntesfield\nby 26 July     Online gallery ready to view and download\nby 30 August   Printed album delivered to your home", false},
	})
	for line, want := range map[string]bool{
		"12 April       Pre-wedding shoot": true,
		"Lusern\tR145":                     true,
		"Thanks for the photo.":            false,
		"trailing   ":                      false,
	} {
		if got := isTableRow(line); got != want {
			t.Errorf("isTableRow(%q) = %v, want %v", line, got, want)
		}
	}
}

// A capitalised word before a model number is a brand, not a typo.
func TestBrandBeforeModel(t *testing.T) {
	c := spellingChecker(t, "af")
	text := "Pelikan 4001 Turkoois is effens ligter."
	if got := spellingFindings(c, "af", text, true); len(got) > 0 {
		t.Errorf("%q: spelling %v", text, got)
	}
}
