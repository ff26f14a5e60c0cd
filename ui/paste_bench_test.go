package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkPaste1MB pastes 1 MB of text (about 170,000 words) into the
// body and draws the frame: the time the agent waits after a huge paste.
func BenchmarkPaste1MB(b *testing.B) {
	para := strings.Repeat("Thank you for your patience while we looked into order HW-659 for you today. ", 5)
	big := strings.Repeat(para+"\n\n", 2800)[:1<<20]
	for b.Loop() {
		b.StopTimer()
		m, _ := testModel(b, "")
		m = press(m, "ctrl+n")
		b.StartTimer()
		next, _ := m.Update(tea.PasteMsg{Content: big})
		_ = next.(Model).View()
	}
}

// BenchmarkKeystrokeAfter1MB is a keystroke with 1 MB of text in the body.
func BenchmarkKeystrokeAfter1MB(b *testing.B) {
	para := strings.Repeat("Thank you for your patience while we looked into order HW-659 for you today. ", 5)
	m, _ := testModel(b, strings.Repeat(para+"\n\n", 2800)[:1<<20])
	m = press(m, "ctrl+n")
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	for b.Loop() {
		next, _ := m.Update(key)
		m = next.(Model)
		_ = m.View()
	}
}
