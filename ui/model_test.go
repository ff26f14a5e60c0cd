package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kindly/compose"
	"kindly/compose/check"
	"kindly/snippets"
)

func testModel(t testing.TB, body string) (Model, *[]string) {
	t.Helper()
	in := compose.Demo()
	now := in.Date.Add(30 * time.Hour)
	d, err := compose.NewReply(in, compose.Profile{Agent: compose.Agent{Name: "Maria", Email: "maria@example.com"}, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	d.Body = body
	c, _ := check.New(check.Config{})
	var sent []string
	m := New(Options{
		Incoming: in, Draft: d, Checker: c, Now: now,
		Analysis: c.AnalyzeIncoming(in.Text, in.Date, now),
		Send: func(_ context.Context, d *compose.Draft) (string, error) {
			sent = append(sent, d.Body)
			return "sent to anna", nil
		},
	})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return next.(Model), &sent
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "ctrl+n":
			msg = tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl}
		case "ctrl+p":
			msg = tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl}
		case "ctrl+s":
			msg = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
		case "ctrl+o":
			msg = tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}
		default:
			for _, r := range k {
				next, _ := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
				m = next.(Model)
			}
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil && k == "ctrl+s" {
			msgs := []tea.Msg{cmd()}
			if batch, ok := msgs[0].(tea.BatchMsg); ok {
				msgs = msgs[:0]
				for _, c := range batch {
					msgs = append(msgs, c())
				}
			}
			for _, msg := range msgs {
				if res, ok := msg.(sentMsg); ok {
					next, _ = m.Update(res)
					m = next.(Model)
				}
			}
		}
	}
	return m
}

func plain(m Model) string { return ansi.Strip(m.View().Content) }

func TestStepsAndLiveFindings(t *testing.T) {
	m, _ := testModel(t, "")
	scr := plain(m)
	for _, want := range []string{"[1 Personalise]", "Anna de Vries", "30 h ago — reply soon", "2 questions", "Re: Where is my custom order? # HW-659"} {
		if !strings.Contains(scr, want) {
			t.Errorf("step 1 lacks %q:\n%s", want, scr)
		}
	}
	m = press(m, "ctrl+n", "Unfortunately it is late!!")
	scr = plain(m)
	if !strings.Contains(scr, "[2 Answer]") || !strings.Contains(scr, `"Unfortunately" is negative`) || !strings.Contains(scr, "repeated punctuation") {
		t.Errorf("live findings in step 2:\n%s", scr)
	}
	for _, line := range strings.Split(m.View().Content, "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("line wider than the terminal (%d): %q", w, ansi.Strip(line))
		}
	}
}

func TestErrorsBlockSendingUntilForced(t *testing.T) {
	m, sent := testModel(t, "Your order {{order}} ships on Thursday.")
	m = press(m, "ctrl+n", "ctrl+n", "ctrl+s")
	if len(*sent) != 0 || !strings.Contains(plain(m), "1 error blocks sending") {
		t.Fatalf("an error must block the first ctrl+s:\n%s", plain(m))
	}
	m = press(m, "ctrl+s")
	if len(*sent) != 1 || !m.Sent() || !strings.Contains(plain(m), "✓ sent to anna") {
		t.Fatalf("second ctrl+s must send: %v\n%s", *sent, plain(m))
	}
}

func TestUntrustedTextIsSanitised(t *testing.T) {
	m, _ := testModel(t, "")
	m.opt.Incoming.Text = "evil \x1b]0;pwned\x07 \x1b[2J text"
	m = press(m, "ctrl+o")
	if strings.Contains(m.View().Content, "\x1b]0;") || strings.Contains(m.View().Content, "\x1b[2J") {
		t.Error("escape sequences from the customer reached the terminal")
	}
}

func TestSmallTerminal(t *testing.T) {
	m, _ := testModel(t, "")
	next, _ := m.Update(tea.WindowSizeMsg{Width: 40, Height: 10})
	if !strings.Contains(plain(next.(Model)), "needs a terminal of at least") {
		t.Error("no clear message for a tiny terminal")
	}
}

// BenchmarkKeystroke500: one keystroke on a 500-word draft, Update and
// View (target ≤ 2 ms).
func BenchmarkKeystroke500(b *testing.B) {
	// 500 words in eight paragraphs, as a real draft has them.
	para := strings.Repeat("Thank you for your patience while we looked into order HW-659 for you today. ", 5)
	body := strings.TrimSpace(strings.Repeat(para+"\n\n", 8))
	m, _ := testModel(b, body)
	m = press(m, "ctrl+n")
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	b.ResetTimer()
	for b.Loop() {
		next, _ := m.Update(key)
		m = next.(Model)
		_ = m.View()
	}
}

func TestSnippetPickerInsertsWithFields(t *testing.T) {
	m, _ := testModel(t, "")
	lib := make(chan *snippets.Library, 1)
	lib <- snippets.Load(nil)
	m.opt.Snippets = lib
	m.opt.Vars = map[string]string{"ticket.ref": "HW-659"}
	next, _ := m.Update(libraryMsg{lib: <-lib})
	m = next.(Model)
	m = press(m, "ctrl+n")
	next, _ = m.Update(tea.KeyPressMsg{Code: 'k', Mod: tea.ModCtrl})
	m = next.(Model)
	m = press(m, "refund")
	if !strings.Contains(plain(m), "▸ Refund approved") {
		t.Fatalf("picker:\n%s", plain(m))
	}
	next, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m = next.(Model)
	m = press(m, "lots")
	next, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m = next.(Model)
	if m.ans.pick == nil || !strings.Contains(plain(m), "Amount refunded does not look right") {
		t.Fatalf("a bad amount must keep the form open:\n%s", plain(m))
	}
	for range 4 {
		next, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
		m = next.(Model)
	}
	m = press(m, "49.95")
	next, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	m = next.(Model)
	if m.ans.pick != nil || !strings.Contains(m.ans.body.Value(), "your refund of 49.95 for order HW-659 has been approved today") {
		t.Fatalf("inserted: %q\n%s", m.ans.body.Value(), plain(m))
	}
}
