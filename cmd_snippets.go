package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"kindly/internal/xdgdir"
	"kindly/snippets"
	"kindly/ui"
)

func newSnippetsCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "snippets",
		Short: "List, search, show, lint and create reply snippets",
		Long: `Snippets are reply templates kept as plain Markdown files, one per file,
in folders a team shares (often a git repository). Folders come from
[snippets] dirs in the config, earliest first: a snippet in an earlier
folder overrides the same id in a later one. A built-in set of common
replies in six languages comes last.`,
		Example: `  kindly snippets list --lang nl
  kindly snippets search refund
  kindly snippets show delay --lang fr
  kindly snippets lint ~/team-snippets        # in the team's CI
  kindly snippets new shipping/customs`,
	}
	cmd.AddCommand(newSnippetsListCmd(a), newSnippetsShowCmd(a), newSnippetsSearchCmd(a), newSnippetsLintCmd(a), newSnippetsNewCmd(a))
	return cmd
}

// snippetDirs are the configured folders; without any, the personal
// folder under $XDG_DATA_HOME when it exists.
func snippetDirs(a *app) ([]string, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	if len(cfg.Snippets.Dirs) > 0 {
		return cfg.Snippets.Dirs, nil
	}
	if dir := personalSnippetDir(a); dirExists(dir) {
		return []string{dir}, nil
	}
	return nil, nil
}

func personalSnippetDir(a *app) string {
	return filepath.Join(xdgdir.Data(a.getenv), "kindly", "snippets")
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func loadLibrary(a *app) (*snippets.Library, error) {
	dirs, err := snippetDirs(a)
	if err != nil {
		return nil, err
	}
	l := snippets.Load(dirs)
	for _, p := range l.Problems {
		fmt.Fprintf(a.io.Err, "kindly: skipped %s\n", ui.Sanitize(p.Error()))
	}
	return l, nil
}

func newSnippetsListCmd(a *app) *cobra.Command {
	var lang, format string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the snippets and which file each comes from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return badInput(fmt.Errorf("--format %q: use text or json", format))
			}
			l, err := loadLibrary(a)
			if err != nil {
				return err
			}
			type row struct {
				ID       string   `json:"id"`
				Lang     string   `json:"lang"`
				Title    string   `json:"title"`
				Tags     []string `json:"tags"`
				Path     string   `json:"path"`
				Shadowed bool     `json:"shadowed"`
			}
			var rows []row
			add := func(s *snippets.Snippet, shadowed bool) {
				if lang == "" || s.Lang == lang || s.Lang == "" {
					rows = append(rows, row{s.ID, s.Lang, s.Title, s.Tags, s.Path, shadowed})
				}
			}
			for _, s := range l.Snippets {
				add(s, false)
			}
			for _, s := range l.Shadowed {
				add(s, true)
			}
			if format == "json" {
				enc := json.NewEncoder(a.io.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			}
			w := tabwriter.NewWriter(a.io.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tLANG\tTITLE\tFILE")
			for _, r := range rows {
				file := r.Path
				if r.Shadowed {
					file += " (overridden)"
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", ui.Sanitize(r.ID), r.Lang, ui.Sanitize(r.Title), ui.Sanitize(file))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "only snippets in this language (and those without one)")
	cmd.Flags().StringVar(&format, "format", "text", "output: text or json")
	return cmd
}

func newSnippetsShowCmd(a *app) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show a snippet: its fields and text",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := loadLibrary(a)
			if err != nil {
				return err
			}
			s := l.Get(args[0], lang)
			if s == nil {
				return badInput(fmt.Errorf("no snippet %q (see kindly snippets list)", args[0]))
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s  [%s]  %s\n", s.Title, langName(s.Lang), s.Path)
			if len(s.Tags) > 0 {
				fmt.Fprintf(&b, "tags: %s\n", strings.Join(s.Tags, ", "))
			}
			if s.Subject != "" {
				fmt.Fprintf(&b, "subject: %s\n", s.Subject)
			}
			for _, f := range s.Fields {
				fmt.Fprintf(&b, "field %s: %s", f.Name, f.Label)
				if f.Required {
					b.WriteString(" (required)")
				}
				if f.Default != "" {
					fmt.Fprintf(&b, " [default %s]", f.Default)
				}
				if len(f.Choices) > 0 {
					fmt.Fprintf(&b, " {%s}", strings.Join(f.Choices, "|"))
				}
				b.WriteByte('\n')
			}
			b.WriteString("\n" + s.Body)
			_, err = fmt.Fprint(a.io.Out, ui.Sanitize(b.String()))
			return err
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "the language variant to show")
	return cmd
}

func langName(code string) string {
	if code == "" {
		return "any language"
	}
	return code
}

func newSnippetsSearchCmd(a *app) *cobra.Command {
	var lang string
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find snippets by title, tags, id or text",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := loadLibrary(a)
			if err != nil {
				return err
			}
			matches := l.Search(strings.Join(args, " "), lang, snippets.OpenUsage(usagePath(a)))
			if len(matches) == 0 {
				return &exitError{code: exitFindings, err: fmt.Errorf("no snippet matches %q", strings.Join(args, " "))}
			}
			w := tabwriter.NewWriter(a.io.Out, 0, 4, 2, ' ', 0)
			for i, m := range matches {
				if i == limit {
					break
				}
				fmt.Fprintf(w, "%s\t%s\t%s\n", ui.Sanitize(m.Snippet.ID), m.Snippet.Lang, ui.Sanitize(m.Snippet.Title))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "the customer's language: its variants come first")
	cmd.Flags().IntVar(&limit, "limit", 20, "show at most this many")
	return cmd
}

func usagePath(a *app) string {
	return filepath.Join(xdgdir.State(a.getenv), "kindly", "usage.json")
}

func newSnippetsLintCmd(a *app) *cobra.Command {
	var builtin bool
	cmd := &cobra.Command{
		Use:   "lint [DIR...]",
		Short: "Check snippet folders like a compiler (for a team's CI)",
		Long: `Lint reports, as file:line:col messages, every problem in the snippet
folders: front matter that does not parse, unknown keys, fields used but not
declared or declared but not used, patterns that do not compile, duplicate
ids, and tone findings in the text (the checks of kindly check). It exits 1
when there is any problem. With no DIR it lints the configured folders.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			checker := newChecker(a, cfg)
			loadSpelling(a, checker, "en", "")
			dirs := args
			if len(dirs) == 0 && !builtin {
				if dirs, err = snippetDirs(a); err != nil {
					return err
				}
				if len(dirs) == 0 {
					return badInput(errors.New("no snippet folders: name one, or set [snippets] dirs in the config"))
				}
			}
			var problems []snippets.Problem
			if builtin {
				problems = snippets.LintBuiltin(checker)
			} else {
				problems = snippets.Lint(dirs, checker)
			}
			for _, p := range problems {
				fmt.Fprintln(a.io.Out, ui.Sanitize(p.Error()))
			}
			if len(problems) > 0 {
				fmt.Fprintf(a.io.Err, "kindly: %d problems\n", len(problems))
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&builtin, "builtin", false, "lint the built-in set")
	return cmd
}

func newSnippetsNewCmd(a *app) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "new ID",
		Short: "Create a snippet file in your personal folder",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if !validID(id) {
				return badInput(fmt.Errorf("snippet id %q: use lower-case words, digits, - and / (like shipping/customs-delay)", id))
			}
			dirs, err := snippetDirs(a)
			if err != nil {
				return err
			}
			dir := personalSnippetDir(a)
			if len(dirs) > 0 {
				dir = dirs[0]
			}
			name := id
			if lang != "" {
				name += "." + lang
			}
			path := filepath.Join(dir, filepath.FromSlash(name)+".md")
			if _, err := os.Stat(path); err == nil {
				return badInput(fmt.Errorf("%s already exists; edit it, or choose another id", path))
			} else if !errors.Is(err, fs.ErrNotExist) {
				return badInput(err)
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return badInput(err)
			}
			if lang == "" {
				lang = "en"
			}
			text := fmt.Sprintf(`---
title: %s
tags: []
lang: %s
fields:
  detail: {label: The detail to fill in, required: true}
---
Thank you for your message. {{detail}}

I will let you know as soon as anything changes.
`, strings.ReplaceAll(filepath.Base(id), "-", " "), lang)
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return badInput(err)
			}
			if _, err := f.WriteString(text); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintln(a.io.Out, path)
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "the snippet's language (en nl fr es af zh)")
	return cmd
}

func validID(id string) bool {
	if id == "" || strings.HasPrefix(id, "/") || strings.Contains(id, "..") || strings.HasSuffix(id, "/") {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '/') {
			return false
		}
	}
	return true
}
