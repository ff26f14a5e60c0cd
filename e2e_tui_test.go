package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kindly/compose"
	"kindly/internal/smtptest"
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
	lacks(t, "step 1", scr, scr, "Anna de Vries", "lang nl", "1 question", "Re: Bestelling HW-659 nog niet ontvangen", "Beste Anna,")
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
	lacks(t, "sent reply", body, string(data), "In-Reply-To: <nl-latin1@mail.example>", "Beste Anna,", "Uw bestelling HW-659 wordt morgen geleverd.", "later komt dan beloofd: de lak moest nog drogen", "donderdag 26 november")
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

// TestInitForm: kindly init in a real terminal, filled in by keys, tests
// the connection against a local STARTTLS server (a wrong port first) and
// writes the account only once it works.
func TestInitForm(t *testing.T) {
	bin := buildKindly(t)
	env, home := e2eEnv(t)
	cert, ca := smtptest.CA(t, "127.0.0.1")
	srv := smtptest.Start(t, "starttls", cert, "support@example.com", "right horse")
	env = append(env, "KINDLY_TEST_SMTP_PW='right horse'")
	s := startTmux(t, bin, env, "init")
	s.waitFor("kindly init — an account")
	s.keys("-l", "Support <support@example.com>")
	s.keys("Tab")
	s.keys("-l", "127.0.0.1")
	s.keys("Tab", "Tab")
	s.keys("-l", "1") // a port nothing listens on
	s.keys("Tab", "Tab", "Tab", "Right", "Right", "Tab")
	s.waitFor("▸ Variable")
	s.keys("-l", "KINDLY_TEST_SMTP_PW")
	s.keys("Tab")
	s.keys("-l", ca)
	s.keys("Enter")
	s.waitFor("cannot reach 127.0.0.1:1")
	cfg := filepath.Join(home, "config", "kindly", "config.toml")
	if _, err := os.Stat(cfg); err == nil {
		t.Fatal("a failed test wrote the config")
	}
	s.waitFor("▸ SMTP server") // the test points at the likely culprit
	s.keys("Tab", "Tab", "BSpace")
	s.keys("-l", strconv.Itoa(srv.Port))
	s.keys("C-t")
	s.waitFor("✓ Connection works: TLS 1.3 to 127.0.0.1:" + strconv.Itoa(srv.Port) + ", logged in as support@example.com (PLAIN)")
	s.keys("Enter")
	s.waitFor("Added account \"default\" to " + cfg)
	c, err := loadConfig(cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Accounts["default"]; a.Host != "127.0.0.1" || a.Port != srv.Port || a.PasswordEnv != "KINDLY_TEST_SMTP_PW" || a.CAFile != ca || a.Username != "support@example.com" || !a.Default {
		t.Errorf("account written: %+v", a)
	}
	if srv.Logins() != 1 || len(srv.Messages()) != 0 {
		t.Errorf("server saw %d logins and %d messages", srv.Logins(), len(srv.Messages()))
	}
}

// TestTUIEditorAndQuit: the body goes to $EDITOR and comes back; quitting
// after edits asks, and the draft is there on the next start.
func TestTUIEditorAndQuit(t *testing.T) {
	bin := buildKindly(t)
	env, _ := e2eEnv(t)
	env = append(env, `EDITOR='sed -i -e "$a Added by the editor."'`, "VISUAL=")
	fixture, _ := filepath.Abs("compose/testdata/in/gmail-alternative.eml")
	s := startTmux(t, bin, env, fixture)
	s.waitFor("[1 Personalise]")
	s.keys("C-n")
	s.waitFor("[2 Answer]")
	s.keys("-l", "Written in kindly.")
	s.waitFor("Written in kindly.")
	s.keys("C-x")
	s.waitFor("Added by the editor.")
	s.waitFor("Back from the editor.")
	s.keys("C-c")
	s.waitFor("Quit without sending? Your draft is kept.")
	s.keys("y")
	s.waitFor("your draft is saved; run kindly")
	s2 := startTmux(t, bin, env, fixture)
	s2.waitFor("Restored the draft")
	s2.keys("C-n")
	scr := s2.waitFor("Added by the editor.")
	if !strings.Contains(scr, "Written in kindly.") {
		t.Errorf("the restored draft lacks the typed line:\n%s", scr)
	}
}

// library1000 writes a snippet library of 1,000 files and a config that
// uses it.
func library1000(b *testing.B) (home, cfg string) {
	home = b.TempDir()
	lib := filepath.Join(home, "snippets")
	for i := range 1000 {
		p := filepath.Join(lib, fmt.Sprintf("topic-%d", i%10), fmt.Sprintf("answer-%d.md", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		text := fmt.Sprintf("---\ntitle: Answer %d about shipping\ntags: [shipping, faq]\nfields:\n  order: {label: Order number, required: true}\n---\n%s", i,
			strings.Repeat("Thank you for your message about order {{order}}. It will reach you within three days. ", 3))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg = filepath.Join(home, "config.toml")
	os.WriteFile(cfg, []byte("[snippets]\ndirs = [\""+lib+"\"]\n"), 0o600)
	return home, cfg
}

// BenchmarkFirstFrame is kindly's own part of the first frame (target
// ≤ 100 ms with 1,000 snippets): config, the customer's email, the reply,
// the checks, the saved draft, snippets starting to load in the
// background, and the first View. Process start and the terminal are
// BenchmarkFirstFrameProcess.
func BenchmarkFirstFrame(b *testing.B) {
	home, cfg := library1000(b)
	b.Setenv("XDG_STATE_HOME", filepath.Join(home, "state"))
	b.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	fixture := "compose/testdata/in/nl-latin1.eml"
	for b.Loop() {
		a := &app{io: streams{OutTTY: true}, getenv: os.Getenv, now: time.Now, configFlag: cfg}
		conf, err := a.config()
		if err != nil {
			b.Fatal(err)
		}
		in, err := readMessage(a, fixture)
		if err != nil {
			b.Fatal(err)
		}
		p, err := replyProfile(conf, "", false)
		if err != nil {
			b.Fatal(err)
		}
		d, err := compose.NewReply(in, p)
		if err != nil {
			b.Fatal(err)
		}
		c, err := newComposer(context.Background(), a, conf, in, d, true)
		if err != nil {
			b.Fatal(err)
		}
		next, _ := c.model.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if v := next.View(); !strings.Contains(v.Content, "1 Personalise") {
			b.Fatalf("first frame:\n%s", v.Content)
		}
	}
}

// BenchmarkFirstFrameProcess starts kindly in a real terminal with 1,000
// snippets and waits until tmux shows the first frame. It includes
// starting tmux and a process and polling the screen every 2 ms, so it is
// an upper bound: compare it with BenchmarkFirstFrameEcho in the same run.
func BenchmarkFirstFrameProcess(b *testing.B) {
	bin := buildKindly(b)
	home, cfg := library1000(b)
	fixture, _ := filepath.Abs("compose/testdata/in/nl-latin1.eml")
	env := "env XDG_STATE_HOME=" + filepath.Join(home, "state") + " XDG_DATA_HOME=" + filepath.Join(home, "data") + " KINDLY_CONFIG=" + cfg + " TERM=xterm-256color "
	firstFrame(b, env+bin+" "+fixture)
}

// BenchmarkFirstFrameEcho is the same measurement of a shell printing the
// text at once: what tmux itself costs.
func BenchmarkFirstFrameEcho(b *testing.B) {
	firstFrame(b, "echo '[1 Personalise]'; sleep 5")
}

// BenchmarkFirstFrameBare is the same measurement of the smallest Bubble
// Tea program (internal/bareframe): what the framework and the terminal
// cost before kindly does anything.
func BenchmarkFirstFrameBare(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "bareframe")
	if out, err := exec.Command("go", "build", "-o", bin, "./internal/bareframe").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	firstFrame(b, bin)
}

func firstFrame(b *testing.B, cmdline string) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("tmux is not installed (Debian package tmux)")
	}
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		name := fmt.Sprintf("kindly-bench-%d-%d", os.Getpid(), i)
		start := time.Now()
		if out, err := exec.Command("tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", cmdline).CombinedOutput(); err != nil {
			b.Fatalf("tmux: %v %s", err, out)
		}
		for {
			out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", name).Output()
			if strings.Contains(string(out), "[1 Personalise]") {
				break
			}
			if time.Since(start) > 10*time.Second {
				b.Fatalf("no first frame after 10 s:\n%s", out)
			}
			time.Sleep(2 * time.Millisecond)
		}
		total += time.Since(start)
		exec.Command("tmux", "kill-session", "-t", name).Run()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/frame")
}

// TestTUINoColor: with NO_COLOR the screen has no colour at all, and every
// signal still reads: icons and words.
func TestTUINoColor(t *testing.T) {
	bin := buildKindly(t)
	env, _ := e2eEnv(t)
	s := startTmux(t, bin, append(env, "NO_COLOR=1"))
	s.waitFor("[1 Personalise]")
	s.keys("C-n")
	s.keys("-l", "Unfortunately the shelves are late!!")
	scr := s.waitFor("▲ body: \"Unfortunately\" is negative")
	out, err := exec.Command("tmux", "capture-pane", "-e", "-p", "-t", s.name).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, sgr := range []string{"[38;", "[48;", "[31m", "[32m", "[33m", "[91m"} {
		if strings.Contains(string(out), sgr) {
			t.Errorf("NO_COLOR screen has colour %q:\n%q", sgr, out)
		}
	}
	lacks(t, "without colour the screen", scr, scr, "▲ 27 h ago", "Tone", "negative", "2 questions", "Findings: 0 errors")
}

// TestTUISnippetsLive: a teammate adds a snippet to the shared folder while
// the picker is open, and it appears without a restart.
func TestTUISnippetsLive(t *testing.T) {
	bin := buildKindly(t)
	env, home := e2eEnv(t)
	lib := filepath.Join(home, "team-snippets")
	os.MkdirAll(lib, 0o755)
	os.WriteFile(filepath.Join(lib, "alpha.md"), []byte("---\ntitle: Alpha answer\n---\nThank you for asking about alpha.\n"), 0o644)
	cfg := filepath.Join(home, "config.toml")
	os.WriteFile(cfg, []byte("[snippets]\ndirs = [\""+lib+"\"]\n"), 0o600)
	env = append(env, "KINDLY_CONFIG="+cfg)
	s := startTmux(t, bin, env)
	s.waitFor("[1 Personalise]")
	s.keys("C-n")
	s.waitFor("[2 Answer]")
	s.keys("C-k")
	s.waitFor("Find a snippet")
	s.keys("-l", "zebra crossing")
	s.waitFor("No snippet matches")
	os.WriteFile(filepath.Join(lib, "zebra.md"), []byte("---\ntitle: Zebra crossing\n---\nThe zebra crossing is painted on Monday.\n"), 0o644)
	s.waitFor("▸ Zebra crossing")
	s.keys("Enter")
	s.waitFor("The zebra crossing is painted on Monday.")
}

// lacks reports each of wants that text does not contain, showing shown.
func lacks(t *testing.T, what, text, shown string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s lacks %q:\n%s", what, want, shown)
		}
	}
}
