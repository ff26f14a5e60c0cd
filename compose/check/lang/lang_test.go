package lang

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

type sample struct{ code, text string }

func loadSamples(t testing.TB, name string) []sample {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sample
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad sample line %q", line)
		}
		out = append(out, sample{code, text})
	}
	return out
}

// TestAccuracy reports accuracy per language and the Dutch/Afrikaans
// confusion on short support-mail sentences, and fails below 90% for any
// language: a reply in the wrong language is a visible mistake.
func TestAccuracy(t *testing.T) {
	for _, name := range []string{"testdata/samples.txt", "testdata/heldout.txt"} {
		t.Run(name, func(t *testing.T) { testAccuracy(t, name, 0.9) })
	}
}

func testAccuracy(t *testing.T, name string, threshold float64) {
	total := map[string]int{}
	right := map[string]int{}
	confused := map[[2]string]int{}
	for _, s := range loadSamples(t, name) {
		got, _ := Detect(s.text)
		total[s.code]++
		if got == s.code {
			right[s.code]++
		} else {
			confused[[2]string{s.code, got}]++
			t.Logf("%s detected as %q: %s", s.code, got, s.text)
		}
	}
	for _, c := range Codes {
		acc := float64(right[c]) / float64(total[c])
		t.Logf("%s: %d/%d = %.0f%%", c, right[c], total[c], 100*acc)
		if acc < threshold {
			t.Errorf("%s accuracy %.0f%% < %.0f%%", c, 100*acc, 100*threshold)
		}
	}
	t.Logf("nl→af %d, af→nl %d", confused[[2]string{"nl", "af"}], confused[[2]string{"af", "nl"}])
}

func TestDetectEdgeCases(t *testing.T) {
	for _, text := range []string{"", "   ", "12345 HW-659", "😀😀", "\xff\xfe\x00", "https://example.com"} {
		if got, _ := Detect(text); got != "" {
			t.Errorf("Detect(%q) = %q, want unsure", text, got)
		}
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("Hallo, ek het nie my bestelling ontvang nie.")
	f.Add("您好 hello")
	f.Fuzz(func(t *testing.T, s string) {
		code, conf := Detect(s)
		if conf < 0 || conf > 1 {
			t.Fatalf("confidence %v", conf)
		}
		if code != "" && !strings.Contains(strings.Join(Codes, " "), code) {
			t.Fatalf("code %q", code)
		}
	})
}

func BenchmarkDetect160(b *testing.B) {
	text := strings.Repeat("Thank you for your patience while we looked into order HW-659. ", 16)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text)
	}
}
