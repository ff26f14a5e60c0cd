package ui

import (
	"charm.land/lipgloss/v2"
)

// Styles are the semantic roles of the screen. Colour is never the only
// signal: every state also has an icon or a word.
type Styles struct {
	Title, Muted, Active, Done, Error, Warning, Hint, OK, Box, Key lipgloss.Style
}

// NewStyles picks colours readable on a dark or a light background.
func NewStyles(dark bool) Styles {
	ld := lipgloss.LightDark(dark)
	return Styles{
		Title:   lipgloss.NewStyle().Bold(true),
		Muted:   lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#6b6b6b"), lipgloss.Color("#9a9a9a"))),
		Active:  lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#5a3fc0"), lipgloss.Color("#b9a5ff"))),
		Done:    lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#2f7d32"), lipgloss.Color("#8fd694"))),
		Error:   lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#b3261e"), lipgloss.Color("#ff8a80"))),
		Warning: lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#8a5a00"), lipgloss.Color("#ffd180"))),
		Hint:    lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#1f5f99"), lipgloss.Color("#82b1ff"))),
		OK:      lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#2f7d32"), lipgloss.Color("#8fd694"))),
		Box:     lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(ld(lipgloss.Color("#b0b0b0"), lipgloss.Color("#5c5c5c"))).Padding(0, 1),
		Key:     lipgloss.NewStyle().Bold(true),
	}
}
