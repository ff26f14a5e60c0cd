package check

import "testing"

// Blame in the forms of round 13.
func TestBlameRound13(t *testing.T) {
	checkFires(t, "blame", []firesCase{
		{"af", "As u eintlik 'n Amerikaanse visum nodig gehad het, moes u dit vir ons gesê het.", true},
		{"en", "If you had measured Aarav before ordering, this could have been avoided.", true},
		{"en", "If you’d told us sooner, this could have been avoided.", true},
		{"en", "This could have been avoided if we had checked the size chart.", false},
		{"es", "Esto pasó porque guardaste el lector en la mochila sin funda.", true},
		{"es", "Como elegiste el envío exprés, llegará mañana.", false},
		{"nl", "U hebt dat bij de opname zelf genegeerd, dus de afwijzing ligt niet aan ons.", true},
	})
}

// "refuse" is negative wording when we refuse, not when the customer is
// told to refuse a parcel; a review to ask for is an alternative.
func TestRefuseRound13(t *testing.T) {
	checkFires(t, "negative-wording", []firesCase{
		{"en", "In that case, just refuse the DPD parcel when it arrives and it will come back to us.", false},
		{"en", "We refuse to refund opened items.", true},
		{"en", "We are unable to reimburse this part of the claim.\n\nIf you disagree, you can ask for a formal review by replying to this email.", false},
	})
}

// A brand in capitals inside a product name is no shouting; a capital at a
// sentence's start is no product name.
func TestShoutingRound13(t *testing.T) {
	checkFires(t, "shouting", []firesCase{
		{"es", "Trabajan con kits LEGO Education SPIKE Prime que nosotros ponemos en el taller.", false},
		{"fr", "Deux stores pour fenêtres de toit VELUX (modèle GGL, dimension CK02).", false},
		{"en", "Please NEVER share your code with anyone.", true},
	})
}

// A particle repeated as the start of a surname is no repeated word.
func TestNameParticle(t *testing.T) {
	checkFires(t, "repeated-word", []firesCase{
		{"nl", "Hieronder de antwoorden over de fietsregeling van Van Leeuwen Installatietechniek.", false},
		{"nl", "Hieronder de antwoorden over de de fietsregeling.", true},
	})
}

// An apology that goes on to say why it matters is specific.
func TestApologyWhyRound13(t *testing.T) {
	checkFires(t, "generic-apology", []firesCase{
		{"fr", "Vos stores seront prêts le 18 novembre. Je suis désolée pour ce contretemps, d'autant que vous souhaitiez les poser avant l'arrivée de votre famille.", false},
		{"fr", "Merci pour votre message. Toutes nos excuses pour ce contretemps.", true},
	})
}

// Latin letters in a Chinese phrase match whole words only.
func TestHanPhraseLatinRound13(t *testing.T) {
	checkFires(t, "jargon", []firesCase{
		{"zh", "您的工单已升级到L2，我们会按SLA在48小时内给出处理结果。", true},
		{"zh", "您订购的SLAB-200型石板和L200支架已经发货。", false},
	})
}
