package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession runs the kindly binary in a real terminal (tmux) of 100×30.
type tmuxSession struct {
	t    *testing.T
	name string
}

func startTmux(t *testing.T, bin string, env []string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is not installed (Debian package tmux)")
		}
		t.Skip("tmux is not installed (Debian package tmux): skipping the terminal test")
	}
	s := &tmuxSession{t: t, name: fmt.Sprintf("kindly-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	cmdline := "env " + strings.Join(env, " ") + " " + bin + " " + strings.Join(args, " ") + "; sleep 5"
	out, err := exec.Command("tmux", "new-session", "-d", "-s", s.name, "-x", "100", "-y", "30", cmdline).CombinedOutput()
	if err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", s.name).Run() })
	return s
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", append([]string{"send-keys", "-t", s.name}, keys...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys: %v %s", err, out)
	}
}

func (s *tmuxSession) screen() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

// waitFor polls the screen, bounded, until it shows want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if scr := s.screen(); strings.Contains(scr, want) {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q:\n%s", want, s.screen())
	return ""
}

func e2eEnv(t *testing.T) (env []string, home string) {
	home = t.TempDir()
	return []string{
		"XDG_STATE_HOME=" + filepath.Join(home, "state"),
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"KINDLY_CONFIG=", "TERM=xterm-256color",
	}, home
}

// TestTUISendsReply: open a customer's email, move through the steps,
// write the answer, send (to the local outbox: no account), and find the
// reply in the local Maildir.
func TestTUISendsReply(t *testing.T) {
	bin := buildKindly(t)
	env, home := e2eEnv(t)
	fixture, _ := filepath.Abs("compose/testdata/in/nl-latin1.eml")
	s := startTmux(t, bin, env, fixture)
	scr := s.waitFor("[1 Personalise]")
	for _, want := range []string{"Anna de Vries", "lang nl", "1 question(s)", "Re: Bestelling HW-659 nog niet ontvangen", "Beste Anna,"} {
		if !strings.Contains(scr, want) {
			t.Errorf("step 1 lacks %q:\n%s", want, scr)
		}
	}
	s.keys("C-n")
	s.waitFor("[2 Answer]")
	// Insert the Dutch delay snippet and fill its two fields.
	s.keys("C-k")
	s.waitFor("Find a snippet")
	s.keys("-l", "vertrag")
	s.waitFor("▸ Vertraagde levering")
	s.keys("Enter")
	s.waitFor("New delivery date")
	s.keys("-l", "donderdag 26 november")
	s.keys("Tab")
	s.keys("-l", "de lak moest nog drogen")
	s.keys("Enter")
	s.waitFor("De bestelling komt nu aan op donderdag 26 november.")
	s.keys("-l", " Uw bestelling HW-659 wordt morgen geleverd.")
	s.waitFor("morgen geleverd")
	s.keys("C-n")
	s.waitFor("[3 Send]")
	s.keys("C-s")
	s.waitFor("saved to")
	entries, err := os.ReadDir(filepath.Join(home, "data", "kindly", "local", "new"))
	if err != nil || len(entries) != 1 {
		t.Fatalf("local Maildir: %v %v", entries, err)
	}
	data, _ := os.ReadFile(filepath.Join(home, "data", "kindly", "local", "new", entries[0].Name()))
	body := strings.ReplaceAll(string(data), "=\r\n", "")
	for _, want := range []string{"In-Reply-To: <nl-latin1@mail.example>", "Beste Anna,", "Uw bestelling HW-659 wordt morgen geleverd.", "later komt dan beloofd: de lak moest nog drogen", "donderdag 26 november"} {
		if !strings.Contains(body, want) {
			t.Errorf("sent reply lacks %q:\n%s", want, data)
		}
	}
}

// TestTUIDraftSurvivesKill: kill -9 while typing loses at most the last
// second: reopening brings the draft back.
func TestTUIDraftSurvivesKill(t *testing.T) {
	bin := buildKindly(t)
	env, _ := e2eEnv(t)
	fixture, _ := filepath.Abs("compose/testdata/in/gmail-alternative.eml")
	s := startTmux(t, bin, env, fixture)
	s.waitFor("[1 Personalise]")
	s.keys("C-n")
	s.waitFor("[2 Answer]")
	s.keys("-l", "Your refund was approved today.")
	s.waitFor("approved today")
	time.Sleep(1500 * time.Millisecond) // one autosave tick
	pid, err := exec.Command("tmux", "display-message", "-p", "-t", s.name, "#{pane_pid}").Output()
	if err != nil {
		t.Fatal(err)
	}
	_ = pid
	// The pane runs sh -c "env … kindly …; sleep 5": kill kindly itself,
	// and make sure it is gone, or this test would prove nothing.
	if out, err := exec.Command("pkill", "-9", "-f", bin+" "+fixture).CombinedOutput(); err != nil {
		t.Fatalf("pkill: %v %s", err, out)
	}
	deadline := time.Now().Add(5 * time.Second)
	for exec.Command("pgrep", "-f", bin+" "+fixture).Run() == nil {
		if time.Now().After(deadline) {
			t.Fatal("kindly survived kill -9")
		}
		time.Sleep(50 * time.Millisecond)
	}
	s2 := startTmux(t, bin, env, fixture)
	s2.waitFor("Restored the draft")
	s2.keys("C-n")
	s2.waitFor("Your refund was approved today.")
}
