package compose

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// locale holds the phrases of a reply in one language.
type locale struct {
	code    string
	closing string
	// hi greets by first name (the casual tone most customers prefer);
	// formal greets a titled customer by title and last name; anon is for
	// when no name is known (the checks then ask for one).
	hi, formal, anon string
	// wrote is the attribution line: date, time, name.
	wrote      string
	weekdays   [7]string
	months     [12]string
	dateLayout func(day int, weekday, month string, year int) string
}

var locales = map[string]locale{
	"en": {
		code: "en", closing: "Kind regards,", hi: "Hi %s,", formal: "Dear %s %s,", anon: "Hello,",
		wrote:    "On %s at %s, %s wrote:",
		weekdays: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		months:   [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		dateLayout: func(d int, wd, m string, y int) string {
			return fmt.Sprintf("%s, %d %s %d", wd, d, m, y)
		},
	},
	"nl": {
		code: "nl", closing: "Met vriendelijke groet,", hi: "Beste %s,", formal: "Beste %s %s,", anon: "Goedendag,",
		wrote:    "Op %s om %s schreef %s:",
		weekdays: [7]string{"zo", "ma", "di", "wo", "do", "vr", "za"},
		months:   [12]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
		dateLayout: func(d int, wd, m string, y int) string {
			return fmt.Sprintf("%s %d %s %d", wd, d, m, y)
		},
	},
	"fr": {
		code: "fr", closing: "Bien cordialement,", hi: "Bonjour %s,", formal: "Bonjour %s %s,", anon: "Bonjour,",
		wrote:    "Le %s à %s, %s a écrit :",
		weekdays: [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		months:   [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		dateLayout: func(d int, wd, m string, y int) string {
			return fmt.Sprintf("%s %d %s %d", wd, d, m, y)
		},
	},
	"es": {
		code: "es", closing: "Un cordial saludo,", hi: "Hola, %s:", formal: "Estimado/a %s %s:", anon: "Hola:",
		wrote:    "El %s, a las %s, %s escribió:",
		weekdays: [7]string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
		months:   [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
		dateLayout: func(d int, wd, m string, y int) string {
			return fmt.Sprintf("%s, %d %s %d", wd, d, m, y)
		},
	},
	"af": {
		code: "af", closing: "Vriendelike groete,", hi: "Hallo %s,", formal: "Beste %s %s,", anon: "Goeie dag,",
		wrote:    "Op %s om %s het %s geskryf:",
		weekdays: [7]string{"So", "Ma", "Di", "Wo", "Do", "Vr", "Sa"},
		months:   [12]string{"Jan", "Feb", "Mrt", "Apr", "Mei", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Des"},
		dateLayout: func(d int, wd, m string, y int) string {
			return fmt.Sprintf("%s %d %s %d", wd, d, m, y)
		},
	},
	"zh": {
		code: "zh", closing: "祝好，", hi: "%s，您好：", formal: "%s%s，您好：", anon: "您好：",
		wrote:    "%s %s，%s 写道：",
		weekdays: [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"},
		dateLayout: func(d int, wd, m string, y int) string {
			return fmt.Sprintf("%d年%s%d日（%s）", y, m, d, wd)
		},
		months: [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
	},
}

// Languages are the codes kindly writes replies in.
var Languages = []string{"en", "nl", "fr", "es", "af", "zh"}

func localeFor(code string) locale {
	if l, ok := locales[strings.ToLower(code)]; ok {
		return l
	}
	return locales["en"]
}

// formalTitles are the titles that call for a greeting by title and last
// name (DESIGN §1: a doctor is "Dr."). Mr./Ms. are used only where the
// customer wrote them; other customers are greeted by first name.
var formalTitles = map[string]bool{"Dr.": true, "Prof.": true, "Dra.": true}

// titleIn gives a title in the reply's language.
func titleIn(lang, title string) string {
	switch lang {
	case "nl", "af":
		switch title {
		case "Dr.":
			return "dr."
		case "Prof.":
			return "prof."
		}
	case "fr":
		switch title {
		case "Dr.":
			return "Docteur"
		case "Prof.":
			return "Professeur"
		}
	case "zh":
		switch title {
		case "Dr.":
			return "博士"
		case "Prof.":
			return "教授"
		}
	}
	return title
}

func (l locale) greeting(c Customer) string {
	switch {
	case c.Title != "" && c.LastName != "" && (formalTitles[c.Title] || c.FirstName == ""):
		if l.code == "zh" {
			return fmt.Sprintf(l.formal, c.LastName, titleIn(l.code, c.Title))
		}
		return fmt.Sprintf(l.formal, titleIn(l.code, c.Title), surnameAlone(l.code, c.LastName))
	case l.code == "zh" && c.Name != "":
		return fmt.Sprintf(l.hi, c.Name)
	case c.FirstName != "":
		return fmt.Sprintf(l.hi, c.FirstName)
	}
	return l.anon
}

// attribution is the line above the quote: "On Mon, 2 Nov 2026 at 10:14,
// John Smith wrote:", in the reply's language and the customer's time zone.
func (l locale) attribution(in *Message) string {
	who := ""
	if a := in.sender(); a != nil {
		who = a.Name
		if who == "" {
			who = a.Address
		} else {
			who += " <" + a.Address + ">"
		}
	}
	if in.Date.IsZero() {
		switch l.code {
		case "nl":
			return who + " schreef:"
		case "fr":
			return who + " a écrit :"
		case "es":
			return who + " escribió:"
		case "af":
			return who + " het geskryf:"
		case "zh":
			return who + " 写道："
		}
		return who + " wrote:"
	}
	t := in.Date
	date := l.dateLayout(t.Day(), l.weekdays[t.Weekday()], l.months[t.Month()-1], t.Year())
	return fmt.Sprintf(l.wrote, date, t.Format("15:04"), who)
}

// surnameAlone writes a last name as it stands without the first name: in
// Dutch and Afrikaans its particle is then capitalised ("de Vries" → "De
// Vries", "van der Merwe" → "Van der Merwe").
func surnameAlone(lang, last string) string {
	if (lang == "nl" || lang == "af") && last != "" {
		r, size := utf8.DecodeRuneInString(last)
		return string(unicode.ToUpper(r)) + last[size:]
	}
	return last
}
