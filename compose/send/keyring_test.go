package send

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// needTools skips (or fails under CI=true) when a command is missing.
func needTools(t *testing.T, pkgs string, cmds ...string) {
	t.Helper()
	for _, c := range cmds {
		if _, err := exec.LookPath(c); err != nil {
			msg := c + " is not installed (Debian packages: " + pkgs + ")"
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
}

// TestKeyring stores and reads a password through a real Secret Service:
// a private D-Bus session bus with GNOME Keyring on it, in a temporary home.
func TestKeyring(t *testing.T) {
	needTools(t, "libsecret-tools gnome-keyring dbus-daemon", "secret-tool", "gnome-keyring-daemon", "dbus-daemon")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_RUNTIME_DIR", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	bus := exec.CommandContext(ctx, "dbus-daemon", "--session", "--nofork", "--print-address=1", "--address=unix:path="+filepath.Join(home, "bus"))
	out, err := bus.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := bus.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bus.Process.Kill(); bus.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(addr))

	// --unlock with a password on stdin creates the login keyring, so no
	// prompt is needed.
	keyring := exec.CommandContext(ctx, "gnome-keyring-daemon", "--unlock", "--components=secrets", "--foreground")
	keyring.Stdin = strings.NewReader("test-login-password")
	if err := keyring.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { keyring.Process.Kill(); keyring.Wait() })

	if pw, err := KeyringGet(ctx, "smtp.example.com", "support@example.com"); err == nil {
		t.Fatalf("an empty keyring gave %q", pw)
	} else if !strings.Contains(err.Error(), "no password for support@example.com at smtp.example.com") {
		t.Logf("before the keyring is up: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		err = KeyringSet(ctx, "smtp.example.com", "support@example.com", "pä55 word\twith tab")
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("store: %v", err)
	}
	KeyringSet(ctx, "smtp.example.com", "other@example.com", "someone else's")
	acct := Account{Host: "smtp.example.com", Username: "support@example.com", Keyring: true}
	pw, err := Password(ctx, acct, "", 0o644)
	if err != nil || pw != "pä55 word\twith tab" {
		t.Fatalf("keyring password: %q %v", pw, err)
	}
	acct.Username = "nobody@example.com"
	if _, err := Password(ctx, acct, "", 0o644); err == nil || !strings.Contains(err.Error(), "no password for nobody@example.com") {
		t.Errorf("missing item: %v", err)
	}
}
