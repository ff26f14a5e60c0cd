package ui

import (
	"errors"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"kindly/compose/check"
)

func hit(m Model, msg tea.KeyPressMsg) (Model, tea.Cmd) {
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

var (
	ctrlC = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	ctrlJ = tea.KeyPressMsg{Code: 'j', Mod: tea.ModCtrl}
	ctrlR = tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
)

func TestQuitAsksOnceEdited(t *testing.T) {
	m, _ := testModel(t, "Your parcel left today.")
	// Not edited: ctrl+c saves and quits without a question.
	if m2, cmd := hit(m, ctrlC); m2.confirm != "" || cmd == nil || !m2.quit {
		t.Fatalf("unedited quit asked %q", m2.confirm)
	}
	m = press(m, "ctrl+n", " It arrives tomorrow.")
	m, _ = hit(m, ctrlC)
	if m.confirm != "quit" || !strings.Contains(plain(m), "Quit without sending? Your draft is kept.") {
		t.Fatalf("edited quit must ask:\n%s", plain(m))
	}
	// esc keeps writing, with the text intact.
	m, _ = hit(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.confirm != "" || m.quit || !strings.Contains(m.ans.body.Value(), "arrives tomorrow") {
		t.Fatal("esc must go back to writing")
	}
	// d discards: the discard function runs, then the program quits.
	discarded := false
	m.opt.Discard = func() error { discarded = true; return nil }
	m, _ = hit(m, ctrlC)
	m, cmd := hit(m, tea.KeyPressMsg{Code: 'd', Text: "d"})
	if _, ok := cmd().(tea.QuitMsg); !ok || !discarded || !m.Discarded() {
		t.Fatal("d must discard the draft and quit")
	}
	// A discard that fails does not quit: the text is still on screen.
	m.opt.Discard = func() error { return errors.New("disk full") }
	m.quit, m.discard = false, false
	m, _ = hit(m, ctrlC)
	m, cmd = hit(m, tea.KeyPressMsg{Code: 'd', Text: "d"})
	next, cmd2 := m.Update(cmd())
	m = next.(Model)
	if cmd2 != nil || m.quit || !strings.Contains(plain(m), "disk full") {
		t.Fatalf("a failed discard must not quit:\n%s", plain(m))
	}
}

func TestStartOverFromRestoredDraft(t *testing.T) {
	m, _ := testModel(t, "Half a sentence from yesterday")
	fresh := *m.opt.Draft
	fresh.Body = ""
	m.opt.Fresh = &fresh
	m, _ = hit(m, ctrlR)
	if !strings.Contains(plain(m), "Start over from a fresh reply?") {
		t.Fatalf("ctrl+r must ask:\n%s", plain(m))
	}
	m, _ = hit(m, tea.KeyPressMsg{Code: 'y', Text: "y"})
	if m.ans.body.Value() != "" || m.opt.Draft.Body != "" || !m.changed {
		t.Fatalf("start over kept %q", m.ans.body.Value())
	}
}

func TestJumpToFindings(t *testing.T) {
	m, _ := testModel(t, "Thank you for writing.\n\nYour parcel is late and we will refund it tomorrow, basically.\nUnfortunately the colour is sold out.")
	fs := m.ordered()
	if len(fs) < 2 {
		t.Fatalf("want findings, got %+v", fs)
	}
	for i := range fs {
		m, _ = hit(m, ctrlJ)
		f := fs[i]
		if !strings.Contains(m.status, f.Message) {
			t.Errorf("jump %d: status %q lacks %q", i, m.status, f.Message)
		}
		if f.Field == "body" && f.Length > 0 {
			text := m.ans.body.Value()
			before := text[:f.Offset]
			row := strings.Count(before, "\n")
			col := len([]rune(before[strings.LastIndex(before, "\n")+1:]))
			if m.step != 2 || m.ans.body.Line() != row || m.ans.body.Column() != col {
				t.Errorf("jump to %q: step %d cursor %d:%d, want 2 %d:%d", text[f.Offset:f.Offset+f.Length], m.step, m.ans.body.Line(), m.ans.body.Column(), row, col)
			}
		}
	}
}

func TestToneAndChecklists(t *testing.T) {
	m, _ := testModel(t, "")
	m = press(m, "ctrl+n")
	scr := plain(m)
	for _, want := range []string{"Tone  formality", "warmth", "positivity", "The customer asked (0 of"} {
		if !strings.Contains(scr, want) {
			t.Errorf("step 2 lacks %q:\n%s", want, scr)
		}
	}
	// A few words in, the checklist follows what they answer; it does not
	// wait for the ten words the warning waits for.
	m = press(m, "Oak is possible. ")
	if scr := plain(m); !strings.Contains(scr, "(1 of 2 answered)") || !strings.Contains(scr, "○ open     Can you tell me when") {
		t.Errorf("after a few words, one question answered and one open:\n%s", scr)
	}
	m = press(m, "Thank you for your patience. Good news: your order ships tomorrow and I understand the wait was long.")
	if !strings.Contains(plain(m), "warm") {
		t.Errorf("a warm reply does not read warm:\n%s", plain(m))
	}
	m = press(m, "ctrl+n")
	scr = plain(m)
	if !strings.Contains(scr, "Proofread") || !strings.Contains(scr, "greets by name") || !strings.Contains(scr, "spelling not checked") {
		t.Errorf("step 3 lacks the proofread checklist:\n%s", scr)
	}
}

func TestEditorRoundTrip(t *testing.T) {
	m, _ := testModel(t, "First line.")
	m = press(m, "ctrl+n")
	// The body goes to a private file.
	path, err := writePrivate(m.ans.body.Value())
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("the file for the editor is mode %v", fi.Mode().Perm())
	}
	// The "editor" adds a line; its exit brings the text back, and the
	// file is removed.
	os.WriteFile(path, []byte("First line.\r\nAdded in the editor.\n"), 0o600)
	next, cmd := m.Update(editedMsg{path: path})
	m = next.(Model)
	next, _ = m.Update(cmd())
	m = next.(Model)
	if m.ans.body.Value() != "First line.\nAdded in the editor." || !m.dirty {
		t.Fatalf("body after the editor: %q", m.ans.body.Value())
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the temporary file was left behind")
	}
	// A failing editor leaves the reply as it was.
	next, cmd = m.Update(editedMsg{path: filepath.Join(t.TempDir(), "gone.txt"), err: errors.New("exit status 1")})
	m = next.(Model)
	next, _ = m.Update(cmd())
	m = next.(Model)
	if m.ans.body.Value() != "First line.\nAdded in the editor." || !strings.Contains(m.status, "your reply is as it was") {
		t.Fatalf("failed editor: %q %q", m.ans.body.Value(), m.status)
	}
}

// TestLongBodyIsCheckedInTheBackground: with a pasted document in the body,
// a keystroke does not wait for the checks; the findings come a moment
// later, and a change made meanwhile is checked when the first check ends.
func TestLongBodyIsCheckedInTheBackground(t *testing.T) {
	m, _ := testModel(t, "")
	m = press(m, "ctrl+n")
	long := strings.Repeat("Thank you for your patience while we looked into your order today. ", 1200) // ~80 KB
	next, cmd := m.Update(tea.PasteMsg{Content: long + "Unfortunately it is late."})
	m = next.(Model)
	if cmd == nil || !m.checking {
		t.Fatal("a long body must be checked in the background")
	}
	// A keystroke while the check runs starts no second check.
	next, cmd2 := m.Update(tea.KeyPressMsg{Code: '!', Text: "!"})
	m = next.(Model)
	for _, c := range []tea.Cmd{cmd2} {
		if c != nil {
			if _, ok := c().(checkedMsg); ok {
				t.Fatal("two checks at once")
			}
		}
	}
	// The first result is stale (the "!" came after it): a new check starts.
	var msg tea.Msg
	for _, c := range flatten(cmd) {
		if r, ok := c().(checkedMsg); ok {
			msg = r
		}
	}
	next, again := m.Update(msg)
	m = next.(Model)
	if again == nil || !m.checking {
		t.Fatal("a stale result must start a check of the current text")
	}
	next, _ = m.Update(again())
	m = next.(Model)
	if m.checking || !hasRule(m.report.Findings, "negative-wording") {
		t.Fatalf("findings after the background check: %+v", m.report.Findings)
	}
}

func flatten(cmd tea.Cmd) []tea.Cmd {
	if cmd == nil {
		return nil
	}
	if b, ok := cmd().(tea.BatchMsg); ok {
		var out []tea.Cmd
		for _, c := range b {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Cmd{cmd}
}

func hasRule(fs []check.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// TestBackgroundAnswerSetsPalette: the terminal's answer to the background
// question switches the palette without waiting at start-up.
func TestBackgroundAnswerSetsPalette(t *testing.T) {
	m, _ := testModel(t, "Unfortunately it is late.")
	dark := m.styles.Active.GetForeground()
	next, _ := m.Update(tea.BackgroundColorMsg{Color: color.Black}) // testModel starts light
	m = next.(Model)
	if m.styles.Active.GetForeground() == dark || m.ans.body.styles.prompt.GetForeground() != m.styles.Active.GetForeground() {
		t.Error("a dark background did not change the palette")
	}
}
