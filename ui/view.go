package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kindly/compose/check"
)

// View draws the whole screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "kindly"
	return v
}

func (m Model) render() string {
	if m.width < 50 || m.height < 16 {
		return fmt.Sprintf("kindly needs a terminal of at least 50×16 (this one is %d×%d).\nMake the window larger; your draft is kept.", m.width, m.height)
	}
	s := m.styles
	var b strings.Builder
	b.WriteString(m.header() + "\n")
	b.WriteString(m.stepper() + "\n\n")
	main := m.stepView()
	if m.showIn {
		w := m.width - 2
		if m.width >= 100 {
			w = m.width/2 - 2
		}
		// Wrap first, then cut to the room there is, so the pane never
		// pushes the findings and the keys off the screen.
		text := ansi.Wrap(Sanitize(m.opt.Incoming.Text), w-4, " ")
		pane := s.Box.Width(w).Render(s.Muted.Render("Customer's email (ctrl+o closes)") + "\n" + trimLines(text, max(3, m.height-13)))
		if m.width >= 100 {
			main = lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(m.width/2).Render(main), pane)
		} else {
			main = pane
		}
	}
	b.WriteString(main + "\n")
	if m.help {
		b.WriteString(m.allKeys() + "\n")
	} else {
		b.WriteString(m.findings(max(2, m.height-lipgloss.Height(b.String())-3)) + "\n")
	}
	switch m.confirm {
	case "quit":
		b.WriteString(s.Warning.Render("Quit without sending? Your draft is kept. y quit · d discard the draft and quit · esc keep writing") + "\n")
	case "fresh":
		b.WriteString(s.Warning.Render("Start over from a fresh reply? The restored draft is replaced. y start over · esc keep it") + "\n")
	default:
		switch {
		case m.sending:
			b.WriteString(m.spin.View() + " " + m.status + "\n")
		case m.status != "":
			b.WriteString(trimLines(m.status, 2) + "\n")
		}
	}
	b.WriteString(m.helpBar())
	return fit(b.String(), m.width, m.height)
}

// fit clips every line to the width (escape sequences kept whole) and the
// frame to the height, so nothing wraps or scrolls.
func fit(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = append(lines[:height-1], lines[len(lines)-1]) // keep the help bar
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

func (m Model) header() string {
	s := m.styles
	in := m.opt.Incoming
	c := m.opt.Draft.Customer
	who := Sanitize(c.Name)
	if who == "" {
		who = Sanitize(c.Email)
	} else if c.Email != "" {
		who += " <" + Sanitize(c.Email) + ">"
	}
	age := "age unknown"
	ageStyle := s.Muted
	if !in.Date.IsZero() {
		d := m.opt.Now.Sub(in.Date)
		age = humanAge(d) + " ago"
		switch {
		case d < 24*time.Hour:
			ageStyle, age = s.OK, "● "+age
		case d < 72*time.Hour:
			ageStyle, age = s.Warning, "▲ "+age+" — reply soon"
		default:
			ageStyle, age = s.Error, "■ "+age+" — late"
		}
	}
	var rest []string
	if a := m.opt.Analysis; a != nil {
		if a.Lang != "" {
			rest = append(rest, "lang "+a.Lang)
		}
		rest = append(rest, check.Plural(len(a.Questions), "question"))
		if a.Upset {
			rest = append(rest, s.Warning.Render("☹ upset"))
		}
	}
	line := func(who, age string) string {
		return strings.Join(append([]string{s.Title.Render(trunc(who, 40)), ageStyle.Render(age)}, rest...), s.Muted.Render(" · "))
	}
	// On a narrow terminal, drop the address, then the age's words.
	h := line(who, age)
	if ansi.StringWidth(h) > m.width {
		h = line(Sanitize(c.Name), age)
	}
	if ansi.StringWidth(h) > m.width {
		short, _, _ := strings.Cut(age, " — ")
		h = line(Sanitize(c.Name), short)
	}
	return h
}

func humanAge(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d.Hours()))
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}

func (m Model) stepper() string {
	s := m.styles
	names := []string{"Personalise", "Answer", "Send"}
	var parts []string
	for i, n := range names {
		label := fmt.Sprintf("%d %s", i+1, n)
		switch {
		case i+1 == m.step:
			parts = append(parts, s.Active.Render("["+label+"]"))
		case i+1 < m.step:
			parts = append(parts, s.Done.Render("✓ "+label))
		default:
			parts = append(parts, s.Muted.Render(label))
		}
	}
	return strings.Join(parts, s.Muted.Render(" ▸ "))
}

func (m Model) stepView() string { return m.current().view(m) }

// bodyHeight is the editor's height: what the frame leaves over.
func (m Model) bodyHeight() int {
	h := m.height - 13
	if n := m.questionLines(); n > 0 {
		h -= n
	}
	return max(3, h)
}

// toneMeter shows formality, warmth and positivity as bars with words, so
// that no colour is needed to read them.
func (m Model) toneMeter() string {
	s := m.styles
	t := m.report.Tone
	bar := func(v float64) string {
		n := int(v*5 + 0.5)
		return strings.Repeat("▮", n) + strings.Repeat("▯", 5-n)
	}
	formal, warm, pos := t.Words()
	fStyle := s.OK
	if formal != "plain" {
		fStyle = s.Warning
	}
	wStyle := s.OK
	if warm == "cool" {
		wStyle = s.Warning
	}
	pStyle := s.OK
	if pos == "negative" {
		pStyle = s.Warning
	}
	if m.width < 76 {
		// No room for the bars: the words say it.
		return s.Muted.Render("Tone: ") + fStyle.Render(formal) + s.Muted.Render(" · ") +
			wStyle.Render(warm) + s.Muted.Render(" · ") + pStyle.Render(pos)
	}
	return s.Muted.Render("Tone  ") +
		fStyle.Render("formality "+bar(t.Formality)+" "+formal) + s.Muted.Render(" · ") +
		wStyle.Render("warmth "+bar(t.Warmth)+" "+warm) + s.Muted.Render(" · ") +
		pStyle.Render("positivity "+bar(t.Positivity)+" "+pos)
}

// answered says, per question of the customer, whether the reply seems to
// answer it (check.Report.Answered).
func (m Model) answered() []bool {
	a := m.opt.Analysis
	if a == nil {
		return nil
	}
	out := make([]bool, len(a.Questions))
	copy(out, m.report.Answered)
	return out
}

func (m Model) questionLines() int {
	if m.opt.Analysis == nil || len(m.opt.Analysis.Questions) == 0 {
		return 0
	}
	return 1 + min(2, len(m.opt.Analysis.Questions))
}

// questions is the checklist of what the customer asked.
func (m Model) questions() string {
	if m.questionLines() == 0 {
		return ""
	}
	s := m.styles
	qs := m.opt.Analysis.Questions
	done := m.answered()
	n := 0
	for _, d := range done {
		if d {
			n++
		}
	}
	out := "\n" + s.Title.Render(fmt.Sprintf("The customer asked (%d of %d answered)", n, len(qs)))
	for i, q := range qs {
		if i == 2 {
			if len(qs) > 2 {
				out += s.Muted.Render(fmt.Sprintf(" … and %d more", len(qs)-2))
			}
			break
		}
		mark := s.Warning.Render("○ open    ")
		if done[i] {
			mark = s.OK.Render("✓ answered")
		}
		out += "\n  " + mark + " " + trunc(Sanitize(q.Text), m.width-16)
	}
	return out
}

// preview is the email as the customer will see it, with the flagged
// words of the answer highlighted where they are.
func (m Model) preview() string {
	s := m.styles
	shown := *m.opt.Draft // View must not change the draft: preview a copy
	shown.Subject, shown.Greeting, shown.Body = m.pers.subject.Value(), m.pers.greet.Value(), m.ans.body.Value()
	d := &shown
	body := d.Body
	lead := len(body) - len(strings.TrimLeft(body, " \t\r\n"))
	trimmed := strings.TrimSpace(body)
	var marked strings.Builder
	at := 0
	for _, f := range m.ordered() {
		start, end := f.Offset-lead, f.Offset-lead+f.Length
		if f.Field != check.FieldBody || f.Length == 0 || start < at || end > len(trimmed) {
			continue
		}
		st := s.Warning.Underline(true)
		if f.Severity == check.Error {
			st = s.Error.Underline(true)
		}
		marked.WriteString(Sanitize(trimmed[at:start]) + st.Render(Sanitize(trimmed[start:end])))
		at = end
	}
	marked.WriteString(Sanitize(trimmed[at:]))
	var parts []string
	for _, p := range []string{Sanitize(d.Greeting), marked.String()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if sign := strings.TrimSpace(strings.Join([]string{d.Closing, d.Signature}, "\n")); sign != "" {
		parts = append(parts, Sanitize(sign))
	}
	if q := strings.TrimRight(d.Quote, "\n"); q != "" {
		parts = append(parts, s.Muted.Render(Sanitize(q)))
	}
	return "Subject: " + Sanitize(d.Subject) + "\n\n" + strings.Join(parts, "\n\n")
}

// proofread is the checklist before sending, each item worked out from
// the findings: the agent sees at a glance what is done.
func (m Model) proofread() string {
	s := m.styles
	has := map[string]bool{}
	for _, f := range m.report.Findings {
		has[f.Rule] = true
	}
	items := []struct {
		ok    bool
		label string
	}{
		{!has["greeting-no-name"] && !has["greeting-generic"], "greets by name"},
		{!slices.Contains(m.answered(), false), "every question answered"},
		{!has["no-next-step"], "says what happens next"},
		{!has["closing-missing"] && !has["signature-missing"], "closing and signature"},
		{!has["spelling"] && !has["repeated-word"], "spelling"},
		{m.report.Errors() == 0, "no errors"},
	}
	if !m.opt.Checker.HasSpelling(m.report.Language) {
		items[4].ok, items[4].label = false, "spelling not checked: read it once more"
	}
	var parts []string
	for _, it := range items {
		if it.ok {
			parts = append(parts, s.OK.Render("✓ "+it.label))
		} else {
			parts = append(parts, s.Warning.Render("○ "+it.label))
		}
	}
	return ansi.Wrap(s.Title.Render("Proofread ")+strings.Join(parts, s.Muted.Render(" · ")), m.width, " ")
}

func (m Model) lengthBar() string {
	r := m.report.Metrics
	unit := "words"
	if m.report.Language == "zh" {
		unit = "chars"
	}
	return fmt.Sprintf("%d %s · %ds to read · grade %.1f", r.Words, unit, r.ReadingSec, r.Grade)
}

func (m Model) findings(lines int) string {
	s := m.styles
	if len(m.report.Findings) == 0 {
		return s.OK.Render("✓ No findings: this reads well.")
	}
	var out []string
	for _, sev := range []check.Severity{check.Error, check.Warning, check.Hint} {
		for _, f := range m.report.Findings {
			if f.Severity != sev {
				continue
			}
			icon, st := "•", s.Hint
			switch sev {
			case check.Error:
				icon, st = "✗ error", s.Error
			case check.Warning:
				icon, st = "▲", s.Warning
			}
			line := fmt.Sprintf("%s %s: %s", icon, f.Field, Sanitize(f.Message))
			out = append(out, st.Render(trunc(line, m.width-1)))
		}
	}
	head := "Findings: " + check.Plural(m.report.Errors(), "error") + ", " + check.Plural(m.report.Warnings(), "warning")
	if room := max(1, lines-1); len(out) > room {
		more := len(out) - (room - 1)
		out = append(out[:room-1], s.Muted.Render(fmt.Sprintf("… and %d more", more)))
	}
	return s.Title.Render(head) + "\n" + strings.Join(out, "\n")
}

func (m Model) helpBar() string {
	s := m.styles
	var parts []string
	for _, k := range m.keys.enabled(m.step) {
		h := k.Help()
		parts = append(parts, s.Key.Render(h.Key)+" "+s.Muted.Render(h.Desc))
	}
	// Keep the bar on one line: drop the last keys before f1 until it fits.
	bar := strings.Join(parts, s.Muted.Render(" · "))
	for len(parts) > 2 && ansi.StringWidth(bar) > m.width {
		parts = append(parts[:len(parts)-2], parts[len(parts)-1])
		bar = strings.Join(parts, s.Muted.Render(" · "))
	}
	return bar
}

// allKeys is the full help, in place of the findings while it is open.
func (m Model) allKeys() string {
	s := m.styles
	var all []string
	for _, k := range m.keys.all() {
		h := k.Help()
		all = append(all, s.Key.Render(h.Key)+" "+h.Desc)
	}
	return s.Title.Render("All keys (f1 closes)") + "\n" + ansi.Wrap(strings.Join(all, " · "), m.width, " ")
}

func trunc(s string, n int) string {
	if n < 2 || utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
