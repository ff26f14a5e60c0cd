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
	return buildStatic(tb, ".", "kindly")
}

// buildStatic builds a package as a release would: without cgo, so that the
// binary is static and skips the dynamic loader at start-up (`go build`
// links cgo by default when a C compiler is installed).
func buildStatic(tb testing.TB, pkg, name string) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), name)
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin
}

// BenchmarkCheckProcess160 runs a check of a 160-word reply as a whole
// process: start-up, config, rules, dictionary, check and output (target
// ≤ 10 ms). It measures, in the same run:
//   - floor: the smallest Go program, what any process costs here;
//   - kindly: `kindly check`, in the binary that also holds the TUI;
//   - kindly-check: the same command built lean (cmd/kindly-check);
//
// each with spelling (the dictionary read from a warm cache) and without.
func BenchmarkCheckProcess160(b *testing.B) {
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
	env := append(os.Environ(), "XDG_CONFIG_HOME="+b.TempDir(), "XDG_CACHE_HOME="+b.TempDir(), "KINDLY_CONFIG=")
	kindly := buildKindly(b)
	lean := buildStatic(b, "./cmd/kindly-check", "kindly-check")
	hello := buildStatic(b, "./internal/hello", "hello")
	runs := []struct {
		name string
		argv []string
	}{
		{"floor", []string{hello}},
		{"kindly/spelling", []string{kindly, "check", draft}},
		{"kindly/no-spelling", []string{kindly, "check", "--spelling=false", draft}},
		{"kindly-check/spelling", []string{lean, draft}},
		{"kindly-check/no-spelling", []string{lean, "--spelling=false", draft}},
	}
	for _, r := range runs {
		run := func() {
			cmd := exec.Command(r.argv[0], r.argv[1:]...)
			cmd.Env = env
			if out, err := cmd.CombinedOutput(); err != nil {
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 1 {
					b.Fatalf("%v\n%s", err, out)
				}
			}
		}
		run() // the first run in a language writes the dictionary cache
		b.Run(r.name, func(b *testing.B) {
			for b.Loop() {
				run()
			}
		})
	}
}
