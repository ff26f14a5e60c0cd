package compose

import (
	"errors"
	"net/mail"
	"strings"
)

// parseAddressesLoose reads an address list that a strict parser refused:
// unquoted commas or dots in names, missing angle brackets, stray text. It
// keeps every piece that holds an address of the form local@domain.
func parseAddressesLoose(v string) ([]*mail.Address, error) {
	var out []*mail.Address
	for _, part := range splitAddressList(v) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if a, err := mail.ParseAddress(part); err == nil {
			out = append(out, &mail.Address{Name: cleanText(a.Name), Address: cleanText(a.Address)})
			continue
		}
		name, addr := part, ""
		if i := strings.LastIndexByte(part, '<'); i >= 0 {
			if j := strings.IndexByte(part[i:], '>'); j > 0 {
				addr = part[i+1 : i+j]
				name = part[:i]
			}
		} else if strings.Contains(part, "@") && !strings.ContainsAny(part, " \t") {
			addr, name = part, ""
		}
		addr = strings.TrimSpace(addr)
		if !looksLikeAddress(addr) {
			continue
		}
		name = strings.Trim(strings.TrimSpace(name), `"'`)
		out = append(out, &mail.Address{Name: cleanText(name), Address: cleanText(addr)})
	}
	if len(out) == 0 {
		return nil, errors.New("no address found")
	}
	return out, nil
}

// splitAddressList splits at commas outside quotes and angle brackets.
func splitAddressList(v string) []string {
	var parts []string
	inQuote, inAngle, start := false, false, 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			inQuote = !inQuote
		case '<':
			if !inQuote {
				inAngle = true
			}
		case '>':
			inAngle = false
		case ',', ';':
			if !inQuote && !inAngle {
				parts = append(parts, v[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, v[start:])
}

func looksLikeAddress(a string) bool {
	at := strings.LastIndexByte(a, '@')
	if at <= 0 || at == len(a)-1 || strings.ContainsAny(a, " \t\r\n<>,;\"\x00") {
		return false
	}
	domain := a[at+1:]
	return strings.Contains(domain, ".") || domain == "localhost"
}

// sameAddress compares addresses the way mail systems do in practice:
// case-insensitively.
func sameAddress(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
