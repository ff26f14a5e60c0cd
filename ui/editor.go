package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/mattn/go-runewidth"
)

// editor is the body editor: soft-wrapped lines, a cursor, and flagged
// words highlighted in place. It draws only the rows on screen and
// re-wraps only the line that changed, so a keystroke costs the same in a
// short reply and in a pasted 100 KB one.
type editor struct {
	lines  [][]rune
	wraps  [][]int // per line: the rune index each screen row starts at; nil = stale
	row    int     // the cursor's line
	col    int     // the cursor's rune in that line
	goal   int     // the screen column up/down aim for; -1 = the cursor's own
	top    int     // the first screen row shown
	width  int
	height int
	focus  bool
	marks  [][]mark // per line: highlighted ranges, sorted

	Placeholder string
	styles      editorStyles

	value   string // Value, kept until the text changes
	valueOK bool
}

type mark struct {
	start, end int // runes
	err        bool
}

type editorStyles struct {
	prompt, placeholder, warn, err, cursor lipgloss.Style
}

func newEditor(s Styles) *editor {
	e := &editor{lines: [][]rune{nil}, wraps: [][]int{nil}, marks: [][]mark{nil}, goal: -1, width: 40, height: 5}
	e.setStyles(s)
	return e
}

// setStyles takes the palette (it changes when the terminal says its
// background is light).
func (e *editor) setStyles(s Styles) {
	e.styles = editorStyles{
		prompt:      s.Active,
		placeholder: s.Muted,
		warn:        s.Warning.Underline(true),
		err:         s.Error.Underline(true),
		cursor:      lipgloss.NewStyle().Reverse(true),
	}
}

// Value is the text.
func (e *editor) Value() string {
	if e.valueOK {
		return e.value
	}
	n := len(e.lines) - 1
	for _, l := range e.lines {
		n += len(l)
	}
	var b strings.Builder
	b.Grow(n)
	for i, l := range e.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(l))
	}
	e.value, e.valueOK = b.String(), true
	return e.value
}

// setLine replaces line i's text.
func (e *editor) setLine(i int, l []rune) {
	e.lines[i] = l
	e.wraps[i] = nil
	e.valueOK = false
}

// SetValue replaces the text and puts the cursor at its end.
func (e *editor) SetValue(s string) {
	e.lines, e.wraps, e.marks = [][]rune{nil}, [][]int{nil}, [][]mark{nil}
	e.row, e.col, e.top, e.valueOK = 0, 0, 0, false
	e.InsertString(s)
}

// cleanInput keeps what can be typed: no control characters (a paste may bring
// escape sequences), no carriage returns, tabs as spaces.
func cleanInput(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == utf8.RuneError
	}) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

// InsertString types s at the cursor.
func (e *editor) InsertString(s string) {
	s = Sanitize(cleanInput(s))
	if s == "" {
		return
	}
	parts := strings.Split(s, "\n")
	line := e.lines[e.row]
	tail := append([]rune(nil), line[e.col:]...)
	first := []rune(parts[0])
	cur := append(append(line[:e.col:e.col], first...), tail...)
	if len(parts) == 1 {
		e.setLine(e.row, cur)
		e.col += len(first)
		e.moved()
		return
	}
	// Several lines: the first joins the text before the cursor, the last
	// the text after it.
	head := append(line[:e.col:e.col], first...)
	newLines := [][]rune{head}
	for _, p := range parts[1 : len(parts)-1] {
		newLines = append(newLines, []rune(p))
	}
	last := []rune(parts[len(parts)-1])
	newLines = append(newLines, append(last, tail...))
	e.splice(e.row, e.row+1, newLines)
	e.row += len(parts) - 1
	e.col = len(last)
	e.moved()
}

// splice replaces lines [from, to) with repl, keeping the caches in step.
func (e *editor) splice(from, to int, repl [][]rune) {
	lines := make([][]rune, 0, len(e.lines)-(to-from)+len(repl))
	lines = append(append(append(lines, e.lines[:from]...), repl...), e.lines[to:]...)
	wraps := make([][]int, 0, len(lines))
	wraps = append(append(append(wraps, e.wraps[:from]...), make([][]int, len(repl))...), e.wraps[to:]...)
	marks := make([][]mark, 0, len(lines))
	marks = append(append(append(marks, e.marks[:from]...), make([][]mark, len(repl))...), e.marks[to:]...)
	e.lines, e.wraps, e.marks = lines, wraps, marks
	e.valueOK = false
}

func (e *editor) SetWidth(w int) {
	if w != e.width {
		e.width = max(4, w)
		for i := range e.wraps {
			e.wraps[i] = nil
		}
		e.moved()
	}
}

func (e *editor) SetHeight(h int) { e.height = max(1, h); e.moved() }

func (e *editor) Focus() tea.Cmd { e.focus = true; return nil }
func (e *editor) Blur()          { e.focus = false }
func (e *editor) Focused() bool  { return e.focus }

// Line and Column are the cursor's line and rune in it, from 0.
func (e *editor) Line() int   { return e.row }
func (e *editor) Column() int { return e.col }

// textWidth is the room for text: the prompt takes two cells, and one is
// kept at the right for the cursor after a full row.
func (e *editor) textWidth() int { return max(2, e.width-3) }

// wrap is the screen rows of line i: the rune index each starts at. Words
// move to the next row whole; a word longer than a row is cut.
func (e *editor) wrap(i int) []int {
	if w := e.wraps[i]; w != nil {
		return w
	}
	line, width := e.lines[i], e.textWidth()
	starts := []int{0}
	x, lastSpace := 0, -1
	start := 0
	for j, r := range line {
		rw := runeWidth(r)
		if x+rw > width && j > start {
			if r == ' ' {
				// A space at the edge ends the row; it is not drawn.
				start = j + 1
				x, lastSpace = 0, -1
				starts = append(starts, start)
				continue
			}
			if lastSpace >= start {
				start = lastSpace + 1
			} else {
				start = j
			}
			starts = append(starts, start)
			x = 0
			for _, r2 := range line[start:j] {
				x += runeWidth(r2)
			}
			lastSpace = -1
		}
		if r == ' ' {
			lastSpace = j
		}
		x += rw
	}
	// A row may start past the end only after a trailing space: keep it,
	// the cursor goes there.
	e.wraps[i] = starts
	return starts
}

func isASCIIRunes(rs []rune) bool {
	for _, r := range rs {
		if r >= 0x80 {
			return false
		}
	}
	return true
}

func runeWidth(r rune) int {
	if r < 0x80 {
		return 1
	}
	if w := runewidth.RuneWidth(r); w > 0 {
		return w
	}
	return 0
}

// rowOf is the screen row within line i that holds rune col.
func (e *editor) rowOf(i, col int) int {
	starts := e.wrap(i)
	k := len(starts) - 1
	for k > 0 && starts[k] > col {
		k--
	}
	return k
}

// absRow is the screen row of the cursor counted from the top of the text.
func (e *editor) absRow() int {
	n := 0
	for i := 0; i < e.row; i++ {
		n += len(e.wrap(i))
	}
	return n + e.rowOf(e.row, e.col)
}

// xOf is the screen column of rune col in its row of line i.
func (e *editor) xOf(i, col int) int {
	starts := e.wrap(i)
	x := 0
	for _, r := range e.lines[i][starts[e.rowOf(i, col)]:col] {
		x += runeWidth(r)
	}
	return x
}

// moved keeps the cursor on screen after it moved or the text changed,
// and the screen full when the text allows.
func (e *editor) moved() {
	total := 0
	for i := range e.lines {
		total += len(e.wrap(i))
	}
	e.top = min(e.top, max(0, total-e.height))
	cur := e.absRow()
	if cur < e.top {
		e.top = cur
	}
	if cur >= e.top+e.height {
		e.top = cur - e.height + 1
	}
}

// vertical moves the cursor n screen rows, keeping its column.
func (e *editor) vertical(n int) {
	if e.goal < 0 {
		e.goal = e.xOf(e.row, e.col)
	}
	i, k := e.row, e.rowOf(e.row, e.col)
	for ; n > 0; n-- {
		if k+1 < len(e.wrap(i)) {
			k++
		} else if i+1 < len(e.lines) {
			i, k = i+1, 0
		} else {
			e.row, e.col = i, len(e.lines[i])
			e.moved()
			return
		}
	}
	for ; n < 0; n++ {
		if k > 0 {
			k--
		} else if i > 0 {
			i = i - 1
			k = len(e.wrap(i)) - 1
		} else {
			e.row, e.col = 0, 0
			e.moved()
			return
		}
	}
	starts := e.wrap(i)
	end := len(e.lines[i])
	if k+1 < len(starts) {
		end = starts[k+1] - 1 // before the next row: stay on this one
	}
	col, x := starts[k], 0
	for col < end && x+runeWidth(e.lines[i][col]) <= e.goal {
		x += runeWidth(e.lines[i][col])
		col++
	}
	e.row, e.col = i, max(starts[k], col)
	e.moved()
}

// SetCursorOffset puts the cursor on a byte offset of Value.
func (e *editor) SetCursorOffset(off int) {
	for i, l := range e.lines {
		n := 0
		for j, r := range l {
			if off <= n {
				e.row, e.col = i, j
				e.goal = -1
				e.moved()
				return
			}
			n += utf8.RuneLen(r)
		}
		if off <= n {
			e.row, e.col = i, len(l)
			e.goal = -1
			e.moved()
			return
		}
		off -= n + 1
	}
	e.row = len(e.lines) - 1
	e.col = len(e.lines[e.row])
	e.moved()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// Update edits the text for a key or a paste.
func (e *editor) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		e.goal = -1
		e.InsertString(msg.Content)
	case tea.KeyPressMsg:
		e.key(msg)
	}
	return nil
}

func (e *editor) key(k tea.KeyPressMsg) {
	line := e.lines[e.row]
	vertical := false
	switch k.String() {
	case "up":
		e.vertical(-1)
		vertical = true
	case "down":
		e.vertical(1)
		vertical = true
	case "pgup":
		e.vertical(-max(1, e.height-1))
		vertical = true
	case "pgdown":
		e.vertical(max(1, e.height-1))
		vertical = true
	case "left", "ctrl+b":
		if e.col > 0 {
			e.col--
		} else if e.row > 0 {
			e.row--
			e.col = len(e.lines[e.row])
		}
	case "right", "ctrl+f":
		if e.col < len(line) {
			e.col++
		} else if e.row+1 < len(e.lines) {
			e.row, e.col = e.row+1, 0
		}
	case "home", "ctrl+a":
		e.col = 0
	case "end", "ctrl+e":
		e.col = len(line)
	case "ctrl+home", "alt+<":
		e.row, e.col = 0, 0
	case "ctrl+end", "alt+>":
		e.row = len(e.lines) - 1
		e.col = len(e.lines[e.row])
	case "alt+left", "ctrl+left", "alt+b":
		e.wordLeft()
	case "alt+right", "ctrl+right", "alt+f":
		e.wordRight()
	case "enter", "ctrl+m":
		e.InsertString("\n")
	case "backspace", "ctrl+h":
		switch {
		case e.col > 0:
			e.setLine(e.row, append(line[:e.col-1:e.col-1], line[e.col:]...))
			e.col--
		case e.row > 0:
			prev := e.lines[e.row-1]
			col := len(prev)
			e.splice(e.row-1, e.row+1, [][]rune{append(prev[:col:col], line...)})
			e.row, e.col = e.row-1, col
		}
	case "delete", "ctrl+d":
		switch {
		case e.col < len(line):
			e.setLine(e.row, append(line[:e.col:e.col], line[e.col+1:]...))
		case e.row+1 < len(e.lines):
			e.splice(e.row, e.row+2, [][]rune{append(line[:len(line):len(line)], e.lines[e.row+1]...)})
		}
	case "alt+backspace", "ctrl+w":
		row, end := e.row, e.col
		e.wordLeft()
		if e.row != row {
			// At the start of a line: join it to the one before, as backspace.
			prev := e.lines[e.row]
			e.splice(e.row, e.row+2, [][]rune{append(prev[:len(prev):len(prev)], line...)})
		} else if e.col < end {
			l := e.lines[e.row]
			e.setLine(e.row, append(l[:e.col:e.col], l[end:]...))
		}
	case "ctrl+u":
		e.setLine(e.row, append([]rune(nil), line[e.col:]...))
		e.col = 0
	case "ctrl+k":
		e.setLine(e.row, line[:e.col:e.col])
	case "space":
		e.InsertString(" ")
	default:
		if k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
			e.InsertString(k.Text)
		}
	}
	if !vertical {
		e.goal = -1
	}
	e.moved()
}

func (e *editor) wordLeft() {
	if e.col == 0 {
		if e.row > 0 {
			e.row--
			e.col = len(e.lines[e.row])
		}
		return
	}
	l := e.lines[e.row]
	for e.col > 0 && !isWordRune(l[e.col-1]) {
		e.col--
	}
	for e.col > 0 && isWordRune(l[e.col-1]) {
		e.col--
	}
}

func (e *editor) wordRight() {
	l := e.lines[e.row]
	if e.col == len(l) {
		if e.row+1 < len(e.lines) {
			e.row, e.col = e.row+1, 0
		}
		return
	}
	for e.col < len(l) && !isWordRune(l[e.col]) {
		e.col++
	}
	for e.col < len(l) && isWordRune(l[e.col]) {
		e.col++
	}
}
