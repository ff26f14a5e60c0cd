package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/BurntSushi/toml"
	"github.com/spf13/cobra"

	"kindly/compose/send"
)

// newInitCmd adds an SMTP account to the config from flags. It never
// overwrites: an existing file gets the new [accounts.NAME] section appended,
// and an account that already exists is refused.
func newInitCmd(a *app) *cobra.Command {
	var name string
	var acct send.Account
	cmd := &cobra.Command{
		Use:   "init --from ADDR --host HOST [flags]",
		Short: "Add an SMTP account to the config",
		Long: `Add an [accounts.NAME] section to the config file. An existing file is
kept: the section is appended, and an account name already there is refused.
The password is never written: give password_cmd (run without a shell) or
password_env. The interactive form is not built yet; use the flags.`,
		Example: `  kindly init --from support@example.com --host smtp.example.com --username support@example.com --password-cmd "pass show smtp/support"`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if acct.From == "" || acct.Host == "" {
				return badInput(errors.New("kindly init needs --from and --host (the interactive form is not built yet)"))
			}
			path, _ := configPath(a.configFlag, a.getenv)
			if err := appendAccount(path, name, acct); err != nil {
				return err
			}
			fmt.Fprintf(a.io.Out, "Added account %q to %s. The connection is tested on the first kindly send.\n", name, path)
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
	f.StringVar(&acct.CAFile, "ca-file", "", "a PEM file of the CA that signed the server's certificate (private CA)")
	return cmd
}

// appendAccount writes acct as [accounts.name] at the end of the config at
// path, creating it (mode 0600) if needed.
func appendAccount(path, name string, acct send.Account) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return badInput(fmt.Errorf("config: %w", err))
	}
	var existing struct {
		Accounts map[string]toml.Primitive `toml:"accounts"`
	}
	if _, err := toml.Decode(string(old), &existing); err != nil {
		return badInput(fmt.Errorf("%s: %w (fix it before adding an account)", path, err))
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
		{"password_env", acct.PasswordEnv}, {"ca_file", acct.CAFile},
	} {
		if kv[1] != "" {
			fmt.Fprintf(&buf, "%s = %s\n", kv[0], strconv.Quote(kv[1]))
		}
	}
	if acct.Port != 0 {
		fmt.Fprintf(&buf, "port = %d\n", acct.Port)
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
