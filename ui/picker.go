package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kindly/snippets"
)

// picker finds a snippet (fuzzy, the customer's language first) and then
// asks for its fields, one input each, Tab between them.
type picker struct {
	query   textinput.Model
	matches []snippets.Match
	cursor  int
	chosen  *snippets.Snippet
	fields  []textinput.Model
	field   int
	errs    map[string]string
}

// libraryMsg delivers the snippet library loaded in the background.
// After a watched change, updates is the channel of the next ones.
type libraryMsg struct {
	lib     *snippets.Library
	updates <-chan snippets.Update
	changed []string
}

func newPicker() *picker {
	q := textinput.New()
	q.Prompt = "Find a snippet: "
	q.Placeholder = "type to search (refund, delay, vertraging…)"
	q.Focus()
	return &picker{query: q}
}

func (p *picker) search(lib *snippets.Library, lang string) {
	if lib == nil {
		return
	}
	p.matches = lib.Search(p.query.Value(), lang, nil)
	if p.cursor >= len(p.matches) {
		p.cursor = max(0, len(p.matches)-1)
	}
}

// choose opens the field form for the selected snippet.
func (p *picker) choose(vars map[string]string) {
	if len(p.matches) == 0 {
		return
	}
	p.chosen = p.matches[p.cursor].Snippet
	p.fields = nil
	for _, f := range p.chosen.Fields {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = f.Default
		if len(f.Choices) > 0 {
			in.Placeholder = strings.Join(f.Choices, " | ")
		}
		p.fields = append(p.fields, in)
	}
	p.field = 0
	if len(p.fields) > 0 {
		p.fields[0].Focus()
	}
	p.validate()
}

func (p *picker) values() map[string]string {
	out := map[string]string{}
	for i, f := range p.chosen.Fields {
		out[f.Name] = p.fields[i].Value()
	}
	return out
}

func (p *picker) validate() {
	p.errs = map[string]string{}
	for _, fe := range snippets.Validate(p.chosen, p.values()) {
		p.errs[fe.Field] = fe.Error()
	}
}

func (p *picker) move(delta int) {
	if p.chosen == nil {
		p.cursor = (p.cursor + delta + max(1, len(p.matches))) % max(1, len(p.matches))
		return
	}
	if len(p.fields) == 0 {
		return
	}
	p.fields[p.field].Blur()
	p.field = (p.field + delta + len(p.fields)) % len(p.fields)
	p.fields[p.field].Focus()
}

func (p *picker) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if p.chosen == nil {
		p.query, cmd = p.query.Update(msg)
		return cmd
	}
	if len(p.fields) > 0 {
		p.fields[p.field], cmd = p.fields[p.field].Update(msg)
		p.validate()
	}
	return cmd
}

func (p *picker) view(s Styles, vars map[string]string, width, lines int) string {
	var b strings.Builder
	if p.chosen == nil {
		b.WriteString(p.query.View() + "\n")
		if len(p.matches) == 0 {
			b.WriteString(s.Muted.Render("No snippet matches (snippets still loading, or none found)."))
			return b.String()
		}
		shown := 0
		start := max(0, p.cursor-lines/2+1)
		for i := start; i < len(p.matches) && shown < max(1, lines/2); i++ {
			m := p.matches[i]
			mark := "  "
			if i == p.cursor {
				mark = s.Active.Render("▸ ")
			}
			lang := m.Snippet.Lang
			if lang == "" {
				lang = "--"
			}
			fmt.Fprintf(&b, "%s%s  %s  %s\n", mark, highlight(s, Sanitize(m.Snippet.Title), m.Positions), s.Muted.Render(lang), s.Muted.Render(Sanitize(m.Snippet.ID)))
			shown++
		}
		sel := p.matches[p.cursor].Snippet
		b.WriteString(s.Muted.Render("Preview: ") + trunc(strings.ReplaceAll(Sanitize(sel.Body), "\n", " "), width*2) + "\n")
		b.WriteString(s.Muted.Render("↑/↓ choose · enter use it · esc back to your text"))
		return b.String()
	}
	fmt.Fprintf(&b, "%s\n", s.Title.Render(Sanitize(p.chosen.Title)))
	for i, f := range p.chosen.Fields {
		label := Sanitize(f.Label)
		if f.Required {
			label += " *"
		}
		line := fmt.Sprintf("%-28s %s", trunc(label, 28), p.fields[i].View())
		if e, ok := p.errs[f.Name]; ok && p.fields[i].Value() != "" || ok && i != p.field {
			line += " " + s.Error.Render("✗ "+Sanitize(e))
		}
		b.WriteString(line + "\n")
	}
	r := snippets.Render(p.chosen, vars, p.values())
	b.WriteString(s.Muted.Render("Preview: ") + trunc(strings.ReplaceAll(Sanitize(r.Text), "\n", " "), width*2) + "\n")
	b.WriteString(s.Muted.Render("tab next field · enter insert · esc back"))
	return b.String()
}

// highlight marks the matched characters of a title.
func highlight(s Styles, title string, pos []int) string {
	if len(pos) == 0 {
		return title
	}
	set := map[int]bool{}
	for _, p := range pos {
		set[p] = true
	}
	var b strings.Builder
	for i, r := range title {
		if set[i] {
			b.WriteString(s.Active.Render(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
