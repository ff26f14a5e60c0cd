package spell

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// roundTrip writes d to the cache format and reads it back.
func roundTrip(t testing.TB, d *dict) *dict {
	t.Helper()
	back, err := decodeCache(encodeCache(d))
	if err != nil {
		t.Fatal(err)
	}
	back.free, back.looseStart, back.startFlag = d.free, d.looseStart, d.startFlag
	return back
}

// TestCacheFeatures: every .aff feature survives the cache — the same
// structure, and the same verdicts on each case's words.
func TestCacheFeatures(t *testing.T) {
	for _, tc := range featureCases {
		t.Run(tc.name, func(t *testing.T) {
			parsed := dictFrom(t, tc.aff, tc.dic, tc.opt).parts[0].get()
			cached := roundTrip(t, parsed)
			if !reflect.DeepEqual(parsed, cached) {
				t.Fatalf("the dictionary read from the cache differs:\nparsed %+v\ncached %+v", parsed, cached)
			}
			d := &Dict{parts: []*part{loaded(cached)}}
			for _, w := range strings.Fields(tc.good) {
				if !d.Correct(w) {
					t.Errorf("%q marked wrong after the cache", w)
				}
			}
			for _, w := range strings.Fields(tc.bad) {
				if d.Correct(w) {
					t.Errorf("%q marked right after the cache", w)
				}
			}
		})
	}
}

// TestCacheLanguages: each installed dictionary reads back from the cache
// exactly as parsed.
func TestCacheLanguages(t *testing.T) {
	for lang := range langs {
		t.Run(lang, func(t *testing.T) {
			for _, p := range openLang(t, lang).parts {
				parsed := p.get()
				if !reflect.DeepEqual(parsed, roundTrip(t, parsed)) {
					t.Fatal("the dictionary read from the cache differs from the parsed one")
				}
			}
		})
	}
}

// withDicts points Dirs at a directory holding one small dictionary.
func withDicts(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	tc := featureCases[0]
	if err := os.WriteFile(filepath.Join(dir, "xx.aff"), []byte(tc.aff), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "xx.dic"), []byte(tc.dic), 0o644); err != nil {
		t.Fatal(err)
	}
	old := Dirs
	Dirs = []string{dir}
	t.Cleanup(func() { Dirs = old })
	return dir
}

func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCacheFile: the first load writes the cache, a later one reads it; a
// damaged cache is parsed again and rewritten; changed sources make a new
// cache and remove the stale one; an unwritable cache directory costs
// nothing but time.
func TestCacheFile(t *testing.T) {
	src := withDicts(t)
	cache := filepath.Join(t.TempDir(), "spell")
	opt := Options{CacheDir: cache}
	check := func() {
		t.Helper()
		d, err := OpenWith(opt, "xx")
		if err != nil {
			t.Fatal(err)
		}
		if !d.Correct("rewords") || d.Correct("unwords") {
			t.Error("wrong verdicts")
		}
	}

	check()
	files := cacheFiles(t, cache)
	if len(files) != 1 || !strings.HasPrefix(filepath.Base(files[0]), "xx-") {
		t.Fatalf("cache files %v, want one xx-….dict", files)
	}
	good, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}

	// A later load uses the cache: prove it by planting another
	// dictionary's cache under the name.
	other := dictFrom(t, "", "1\nunwords\n", Options{}).parts[0].get()
	if err := os.WriteFile(files[0], encodeCache(other), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := OpenWith(opt, "xx")
	if err != nil {
		t.Fatal(err)
	}
	if !d.Correct("unwords") {
		t.Fatal("the cache file was not read")
	}

	// Damaged: a byte of the .aff flipped, of the homonym groups, a length,
	// cut short, a byte added. Parsed again, rewritten.
	head := len(cacheMagic) + 8
	secs, err := sections(good[head:])
	if err != nil || len(secs[1]) == 0 || len(secs[2]) == 0 {
		t.Fatalf("sections: %v", err)
	}
	affAt := head + 4*cacheSections + len(secs[0])
	groupsAt := affAt + len(secs[1])
	for _, damage := range []func([]byte) []byte{
		func(b []byte) []byte { b[affAt+len(secs[1])/2] ^= 0x40; return b },
		func(b []byte) []byte { b[groupsAt+len(secs[2])-1] ^= 0x01; return b },
		func(b []byte) []byte { b[head+4] ^= 0x01; return b },
		func(b []byte) []byte { return b[:len(b)/3] },
		func(b []byte) []byte { return append(b, 0) },
	} {
		bad := damage(bytes.Clone(good))
		if _, err := decodeCache(bad); err == nil {
			t.Fatal("damage not noticed")
		}
		if err := os.WriteFile(files[0], bad, 0o644); err != nil {
			t.Fatal(err)
		}
		check()
		now, _ := os.ReadFile(files[0])
		if _, err := decodeCache(now); err != nil {
			t.Errorf("a damaged cache was not rewritten: %v", err)
		}
	}

	// New sources: a new cache, and the stale one gone.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(src, "xx.dic"), later, later); err != nil {
		t.Fatal(err)
	}
	check()
	if now := cacheFiles(t, cache); len(now) != 1 || now[0] == files[0] {
		t.Errorf("after the .dic changed: cache files %v, want one new file", now)
	}

	// A cache directory that cannot be made: still works.
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	opt.CacheDir = filepath.Join(blocker, "spell")
	check()
}

// FuzzCache: whatever the cache file holds, reading it and checking words
// with what was read never panics.
func FuzzCache(f *testing.F) {
	for _, tc := range featureCases {
		d, err := parseAff(tc.aff, "seed.aff")
		if err != nil {
			f.Fatal(err)
		}
		d.parseDic(tc.dic)
		d.finish()
		f.Add(encodeCache(d)[len(cacheMagic)+8:])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		secs, err := sections(data)
		if err != nil {
			return
		}
		d, err := decodeSections(secs)
		if err != nil {
			return
		}
		for _, free := range []bool{false, true} {
			d.free, d.looseStart = free, free
			x := &Dict{parts: []*part{loaded(d)}}
			for _, w := range []string{"word", "rewords", "Foobarbaz", "foobarfoobar", "ÉTÉ", "l'adresse", "opsporingskakel"} {
				x.Correct(w)
			}
		}
	})
}

// BenchmarkOpenCached measures loading a language from a warm cache, what
// `kindly check` pays on every run after the first (BenchmarkOpen is the
// same without the cache).
func BenchmarkOpenCached(b *testing.B) {
	cache := b.TempDir()
	for _, lang := range []string{"en", "nl", "fr", "es", "af"} {
		l := langs[lang]
		opt := l.opt
		opt.CacheDir = cache
		b.Run(lang, func(b *testing.B) {
			if _, err := OpenWith(opt, l.names...); err != nil {
				b.Skip(err)
			}
			for b.Loop() {
				if _, err := OpenWith(opt, l.names...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestStaleCaches: a cache of this version for older dictionary files goes
// at once; a cache of another kindly build goes only once it is a month
// old, so that two builds used side by side do not remove each other's.
func TestStaleCaches(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	keep := fmt.Sprintf("xx-v%d-00000001.dict", cacheVersion)
	files := map[string]bool{ // name → still there after
		keep: true,
		fmt.Sprintf("xx-v%d-00000002.dict", cacheVersion):   false,
		fmt.Sprintf("xx-v%d-00000003.dict", cacheVersion+1): true,
		fmt.Sprintf("xx-v%d-00000004.dict", cacheVersion-1): false, // old
		"xx-00000005.dict": false, // old, before versions were named
		"xx-00000006.dict": true,
		fmt.Sprintf("xy-v%d-00000007.dict", cacheVersion): true, // another dictionary
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, "4.dict") || strings.HasSuffix(name, "5.dict") {
			old := now.Add(-31 * 24 * time.Hour)
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	removeStale(dir, "xx", filepath.Join(dir, keep), now)
	for name, want := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if got := err == nil; got != want {
			t.Errorf("%s: there %v, want %v", name, got, want)
		}
	}
}

// TestChecksum: a flipped bit anywhere, in buffers of every length up to
// a few words past a lane's block, changes the sum.
func TestChecksum(t *testing.T) {
	for n := 1; n <= 100; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i * 7)
		}
		sum := checksum(b)
		for i := range b {
			for bit := range 8 {
				b[i] ^= 1 << bit
				if checksum(b) == sum {
					t.Fatalf("length %d: bit %d of byte %d flipped, same sum", n, bit, i)
				}
				b[i] ^= 1 << bit
			}
		}
	}
	if checksum(nil) == checksum([]byte{0}) {
		t.Error("an added zero byte not noticed")
	}
}

// TestCacheNameFollowsLinks: a dictionary reached through a symbolic link
// that is pointed at another file of the same size and time gets a cache
// of its own.
func TestCacheNameFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, f := range []string{"a.dic", "b.dic", "xx.aff"} {
		p := filepath.Join(dir, f)
		if err := os.WriteFile(p, []byte("1\nword\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "xx.dic")
	name := func(target string) string {
		t.Helper()
		os.Remove(link)
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		n, err := cacheName(dir, "xx", filepath.Join(dir, "xx.aff"), link)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if a, b := name("a.dic"), name("b.dic"); a == b {
		t.Errorf("the link moved to another file, same cache %s", a)
	}
}
