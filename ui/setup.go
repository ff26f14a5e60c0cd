package ui

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kindly/compose/send"
)

// SetupOptions connects the account form of kindly init to the program.
type SetupOptions struct {
	// Test connects and logs in as kindly send would, and says what it
	// found. secret is what the agent typed for a keyring password (empty
	// for a command or a variable, which Test runs or reads itself).
	Test func(ctx context.Context, acct send.Account, secret string) (string, error)
	// Save writes the account (and the keyring password) and says where.
	Save func(name string, acct send.Account, secret string) (string, error)
	// Getenv reads the environment, to say whether a variable is set.
	Getenv func(string) string
	Dark   bool
}

// The form's rows.
const (
	rowName = iota
	rowFrom
	rowHost
	rowSecurity
	rowPort
	rowAuth
	rowUser
	rowSource
	rowSecret
	rowCA
	rowCount
)

var (
	securities = []string{"starttls", "tls", "none"}
	auths      = []string{"plain", "login", "xoauth2", "none"}
	sources    = []string{"keyring", "command", "variable"}
)

type setupState int

const (
	setupEditing setupState = iota
	setupTesting
	setupTested // the connection works; Enter saves
	setupFailed // the test failed; ctrl+s saves anyway
	setupSaved
)

// Setup is the account form: every field on one screen, validated as the
// agent types, a connection test, and nothing written until they say so.
type Setup struct {
	opts    SetupOptions
	inputs  [rowCount]textinput.Model
	choice  [rowCount]int // for the choice rows
	row     int
	state   setupState
	result  string // what the test or the save said
	errRow  int    // the row a failed test points at, or -1
	spin    spinner.Model
	styles  Styles
	width   int
	cancel  context.CancelFunc
	Written bool // the account was saved
}

type probeMsg struct {
	text string
	err  error
}

type setupSavedMsg struct {
	text string
	err  error
}

// NewSetup makes the form with sensible defaults.
func NewSetup(o SetupOptions) Setup {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	s := Setup{opts: o, styles: NewStyles(o.Dark), errRow: -1, width: 80}
	s.spin = spinner.New(spinner.WithSpinner(spinner.Dot))
	placeholders := [rowCount]string{
		rowName: "default", rowFrom: "Example Support <support@example.com>", rowHost: "smtp.example.com",
		rowUser: "the From address", rowCA: "optional: a PEM file for a private CA",
	}
	for i := range s.inputs {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = placeholders[i]
		in.SetWidth(44)
		s.inputs[i] = in
	}
	s.inputs[rowName].SetValue("default")
	s.inputs[rowPort].Placeholder = "587"
	s.inputs[rowSecret].EchoMode = textinput.EchoPassword
	s.inputs[rowSecret].EchoCharacter = '•'
	s.inputs[rowFrom].Focus()
	s.row = rowFrom
	return s
}

func (s Setup) isChoice(row int) bool {
	return row == rowSecurity || row == rowAuth || row == rowSource
}

func (s Setup) security() string { return securities[s.choice[rowSecurity]] }
func (s Setup) auth() string     { return auths[s.choice[rowAuth]] }

func (s Setup) source() string {
	if s.auth() == "xoauth2" {
		return "command" // a token always comes from a command
	}
	return sources[s.choice[rowSource]]
}

// visible says whether a row applies to the current choices.
func (s Setup) visible(row int) bool {
	switch row {
	case rowUser, rowSecret:
		return s.auth() != "none"
	case rowSource:
		return s.auth() != "none" && s.auth() != "xoauth2"
	}
	return true
}

func (s Setup) label(row int) string {
	switch row {
	case rowName:
		return "Account name"
	case rowFrom:
		return "From"
	case rowHost:
		return "SMTP server"
	case rowSecurity:
		return "Security"
	case rowPort:
		return "Port"
	case rowAuth:
		return "Log in with"
	case rowUser:
		return "Username"
	case rowSource:
		return "Password from"
	case rowSecret:
		switch {
		case s.auth() == "xoauth2":
			return "Token command"
		case s.source() == "command":
			return "Password cmd"
		case s.source() == "variable":
			return "Variable"
		}
		return "Password"
	case rowCA:
		return "CA file"
	}
	return ""
}

// defaultPort is the port for the chosen security.
func (s Setup) defaultPort() int {
	switch s.security() {
	case "tls":
		return 465
	case "none":
		return 25
	}
	return 587
}

// Account is the account as the form stands.
func (s Setup) Account() (name string, acct send.Account) {
	val := func(r int) string { return strings.TrimSpace(s.inputs[r].Value()) }
	name = val(rowName)
	if name == "" {
		name = "default"
	}
	acct = send.Account{From: val(rowFrom), Host: val(rowHost), Security: s.security(), Auth: s.auth(), CAFile: val(rowCA)}
	acct.Port, _ = strconv.Atoi(val(rowPort))
	if acct.Port == 0 {
		acct.Port = s.defaultPort()
	}
	if acct.Auth == "none" {
		return name, acct
	}
	acct.Username = val(rowUser)
	if acct.Username == "" {
		if a, err := mail.ParseAddress(acct.From); err == nil {
			acct.Username = a.Address
		}
	}
	switch {
	case acct.Auth == "xoauth2":
		acct.TokenCmd = val(rowSecret)
	case s.source() == "command":
		acct.PasswordCmd = val(rowSecret)
	case s.source() == "variable":
		acct.PasswordEnv = strings.TrimPrefix(val(rowSecret), "$")
	default:
		acct.Keyring = true
	}
	return name, acct
}

// problem says what is wrong with a row's value, as the agent types.
func (s Setup) problem(row int) string {
	v := strings.TrimSpace(s.inputs[row].Value())
	switch row {
	case rowFrom:
		if v == "" {
			return "needed: the address customers see and answer to"
		}
		if _, err := mail.ParseAddress(v); err != nil {
			return "not an address (e.g. Example Support <support@example.com>)"
		}
	case rowHost:
		switch {
		case v == "":
			return "needed: your provider's SMTP server, e.g. smtp.example.com"
		case strings.Contains(v, "://"):
			return "just the host name, without " + v[:strings.Index(v, "://")+3]
		case strings.ContainsAny(v, " :/@"):
			return "just the host name (the port has its own field)"
		}
	case rowPort:
		if v == "" {
			return ""
		}
		if p, err := strconv.Atoi(v); err != nil || p < 1 || p > 65535 {
			return "a number from 1 to 65535"
		}
	case rowSecret:
		if !s.visible(row) {
			return ""
		}
		switch {
		case v == "" && s.auth() == "xoauth2":
			return "needed: a command that prints a fresh access token"
		case v == "" && s.source() == "command":
			return "needed: e.g. pass show smtp/support"
		case v == "" && s.source() == "variable":
			return "needed: the name of the variable, e.g. KINDLY_SMTP_PASSWORD"
		case v == "":
			return "needed: it is stored in the system keyring, never in the config"
		case s.source() == "command" || s.auth() == "xoauth2":
			if _, err := send.SplitCommand(v); err != nil {
				return err.Error()
			}
		case s.source() == "variable":
			if s.opts.Getenv(strings.TrimPrefix(v, "$")) == "" {
				return "$" + strings.TrimPrefix(v, "$") + " is not set in this shell"
			}
		}
	case rowCA:
		if v == "" {
			return ""
		}
		if _, err := os.Stat(v); err != nil {
			return "cannot read it: " + strings.TrimPrefix(err.Error(), "stat "+v+": ")
		}
	}
	return ""
}

// firstProblem is the first visible row with a problem, or -1.
func (s Setup) firstProblem() int {
	for r := range rowCount {
		if s.visible(r) && s.problem(r) != "" {
			return r
		}
	}
	return -1
}

func (s Setup) Init() tea.Cmd { return tea.Batch(textinput.Blink, tea.RequestBackgroundColor) }

func (s *Setup) focus(row int) tea.Cmd {
	s.inputs[s.row].Blur()
	s.row = row
	if s.isChoice(row) {
		return nil
	}
	return s.inputs[row].Focus()
}

func (s *Setup) move(delta int) tea.Cmd {
	r := s.row
	for range rowCount {
		r = (r + delta + rowCount) % rowCount
		if s.visible(r) {
			break
		}
	}
	return s.focus(r)
}

// edited drops a test result: it no longer describes the form.
func (s *Setup) edited() {
	if s.state == setupTested || s.state == setupFailed {
		s.state, s.result, s.errRow = setupEditing, "", -1
	}
}

func (s Setup) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		s.styles = NewStyles(msg.IsDark())
		return s, nil
	case tea.WindowSizeMsg:
		s.width = msg.Width
		for i := range s.inputs {
			s.inputs[i].SetWidth(max(10, min(50, msg.Width-22)))
		}
		return s, nil
	case spinner.TickMsg:
		if s.state != setupTesting {
			return s, nil
		}
		var cmd tea.Cmd
		s.spin, cmd = s.spin.Update(msg)
		return s, cmd
	case probeMsg:
		s.cancel = nil
		if msg.err != nil {
			s.state, s.result = setupFailed, Sanitize(msg.err.Error())
			s.errRow = s.blame(msg.err)
			return s, s.focus(s.errRow)
		}
		s.state, s.result = setupTested, Sanitize(msg.text)
		return s, nil
	case setupSavedMsg:
		if msg.err != nil {
			s.state, s.result = setupFailed, Sanitize(msg.err.Error())
			return s, nil
		}
		s.state, s.result, s.Written = setupSaved, Sanitize(msg.text), true
		return s, tea.Quit
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	if !s.isChoice(s.row) {
		var cmd tea.Cmd
		s.inputs[s.row], cmd = s.inputs[s.row].Update(msg)
		return s, cmd
	}
	return s, nil
}

func (s Setup) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "ctrl+c", "esc":
		if s.state == setupTesting && s.cancel != nil {
			s.cancel()
			s.state, s.result = setupEditing, "Test cancelled."
			return s, nil
		}
		return s, tea.Quit
	case "tab", "down":
		return s, s.move(1)
	case "shift+tab", "up":
		return s, s.move(-1)
	case "ctrl+t":
		return s.test()
	case "ctrl+s":
		if s.state == setupTested || s.state == setupFailed {
			return s.save()
		}
		return s.test()
	case "enter":
		switch s.state {
		case setupTested:
			return s.save()
		case setupTesting:
			return s, nil
		}
		if r := s.firstProblem(); r >= 0 {
			return s, s.focus(r)
		}
		if s.row == rowCA {
			return s.test()
		}
		return s, s.move(1)
	}
	if s.state == setupTesting {
		return s, nil
	}
	if s.isChoice(s.row) {
		n := map[int]int{rowSecurity: len(securities), rowAuth: len(auths), rowSource: len(sources)}[s.row]
		switch msg.String() {
		case "right", "space", "l":
			s.choice[s.row] = (s.choice[s.row] + 1) % n
		case "left", "h":
			s.choice[s.row] = (s.choice[s.row] + n - 1) % n
		default:
			return s, nil
		}
		s.edited()
		s.inputs[rowPort].Placeholder = strconv.Itoa(s.defaultPort())
		if s.row == rowSource || s.row == rowAuth {
			// Never show a typed password as a command, or the reverse.
			if s.source() == "keyring" && s.auth() != "xoauth2" {
				s.inputs[rowSecret].EchoMode = textinput.EchoPassword
			} else {
				s.inputs[rowSecret].EchoMode = textinput.EchoNormal
			}
			s.inputs[rowSecret].SetValue("")
		}
		return s, nil
	}
	before := s.inputs[s.row].Value()
	var cmd tea.Cmd
	s.inputs[s.row], cmd = s.inputs[s.row].Update(msg)
	if s.inputs[s.row].Value() != before {
		s.edited()
	}
	return s, cmd
}

// test runs the connection test in the background.
func (s Setup) test() (tea.Model, tea.Cmd) {
	if s.state == setupTesting {
		return s, nil
	}
	if r := s.firstProblem(); r >= 0 {
		s.state, s.result, s.errRow = setupFailed, s.label(r)+": "+s.problem(r), r
		return s, s.focus(r)
	}
	_, acct := s.Account()
	secret := ""
	if acct.Keyring {
		secret = s.inputs[rowSecret].Value()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	s.cancel = cancel
	s.state, s.result, s.errRow = setupTesting, "Testing "+acct.Host+":"+strconv.Itoa(acct.Port)+"…", -1
	test := s.opts.Test
	return s, tea.Batch(s.spin.Tick, func() tea.Msg {
		defer cancel()
		text, err := test(ctx, acct, secret)
		return probeMsg{text: text, err: err}
	})
}

func (s Setup) save() (tea.Model, tea.Cmd) {
	name, acct := s.Account()
	secret := ""
	if acct.Keyring {
		secret = s.inputs[rowSecret].Value()
	}
	save := s.opts.Save
	return s, func() tea.Msg {
		text, err := save(name, acct, secret)
		return setupSavedMsg{text: text, err: err}
	}
}

// blame picks the row a failed test most likely points at.
func (s Setup) blame(err error) int {
	text := err.Error()
	var se *send.Error
	switch {
	case strings.Contains(text, "ca_file") || strings.Contains(text, "certificate"):
		return rowCA
	case strings.Contains(text, "STARTTLS") || strings.Contains(text, "without TLS") || strings.Contains(text, "TLS handshake"):
		return rowSecurity
	case strings.Contains(text, "password_cmd") || strings.Contains(text, "token_cmd") || strings.Contains(text, "keyring") || strings.Contains(text, "password_env"):
		return rowSecret
	case errors.As(err, &se) && se.Stage == send.StageAuth:
		return rowSecret
	case strings.Contains(text, "cannot reach"):
		return rowHost
	case strings.Contains(text, "refused the sender"):
		return rowFrom
	}
	return rowHost
}

// View draws the form.
func (s Setup) View() tea.View {
	var b strings.Builder
	st := s.styles
	b.WriteString(st.Title.Render("kindly init — an account to send replies with") + "\n")
	b.WriteString(st.Muted.Render("Nothing is written until the connection works (or you say so). The password never goes in the config.") + "\n\n")
	for r := range rowCount {
		if !s.visible(r) {
			continue
		}
		marker := "  "
		label := fmt.Sprintf("%-14s", s.label(r))
		if r == s.row {
			marker = st.Active.Render("▸ ")
			label = st.Active.Render(label)
		}
		var value string
		if s.isChoice(r) {
			opts := map[int][]string{rowSecurity: securities, rowAuth: auths, rowSource: sources}[r]
			var parts []string
			for i, o := range opts {
				if i == s.choice[r] {
					parts = append(parts, st.Active.Render("("+o+")"))
				} else {
					parts = append(parts, st.Muted.Render(" "+o+" "))
				}
			}
			value = strings.Join(parts, " ")
		} else {
			value = s.inputs[r].View()
		}
		b.WriteString(marker + label + " " + value + "\n")
		if p := s.problem(r); p != "" && (r == s.row || r == s.errRow || strings.TrimSpace(s.inputs[r].Value()) != "") {
			// Wrapped under the field, not back at the left edge.
			pad := strings.Repeat(" ", 17)
			for _, l := range strings.Split(ansi.Wrap("⚠ "+p, max(20, s.width-17), " "), "\n") {
				b.WriteString(pad + st.Warning.Render(l) + "\n")
			}
		}
	}
	b.WriteString("\n")
	switch s.state {
	case setupTesting:
		b.WriteString(s.spin.View() + " " + s.result + "\n")
	case setupTested:
		b.WriteString(st.OK.Render("✓ Connection works: "+s.result) + "\n")
		b.WriteString(st.Hint.Render("Press Enter to save the account.") + "\n")
	case setupFailed:
		b.WriteString(st.Error.Render("✗ "+s.result) + "\n")
		b.WriteString(st.Hint.Render("Fix the field marked ▸ and press ctrl+t to test again, or ctrl+s to save it anyway.") + "\n")
	case setupSaved:
		b.WriteString(st.OK.Render("✓ "+s.result) + "\n")
	default:
		if s.result != "" {
			b.WriteString(st.Muted.Render(s.result) + "\n")
		}
	}
	b.WriteString("\n" + st.Muted.Render("tab/↑↓ move · ←→ choose · ctrl+t test the connection · enter on the last field tests · esc quit without saving"))
	return tea.NewView(ansi.Wrap(b.String(), max(20, s.width), " "))
}

// Result is what the agent saw last: the test's or the save's words.
func (s Setup) Result() string { return s.result }
