package compose

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file      string
		subject   string
		text      []string // substrings the body text must contain
		notText   []string
		name      string
		title     string
		ref       string
		from      string
		html      bool
		attach    []string
		messageID string
	}{
		{file: "nl-latin1.eml", subject: "Bestelling HW-659 nog niet ontvangen", text: []string{"Wanneer wordt die geleverd?"}, name: "Anna de Vries", ref: "HW-659", from: "anna@example.nl", messageID: "nl-latin1@mail.example"},
		{file: "fr-win1252.eml", subject: "Commande n° 4521 : colis endommagé", text: []string{"arrivé endommagé", "l'ancien ?"}, name: "Céline Dupré", ref: "4521"},
		{file: "es-latin9.eml", subject: "Factura del pedido 99812 €", text: []string{"¿Podrían", "120 €"}, name: "Javier Muñoz", title: "Dr.", ref: "99812"},
		{file: "af-utf8.eml", subject: "My bestelling het nie aangekom nie", text: []string{"Goeie môre"}, name: "Pieter van der Merwe", ref: "77812"},
		{file: "zh-gb2312.eml", subject: "订单 12345 还没有到", text: []string{"什么时候能送到"}, name: "王伟", ref: "12345"},
		{file: "zh-big5.eml", subject: "訂單 55621 查詢", text: []string{"何時會出貨"}, name: "林小姐", ref: "55621"},
		{file: "zh-gb18030.eml", subject: "退款问题", text: []string{"申请了退款"}, name: "Li Na"},
		{file: "ja-sjis.eml", subject: "注文について", text: []string{"配送状況"}, name: "Tanaka"},
		{file: "en-win1250.eml", subject: "Order 4411 – wrong size", text: []string{"Köszönöm"}, name: "Zoltán Kovács", ref: "4411"},
		{file: "gmail-alternative.eml", subject: "Re: RE: Aw: Refund for order #HW-1042", text: []string{"returned the jacket"}, notText: []string{"<div", "<br>"}, name: "John Smith", ref: "HW-1042"},
		{file: "outlook-mixed.eml", subject: "RE: Invoice INV-2231 incorrect", text: []string{"12 licences"}, notText: []string{"%PDF", "<html"}, name: "Jane Smith", ref: "INV-2231", attach: []string{"INV-2231.pdf", "factuur €.png"}},
		{file: "apple-flowed.eml", subject: "Problème avec ma commande", text: []string{"depuis la mise à jour. Pouvez-vous", "J’ai déjà réinitialisé mon mot de passe."}, name: "Sophie Martin"},
		{file: "html-only.eml", subject: "¿Dónde está mi pedido?", text: []string{"¿Cuándo llegará?", "Talla M", "Ana García"}, notText: []string{"<p>", "color:red"}, name: "Ana Garcia", ref: "88123", html: true},
		{file: "nested.eml", subject: "Fwd: broken charger", text: []string{"charger broke"}, notText: []string{"<p>", "iVBOR"}, name: "Tom Baker", ref: "31337", attach: []string{"logo.png"}},
		{file: "broken-encodings.eml", subject: "Bestellung noch nicht angekommen", text: []string{"Bestellung 5521", "Café"}, name: "Jürgen Müller", messageID: "not-in-brackets@example.de"},
		{file: "no-charset-8bit.eml", subject: "Problème de livraison", text: []string{"arrivée", "Où"}, name: "René", ref: "4422"},
		{file: "addresses.eml", subject: "Question about licence renewal", name: "Siobhan"},
		{file: "no-message-id.eml", subject: "help", name: "Kim Lee", from: "kim.lee@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m, err := ParseFile("testdata/in/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(m.Subject, tt.subject) {
				t.Errorf("subject = %q, want %q", m.Subject, tt.subject)
			}
			for _, s := range tt.text {
				if !strings.Contains(m.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, m.Text)
				}
			}
			for _, s := range tt.notText {
				if strings.Contains(m.Text, s) {
					t.Errorf("text has %q:\n%s", s, m.Text)
				}
			}
			if strings.ContainsRune(m.Text, '\uFFFD') || strings.Contains(m.Text, "\r") {
				t.Errorf("text has replacement chars or CR: %q", m.Text)
			}
			c := m.Customer()
			if c.Name != tt.name || c.Title != tt.title {
				t.Errorf("customer = %+v, want name %q title %q", c, tt.name, tt.title)
			}
			if got := m.TicketRef(); got != tt.ref {
				t.Errorf("ticket ref = %q, want %q", got, tt.ref)
			}
			if tt.from != "" && (len(m.From) == 0 || m.From[0].Address != tt.from) {
				t.Errorf("from = %v, want %s", m.From, tt.from)
			}
			if m.FromHTML != tt.html {
				t.Errorf("FromHTML = %v", m.FromHTML)
			}
			var names []string
			for _, a := range m.Attachments {
				names = append(names, a.Filename)
				if a.Size <= 0 {
					t.Errorf("attachment %s has size %d", a.Filename, a.Size)
				}
			}
			if strings.Join(names, "|") != strings.Join(tt.attach, "|") {
				t.Errorf("attachments = %v, want %v", names, tt.attach)
			}
			if tt.messageID != "" && m.MessageID != tt.messageID {
				t.Errorf("message id = %q, want %q", m.MessageID, tt.messageID)
			}
		})
	}
}

func TestParseAddresses(t *testing.T) {
	m, err := ParseFile("testdata/in/addresses.eml")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.ReplyTo) != 1 || m.ReplyTo[0].Address != "s.obrien@example.ie" || m.ReplyTo[0].Name != "Siobhan O'Brien" {
		t.Errorf("reply-to = %v", m.ReplyTo)
	}
	var to []string
	for _, a := range m.To {
		to = append(to, a.Address)
	}
	if strings.Join(to, ",") != "a@example.com,b@example.com,support@example.com" {
		t.Errorf("to (group flattened) = %v", to)
	}
	if m.To[1].Name != "B, Bee" {
		t.Errorf("quoted name = %q", m.To[1].Name)
	}
}

func TestParseErrors(t *testing.T) {
	big := "From: a@example.com\nSubject: x\n\n" + strings.Repeat("x", MaxMessageBytes)
	tests := []struct {
		name, input, want string
	}{
		{"empty", "", "empty input"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "stdin:1:"},
		{"nul in header", "From: a@example.com\nSubject: a\x00b\n\nhi", "stdin:2: binary data"},
		{"no header", "Hello, where is my order?\n", "stdin:1: not a header line"},
		{"no from", "To: support@example.com\nSubject: hi\n\nWhere is my order?\n", "no From or Reply-To"},
		{"huge header line", "From: a@example.com\nSubject: " + strings.Repeat("a", 100<<10) + "\n\nx", "stdin:2: header field is over"},
		{"huge folded header", "From: a@example.com\nReferences: <a@b>\n" + strings.Repeat(" <x@y>\n", 8000) + "\nx", "stdin:2: header field is over"},
		{"too big", big, "larger than 25 MB"},
		{"indented first line", " From: a@example.com\n\nx", "indented"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.input))
			var pe *ParseError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}

func TestParseInvalidUTF8(t *testing.T) {
	in := "From: a@example.com\nSubject: caf\xc3\nContent-Type: text/plain; charset=utf-8\n\nbad \xff\xfe bytes\n"
	m, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{m.Subject, m.Text} {
		if !strings.Contains(s, "caf") && !strings.Contains(s, "bad") {
			t.Errorf("lost text: %q", s)
		}
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 kept: %q", s)
		}
	}
}

func TestParseMboxFromLineAndCRLF(t *testing.T) {
	in := "From anna@example.nl Mon Nov 23 08:00:00 2026\r\nFrom: anna@example.nl\r\nSubject: hoi\r\n\r\nline one\r\nline two\r\n"
	m, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if m.Text != "line one\nline two\n" {
		t.Errorf("text = %q", m.Text)
	}
}

func TestUnflow(t *testing.T) {
	got := unflow("This is a \nflowed line.\n> quoted \n> more\n-- \nsig", false)
	want := "This is a flowed line.\n> quoted more\n-- \nsig"
	if got != want {
		t.Errorf("unflow = %q, want %q", got, want)
	}
	if got := unflow("del\nsp", true); got != "del\nsp" {
		t.Errorf("hard breaks kept: %q", got)
	}
	if got := unflow("del \nsp", true); got != "delsp" {
		t.Errorf("delsp = %q", got)
	}
}

func TestDemo(t *testing.T) {
	m := Demo()
	if m.Customer().FirstName != "Anna" || m.TicketRef() != "HW-659" || strings.Contains(m.Text, "Sent from my phone") && !strings.Contains(m.Text, "-- ") {
		t.Errorf("demo = %+v", m.Customer())
	}
	if m.Date.IsZero() || time.Since(m.Date) < 0 && m.Date.Year() != 2026 {
		t.Errorf("demo date %v", m.Date)
	}
	if !bytes.Contains(demoEML, []byte("format=flowed")) {
		t.Error("demo should exercise format=flowed")
	}
}
