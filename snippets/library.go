package snippets

import (
	"embed"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"kindly/compose/check/lang"
)

//go:embed builtin
var builtinFS embed.FS

// BuiltinDir names the embedded default set in Snippet.Dir.
const BuiltinDir = "(built-in)"

// Library is the snippets of several folders. For the same id and language,
// the earliest folder wins: personal over team over built-in.
type Library struct {
	// Snippets are the winners, sorted by id then language.
	Snippets []*Snippet
	// Shadowed are the snippets a folder earlier in the list overrides.
	Shadowed []*Snippet
	// Problems are the files that could not be (fully) used.
	Problems []Problem

	dirs  []string
	files map[string]fileEntry // by path
	index []searchEntry
}

type fileEntry struct {
	dirIndex int
	snippet  *Snippet
	problems []Problem
}

// Load reads the folders in order, then the built-in set. Unreadable
// folders and bad files are reported in Problems; everything else loads.
func Load(dirs []string) *Library {
	l := &Library{dirs: append(append([]string{}, dirs...), BuiltinDir), files: map[string]fileEntry{}}
	type job struct {
		dirIndex  int
		fsys      fs.FS
		dir, name string
	}
	var jobs []job
	for i, dir := range l.dirs {
		fsys := fs.FS(os.DirFS(dir))
		if dir == BuiltinDir {
			sub, _ := fs.Sub(builtinFS, "builtin")
			fsys = sub
		} else if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			if err == nil {
				err = errors.New("not a folder")
			}
			l.Problems = append(l.Problems, Problem{Path: dir, Msg: "snippet folder cannot be read: " + unwrapPath(err)})
			continue
		}
		err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				l.Problems = append(l.Problems, Problem{Path: filepath.Join(dir, name), Msg: "cannot be read: " + unwrapPath(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			base := d.Name()
			if d.IsDir() {
				if name != "." && strings.HasPrefix(base, ".") {
					return fs.SkipDir // .git and friends
				}
				return nil
			}
			if strings.HasPrefix(base, ".") || !strings.HasSuffix(base, ".md") || strings.EqualFold(base, "README.md") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Symlinked files are read; symlinked folders are never
				// followed, so a loop cannot happen.
				if fi, err := fs.Stat(fsys, name); err != nil || fi.IsDir() {
					return nil
				}
			}
			jobs = append(jobs, job{i, fsys, dir, name})
			return nil
		})
		if err != nil {
			l.Problems = append(l.Problems, Problem{Path: dir, Msg: unwrapPath(err)})
		}
	}
	// Read and parse in parallel: most of the time is in the file system.
	results := make([]fileEntry, len(jobs))
	paths := make([]string, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	pats := &patterns{m: map[string]*regexp.Regexp{}}
	for range runtime.GOMAXPROCS(0) * 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				j := jobs[k]
				p := filepath.Join(j.dir, filepath.FromSlash(j.name))
				paths[k] = p
				results[k] = loadFile(j.fsys, j.name, p, j.dirIndex, pats)
			}
		}()
	}
	for k := range jobs {
		next <- k
	}
	close(next)
	wg.Wait()
	for k, r := range results {
		if r.snippet != nil {
			r.snippet.Dir = jobs[k].dir
			r.snippet.dirIndex = jobs[k].dirIndex
		}
		l.files[paths[k]] = r
	}
	l.rebuild()
	return l
}

func loadFile(fsys fs.FS, name, display string, dirIndex int, pats *patterns) fileEntry {
	e := fileEntry{dirIndex: dirIndex}
	data, err := readLimited(fsys, name)
	if err != nil {
		e.problems = []Problem{{Path: display, Msg: unwrapPath(err)}}
		return e
	}
	id, code := idOf(name)
	e.snippet, e.problems = parse(display, id, code, data, pats)
	if e.snippet != nil && e.snippet.Lang == "" {
		// A file that does not say its language is taken to be in the
		// language of its text, when that is clear.
		if code, conf := lang.Detect(e.snippet.Body); conf >= 0.5 {
			e.snippet.Lang = code
		}
	}
	return e
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileBytes {
		return nil, errors.New("file is " + strconv.Itoa(int(fi.Size()>>10)) + " KB; a snippet must be under " + strconv.Itoa(MaxFileBytes>>10) + " KB")
	}
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			if len(data) > MaxFileBytes {
				return nil, errors.New("file grew past " + strconv.Itoa(MaxFileBytes>>10) + " KB while being read")
			}
			data = append(data, 0)[:len(data)]
		}
	}
}

// idOf derives a snippet's id and language from its path in the folder:
// "shipping/delay.nl.md" is id "shipping/delay", language "nl".
func idOf(name string) (id, lang string) {
	id = strings.TrimSuffix(path.Clean(filepath.ToSlash(name)), ".md")
	if ext := path.Ext(id); len(ext) == 3 && isLower(ext[1:]) {
		return strings.TrimSuffix(id, ext), ext[1:]
	}
	return id, ""
}

func isLower(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// rebuild picks the winner of each id and language and refreshes the
// search index.
func (l *Library) rebuild() {
	type key struct{ id, lang string }
	best := map[key]*Snippet{}
	bestDir := map[key]int{}
	l.Snippets, l.Shadowed = nil, nil
	var problems []Problem
	for _, p := range l.Problems {
		if p.Line == 0 && !strings.HasSuffix(p.Path, ".md") {
			problems = append(problems, p) // folder problems
		}
	}
	paths := make([]string, 0, len(l.files))
	for p := range l.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		e := l.files[p]
		problems = append(problems, e.problems...)
		s := e.snippet
		if s == nil {
			continue
		}
		k := key{s.ID, s.Lang}
		if prev, ok := best[k]; ok {
			if bestDir[k] == e.dirIndex {
				problems = append(problems, Problem{Path: s.Path, Msg: "duplicate of " + prev.Path + " (same id " + s.ID + " and language " + langOrAny(s.Lang) + ")"})
			}
			if e.dirIndex < bestDir[k] {
				l.Shadowed = append(l.Shadowed, prev)
				best[k], bestDir[k] = s, e.dirIndex
			} else {
				l.Shadowed = append(l.Shadowed, s)
			}
			continue
		}
		best[k], bestDir[k] = s, e.dirIndex
	}
	for _, s := range best {
		l.Snippets = append(l.Snippets, s)
	}
	sort.Slice(l.Snippets, func(i, j int) bool {
		a, b := l.Snippets[i], l.Snippets[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Lang < b.Lang
	})
	l.Problems = problems
	l.buildIndex()
}

func langOrAny(l string) string {
	if l == "" {
		return "(none)"
	}
	return l
}

// Get returns the snippet id for a customer writing in lang: the variant
// in lang or the one without a language, whichever comes from the earlier
// folder (the exact language on a tie); failing those, English, then any.
func (l *Library) Get(id, lang string) *Snippet {
	var best, en, anyLang *Snippet
	for _, s := range l.Snippets {
		if s.ID != id {
			continue
		}
		if (s.Lang == lang && lang != "") || s.Lang == "" {
			if best == nil || s.dirIndex < best.dirIndex || s.dirIndex == best.dirIndex && s.Lang == lang {
				best = s
			}
		}
		if s.Lang == "en" {
			en = s
		}
		if anyLang == nil {
			anyLang = s
		}
	}
	for _, s := range []*Snippet{best, en, anyLang} {
		if s != nil {
			return s
		}
	}
	return nil
}

func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// LoadAsync loads the folders in the background, so a UI can draw its first
// frame at once; the channel delivers the library and closes.
func LoadAsync(dirs []string) <-chan *Library {
	ch := make(chan *Library, 1)
	go func() {
		ch <- Load(dirs)
		close(ch)
	}()
	return ch
}
