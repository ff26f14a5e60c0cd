// Package xdgdir finds the user's base directories as the XDG Base Directory
// spec says: $XDG_CONFIG_HOME and the others when set to an absolute path
// (the spec says to ignore a relative one), otherwise the platform's usual
// place. It looks when asked: the package kindly used before, adrg/xdg,
// looked in its package initialisation, user-dirs file included, on every
// start of kindly-check.
package xdgdir

import (
	"os"
	"path/filepath"
	"runtime"
)

// Config is where config files go: $XDG_CONFIG_HOME, ~/.config.
func Config(getenv func(string) string) string {
	return dir(getenv, "XDG_CONFIG_HOME", ".config", "Library/Application Support", "AppData")
}

// Cache is for files that can be rebuilt: $XDG_CACHE_HOME, ~/.cache.
func Cache(getenv func(string) string) string {
	return dir(getenv, "XDG_CACHE_HOME", ".cache", "Library/Caches", "LocalAppData")
}

// Data is for the user's own files: $XDG_DATA_HOME, ~/.local/share.
func Data(getenv func(string) string) string {
	return dir(getenv, "XDG_DATA_HOME", ".local/share", "Library/Application Support", "LocalAppData")
}

// State is for what should survive a restart but is no one's document
// (drafts, usage counts): $XDG_STATE_HOME, ~/.local/state.
func State(getenv func(string) string) string {
	return dir(getenv, "XDG_STATE_HOME", ".local/state", "Library/Application Support", "LocalAppData")
}

// dir is the variable's value when it is absolute; otherwise under the home
// directory (unix, macOS), or the folder a Windows variable names.
func dir(getenv func(string) string, name, unix, darwin, windows string) string {
	if d := getenv(name); filepath.IsAbs(d) {
		return d
	}
	switch runtime.GOOS {
	case "windows":
		if d := getenv(windows); d != "" {
			return d
		}
	case "darwin", "ios":
		unix = darwin
	}
	home := getenv("HOME")
	if runtime.GOOS == "windows" || home == "" {
		home, _ = os.UserHomeDir()
	}
	if home == "" {
		home = os.TempDir() // no home at all: a container, a service
	}
	return filepath.Join(home, filepath.FromSlash(unix))
}
