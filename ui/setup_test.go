package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"kindly/compose/send"
)

func typeText(m tea.Model, s string) tea.Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func TestSetupValidatesAndBuildsTheAccount(t *testing.T) {
	var m tea.Model = NewSetup(SetupOptions{Getenv: func(string) string { return "" }})
	m = typeText(m, "not an address")
	if v := m.(Setup).View().Content; !strings.Contains(v, "not an address (e.g.") {
		t.Errorf("no problem shown for a bad From:\n%s", v)
	}
	s := m.(Setup)
	s.inputs[rowFrom].SetValue("Support <support@example.com>")
	s.inputs[rowHost].SetValue("smtp.example.com:587")
	if p := s.problem(rowHost); !strings.Contains(p, "the port has its own field") {
		t.Errorf("host with a port: %q", p)
	}
	s.inputs[rowHost].SetValue("smtp.example.com")
	// xoauth2: the secret is a token command, and the source row goes away.
	s.choice[rowAuth] = 2
	if s.visible(rowSource) || s.label(rowSecret) != "Token command" {
		t.Error("xoauth2 still asks where the password comes from")
	}
	s.inputs[rowSecret].SetValue("oama access support@example.com")
	name, acct := s.Account()
	if name != "default" || acct.TokenCmd != "oama access support@example.com" || acct.Username != "support@example.com" || acct.Port != 587 || acct.Keyring {
		t.Errorf("account: %q %+v", name, acct)
	}
	// A variable that is not set is said at once.
	s.choice[rowAuth], s.choice[rowSource] = 0, 2
	s.inputs[rowSecret].SetValue("$NOPE")
	if p := s.problem(rowSecret); p != "$NOPE is not set in this shell" {
		t.Errorf("unset variable: %q", p)
	}
	// security = tls moves the default port.
	s.choice[rowSecurity] = 1
	if _, acct := s.Account(); acct.Port != 465 || acct.PasswordEnv != "NOPE" {
		t.Errorf("tls account: %+v", acct)
	}
}

func TestSetupTestThenSave(t *testing.T) {
	var saved send.Account
	calls := 0
	opts := SetupOptions{
		Test: func(ctx context.Context, acct send.Account, secret string) (string, error) {
			calls++
			if secret != "hunter2" {
				return "", &send.Error{Stage: send.StageAuth, Msg: "535 no: authentication failed"}
			}
			return "TLS 1.3 to smtp.example.com:587", nil
		},
		Save: func(name string, acct send.Account, secret string) (string, error) {
			saved = acct
			return "Added account " + name, nil
		},
	}
	s := NewSetup(opts)
	s.inputs[rowFrom].SetValue("support@example.com")
	s.inputs[rowHost].SetValue("smtp.example.com")
	s.inputs[rowSecret].SetValue("wrong")
	// run feeds back the results of the test and the save, the way the
	// program would; blinks and spinner ticks are left out.
	run := func(m tea.Model, cmd tea.Cmd) tea.Model {
		var pending []tea.Cmd
		if cmd != nil {
			pending = append(pending, cmd)
		}
		for len(pending) > 0 {
			c := pending[0]
			pending = pending[1:]
			switch msg := c().(type) {
			case tea.BatchMsg:
				pending = append(pending, msg...)
			case probeMsg, setupSavedMsg:
				m, _ = m.Update(msg)
			}
		}
		return m
	}
	m, cmd := s.Update(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	m = run(m, cmd)
	got := m.(Setup)
	if got.state != setupFailed || got.row != rowSecret || !strings.Contains(got.View().Content, "✗ 535 no") {
		t.Fatalf("a failed login must point at the password: state %d row %d\n%s", got.state, got.row, got.View().Content)
	}
	got.inputs[rowSecret].SetValue("hunter2")
	m, cmd = got.Update(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	m = run(m, cmd)
	if m.(Setup).state != setupTested || !strings.Contains(m.(Setup).View().Content, "✓ Connection works") {
		t.Fatalf("after a good test: %s", m.(Setup).View().Content)
	}
	m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m = run(m, cmd)
	if !m.(Setup).Written || !saved.Keyring || saved.Host != "smtp.example.com" || calls != 2 {
		t.Errorf("saved %+v written %v calls %d", saved, m.(Setup).Written, calls)
	}
	if strings.Contains(m.(Setup).View().Content, "hunter2") {
		t.Error("the password is on the screen")
	}
}
