package send

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Password finds the account's secret: for auth = xoauth2 the token that
// token_cmd prints; otherwise password_cmd (run without a shell),
// password_env, the system keyring, or password in the config file —
// refused unless the file is readable by its owner only (mode is the file's
// permissions).
func Password(ctx context.Context, a Account, configPath string, mode fs.FileMode) (string, error) {
	switch {
	case a.auth() == "none" && a.Password == "":
		return "", nil // nothing to log in with; a password in the file is still checked below
	case a.auth() == "xoauth2":
		if a.TokenCmd == "" {
			return "", errors.New("auth = \"xoauth2\" needs token_cmd, a command that prints a fresh OAuth access token (e.g. \"oama access support@example.com\")")
		}
		return runSecretCmd(ctx, "token_cmd", a.TokenCmd)
	case a.PasswordCmd != "":
		return runSecretCmd(ctx, "password_cmd", a.PasswordCmd)
	case a.PasswordEnv != "":
		pw, ok := os.LookupEnv(a.PasswordEnv)
		if !ok || pw == "" {
			return "", fmt.Errorf("password_env: $%s is not set", a.PasswordEnv)
		}
		return pw, nil
	case a.Keyring:
		return KeyringGet(ctx, a.Host, a.Username)
	case a.Password != "":
		if mode&0o077 != 0 {
			return "", fmt.Errorf("%s holds a password but other users can read it (mode %04o): chmod 600 %s, or use password_cmd", configPath, mode, configPath)
		}
		return a.Password, nil
	}
	return "", nil
}

// runSecretCmd runs a password_cmd or token_cmd without a shell and returns
// its output without the final line end.
func runSecretCmd(ctx context.Context, key, line string) (string, error) {
	args, err := SplitCommand(line)
	if err != nil {
		return "", fmt.Errorf("%s: %w", key, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %q failed: %v %s", key, line, err, clean(stderr.String()))
	}
	secret := strings.TrimRight(string(out), "\r\n")
	if secret == "" {
		return "", fmt.Errorf("%s %q printed nothing", key, line)
	}
	return secret, nil
}

// SplitCommand splits a command line into words the way a shell would
// for simple quoting ('…', "…", \), without running a shell: no
// variables, globs, pipes or command substitution.
func SplitCommand(s string) ([]string, error) {
	var (
		words []string
		cur   strings.Builder
		in    bool
		quote rune
	)
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote == '\'':
			if r == '\'' {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case quote == '"':
			switch {
			case r == '"':
				quote = 0
			case r == '\\' && i+1 < len(rs) && strings.ContainsRune(`"\$`+"`", rs[i+1]):
				i++
				cur.WriteRune(rs[i])
			default:
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == '\\':
			if i+1 < len(rs) {
				i++
				cur.WriteRune(rs[i])
				in = true
			}
		case r == ' ' || r == '\t' || r == '\n':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed %c quote in %q", quote, s)
	}
	if in {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return nil, errors.New("empty command")
	}
	return words, nil
}
