package ui

import (
	"fmt"
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
		pane := s.Box.Width(max(30, m.width/2-2)).Render(s.Muted.Render("Customer's email") + "\n" + trimLines(Sanitize(m.opt.Incoming.Text), max(4, m.height-12)))
		if m.width >= 100 {
			main = lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(m.width/2).Render(main), pane)
		} else {
			main = pane
		}
	}
	b.WriteString(main + "\n")
	b.WriteString(m.findings(max(2, m.height-lipgloss.Height(b.String())-3)) + "\n")
	if m.status != "" {
		b.WriteString(trimLines(m.status, 2) + "\n")
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
		rest = append(rest, fmt.Sprintf("%d question(s)", len(a.Questions)))
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

func (m Model) stepView() string {
	s := m.styles
	d := m.opt.Draft
	switch m.step {
	case 1:
		to := ""
		for i, a := range d.To {
			if i > 0 {
				to += ", "
			}
			to += Sanitize(a.String())
		}
		n := utf8.RuneCountInString(m.subject.Value())
		meter := s.OK.Render(fmt.Sprintf("%d chars ✓", n))
		if n > 60 {
			meter = s.Warning.Render(fmt.Sprintf("%d chars ▲ long for most mail clients", n))
		} else if n > 30 {
			meter = s.Muted.Render(fmt.Sprintf("%d chars (phones show ~30)", n))
		}
		return strings.Join([]string{
			"To:        " + trunc(to, m.width-12),
			"Subject:   " + m.subject.View(),
			"           " + meter,
			"Greeting:  " + m.greet.View(),
			"",
			s.Muted.Render("Introduce yourself: your signature closes the reply —"),
			s.Muted.Render(trimLines(Sanitize(d.Signature), 3)),
		}, "\n")
	case 2:
		if m.pick != nil {
			return m.pick.view(s, m.opt.Vars, m.width, max(6, m.height-12))
		}
		title := s.Muted.Render("Your answer — " + m.lengthBar())
		return title + "\n" + m.body.View()
	}
	shown := *d // View must not change the draft: preview a copy
	shown.Subject, shown.Greeting, shown.Body = m.subject.Value(), m.greet.Value(), m.body.Value()
	d = &shown
	preview := "Subject: " + Sanitize(d.Subject) + "\n\n" + Sanitize(d.Text())
	return s.Box.Width(max(40, m.width-2)).Render(trimLines(preview, max(3, m.height-17)))
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
	head := fmt.Sprintf("Findings: %d error(s), %d warning(s)", m.report.Errors(), m.report.Warnings())
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
	bar := strings.Join(parts, s.Muted.Render(" · "))
	if m.help {
		bar = "Keys: ctrl+n/ctrl+p move between the steps; tab switches fields in step 1; ctrl+k inserts a snippet in step 2;\nctrl+o shows the customer's email; ctrl+s sends (step 3); ctrl+c saves the draft and quits.\n" + bar
	}
	return bar
}

func trunc(s string, n int) string {
	if n < 2 || utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
