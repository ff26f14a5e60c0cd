package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kindly/compose"
)

// stepModel is one of the three parts of a reply. Each owns its widgets,
// takes the keys the root does not handle, and draws its part of the
// screen; the root model routes to the current one and draws the frame
// (header, stepper, findings, status, help) around it.
type stepModel interface {
	// focus gives the keyboard to the step's current widget; blur takes it.
	focus() tea.Cmd
	blur()
	// edit passes a key or paste to the focused widget.
	edit(msg tea.Msg) tea.Cmd
	// text is what the step lets the agent change, to see whether it did.
	text() string
	// view draws the step; the root passes itself for the shared state
	// (the draft, the report, the size, the styles).
	view(m Model) string
}

// steps are the step models in order.
func (m Model) steps() [3]stepModel { return [3]stepModel{m.pers, m.ans, m.rev} }

// current is the step the agent is on.
func (m Model) current() stepModel { return m.steps()[m.step-1] }

// personalise is step 1: the subject with its length meter, the greeting,
// and the introduction (the agent's signature).
type personalise struct {
	subject, greet textinput.Model
	field          int // 0 subject, 1 greeting
}

func newPersonalise(d *compose.Draft) *personalise {
	p := &personalise{subject: textinput.New(), greet: textinput.New()}
	p.subject.Prompt, p.greet.Prompt = "", ""
	p.subject.SetValue(d.Subject)
	p.greet.SetValue(d.Greeting)
	return p
}

func (p *personalise) focus() tea.Cmd {
	p.blur()
	if p.field == 0 {
		return p.subject.Focus()
	}
	return p.greet.Focus()
}

func (p *personalise) blur() { p.subject.Blur(); p.greet.Blur() }

func (p *personalise) edit(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if p.field == 0 {
		p.subject, cmd = p.subject.Update(msg)
	} else {
		p.greet, cmd = p.greet.Update(msg)
	}
	return cmd
}

func (p *personalise) text() string { return p.subject.Value() + "\x00" + p.greet.Value() }

func (p *personalise) setWidth(w int) {
	p.subject.SetWidth(max(10, w-14))
	p.greet.SetWidth(max(10, w-14))
}

func (p *personalise) view(m Model) string {
	s, d := m.styles, m.opt.Draft
	var to []string
	for _, a := range d.To {
		to = append(to, Sanitize(a.String()))
	}
	n := utf8.RuneCountInString(p.subject.Value())
	meter := s.OK.Render(fmt.Sprintf("%d chars ✓", n))
	if n > 60 {
		meter = s.Warning.Render(fmt.Sprintf("%d chars ▲ long for most mail clients", n))
	} else if n > 30 {
		meter = s.Muted.Render(fmt.Sprintf("%d chars (phones show ~30)", n))
	}
	return strings.Join([]string{
		"To:        " + trunc(strings.Join(to, ", "), m.width-12),
		"Subject:   " + p.subject.View(),
		"           " + meter,
		"Greeting:  " + p.greet.View(),
		"",
		s.Muted.Render("Introduce yourself: your signature closes the reply —"),
		s.Muted.Render(trimLines(Sanitize(d.Signature), 3)),
	}, "\n")
}

// answer is step 2: the body editor, with the length bar, the tone meter
// and the customer's questions; the snippet picker opens over it.
type answer struct {
	body *editor
	pick *picker
}

func newAnswer(d *compose.Draft, s Styles) *answer {
	a := &answer{body: newEditor(s)}
	a.body.Placeholder = "Write your answer here…"
	a.body.SetValue(d.Body)
	return a
}

func (a *answer) focus() tea.Cmd           { return a.body.Focus() }
func (a *answer) blur()                    { a.body.Blur() }
func (a *answer) edit(msg tea.Msg) tea.Cmd { return a.body.Update(msg) }
func (a *answer) text() string             { return a.body.Value() }

func (a *answer) view(m Model) string {
	s := m.styles
	if a.pick != nil {
		return a.pick.view(s, m.opt.Vars, m.width, max(6, m.height-12))
	}
	title := s.Muted.Render("Your answer — " + m.lengthBar())
	return title + "\n" + m.toneMeter() + "\n" + a.body.View() + m.questions()
}

// review is step 3: the whole email as the customer will see it, with the
// flagged words marked, and the proofread checklist. Nothing is typed
// here: sending is the root's (ctrl+s).
type review struct{}

func (*review) focus() tea.Cmd       { return nil }
func (*review) blur()                {}
func (*review) edit(tea.Msg) tea.Cmd { return nil }
func (*review) text() string         { return "" }

func (*review) view(m Model) string {
	// The preview takes what the frame leaves: header, stepper and gap (3),
	// the box's borders (2), the checklist, a few findings, and the status,
	// keys and the lines between (4).
	proof := m.proofread()
	findings := min(1+len(m.report.Findings), 4)
	rows := m.height - 3 - 2 - lipgloss.Height(proof) - findings - 4
	w := max(40, m.width-2)
	// Wrapped before it is cut, so the cut counts the lines on screen.
	text := ansi.Wrap(m.preview(), w-4, " ")
	box := m.styles.Box.Width(w).Render(trimLines(text, max(3, rows)))
	return box + "\n" + proof
}
