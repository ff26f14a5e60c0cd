package check

import "testing"

// A discount the customer already has is no promotion; one pushed at them
// is.
func TestPromotionalRound14(t *testing.T) {
	checkFires(t, "promotional", []firesCase{
		{"en", "Free parking and the 10% off food and drinks in the park also run until 30 June.", false},
		{"es", "Lo que sí se mantiene es el 10 % de descuento para el segundo hermano.", false},
		{"en", "Book this week and get 10% off your next visit.", true},
		{"af", "Hierdie maand kry al ons kliënte 20% afslag op ons nuwe gesinspakket.", true},
		{"es", "Disfruta de 15 % de descuento en tu próxima reserva.", true},
	})
}

// Blame and refusals in the forms of round 14.
func TestBlameRound14(t *testing.T) {
	checkFires(t, "blame", []firesCase{
		{"en", "To be honest, this is down to you leaving old fuel in the tank all winter.", true},
		{"en", "If you had run the carburettor dry before laying the boat up, the jets would never have gummed up.", true},
		{"es", "Si hubieras leído las instrucciones, ya estarías inscrito.", true},
		{"es", "Te lo repito: la inscripción cierra el viernes.", true},
		{"nl", "Je had die beter even nagelezen voor je boekte.", true},
	})
	checkFires(t, "negative-wording", []firesCase{
		{"fr", "Ce n'est pas possible de garder votre cheval au pré cet hiver.", true},
	})
}

// Greetings and closings of a stiff letter: too formal, but there.
func TestFormalLetterRound14(t *testing.T) {
	nl := "Geachte mevrouw, geachte heer,\n\nDe bibliobus komt op 12 maart.\n\nHoogachtend,\n\nJan Peeters\nBibliotheek"
	zh := "王先生台鉴：\n\n您所询问的邮票已经鉴定完毕，确为真品，鉴定证书随件寄回。\n\n专此奉复，敬希垂察。\n\n集珍邮币行 鉴定部\n罗文"
	af := "Geagte mnr. Botha\n\nDie seëls is op 3 Maart gepos.\n\nHoogagtend\n\nJan-Hendrik Louw\nVrystaat Filatelie"
	checkLetters(t, "greeting-too-formal", []firesCase{{"nl", nl, true}, {"zh", zh, true}})
	checkLetters(t, "closing-missing", []firesCase{{"zh", zh, false}, {"af", af, false}})
}

// Cases from the second read of round 14: a discount pushed with a verb or
// a call to act is an offer whatever article it has; "down to you" as a
// choice, an offer with "wouldn't have to", an agent's own mistake, a
// greeting that names the customer, and "se lo repito por escrito" are
// fine.
func TestRound14Limits(t *testing.T) {
	checkFires(t, "promotional", []firesCase{
		{"en", "Claim your 20% off today before the weekend sale ends.", true},
		{"en", "Good news: the 20% off all kayaks starts Friday, so book now.", true},
		{"es", "Aprovecha el 15 % de descuento en tu próxima reserva, solo hasta el domingo.", true},
		{"af", "Kry jou 20% afslag op alle skoene, net hierdie naweek.", true},
		{"en", "We have applied the\n10% off to your invoice.", false},
	})
	checkFires(t, "blame", []firesCase{
		{"en", "Both dates work for us, so it is down to you which one you pick.", false},
		{"en", "If you'd like to switch to the annual plan, you wouldn't have to renew it every month.", false},
		{"en", "If you had not told us about the leak, we would never have found the faulty batch, so thank you.", false},
		{"nl", "U had gelijk: we hadden het pakket beter gecontroleerd voor het vertrok.", false},
		{"es", "Si quiere, se lo repito por escrito.", false},
	})
	checkLetters(t, "greeting-too-formal", []firesCase{
		{"nl", "Geachte mevrouw en heer Jansen,\n\nDe bibliobus komt op 12 maart.\n\nMet vriendelijke groet,\n\nJan Peeters\nBibliotheek", false},
	})
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	fr := "Ce n'est pas possible de garder votre cheval au pré cet hiver."
	n := 0
	for _, f := range c.Run(Input{Body: fr, Lang: "fr", Fragment: true}).Findings {
		if f.Rule == "negative-wording" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%q: %d negative-wording findings, want 1", fr, n)
	}
}

// Chinese lists are matched in lower case: "SLA" and "WMS" in a Chinese
// reply are the lists' "sla" and "wms".
func TestHanPhraseCapitals(t *testing.T) {
	checkFires(t, "jargon", []firesCase{
		{"zh", "我们会按SLA在48小时内处理。", true},
		{"zh", "该商品在WMS里还是待拣货状态。", true},
		{"zh", "您订的三文鱼配方（货号：CAT-SAL-2K）已经发出。", false},
	})
}
