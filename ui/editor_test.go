package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func typeKeys(e *editor, keys ...string) {
	for _, k := range keys {
		switch k {
		case "enter":
			e.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "backspace":
			e.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
		case "delete":
			e.Update(tea.KeyPressMsg{Code: tea.KeyDelete})
		case "left":
			e.Update(tea.KeyPressMsg{Code: tea.KeyLeft})
		case "right":
			e.Update(tea.KeyPressMsg{Code: tea.KeyRight})
		case "up":
			e.Update(tea.KeyPressMsg{Code: tea.KeyUp})
		case "down":
			e.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		case "home":
			e.Update(tea.KeyPressMsg{Code: tea.KeyHome})
		case "end":
			e.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
		case "ctrl+w":
			e.Update(tea.KeyPressMsg{Code: 'w', Mod: tea.ModCtrl})
		case "ctrl+u":
			e.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
		case "ctrl+k":
			e.Update(tea.KeyPressMsg{Code: 'k', Mod: tea.ModCtrl})
		default:
			for _, r := range k {
				e.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

func TestEditorTypingAndWrapping(t *testing.T) {
	e := newEditor(NewStyles(true))
	e.SetWidth(22) // 20 cells of text
	e.SetHeight(4)
	e.Focus()
	typeKeys(e, "Thank you for your patience with us.", "enter", "Bye")
	if got := e.Value(); got != "Thank you for your patience with us.\nBye" {
		t.Fatalf("value %q", got)
	}
	view := ansi.Strip(e.View())
	want := "┃ Thank you for your \n┃ patience with us.\n┃ Bye \n┃ "
	if view != want {
		t.Errorf("view\n%q\nwant\n%q", view, want)
	}
	// Up goes to the row above at the same column, across the wrap.
	typeKeys(e, "up")
	if e.Line() != 0 || e.Column() != 22 { // "pat|ience": three cells in, as in "Bye"
		t.Errorf("up: %d:%d", e.Line(), e.Column())
	}
	typeKeys(e, "up", "home", "X")
	if !strings.HasPrefix(e.Value(), "XThank") {
		t.Errorf("home: %q", e.Value())
	}
	typeKeys(e, "end", "backspace", "backspace", "ctrl+w")
	if got := strings.Split(e.Value(), "\n")[0]; got != "XThank you for your patience with " {
		t.Errorf("ctrl+w: %q", got)
	}
}

func TestEditorScrollsAndJumps(t *testing.T) {
	e := newEditor(NewStyles(false))
	e.SetWidth(30)
	e.SetHeight(3)
	var lines []string
	for i := range 20 {
		lines = append(lines, "line "+strings.Repeat("x", i))
	}
	e.SetValue(strings.Join(lines, "\n"))
	if v := ansi.Strip(e.View()); !strings.Contains(v, "line xxxxxxxxxxxxxxxxxxx") || strings.Count(v, "\n") != 2 {
		t.Errorf("the end is not on screen:\n%s", v)
	}
	off := strings.Index(e.Value(), "line xxx\n")
	e.SetCursorOffset(off + 5)
	if e.Line() != 3 || e.Column() != 5 || !strings.Contains(ansi.Strip(e.View()), "line xxx") {
		t.Errorf("jump: %d:%d\n%s", e.Line(), e.Column(), ansi.Strip(e.View()))
	}
}

func TestEditorPasteIsCleaned(t *testing.T) {
	e := newEditor(NewStyles(true))
	e.Update(tea.PasteMsg{Content: "Hello\r\n\x1b[31mred\x1b[0m and \u202eevil\ttab\x07"})
	if got := e.Value(); got != "Hello\n[31mred[0m and evil tab" {
		t.Errorf("paste kept %q", got)
	}
}

func TestEditorMarks(t *testing.T) {
	e := newEditor(NewStyles(true))
	e.SetWidth(40)
	e.SetValue("Hi there.\nUnfortunately, no.")
	start := strings.Index(e.Value(), "Unfortunately")
	e.SetMarks([]markRange{{start: start, end: start + len("Unfortunately")}})
	if len(e.marks[1]) != 1 || e.marks[1][0] != (mark{start: 0, end: 13}) {
		t.Fatalf("marks %+v", e.marks)
	}
	if v := e.View(); !strings.Contains(v, "\x1b[4") || ansi.Strip(v) != "┃ Hi there.\n┃ Unfortunately, no.\n┃ \n┃ \n┃ " {
		t.Errorf("view %q", v)
	}
}

// FuzzEditor applies random edits to the editor and to a plain string with
// a cursor, and asks that they agree, that nothing panics, and that every
// row fits the width.
func FuzzEditor(f *testing.F) {
	f.Add("Hello world\nsecond line", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add("日本語のテキスト と emoji 👍🏽 mixed", []byte{3, 3, 3, 1, 0, 7, 7, 2})
	f.Fuzz(func(t *testing.T, text string, ops []byte) {
		if !utf8.ValidString(text) || len(ops) > 200 {
			return
		}
		e := newEditor(NewStyles(true))
		e.SetWidth(12)
		e.SetHeight(3)
		e.SetValue(text)
		ref := []rune(e.Value())
		flat := func() int {
			n := 0
			for i := 0; i < e.row; i++ {
				n += len(e.lines[i]) + 1
			}
			return n + e.col
		}
		for _, op := range ops {
			cur := flat()
			switch op % 13 {
			case 0:
				typeKeys(e, "a")
				ref = append(ref[:cur], append([]rune{'a'}, ref[cur:]...)...)
			case 1:
				typeKeys(e, "enter")
				ref = append(ref[:cur], append([]rune{'\n'}, ref[cur:]...)...)
			case 2:
				typeKeys(e, "backspace")
				if cur > 0 {
					ref = append(ref[:cur-1], ref[cur:]...)
				}
			case 3:
				typeKeys(e, "delete")
				if cur < len(ref) {
					ref = append(ref[:cur], ref[cur+1:]...)
				}
			case 4:
				typeKeys(e, "left")
			case 5:
				typeKeys(e, "right")
			case 6:
				typeKeys(e, "up")
			case 7:
				typeKeys(e, "down")
			case 8:
				typeKeys(e, "home")
			case 9:
				typeKeys(e, "end")
			case 10:
				e.Update(tea.PasteMsg{Content: "x y\nz"})
				ref = append(ref[:cur], append([]rune("x y\nz"), ref[cur:]...)...)
			case 11:
				typeKeys(e, "ctrl+k")
				end := cur
				for end < len(ref) && ref[end] != '\n' {
					end++
				}
				ref = append(ref[:cur], ref[end:]...)
			case 12:
				typeKeys(e, " ")
				ref = append(ref[:cur], append([]rune{' '}, ref[cur:]...)...)
			}
			if got := e.Value(); got != string(ref) {
				t.Fatalf("after op %d: editor %q, reference %q", op%13, got, string(ref))
			}
			if e.row < 0 || e.row >= len(e.lines) || e.col < 0 || e.col > len(e.lines[e.row]) {
				t.Fatalf("cursor %d:%d out of the text", e.row, e.col)
			}
			rows := strings.Split(e.View(), "\n")
			if len(rows) != 3 {
				t.Fatalf("%d rows on a 3-row editor", len(rows))
			}
			for _, r := range rows {
				if w := ansi.StringWidth(r); w > 12 {
					t.Fatalf("row %q is %d wide", ansi.Strip(r), w)
				}
			}
		}
	})
}
