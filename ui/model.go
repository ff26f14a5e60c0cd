package ui

import (
	"context"
	"fmt"
	"net/mail"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
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
	// Fresh is the reply kindly would start from, when Draft is a saved
	// draft brought back: ctrl+r starts over from it.
	Fresh *compose.Draft
	// Discard deletes the saved draft (quit and discard).
	Discard func() error
	// Editor is the command for the $EDITOR round trip (e.g. "vim").
	Editor string
	// Watch follows the library's folders once it has loaded, so that a
	// teammate's new or changed snippet is there without a restart.
	Watch func(*snippets.Library) <-chan snippets.Update
}

// Model is the root of the composer: it routes keys to the current step
// and draws the frame around it.
type Model struct {
	opt    Options
	keys   KeyMap
	styles Styles
	step   int // 1 personalise, 2 answer, 3 send
	width  int
	height int
	// The three steps, each a sub-model with its own widgets, keys and
	// view; the root routes to the current one (steps()[step-1]).
	pers    *personalise
	ans     *answer
	rev     *review
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
	changed bool   // edited since it was opened
	confirm string // "quit" or "fresh" while asking
	jump    int    // the finding ctrl+j went to last
	discard bool   // quitting discards the saved draft
	spin    spinner.Model

	gen       int     // the text's version, for background checks
	checking  bool    // a background check is running
	initCheck tea.Cmd // the first check, when it runs in the background
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
	m := Model{opt: opt, keys: DefaultKeyMap(), styles: NewStyles(opt.Dark), step: 1, status: opt.Status, width: 80, height: 24, jump: -1}
	m.pers = newPersonalise(opt.Draft)
	m.ans = newAnswer(opt.Draft, m.styles)
	m.rev = &review{}
	m.spin = spinner.New(spinner.WithSpinner(spinner.Dot))
	m.pers.focus()
	m.session = opt.Checker.NewSession()
	m.initCheck = m.recheck() // a long restored draft is checked once the program runs
	m.layout()
	return m
}

// Init starts the autosave clock and waits for the snippets.
func (m Model) Init() tea.Cmd {
	// The terminal's background is asked for, not waited on: the first
	// frame uses the dark palette and changes if the answer says light.
	cmds := []tea.Cmd{tick(), m.loadSpelling(), m.initCheck, tea.RequestBackgroundColor}
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
	if c == nil || code == "zh" || code == "" {
		return nil
	}
	return func() tea.Msg { return spellMsg{err: c.LoadSpelling(code)} }
}

// waitUpdate waits for the next snapshot of the watched library.
func waitUpdate(ch <-chan snippets.Update) tea.Cmd {
	return func() tea.Msg {
		u, ok := <-ch
		if !ok {
			return nil
		}
		return libraryMsg{lib: u.Library, updates: ch, changed: u.Changed}
	}
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
		if m.dirty && !m.sent && !m.discard {
			m.dirty = false
			return m, tea.Batch(m.saveCmd(), tick())
		}
		return m, tick()
	case savedMsg:
		if msg.err != nil {
			m.status = "⚠ Could not save the draft: " + Sanitize(msg.err.Error())
			if m.quit {
				// Never quit on a draft that did not reach the disk.
				m.quit = false
				m.status += " — not quitting: your text is still here. Copy it, or fix the problem and press ctrl+c again."
				return m, nil
			}
		}
		if m.quit {
			return m, tea.Quit
		}
		return m, nil
	case editorFileMsg, editedMsg, editorTextMsg:
		return m.editorStep(msg)
	case tea.BackgroundColorMsg:
		m.setDark(msg.IsDark())
		return m, nil
	case spinner.TickMsg:
		if !m.sending {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
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
			return m, m.recheck()
		}
		return m, nil
	case checkedMsg:
		m.checking = false
		if msg.gen != m.gen {
			// The text changed while it was checked: check it as it is now.
			m.sync()
			return m, m.startCheck(m.checkInput())
		}
		m.applyReport(msg.report)
		return m, nil
	case libraryMsg:
		m.lib = msg.lib
		if m.ans.pick != nil {
			m.ans.pick.search(m.lib, m.opt.Draft.Lang)
		}
		if m.opt.Watch != nil && msg.updates == nil && m.lib != nil {
			if ch := m.opt.Watch(m.lib); ch != nil {
				return m, waitUpdate(ch)
			}
		}
		if msg.updates != nil {
			if len(msg.changed) > 0 {
				m.status = "Snippets updated (" + check.Plural(len(msg.changed), "file") + " changed)."
			}
			return m, waitUpdate(msg.updates)
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.confirm != "" {
			return m.confirmKey(msg)
		}
		if m.ans.pick != nil {
			return m.pickerKey(msg)
		}
		return m.key(msg)
	}
	return m.edit(msg)
}

// pickerKey handles keys while the snippet picker or its form is open.
func (m Model) pickerKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := m.ans.pick
	switch k.String() {
	case "esc":
		if p.chosen != nil {
			p.chosen = nil
			return m, p.query.Focus()
		}
		m.ans.pick = nil
		return m, m.ans.body.Focus()
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
		if cur := m.ans.body.Value(); cur != "" && !strings.HasSuffix(cur, "\n") {
			text = "\n\n" + text
		}
		m.ans.body.InsertString(text)
		var record tea.Cmd
		if used, id := m.opt.Used, p.chosen.ID; used != nil {
			record = func() tea.Msg { used(id); return nil } // a file write: not in Update
		}
		m.status = "Inserted “" + Sanitize(p.chosen.Title) + "”."
		m.ans.pick = nil
		m.dirty, m.changed = true, true
		return m, tea.Batch(m.recheck(), m.ans.body.Focus(), record)
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
		if m.sent {
			return m, tea.Quit
		}
		if m.changed {
			m.confirm = "quit"
			return m, nil
		}
		m.quit = true
		m.sync()
		return m, m.saveCmd()
	case k.String() == "?" && m.step != 3:
		// typing a question mark
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
		m.pers.field = 1 - m.pers.field
		return m, m.focus()
	case m.step == 3 && key.Matches(k, m.keys.Send):
		return m.send()
	case key.Matches(k, m.keys.Jump):
		return m, m.nextFinding()
	case key.Matches(k, m.keys.Fresh) && m.opt.Fresh != nil && !m.sent:
		m.confirm = "fresh"
		return m, nil
	case m.step == 2 && key.Matches(k, m.keys.Editor):
		return m.editor()
	case m.step == 2 && key.Matches(k, m.keys.Snippet):
		m.ans.body.Blur()
		m.ans.pick = newPicker()
		m.ans.pick.search(m.lib, m.opt.Draft.Lang)
		return m, m.ans.pick.query.Focus()
	}
	if m.step == 3 {
		return m, nil
	}
	return m.edit(k)
}

// edit passes a message to the focused input and re-checks after a change.
func (m Model) edit(msg tea.Msg) (tea.Model, tea.Cmd) {
	step := m.current()
	before := step.text()
	cmd := step.edit(msg)
	if step.text() != before {
		m.dirty, m.force, m.changed = true, false, true
		cmd = tea.Batch(cmd, m.recheck())
	}
	return m, cmd
}

func (m *Model) goTo(step int) tea.Cmd {
	m.step = step
	m.layout()
	return m.focus()
}

func (m *Model) focus() tea.Cmd {
	for _, s := range m.steps() {
		s.blur()
	}
	return m.current().focus()
}

// sync copies the inputs into the draft.
func (m *Model) sync() {
	d := m.opt.Draft
	d.Subject, d.Greeting, d.Body = m.pers.subject.Value(), m.pers.greet.Value(), m.ans.body.Value()
}

// asyncCheckBytes is the body size above which checks run off the UI
// goroutine: below it an incremental check takes well under a millisecond,
// above it (a pasted document) it could hold up typing.
const asyncCheckBytes = 64 << 10

// checkedMsg brings a report checked in the background; gen says which
// version of the text it is about.
type checkedMsg struct {
	gen    int
	report check.Report
}

// recheck checks the draft after a change: at once for a normal reply, in
// the background for a very long one. One check runs at a time (the
// session is not shared between goroutines); a change made meanwhile is
// checked when it finishes.
func (m *Model) recheck() tea.Cmd {
	m.sync()
	in := m.checkInput()
	m.gen++
	if len(in.Body) < asyncCheckBytes && !m.checking {
		m.applyReport(m.session.Check(in))
		return nil
	}
	if m.checking {
		return nil // checkedMsg sees the newer gen and checks again
	}
	return m.startCheck(in)
}

func (m *Model) startCheck(in check.Input) tea.Cmd {
	m.checking = true
	gen, session := m.gen, m.session
	return func() tea.Msg { return checkedMsg{gen: gen, report: session.Check(in)} }
}

func (m *Model) checkInput() check.Input {
	d := m.opt.Draft
	var to []string
	for _, a := range append(append([]*mail.Address{}, d.To...), d.Cc...) {
		to = append(to, a.Address)
	}
	return check.Input{
		Message: true, Subject: d.Subject, Recipients: to, Greeting: d.Greeting, Body: d.Body,
		Closing: d.Closing, Signature: d.Signature, Lang: d.Lang, CustomerName: d.Customer.Name,
		Incoming: m.opt.Analysis,
	}
}

// applyReport shows a report: the findings, and their words underlined.
func (m *Model) applyReport(r check.Report) {
	m.report = r
	var marks []markRange
	for _, f := range m.report.Findings {
		if f.Field == check.FieldBody && f.Length > 0 {
			marks = append(marks, markRange{start: f.Offset, end: f.Offset + f.Length, err: f.Severity == check.Error})
		}
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	m.ans.body.SetMarks(marks)
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
		what := "1 error blocks sending: fix it"
		if n != 1 {
			what = fmt.Sprintf("%d errors block sending: fix them", n)
		}
		m.status = "✗ " + what + ", or press ctrl+s again to send anyway."
		return m, nil
	}
	m.sync()
	m.sending = true
	var to []string
	for _, a := range m.opt.Draft.To {
		to = append(to, a.Address)
	}
	m.status = "Sending to " + Sanitize(strings.Join(to, ", ")) + "…"
	d := *m.opt.Draft
	send := m.opt.Send
	return m, tea.Batch(m.spin.Tick, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		res, err := send(ctx, &d)
		return sentMsg{result: res, err: err}
	})
}

// setDark picks the palette for a dark or a light background.
func (m *Model) setDark(dark bool) {
	m.styles = NewStyles(dark)
	m.ans.body.setStyles(m.styles)
}

// Sent reports whether the reply went out, for the exit status.
func (m Model) Sent() bool { return m.sent }

// layout sizes the inputs to the window.
func (m *Model) layout() {
	w := m.width
	if m.showIn && m.width >= 100 {
		w = m.width / 2
	}
	m.pers.setWidth(w)
	m.ans.body.SetWidth(max(20, w))
	m.ans.body.SetHeight(m.bodyHeight())
}

func trimLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n-1], "…")
	}
	return strings.Join(lines, "\n")
}
