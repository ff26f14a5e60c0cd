package ui

import (
	"context"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kindly/compose"
	"kindly/compose/check"
	"kindly/snippets"
)

// Options are what the composer needs; the caller does the I/O.
type Options struct {
	Incoming *compose.Message
	Draft    *compose.Draft
	Analysis *check.Incoming
	Checker  *check.Checker
	// Save stores the draft (autosave); it runs off the UI goroutine.
	Save func(*compose.Draft) error
	// Send builds and delivers the reply and says what happened.
	Send func(context.Context, *compose.Draft) (string, error)
	// Status is shown first, e.g. "Restored your draft from 10:14".
	Status string
	Now    time.Time
	Dark   bool
	// Snippets delivers the snippet library, loaded in the background.
	Snippets <-chan *snippets.Library
	// Vars are the automatic snippet variables (customer.*, agent.*, …).
	Vars map[string]string
	// Used records that a snippet was inserted, for search ranking.
	Used func(id string)
}

// Model is the root of the composer: it routes keys to the current step
// and draws the frame around it.
type Model struct {
	opt     Options
	keys    KeyMap
	styles  Styles
	step    int // 1 personalise, 2 answer, 3 send
	width   int
	height  int
	subject textinput.Model
	greet   textinput.Model
	body    textarea.Model
	field   int // focused field in step 1
	session *check.Session
	report  check.Report
	showIn  bool
	help    bool
	dirty   bool
	force   bool // ctrl+s pressed once with errors
	sending bool
	sent    bool
	status  string
	quit    bool
	lib     *snippets.Library
	pick    *picker
}

type (
	tickMsg  time.Time
	savedMsg struct{ err error }
	sentMsg  struct {
		result string
		err    error
	}
)

// New makes the composer for a draft.
func New(opt Options) Model {
	m := Model{opt: opt, keys: DefaultKeyMap(), styles: NewStyles(opt.Dark), step: 1, status: opt.Status, width: 80, height: 24}
	m.subject = textinput.New()
	m.subject.Prompt = ""
	m.subject.SetValue(opt.Draft.Subject)
	m.greet = textinput.New()
	m.greet.Prompt = ""
	m.greet.SetValue(opt.Draft.Greeting)
	m.body = textarea.New()
	m.body.ShowLineNumbers = false
	m.body.Placeholder = "Write your answer here…"
	m.body.SetValue(opt.Draft.Body)
	m.subject.Focus()
	m.session = opt.Checker.NewSession()
	m.recheck()
	m.layout()
	return m
}

// Init starts the autosave clock and waits for the snippets.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tick(), m.loadSpelling()}
	if ch := m.opt.Snippets; ch != nil {
		cmds = append(cmds, func() tea.Msg { return libraryMsg{lib: <-ch} })
	}
	return tea.Batch(cmds...)
}

// spellMsg says the dictionary has loaded (or why not).
type spellMsg struct{ err error }

// loadSpelling loads the reply language's dictionary after the first
// frame; spelling findings appear when it is there.
func (m Model) loadSpelling() tea.Cmd {
	c, code := m.opt.Checker, m.opt.Draft.Lang
	if c == nil || code != "en" {
		return nil
	}
	return func() tea.Msg { return spellMsg{err: c.LoadSpelling(code)} }
}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Update routes messages; it never blocks: saving and sending are commands.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tickMsg:
		if m.dirty && !m.sent {
			m.dirty = false
			return m, tea.Batch(m.saveCmd(), tick())
		}
		return m, tick()
	case savedMsg:
		if msg.err != nil {
			m.status = "⚠ Could not save the draft: " + Sanitize(msg.err.Error())
		}
		if m.quit {
			return m, tea.Quit
		}
		return m, nil
	case sentMsg:
		m.sending = false
		if msg.err != nil {
			m.status = "✗ Not sent: " + Sanitize(msg.err.Error()) + " — your reply is kept; fix it and press ctrl+s again."
			return m, nil
		}
		m.sent = true
		m.status = "✓ " + Sanitize(msg.result)
		return m, nil
	case spellMsg:
		if msg.err == nil {
			m.recheck()
		}
		return m, nil
	case libraryMsg:
		m.lib = msg.lib
		if m.pick != nil {
			m.pick.search(m.lib, m.opt.Draft.Lang)
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.pick != nil {
			return m.pickerKey(msg)
		}
		return m.key(msg)
	}
	return m.edit(msg)
}

// pickerKey handles keys while the snippet picker or its form is open.
func (m Model) pickerKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := m.pick
	switch k.String() {
	case "esc":
		if p.chosen != nil {
			p.chosen = nil
			return m, p.query.Focus()
		}
		m.pick = nil
		return m, m.body.Focus()
	case "up":
		p.move(-1)
		return m, nil
	case "down":
		p.move(1)
		return m, nil
	case "tab":
		if p.chosen != nil {
			p.move(1)
			return m, nil
		}
	case "shift+tab":
		if p.chosen != nil {
			p.move(-1)
			return m, nil
		}
	case "enter":
		if p.chosen == nil {
			p.choose(m.opt.Vars)
			if len(p.fields) > 0 {
				return m, nil
			}
		}
		if len(p.errs) > 0 {
			m.status = "✗ " + strings.Join(mapValues(p.errs), "; ")
			return m, nil
		}
		text := strings.TrimRight(snippets.Render(p.chosen, m.opt.Vars, p.values()).Text, "\n")
		if cur := m.body.Value(); cur != "" && !strings.HasSuffix(cur, "\n") {
			text = "\n\n" + text
		}
		m.body.InsertString(text)
		if m.opt.Used != nil {
			m.opt.Used(p.chosen.ID)
		}
		m.status = "Inserted “" + Sanitize(p.chosen.Title) + "”."
		m.pick = nil
		m.dirty = true
		m.recheck()
		return m, m.body.Focus()
	}
	cmd := p.update(k)
	if p.chosen == nil {
		p.search(m.lib, m.opt.Draft.Lang)
	}
	return m, cmd
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func (m Model) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Quit):
		m.quit = true
		if m.sent {
			return m, tea.Quit
		}
		m.sync()
		return m, m.saveCmd()
	case key.Matches(k, m.keys.Help):
		m.help = !m.help
		return m, nil
	case key.Matches(k, m.keys.Customer):
		m.showIn = !m.showIn
		m.layout()
		return m, nil
	case key.Matches(k, m.keys.Next) && m.step < 3:
		return m, m.goTo(m.step + 1)
	case key.Matches(k, m.keys.Prev) && m.step > 1:
		return m, m.goTo(m.step - 1)
	case m.step == 1 && key.Matches(k, m.keys.Field):
		m.field = 1 - m.field
		return m, m.focus()
	case m.step == 3 && key.Matches(k, m.keys.Send):
		return m.send()
	case m.step == 2 && key.Matches(k, m.keys.Snippet):
		m.body.Blur()
		m.pick = newPicker()
		m.pick.search(m.lib, m.opt.Draft.Lang)
		return m, m.pick.query.Focus()
	}
	if m.step == 3 {
		return m, nil
	}
	return m.edit(k)
}

// edit passes a message to the focused input and re-checks after a change.
func (m Model) edit(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	before := m.subject.Value() + "\x00" + m.greet.Value() + "\x00" + m.body.Value()
	switch {
	case m.step == 1 && m.field == 0:
		m.subject, cmd = m.subject.Update(msg)
	case m.step == 1:
		m.greet, cmd = m.greet.Update(msg)
	case m.step == 2:
		m.body, cmd = m.body.Update(msg)
	}
	if m.subject.Value()+"\x00"+m.greet.Value()+"\x00"+m.body.Value() != before {
		m.dirty, m.force = true, false
		m.recheck()
	}
	return m, cmd
}

func (m *Model) goTo(step int) tea.Cmd {
	m.step = step
	m.layout()
	return m.focus()
}

func (m *Model) focus() tea.Cmd {
	m.subject.Blur()
	m.greet.Blur()
	m.body.Blur()
	switch {
	case m.step == 1 && m.field == 0:
		return m.subject.Focus()
	case m.step == 1:
		return m.greet.Focus()
	case m.step == 2:
		return m.body.Focus()
	}
	return nil
}

// sync copies the inputs into the draft.
func (m *Model) sync() {
	d := m.opt.Draft
	d.Subject, d.Greeting, d.Body = m.subject.Value(), m.greet.Value(), m.body.Value()
}

func (m *Model) recheck() {
	m.sync()
	d := m.opt.Draft
	var to []string
	for _, a := range append(append([]*mail.Address{}, d.To...), d.Cc...) {
		to = append(to, a.Address)
	}
	m.report = m.session.Check(check.Input{
		Message: true, Subject: d.Subject, Recipients: to, Greeting: d.Greeting, Body: d.Body,
		Closing: d.Closing, Signature: d.Signature, Lang: d.Lang, CustomerName: d.Customer.Name,
		Incoming: m.opt.Analysis,
	})
}

func (m Model) saveCmd() tea.Cmd {
	d := *m.opt.Draft
	save := m.opt.Save
	return func() tea.Msg {
		if save == nil {
			return savedMsg{}
		}
		return savedMsg{err: save(&d)}
	}
}

func (m Model) send() (tea.Model, tea.Cmd) {
	if m.sending || m.sent {
		return m, nil
	}
	if n := m.report.Errors(); n > 0 && !m.force {
		m.force = true
		m.status = fmt.Sprintf("✗ %d error(s) block sending: fix them, or press ctrl+s again to send anyway.", n)
		return m, nil
	}
	m.sync()
	m.sending = true
	m.status = "… Sending"
	d := *m.opt.Draft
	send := m.opt.Send
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		res, err := send(ctx, &d)
		return sentMsg{result: res, err: err}
	}
}

// Sent reports whether the reply went out, for the exit status.
func (m Model) Sent() bool { return m.sent }

// layout sizes the inputs to the window.
func (m *Model) layout() {
	w := m.width
	if m.showIn && m.width >= 100 {
		w = m.width / 2
	}
	m.subject.SetWidth(max(10, w-14))
	m.greet.SetWidth(max(10, w-14))
	m.body.SetWidth(max(20, w-2))
	m.body.SetHeight(max(3, m.height-14))
}

func trimLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n-1], "…")
	}
	return strings.Join(lines, "\n")
}
