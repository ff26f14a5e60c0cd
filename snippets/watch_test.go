package snippets

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func nextUpdate(t *testing.T, ch <-chan Update, want func(*Library) bool) *Library {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case u, ok := <-ch:
			if !ok {
				t.Fatal("watch channel closed")
			}
			if want(u.Library) {
				return u.Library
			}
		case <-deadline:
			t.Fatal("no update within 5 s")
		}
	}
}

func TestWatch(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	write(t, dir, "hello.md", "Hello there, and thank you for writing.\n")
	l := Load([]string{dir})
	ctx, cancel := context.WithCancel(context.Background())
	ch, err := l.Watch(ctx, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}

	write(t, dir, "team/new.md", "---\ntitle: New one\n---\nA new snippet from a teammate.\n")
	got := nextUpdate(t, ch, func(l *Library) bool { return l.Get("team/new", "") != nil })
	if got.Get("hello", "") == nil {
		t.Error("the other snippets must stay")
	}

	write(t, dir, "hello.md", "---\ntitle: [broken\n---\nx\n")
	got = nextUpdate(t, ch, func(l *Library) bool { return len(l.Problems) > 0 })
	if got.Get("team/new", "") == nil || !strings.Contains(got.Problems[0].Error(), "hello.md:2:") {
		t.Errorf("broken file: problems %v", got.Problems)
	}

	os.Remove(filepath.Join(dir, "team", "new.md"))
	nextUpdate(t, ch, func(l *Library) bool { return l.Get("team/new", "") == nil })

	if l.Get("team/new", "") != nil || len(l.Problems) != 0 {
		t.Error("the original library must not change")
	}
	cancel()
	for range ch {
	}
}

// BenchmarkWatchReloadOne measures taking one changed file into a library
// of 10,000: the work after a teammate's edit.
func BenchmarkWatchReloadOne(b *testing.B) {
	dir := corpus10k(b)
	l := Load([]string{dir})
	var one string
	for p := range l.files {
		one = p
		break
	}
	for b.Loop() {
		l.reload(map[string]bool{one: true})
	}
}

func TestLoadAsync(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	write(t, dir, "a.md", "Thank you for writing to us today.\n")
	select {
	case l := <-LoadAsync([]string{dir}):
		if l.Get("a", "") == nil {
			t.Error("snippet missing")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadAsync never delivered")
	}
}
