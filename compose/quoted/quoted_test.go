package quoted

import (
	"strings"
	"testing"
)

func TestStart(t *testing.T) {
	own := "Hi,\n\nCan I still change the colour to oak?\n\nAnna\n\n"
	tests := []struct {
		name, quoted string
		at           string // the line Start must point at; "" for none
	}{
		{"outlook en", "________________________________\nFrom: Example Support <support@example.com>\nSent: Monday, 23 November 2026 10:00\nTo: Anna <anna@example.com>\nSubject: RE: order HW-659\n\nWhen would you like it delivered?\n", "From: Example"},
		{"outlook nl", "Van: Example Support <support@example.com>\nVerzonden: maandag 23 november 2026 10:00\nAan: Anna\nOnderwerp: RE: bestelling\n\nWanneer wilt u het ontvangen?\n", "Van: "},
		{"outlook fr", "De : Service client <support@example.com>\nEnvoyé : lundi 23 novembre 2026 10:00\nÀ : Anna\nObjet : RE: commande\n\nQuand voulez-vous la livraison ?\n", "De : "},
		{"outlook es", "De: Atención al cliente <support@example.com>\nEnviado: lunes, 23 de noviembre de 2026 10:00\nPara: Anna\nAsunto: RE: pedido\n\n¿Cuándo lo quiere recibir?\n", "De: "},
		{"outlook zh", "发件人: 客服 <support@example.com>\n发送时间: 2026年11月23日 10:00\n收件人: Anna\n主题: 回复: 订单\n\n您什么时候需要？\n", "发件人"},
		{"bold labels from HTML", "**From:** Example Support\n**Sent:** Monday, 23 November 2026 10:00\n\nWhen would you like it delivered?\n", "**From:**"},
		{"gmail forward", "---------- Forwarded message ---------\nFrom: Example Support <support@example.com>\nDate: Mon, 23 Nov 2026 at 10:00\nSubject: order\nTo: Anna\n\nWhen?\n", "From: Example"},
		{"original message", "-----Original Message-----\nWhen would you like it?\n", "-----Original"},
		{"nl original", "-----Oorspronkelijk bericht-----\nWanneer?\n", "-----Oorspronkelijk"},
		{"a From: of the customer's own", "From: Rotterdam, where I live, it is far.\nThanks!\n", ""},
		{"From: with nothing after", "From:\nSent:\n", ""},
		{"no quote", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := own + tt.quoted
			got := Start(text)
			switch {
			case tt.at == "" && got != -1:
				t.Errorf("Start = %d (%q), want none", got, text[got:])
			case tt.at != "" && (got < len(own) || !strings.HasPrefix(text[got:], tt.at)):
				t.Errorf("Start = %d, want the line %q", got, tt.at)
			}
		})
	}
}

func FuzzStart(f *testing.F) {
	f.Add("Hi\nFrom: a\nSent: b\n")
	f.Add("-----Original Message-----")
	f.Fuzz(func(t *testing.T, text string) {
		i := Start(text)
		if i < -1 || i > len(text) || i > 0 && text[i-1] != '\n' {
			t.Fatalf("Start = %d for %q: not the start of a line", i, text)
		}
	})
}
