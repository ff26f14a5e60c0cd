package snippets

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
)

var (
	corpusOnce sync.Once
	corpusDir  string
)

// corpus10k writes 10,000 realistic snippet files (in folders, six
// languages) once per test binary run.
func corpus10k(tb testing.TB) string {
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kindly-snippets-10k")
		if err != nil {
			tb.Fatal(err)
		}
		topics := []string{"shipping", "billing", "account", "returns", "product", "warranty", "technical", "orders"}
		langs := []string{"", ".nl", ".fr", ".es", ".af", ".zh"}
		for i := range 10000 {
			topic := topics[i%len(topics)]
			name := fmt.Sprintf("%s/%s-answer-%d%s.md", topic, topic, i/len(langs), langs[i%len(langs)])
			text := fmt.Sprintf("---\ntitle: %s question %d about %s\ntags: [%s, faq, tier-%d]\nfields:\n  order: {label: Order number, required: true, pattern: '^[A-Z]{2}-\\d+$'}\n  days: {label: Days, default: \"3\"}\n---\n%s",
				strings.ToUpper(topic[:1])+topic[1:], i, topic, topic, i%5, strings.Repeat("Thank you for your message about order {{order}}. It will reach you within {{days}} days, and I will keep you posted. ", 3))
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				tb.Fatal(err)
			}
		}
		corpusDir = dir
	})
	return corpusDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
	os.Exit(code)
}

// BenchmarkLoad10k: 10,000 snippet files loaded (target ≤ 300 ms).
func BenchmarkLoad10k(b *testing.B) {
	dir := corpus10k(b)
	for b.Loop() {
		l := Load([]string{dir})
		if len(l.Snippets) < 10000 {
			b.Fatalf("loaded %d", len(l.Snippets))
		}
	}
}

// BenchmarkSearch10k: one keystroke's search over 10,000 snippets (target ≤ 5 ms).
func BenchmarkSearch10k(b *testing.B) {
	l := Load([]string{corpus10k(b)})
	queries := []string{"s", "sh", "shi", "ship", "shipp", "refund", "warranty 12"}
	i := 0
	for b.Loop() {
		l.Search(queries[i%len(queries)], "nl", nil)
		i++
	}
}

// TestMemory10k reports the heap and resident memory of a library of
// 10,000 snippets (target ≤ 60 MB resident).
func TestMemory10k(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := corpus10k(t)
	runtime.GC()
	debug.FreeOSMemory()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	l := Load([]string{dir})
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	rss := residentMB()
	t.Logf("%d snippets: live heap %.1f MB, process resident %.1f MB", len(l.Snippets), heap, rss)
	if heap > 60 {
		t.Errorf("library holds %.1f MB, over 60 MB", heap)
	}
	runtime.KeepAlive(l)
}

func residentMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			var kb float64
			fmt.Sscanf(strings.TrimPrefix(line, "VmRSS:"), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}
