package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// SetMarks highlights byte ranges of Value: flagged words.
func (e *editor) SetMarks(ranges []markRange) {
	for i := range e.marks {
		e.marks[i] = nil
	}
	if len(ranges) == 0 {
		return
	}
	// Walk the text once, turning byte offsets into line and rune.
	type pos struct{ line, col int }
	at := func() func(off int) pos {
		line, col, base := 0, 0, 0 // base: byte offset of the current rune
		return func(off int) pos {
			for line < len(e.lines) {
				l := e.lines[line]
				for col < len(l) && base < off {
					base += utf8.RuneLen(l[col])
					col++
				}
				if base >= off || line == len(e.lines)-1 {
					return pos{line, col}
				}
				line, col, base = line+1, 0, base+1
			}
			return pos{len(e.lines) - 1, 0}
		}
	}()
	for _, r := range ranges {
		s, t := at(r.start), at(r.end)
		for l := s.line; l <= t.line && l < len(e.lines); l++ {
			a, b := 0, len(e.lines[l])
			if l == s.line {
				a = s.col
			}
			if l == t.line {
				b = t.col
			}
			if b > a {
				e.marks[l] = append(e.marks[l], mark{start: a, end: b, err: r.err})
			}
		}
	}
}

// markRange is a byte range of the text to highlight; ranges come sorted.
type markRange struct {
	start, end int
	err        bool
}

// View draws the rows on screen, each with the prompt bar, the cursor as
// a reversed cell and flagged words underlined.
func (e *editor) View() string {
	prompt := e.styles.prompt.Render("┃ ")
	if len(e.lines) == 1 && len(e.lines[0]) == 0 && e.Placeholder != "" {
		out := make([]string, e.height)
		cur := " "
		if e.focus {
			cur = e.styles.cursor.Render(" ")
		}
		out[0] = prompt + cur + e.styles.placeholder.Render(e.Placeholder)
		for i := 1; i < e.height; i++ {
			out[i] = prompt
		}
		return strings.Join(out, "\n")
	}
	// Find the line that holds the first row on screen.
	i, k, n := 0, 0, 0
	for i < len(e.lines) {
		rows := len(e.wrap(i))
		if n+rows > e.top {
			k = e.top - n
			break
		}
		n += rows
		i++
	}
	var b strings.Builder
	for shown := 0; shown < e.height; shown++ {
		if shown > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(prompt)
		if i >= len(e.lines) {
			continue
		}
		starts := e.wrap(i)
		from, to := starts[k], len(e.lines[i])
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		cursor := -1
		if e.focus && i == e.row && e.rowOf(i, e.col) == k {
			cursor = e.col
		}
		var row strings.Builder
		e.drawRow(&row, i, from, to, cursor)
		// Terminals measure some emoji sequences (flags, skin tones, ZWJ)
		// as wider than their runes; never let a row run past the edge.
		if r := row.String(); !isASCIIRunes(e.lines[i][from:to]) && ansi.StringWidth(r) > e.textWidth()+1 {
			b.WriteString(ansi.Truncate(r, e.textWidth()+1, ""))
		} else {
			b.WriteString(r)
		}
		k++
		if k >= len(starts) {
			i, k = i+1, 0
		}
	}
	return b.String()
}

// drawRow writes runes [from, to) of line i, styled by the marks, with the
// cursor on rune cursor (or after the row's end).
func (e *editor) drawRow(b *strings.Builder, i, from, to, cursor int) {
	line := e.lines[i]
	marks := e.marks[i]
	width, x := e.textWidth(), 0
	seg := func(a, z int) {
		if a >= z {
			return
		}
		// Split at marks.
		for a < z {
			style, end := (*lipgloss.Style)(nil), z
			for _, m := range marks {
				if m.end <= a || m.start >= z {
					continue
				}
				if m.start <= a {
					st := e.styles.warn
					if m.err {
						st = e.styles.err
					}
					style, end = &st, min(z, m.end)
					break
				}
				end = min(end, m.start)
			}
			text := string(line[a:end])
			if style != nil {
				b.WriteString(style.Render(text))
			} else {
				b.WriteString(text)
			}
			a = end
		}
	}
	// Trim a trailing space that would run past the edge.
	for j := from; j < to; j++ {
		x += runeWidth(line[j])
		if x > width {
			to = j
			break
		}
	}
	if cursor >= from && cursor < to {
		seg(from, cursor)
		b.WriteString(e.styles.cursor.Render(string(line[cursor])))
		seg(cursor+1, to)
		return
	}
	seg(from, to)
	if cursor >= 0 {
		b.WriteString(e.styles.cursor.Render(" "))
	}
}
