package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/spf13/cobra"

	"kindly/compose/send"
	"kindly/internal/conffile"
	"kindly/ui"
)

// newInitCmd adds an SMTP account to the config from flags. It never
// overwrites: an existing file gets the new [accounts.NAME] section appended,
// and an account that already exists is refused.
func newInitCmd(a *app) *cobra.Command {
	var name string
	var acct send.Account
	var noTest bool
	cmd := &cobra.Command{
		Use:   "init --from ADDR --host HOST [flags]",
		Short: "Add an SMTP account to the config",
		Long: `Add an [accounts.NAME] section to the config file. An existing file is
kept: the section is appended, and an account name already there is refused.
The password is never written there: it stays in the system keyring, or
comes from password_cmd (run without a shell) or password_env.

In a terminal without flags, kindly init is a form: it tests the connection
(TLS, login) before writing anything and says exactly what failed. With
flags it tests too, unless --no-test; with --keyring the password is read
from standard input and stored in the system keyring.`,
		Example: `  kindly init
  kindly init --from support@example.com --host smtp.example.com --password-cmd "pass show smtp/support"
  printf '%s' "$PW" | kindly init --from support@example.com --host smtp.example.com --keyring`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, _ := conffile.Path(a.configFlag, a.getenv)
			if acct.From == "" && acct.Host == "" && a.io.InTTY && a.io.OutTTY {
				return runSetup(cmd.Context(), a, path)
			}
			if acct.From == "" || acct.Host == "" {
				return badInput(errors.New("kindly init needs --from and --host (or run it in a terminal without flags for the form)"))
			}
			if acct.Auth != "none" && acct.Username == "" {
				if addr, err := mail.ParseAddress(acct.From); err == nil {
					acct.Username = addr.Address
				}
			}
			secret := ""
			if acct.Keyring {
				b, err := io.ReadAll(io.LimitReader(a.io.In, 4096))
				if err != nil {
					return badInput(err)
				}
				if secret = strings.TrimRight(string(b), "\r\n"); secret == "" {
					return badInput(errors.New("--keyring reads the password from standard input, and it was empty"))
				}
			}
			if !noTest {
				got, err := probeAccount(cmd.Context(), acct, secret)
				if err != nil {
					return &exitError{code: exitDelivery, err: fmt.Errorf("%v\nNothing was written. Fix the account, or add it untested with --no-test", ui.Sanitize(err.Error()))}
				}
				fmt.Fprintf(a.io.Out, "The connection works: %s.\n", ui.Sanitize(got))
			}
			said, err := saveAccount(cmd.Context(), path, name, acct, secret)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.io.Out, said)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&name, "account", "default", "the account's name")
	f.StringVar(&acct.From, "from", "", "the sender address")
	f.StringVar(&acct.Host, "host", "", "the SMTP server")
	f.IntVar(&acct.Port, "port", 0, "the port (default 587 for starttls, 465 for tls, 25 for none)")
	f.StringVar(&acct.Security, "security", "starttls", "starttls | tls | none")
	f.StringVar(&acct.Auth, "auth", "plain", "plain | login | xoauth2 | none")
	f.StringVar(&acct.Username, "username", "", "the login name")
	f.StringVar(&acct.PasswordCmd, "password-cmd", "", "a command printing the password (run without a shell)")
	f.StringVar(&acct.PasswordEnv, "password-env", "", "an environment variable holding the password")
	f.StringVar(&acct.TokenCmd, "token-cmd", "", "for --auth xoauth2: a command printing a fresh OAuth access token")
	f.BoolVar(&acct.Keyring, "keyring", false, "read the password from standard input and keep it in the system keyring")
	f.StringVar(&acct.CAFile, "ca-file", "", "a PEM file of the CA that signed the server's certificate (private CA)")
	f.BoolVar(&noTest, "no-test", false, "add the account without testing the connection")
	return cmd
}

// probeAccount tests an account as kindly send would use it: typed is a
// password the agent just typed for the keyring; otherwise the account's
// own source gives it.
func probeAccount(ctx context.Context, acct send.Account, typed string) (string, error) {
	secret := typed
	if secret == "" {
		var err error
		if secret, err = send.Password(ctx, acct, "", 0o600); err != nil {
			return "", err
		}
	}
	return send.Probe(ctx, acct, secret, send.Timeouts{Dial: 10 * time.Second, Command: 15 * time.Second, Submission: 15 * time.Second})
}

// saveAccount stores the keyring password (if any) and then appends the
// account to the config, and says what it did.
func saveAccount(ctx context.Context, path, name string, acct send.Account, secret string) (string, error) {
	if acct.Keyring && secret != "" {
		if err := send.KeyringSet(ctx, acct.Host, acct.Username, secret); err != nil {
			return "", &exitError{code: exitBadInput, err: fmt.Errorf("%v\nnothing was written", err)}
		}
	}
	if err := appendAccount(path, name, acct); err != nil {
		return "", err
	}
	where := ""
	if acct.Keyring {
		where = " The password is in the system keyring."
	}
	return fmt.Sprintf("Added account %q to %s.%s", name, path, where), nil
}

// runSetup is kindly init's form.
func runSetup(ctx context.Context, a *app, path string) error {
	model := ui.NewSetup(ui.SetupOptions{
		Test: probeAccount,
		Save: func(name string, acct send.Account, secret string) (string, error) {
			return saveAccount(ctx, path, name, acct, secret)
		},
		Getenv: a.getenv,
		Dark:   true, // until the terminal says otherwise (Setup.Init asks)
	})
	final, err := tea.NewProgram(model, tea.WithContext(ctx), tea.WithInput(a.io.In), tea.WithOutput(a.io.Out)).Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	if m, ok := final.(ui.Setup); ok && m.Written {
		fmt.Fprintln(a.io.Out, m.Result())
		return nil
	}
	fmt.Fprintln(a.io.Err, "kindly init: nothing was written.")
	return nil
}

// appendAccount writes acct as [accounts.name] at the end of the config at
// path, creating it (mode 0600) if needed.
func appendAccount(path, name string, acct send.Account) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return badInput(fmt.Errorf("config: %w", err))
	}
	var existing struct {
		Accounts map[string]any `toml:"accounts"`
	}
	if err := conffile.DecodeData(path, old, &existing, "accounts"); err != nil {
		return badInput(fmt.Errorf("%w (fix it before adding an account)", err))
	}
	if _, ok := existing.Accounts[name]; ok {
		return badInput(fmt.Errorf("%s already has an account %q: edit it there, or choose another name with --account", path, name))
	}
	acct.Default = len(existing.Accounts) == 0
	var buf bytes.Buffer
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		buf.WriteByte('\n')
	}
	fmt.Fprintf(&buf, "\n[accounts.%s]\n", strconv.Quote(name))
	for _, kv := range [][2]string{
		{"from", acct.From}, {"host", acct.Host}, {"security", acct.Security}, {"auth", acct.Auth},
		{"username", acct.Username}, {"password_cmd", acct.PasswordCmd},
		{"password_env", acct.PasswordEnv}, {"token_cmd", acct.TokenCmd}, {"ca_file", acct.CAFile},
	} {
		if kv[1] != "" {
			fmt.Fprintf(&buf, "%s = %s\n", kv[0], strconv.Quote(kv[1]))
		}
	}
	if acct.Port != 0 {
		fmt.Fprintf(&buf, "port = %d\n", acct.Port)
	}
	if acct.Keyring {
		buf.WriteString("keyring = true\n")
	}
	if acct.Insecure {
		buf.WriteString("insecure = true\n")
	}
	if acct.Default {
		buf.WriteString("default = true\n")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return badInput(fmt.Errorf("config: %w", err))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return badInput(fmt.Errorf("config: %w", err))
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("config %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("config %s: %w", path, err)
	}
	return f.Close()
}
