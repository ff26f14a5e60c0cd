package compose

import (
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"kindly/compose/quoted"
)

// Customer is who wrote the email, as far as kindly can tell: for the
// greeting and the customer.* snippet variables.
type Customer struct {
	Name      string // full name without title: "Anna de Vries"
	FirstName string
	LastName  string
	Title     string // "Dr.", "Prof.", "Mr.", "Ms.", … as the customer wrote it; "" when unknown
	Email     string
}

// titles that may start a name, in the languages kindly knows, mapped to
// the form used in a greeting.
var titles = map[string]string{
	"dr": "Dr.", "dr.": "Dr.", "prof": "Prof.", "prof.": "Prof.", "professor": "Prof.",
	"mr": "Mr.", "mr.": "Mr.", "mrs": "Mrs.", "mrs.": "Mrs.", "ms": "Ms.", "ms.": "Ms.", "miss": "Ms.",
	"dhr": "Dhr.", "dhr.": "Dhr.", "mevr": "Mevr.", "mevr.": "Mevr.", "mw.": "Mw.",
	"mnr": "Mnr.", "mnr.": "Mnr.", "mev": "Mev.", "mev.": "Mev.",
	"m.": "M.", "mme": "Mme", "mme.": "Mme", "mlle": "Mlle",
	"sr": "Sr.", "sr.": "Sr.", "sra": "Sra.", "sra.": "Sra.", "srta.": "Srta.", "dra": "Dra.", "dra.": "Dra.",
	"ir.": "Ir.", "ing.": "Ing.",
}

// signOffs are the words before a name at the end of an email.
var signOff = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(?:kind |best |warm |many thanks and |with )?(?:regards|wishes)|thanks|thank you|many thanks|cheers|sincerely|yours(?: sincerely| truly)?|best|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groet(?:en|jes)?|mvg|alvast bedankt|bedankt|dank je(?: wel)?|dank u(?: wel)?|cordialement|bien cordialement|bien à vous|merci(?: d'avance| beaucoup)?|salutations|atentamente|saludos(?: cordiales)?|un saludo|gracias(?: de antemano)?|vriendelike groete|groete|baie dankie|dankie|beste wense|此致|谢谢|祝好|敬上)[\s,.!:;，。！]*$`)
})

// Customer extracts the customer's name, title and address: from the From
// display name, else from the sign-off at the end of the body, else from an
// address like anna.de.vries@….
func (m *Message) Customer() Customer {
	var c Customer
	addr := m.sender()
	if addr != nil {
		c.Email = addr.Address
	}
	name := ""
	if addr != nil {
		name = addr.Name
	}
	if !plausibleName(name, c.Email) {
		name = nameFromSignOff(m.Text)
	}
	if name == "" && c.Email != "" {
		name = nameFromAddress(c.Email)
	}
	c.Title, name = splitTitle(name)
	if strings.Contains(name, ",") {
		// "de Vries, Anna" → "Anna de Vries"
		parts := strings.SplitN(name, ",", 2)
		name = strings.TrimSpace(parts[1]) + " " + strings.TrimSpace(parts[0])
	}
	c.Name = strings.TrimSpace(name)
	c.FirstName, c.LastName = splitName(c.Name)
	return c
}

func (m *Message) sender() *mail.Address {
	if len(m.From) > 0 {
		return m.From[0]
	}
	if len(m.ReplyTo) > 0 {
		return m.ReplyTo[0]
	}
	return nil
}

// plausibleName rejects display names that are not a person's name: empty,
// the address itself, a role like "Customer Service", or a no-reply label.
func plausibleName(name, email string) bool {
	n := strings.TrimSpace(name)
	if n == "" || strings.Contains(n, "@") || sameAddress(n, email) {
		return false
	}
	low := strings.ToLower(n)
	for _, w := range []string{"support", "service", "team", "noreply", "no-reply", "info", "sales", "admin", "customer"} {
		if strings.Contains(low, w) {
			return false
		}
	}
	return utf8.RuneCountInString(n) <= 60
}

func nameFromSignOff(text string) string {
	lines := strings.Split(stripQuoted(trimSignature(text)), "\n")
	// Look at the last few non-empty lines: a sign-off, then a name.
	var tail []string
	for i := len(lines) - 1; i >= 0 && len(tail) < 4; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			tail = append([]string{l}, tail...)
		}
	}
	for i := 0; i+1 < len(tail); i++ {
		if signOff().MatchString(tail[i]) && looksLikeName(tail[i+1]) {
			return tail[i+1]
		}
	}
	return ""
}

func looksLikeName(s string) bool {
	s = strings.TrimRight(s, ".")
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || utf8.RuneCountInString(s) > 50 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' {
				return false
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(first) || unicode.Is(unicode.Han, first)
}

// nameFromAddress turns anna.de.vries@ or john_smith@ into a name; a single
// word or anything with digits is not trusted.
func nameFromAddress(addr string) string {
	local := addr
	if i := strings.IndexByte(addr, '@'); i > 0 {
		local = addr[:i]
	}
	parts := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' })
	if len(parts) < 2 || len(parts) > 4 {
		return ""
	}
	for i, p := range parts {
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return ""
			}
		}
		if i == 0 || i == len(parts)-1 || len(p) > 3 {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, " ")
}

func splitTitle(name string) (title, rest string) {
	name = strings.TrimSpace(strings.Trim(strings.TrimSpace(name), `"'`))
	f := strings.Fields(name)
	if len(f) >= 2 {
		if t, ok := titles[strings.ToLower(f[0])]; ok {
			return t, strings.Join(f[1:], " ")
		}
	}
	return "", name
}

// splitName separates first and last name. Chinese names are written
// surname first, with no space: 王伟 → last 王, first 伟.
func splitName(name string) (first, last string) {
	if name == "" {
		return "", ""
	}
	r, _ := utf8.DecodeRuneInString(name)
	if unicode.Is(unicode.Han, r) && !strings.Contains(name, " ") {
		rs := []rune(name)
		if len(rs) >= 2 {
			return string(rs[1:]), string(rs[:1])
		}
		return name, ""
	}
	f := strings.Fields(name)
	if len(f) == 1 {
		return f[0], ""
	}
	return f[0], strings.Join(f[1:], " ")
}

// ticketRef finds an order or ticket reference: "# HW-659", "order 12345",
// "bestelling 12345", "commande n° 4521", "pedido 991", "订单号 12345".
var ticketRef = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`#\s?([A-Z]{1,6}-?\d{2,})\b`),
		regexp.MustCompile(`(?i)\b(?:order|ticket|case|reference|ref|invoice|bestelling|bestelnummer|ordernummer|factuur|commande|facture|pedido|factura|bestelling|faktuur|bestel)\s*(?:number|nummer|numéro|número|no\.?|nr\.?|n°|nº|#|:)?\s*#?\s*([A-Z]{0,6}-?\d{3,})\b`),
		regexp.MustCompile(`(?:订单号|订单|工单|单号|訂單)\s*[:：#]?\s*([A-Z]{0,6}-?\d{3,})`),
		regexp.MustCompile(`\b([A-Z]{2,4}-\d{3,})\b`),
	}
})

// TicketRef is the order or ticket reference in the customer's email, from
// the subject first, then the body; "" when there is none.
func (m *Message) TicketRef() string {
	for _, text := range []string{m.Subject, stripQuoted(m.Text)} {
		for _, re := range ticketRef() {
			if sm := re.FindStringSubmatch(text); sm != nil {
				return sm[1]
			}
		}
	}
	return ""
}

// trimSignature cuts the customer's signature: everything after a "-- "
// separator line, and common mobile footers.
func trimSignature(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		t := strings.TrimRight(l, "\r")
		if t == "-- " || t == "--" || t == "__" || strings.HasPrefix(t, "Sent from my ") || strings.HasPrefix(t, "Verzonden vanaf mijn ") || strings.HasPrefix(t, "Envoyé de mon ") || strings.HasPrefix(t, "Enviado desde mi ") || strings.HasPrefix(t, "Get Outlook for ") {
			return strings.TrimRight(strings.Join(lines[:i], "\n"), "\n ") + "\n"
		}
	}
	return text
}

// stripQuoted drops lines quoted from earlier messages ("> …") and an
// earlier email below the customer's text (see package quoted).
func stripQuoted(text string) string {
	if i := quoted.Start(text); i >= 0 {
		text = text[:i]
	}
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, ">") {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
