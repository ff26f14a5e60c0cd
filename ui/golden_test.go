package ui

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"kindly/compose"
)

// updating reports -update, the flag teatest's golden package defines.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestGoldenViews compares each step, ANSI stripped, at 60×20, 80×24 and 120×40
// with the files in testdata/golden (go test ./ui -update rewrites them).
func TestGoldenViews(t *testing.T) {
	body := "Thank you for your patience, and sorry that the shelves are late.\n\nThey leave our warehouse tomorrow and arrive on Thursday. Unfortunately the colour cannot be changed any more, but I can send you a free set of oak handles."
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
		for step := 1; step <= 3; step++ {
			name := fmt.Sprintf("step%d-%dx%d.txt", step, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m, _ := testModel(t, body)
				next, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = next.(Model)
				for range step - 1 {
					m = press(m, "ctrl+n")
				}
				got := plain(m)
				if lines := strings.Count(got, "\n") + 1; lines > size[1] {
					t.Errorf("%d lines on a %d-line terminal", lines, size[1])
				}
				for i, l := range strings.Split(got, "\n") {
					if w := len([]rune(l)); w > size[0] {
						t.Errorf("line %d is %d wide: %q", i+1, w, l)
					}
				}
				path := filepath.Join("testdata", "golden", name)
				if updating() {
					os.MkdirAll(filepath.Dir(path), 0o755)
					os.WriteFile(path, []byte(got), 0o644)
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./ui -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("the view changed (go test ./ui -update after checking it):\n--- got\n%s\n--- want\n%s", got, want)
				}
			})
		}
	}
}

// TestFullFlow drives the composer as a program (teatest): write the
// answer, move through the steps, send, and look at the final model.
func TestFullFlow(t *testing.T) {
	m, _ := testModel(t, "")
	var sent []string
	// A result whose every letter differs from "Sending", so that the
	// renderer draws it in one piece and WaitFor can see it.
	m.opt.Send = func(_ context.Context, d *compose.Draft) (string, error) {
		sent = append(sent, d.Body)
		return "Z9Q7X4W2V", nil
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor := func(want string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) }, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("[1 Personalise]")
	tm.Send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	waitFor("[2 Answer]")
	tm.Type("Thank you for your patience. Your shelves arrive on Thursday, and the colour can still be changed to oak.")
	tm.Send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	waitFor("Proofread")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitFor("Z9Q7X4W2V")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if !final.Sent() || final.step != 3 || len(sent) != 1 || !strings.Contains(sent[0], "arrive on Thursday") {
		t.Fatalf("final: sent %v step %d, delivered %q", final.Sent(), final.step, sent)
	}
	if final.report.Errors() != 0 {
		t.Errorf("findings at the end: %+v", final.report.Findings)
	}
}
