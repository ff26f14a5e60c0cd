package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// valeStyle writes a Vale style with the same English rules kindly has —
// one existence rule per phrase list of rules/en.txt, and one for "!" — and
// a .vale.ini that uses it, and returns the folder.
func valeStyle(b *testing.B) string {
	dir := b.TempDir()
	src, err := os.ReadFile("compose/check/rules/en.txt")
	if err != nil {
		b.Fatal(err)
	}
	lists := map[string][]string{}
	section := ""
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "-"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
		default:
			phrase, _, _ := strings.Cut(line, "=>")
			phrase = strings.TrimSpace(phrase)
			if re, ok := strings.CutPrefix(phrase, "re:"); ok {
				phrase = strings.TrimSpace(re)
			} else {
				phrase = regexp.QuoteMeta(phrase)
			}
			lists[section] = append(lists[section], phrase)
		}
	}
	styles := filepath.Join(dir, "styles", "Kindly")
	os.MkdirAll(styles, 0o755)
	for _, sec := range []string{"slang", "too-formal", "negative-wording", "generic-apology", "blame", "promotional", "jargon"} {
		var y strings.Builder
		fmt.Fprintf(&y, "extends: existence\nmessage: \"'%%s' (%s)\"\nignorecase: true\nlevel: warning\ntokens:\n", sec)
		for _, t := range lists[sec] {
			fmt.Fprintf(&y, "  - '%s'\n", strings.ReplaceAll(t, "'", "''"))
		}
		os.WriteFile(filepath.Join(styles, strings.ReplaceAll(sec, "-", "")+".yml"), []byte(y.String()), 0o644)
	}
	os.WriteFile(filepath.Join(styles, "exclamation.yml"), []byte("extends: existence\nmessage: \"'%s' (exclamation)\"\nlevel: warning\nnonword: true\ntokens:\n  - '!'\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".vale.ini"), []byte("StylesPath = styles\nMinAlertLevel = suggestion\n[*.txt]\nBasedOnStyles = Kindly\n"), 0o644)
	return dir
}

// draftOf writes a reply of about n words made of the corpus's good
// English replies.
func draftOf(b *testing.B, dir string, n int) string {
	data, err := os.ReadFile("compose/check/testdata/corpus/en/good-1.txt")
	if err != nil {
		b.Fatal(err)
	}
	_, text, _ := strings.Cut(string(data), "\n")
	var paras []string
	for _, p := range strings.Split(text, "\n\n")[1:] {
		if len(strings.Fields(p)) > 8 {
			paras = append(paras, strings.TrimSpace(p))
		}
	}
	var body []string
	for words := 0; words < n; {
		for _, p := range paras {
			body = append(body, p)
			words += len(strings.Fields(p))
			if words >= n {
				break
			}
		}
	}
	path := filepath.Join(dir, fmt.Sprintf("draft%d.txt", n))
	os.WriteFile(path, []byte("Hi Anna,\n\n"+strings.Join(body, "\n\n")+"\n\nKind regards,\nMaria\n"), 0o644)
	return path
}

// BenchmarkVsVale runs `kindly check`, kindly-check and Vale (with the same
// English word lists as a Vale style, see valeStyle) as whole processes on
// the same replies of 160 and 10,000 words. Spelling is off: the Vale style
// has none. Vale is not a Debian package: it runs when `vale` is on PATH
// (go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0).
func BenchmarkVsVale(b *testing.B) {
	vale, err := exec.LookPath("vale")
	if err != nil {
		b.Skip("vale is not on PATH (go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0)")
	}
	kindly := buildKindly(b)
	lean := buildStatic(b, "./cmd/kindly-check", "kindly-check")
	dir := valeStyle(b)
	env := append(os.Environ(), "XDG_CONFIG_HOME="+b.TempDir(), "KINDLY_CONFIG=")
	for _, n := range []int{160, 10000} {
		draft := draftOf(b, dir, n)
		for _, r := range []struct {
			name string
			argv []string
		}{
			{"kindly", []string{kindly, "check", "--spelling=false", draft}},
			{"kindly-check", []string{lean, "--spelling=false", draft}},
			{"vale", []string{vale, "--config", filepath.Join(dir, ".vale.ini"), draft}},
		} {
			b.Run(fmt.Sprintf("%s-%d", r.name, n), func(b *testing.B) {
				for b.Loop() {
					cmd := exec.Command(r.argv[0], r.argv[1:]...)
					cmd.Env, cmd.Dir = env, dir
					if out, err := cmd.CombinedOutput(); err != nil {
						if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 1 {
							b.Fatalf("%v\n%s", err, out)
						}
					}
				}
			})
		}
	}
}
