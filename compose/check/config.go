// Package check is kindly's tone and length engine: pure functions over the
// text of a reply that return metrics and findings with spans.
package check

// Config is the [checks] section of the config.
type Config struct {
	// Rules are extra rule files or folders, in the format of the built-in ones.
	Rules []string `toml:"rules"`
	// Disable lists rule ids that are never reported.
	Disable []string `toml:"disable"`
	// ReadingGrade is the highest reading grade before readability warns.
	ReadingGrade int `toml:"reading_grade"`
}
