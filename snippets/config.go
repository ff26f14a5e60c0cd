// Package snippets is the shared library of reply templates: plain Markdown
// files with front matter, loaded from several folders.
package snippets

// Config is the [snippets] section of the config.
type Config struct {
	// Dirs are the snippet folders, earliest first: an id in an earlier
	// folder overrides the same id in a later one.
	Dirs []string `toml:"dirs"`
}
