package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the composer knows, in one place.
type KeyMap struct {
	Next, Prev, Field, Snippet, Customer, Send, Quit, Help key.Binding
	Jump, Editor, Fresh                                    key.Binding
}

// DefaultKeyMap works in any terminal: Ctrl and Tab keys only.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:     key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "next")),
		Prev:     key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "back")),
		Field:    key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "next field")),
		Snippet:  key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", "snippet")),
		Customer: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "customer's email")),
		Send:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "send")),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c", "ctrl+q"), key.WithHelp("ctrl+c", "quit")),
		Help:     key.NewBinding(key.WithKeys("f1", "?"), key.WithHelp("f1", "all keys")),
		Jump:     key.NewBinding(key.WithKeys("ctrl+j", "f2"), key.WithHelp("ctrl+j", "finding")),
		Editor:   key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "$EDITOR")),
		Fresh:    key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "start over")),
	}
}

// enabled returns the keys that work in step (1-based), for the help bar.
func (k KeyMap) enabled(step int) []key.Binding {
	keys := []key.Binding{}
	if step < 3 {
		keys = append(keys, k.Next)
	}
	if step > 1 {
		keys = append(keys, k.Prev)
	}
	if step == 1 {
		keys = append(keys, k.Field)
	}
	if step == 2 {
		keys = append(keys, k.Snippet, k.Jump, k.Editor)
	}
	if step == 3 {
		keys = append(keys, k.Send)
	}
	return append(keys, k.Customer, k.Quit, k.Help)
}

// all is every key with what it does, for the full help (f1, or ? where
// typing is not going on).
func (k KeyMap) all() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Field, k.Snippet, k.Jump, k.Editor, k.Customer, k.Send, k.Fresh, k.Quit, k.Help}
}
