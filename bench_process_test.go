package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildKindly builds the binary once per test binary run.
func buildKindly(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "kindly")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkCheckProcess160 runs `kindly check` as a whole process on a
// 160-word reply: start-up, config, rules, check and output (target ≤ 10 ms).
func BenchmarkCheckProcess160(b *testing.B) {
	bin := buildKindly(b)
	words := strings.Fields(politeReply)
	var body strings.Builder
	body.WriteString("Hi Anna,\n\n")
	for i := 0; i < 160; i++ {
		body.WriteString(words[4+i%30])
		body.WriteString(" ")
		if i%20 == 19 {
			body.WriteString("\n\n")
		}
	}
	body.WriteString("\n\nKind regards,\nMaria\n")
	draft := filepath.Join(b.TempDir(), "draft.txt")
	if err := os.WriteFile(draft, []byte(body.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	env := append(os.Environ(), "XDG_CONFIG_HOME="+b.TempDir(), "KINDLY_CONFIG=")
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, "check", draft)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 1 {
				b.Fatalf("%v\n%s", err, out)
			}
		}
	}
}
