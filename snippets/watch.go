package snippets

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Update is a new state of the library after files changed on disk.
type Update struct {
	Library *Library
	// Changed are the files that were reloaded or removed.
	Changed []string
}

// Watch follows the library's folders (the folders and their subfolders,
// not each file) and sends a new Library on the channel each time files
// change, debounced: a burst of changes (a git pull) gives one update. Only
// the changed files are read again; a file that no longer parses is
// reported in Problems, and the snippets that still parse stay. Watching
// stops, and the channel closes, when ctx is done. Each Library sent is a
// snapshot that the watcher never changes again.
func (l *Library) Watch(ctx context.Context, debounce time.Duration) (<-chan Update, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	cur := l.snapshot()
	for _, dir := range l.dirs {
		if dir == BuiltinDir {
			continue
		}
		addTree(w, dir)
	}
	out := make(chan Update)
	go func() {
		defer close(out)
		defer w.Close()
		pending := map[string]bool{}
		var timer *time.Timer
		var fire <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				if timer != nil {
					timer.Stop()
				}
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Has(fsnotify.Create) {
					if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
						addTree(w, ev.Name)
					}
				}
				pending[ev.Name] = true
				if timer == nil {
					timer = time.NewTimer(debounce)
				} else {
					timer.Reset(debounce)
				}
				fire = timer.C
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				cur = cur.snapshot()
				cur.Problems = append(cur.Problems, Problem{Path: "watch", Msg: err.Error()})
			case <-fire:
				fire = nil
				next, changed := cur.reload(pending)
				pending = map[string]bool{}
				if len(changed) == 0 {
					continue
				}
				cur = next
				select {
				case out <- Update{Library: next, Changed: changed}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out, nil
}

// addTree watches dir and its subfolders; symlinked folders are not
// followed.
func addTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		_ = w.Add(p)
		return nil
	})
}

// snapshot copies the library so an update never changes one already sent.
func (l *Library) snapshot() *Library {
	return &Library{dirs: l.dirs, files: maps.Clone(l.files), Problems: append([]Problem{}, l.Problems...)}
}

// reload re-reads the changed paths (files, or whole folders that appeared
// or went) into a new library.
func (l *Library) reload(paths map[string]bool) (*Library, []string) {
	next := l.snapshot()
	var changed []string
	for p := range paths {
		dirIndex, dir := -1, ""
		for i, d := range l.dirs {
			if d != BuiltinDir && (p == d || strings.HasPrefix(p, d+string(filepath.Separator))) {
				dirIndex, dir = i, d
				break
			}
		}
		if dirIndex < 0 {
			continue
		}
		// Whatever was at or under p goes; whatever is there now comes back.
		for f := range next.files {
			if f == p || strings.HasPrefix(f, p+string(filepath.Separator)) {
				delete(next.files, f)
				changed = append(changed, f)
			}
		}
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		fsys := os.DirFS(dir)
		load := func(file string) {
			rel, err := filepath.Rel(dir, file)
			if err != nil || !strings.HasSuffix(file, ".md") || strings.HasPrefix(filepath.Base(file), ".") || strings.EqualFold(filepath.Base(file), "README.md") {
				return
			}
			e := loadFile(fsys, filepath.ToSlash(rel), file, dirIndex, nil)
			if e.snippet != nil {
				e.snippet.Dir = dir
				e.snippet.dirIndex = dirIndex
			}
			next.files[file] = e
			changed = append(changed, file)
		}
		if fi.IsDir() {
			_ = filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					load(f)
				}
				return nil
			})
		} else {
			load(p)
		}
	}
	next.rebuild()
	return next, dedupe(changed)
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
