package xdgdir

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestDirs(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the defaults tested are Linux's")
	}
	env := map[string]string{"HOME": "/home/maria"}
	get := func(k string) string { return env[k] }
	for _, tt := range []struct {
		f    func(func(string) string) string
		name string
		def  string
	}{
		{Config, "XDG_CONFIG_HOME", "/home/maria/.config"},
		{Cache, "XDG_CACHE_HOME", "/home/maria/.cache"},
		{Data, "XDG_DATA_HOME", "/home/maria/.local/share"},
		{State, "XDG_STATE_HOME", "/home/maria/.local/state"},
	} {
		delete(env, tt.name)
		if got := tt.f(get); got != tt.def {
			t.Errorf("%s unset: %s, want %s", tt.name, got, tt.def)
		}
		env[tt.name] = "/srv/x"
		if got := tt.f(get); got != "/srv/x" {
			t.Errorf("%s=/srv/x: %s", tt.name, got)
		}
		env[tt.name] = "relative/x" // the spec: ignore a relative path
		if got := tt.f(get); got != tt.def {
			t.Errorf("%s=relative/x: %s, want %s", tt.name, got, tt.def)
		}
		delete(env, tt.name)
	}
	delete(env, "HOME")
	if got := Config(get); !filepath.IsAbs(got) {
		t.Errorf("no HOME: %q is not absolute", got)
	}
}
