package send

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// The system keyring is reached through its own command-line tool, run
// without a shell: secret-tool (libsecret, the Secret Service of GNOME
// Keyring or KeePassXC) on Linux and the BSDs, security on macOS. A
// password is stored under the service "kindly-smtp" with the host and the
// user name, so several accounts on one server stay apart.
const keyringService = "kindly-smtp"

// KeyringGet reads the password for user at host from the system keyring.
func KeyringGet(ctx context.Context, host, user string) (string, error) {
	var args []string
	switch runtime.GOOS {
	case "darwin":
		args = []string{"security", "find-generic-password", "-s", keyringService + ":" + host, "-a", user, "-w"}
	case "windows":
		return "", errors.New("keyring = true is not supported on Windows yet: use password_cmd or password_env")
	default:
		args = []string{"secret-tool", "lookup", "service", keyringService, "host", host, "user", user}
	}
	out, err := keyringRun(ctx, args, "")
	if err != nil {
		return "", err
	}
	pw := strings.TrimRight(out, "\r\n")
	if pw == "" {
		return "", fmt.Errorf("the keyring has no password for %s at %s — store one with kindly init, or: %s", user, host, keyringStoreHint(host, user))
	}
	return pw, nil
}

// KeyringSet stores the password for user at host in the system keyring.
// The password goes to the tool on its standard input, never on a command
// line where other users could see it.
func KeyringSet(ctx context.Context, host, user, password string) error {
	var args []string
	switch runtime.GOOS {
	case "darwin":
		// security reads the password from the terminal when -w is last
		// and given no value; -U updates an existing item.
		args = []string{"security", "add-generic-password", "-U", "-s", keyringService + ":" + host, "-a", user, "-w"}
	case "windows":
		return errors.New("the keyring is not supported on Windows yet: use password_cmd or password_env")
	default:
		args = []string{"secret-tool", "store", "--label", "kindly: " + user + " at " + host, "service", keyringService, "host", host, "user", user}
	}
	_, err := keyringRun(ctx, args, password)
	return err
}

func keyringStoreHint(host, user string) string {
	if runtime.GOOS == "darwin" {
		return fmt.Sprintf("security add-generic-password -s %s:%s -a %s -w", keyringService, host, user)
	}
	return fmt.Sprintf("secret-tool store --label kindly service %s host %s user %s", keyringService, host, user)
}

func keyringRun(ctx context.Context, args []string, stdin string) (string, error) {
	if _, err := exec.LookPath(args[0]); err != nil {
		pkg := "libsecret-tools"
		if runtime.GOOS == "darwin" {
			pkg = "the macOS security tool"
		}
		return "", fmt.Errorf("keyring = true needs %s (install %s), or use password_cmd or password_env", args[0], pkg)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := clean(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		var exit *exec.ExitError
		if errors.As(err, &exit) && msg == err.Error() && args[1] == "lookup" {
			// secret-tool says nothing and exits 1 when there is no such item.
			return "", nil
		}
		return "", fmt.Errorf("keyring (%s): %s", args[0], msg)
	}
	return stdout.String(), nil
}
