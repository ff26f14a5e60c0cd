package ui

import (
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kindly/compose/check"
	"kindly/compose/send"
)

// confirmKey answers the question on the status line: quit, or start over.
func (m Model) confirmKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	what := m.confirm
	m.confirm = ""
	switch k.String() {
	case "y", "enter":
		if what == "fresh" {
			f := *m.opt.Fresh
			*m.opt.Draft = f
			m.pers.subject.SetValue(f.Subject)
			m.pers.greet.SetValue(f.Greeting)
			m.ans.body.SetValue(f.Body)
			m.dirty, m.changed = true, true
			m.status = "Started over from a fresh reply."
			return m, tea.Batch(m.recheck(), m.focus())
		}
		m.quit = true
		m.sync()
		return m, m.saveCmd()
	case "d":
		if what == "quit" {
			m.quit, m.discard = true, true
			discard := m.opt.Discard
			return m, func() tea.Msg {
				if discard != nil {
					if err := discard(); err != nil {
						return savedMsg{err: err}
					}
				}
				return tea.QuitMsg{}
			}
		}
	}
	m.status = "Go on writing."
	return m, nil
}

// Discarded reports whether the agent chose to throw the draft away.
func (m Model) Discarded() bool { return m.discard }

// ordered are the findings in the order ctrl+j visits them: errors first,
// then by field and place.
func (m Model) ordered() []check.Finding {
	fs := append([]check.Finding(nil), m.report.Findings...)
	order := map[string]int{check.FieldSubject: 1, check.FieldGreeting: 2, check.FieldBody: 3, check.FieldClosing: 4, check.FieldSignature: 5}
	fieldRank := func(f string) int {
		if r, ok := order[f]; ok {
			return r
		}
		return 9 // recipients, attachments, the customer's email
	}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity < b.Severity // Error is 0
		}
		if fieldRank(a.Field) != fieldRank(b.Field) {
			return fieldRank(a.Field) < fieldRank(b.Field)
		}
		return a.Offset < b.Offset
	})
	return fs
}

// nextFinding moves to the place of the next finding: the step and field
// it is in, and in the body the cursor on its first character.
func (m *Model) nextFinding() tea.Cmd {
	fs := m.ordered()
	if len(fs) == 0 {
		m.status = "✓ No findings."
		return nil
	}
	m.jump = (m.jump + 1) % len(fs)
	f := fs[m.jump]
	m.status = fmt.Sprintf("Finding %d of %d (%s): %s", m.jump+1, len(fs), f.Rule, Sanitize(f.Message))
	switch f.Field {
	case check.FieldSubject:
		m.pers.field = 0
		return m.goTo(1)
	case check.FieldGreeting:
		m.pers.field = 1
		return m.goTo(1)
	case check.FieldBody:
		cmd := m.goTo(2)
		m.cursorTo(f.Offset)
		return cmd
	case check.FieldClosing, check.FieldSignature:
		return m.goTo(3)
	}
	return nil
}

// cursorTo puts the body's cursor on a byte offset of its text.
func (m *Model) cursorTo(offset int) { m.ans.body.SetCursorOffset(offset) }

// The $EDITOR round trip is three commands, so that Update does no I/O:
// the body goes to a private file (editorFileMsg), the editor runs on it
// (editedMsg), and what it left there comes back (editorTextMsg).
type (
	editorFileMsg struct {
		path string
		args []string
		err  error
	}
	editedMsg struct {
		path string
		err  error
	}
	editorTextMsg struct {
		text string
		err  error
	}
)

// editor hands the body to the agent's editor and takes it back when the
// editor exits. The file is private to the agent and removed afterwards.
func (m Model) editor() (tea.Model, tea.Cmd) {
	line := m.opt.Editor
	if strings.TrimSpace(line) == "" {
		line = "vi"
	}
	args, err := send.SplitCommand(line)
	if err != nil {
		m.status = "✗ $EDITOR: " + err.Error()
		return m, nil
	}
	m.sync()
	body := m.ans.body.Value()
	return m, tea.Batch(m.saveCmd(), func() tea.Msg {
		path, err := writePrivate(body)
		return editorFileMsg{path: path, args: args, err: err}
	})
}

// writePrivate writes text to a new temporary file only the agent can read.
func writePrivate(text string) (string, error) {
	f, err := os.CreateTemp("", "kindly-reply-*.txt")
	if err != nil {
		return "", err
	}
	_, werr := f.WriteString(text)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", werr
	}
	return f.Name(), nil
}

// editorStep moves the round trip on.
func (m Model) editorStep(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case editorFileMsg:
		if msg.err != nil {
			m.status = "✗ Cannot hand the reply to the editor: " + Sanitize(msg.err.Error())
			return m, nil
		}
		cmd := exec.Command(msg.args[0], append(msg.args[1:], msg.path)...)
		return m, tea.ExecProcess(cmd, func(err error) tea.Msg { return editedMsg{path: msg.path, err: err} })
	case editedMsg:
		return m, func() tea.Msg {
			defer os.Remove(msg.path)
			if msg.err != nil {
				return editorTextMsg{err: fmt.Errorf("the editor failed (%v)", msg.err)}
			}
			b, err := os.ReadFile(msg.path)
			if err != nil {
				return editorTextMsg{err: fmt.Errorf("cannot read the reply back from the editor: %v", err)}
			}
			return editorTextMsg{text: strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")}
		}
	case editorTextMsg:
		// Bubble Tea keeps its idea of the screen across the editor, which
		// may have drawn anything or left the alternate screen blank: the
		// whole screen is drawn again.
		if msg.err != nil {
			m.status = "✗ " + Sanitize(msg.err.Error()) + "; your reply is as it was."
			return m, tea.Batch(tea.ClearScreen, m.ans.body.Focus())
		}
		if msg.text != m.ans.body.Value() {
			m.ans.body.SetValue(msg.text)
			m.dirty, m.changed, m.force = true, true, false
			m.status = "Back from the editor."
			return m, tea.Batch(tea.ClearScreen, m.recheck(), m.ans.body.Focus())
		}
		return m, tea.Batch(tea.ClearScreen, m.ans.body.Focus())
	}
	return m, m.ans.body.Focus()
}
