package snippets

import (
	"fmt"
	"time"
)

var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"af": {"Januarie", "Februarie", "Maart", "April", "Mei", "Junie", "Julie", "Augustus", "September", "Oktober", "November", "Desember"},
}

// Today writes a date the way the customer's language does, for the
// {{today}} variable: "23 November 2026", "23 de noviembre de 2026",
// "2026年11月23日".
func Today(lang string, t time.Time) string {
	switch lang {
	case "zh":
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	case "es":
		return fmt.Sprintf("%d de %s de %d", t.Day(), monthNames["es"][t.Month()-1], t.Year())
	}
	names, ok := monthNames[lang]
	if !ok {
		names = monthNames["en"]
	}
	return fmt.Sprintf("%d %s %d", t.Day(), names[t.Month()-1], t.Year())
}
