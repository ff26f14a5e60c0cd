// Command kindly-check is `kindly check` built lean: the same flags, the same
// findings and output, the same exit status, without the TUI, sending and
// the command-line framework, whose package initialisation is most of what
// kindly spends before checking: 14 ms against 20 for a 160-word reply. It
// is meant for an editor that checks the reply on every save, and for CI.
//
//	go install kindly/cmd/kindly-check
//	kindly-check --format json draft.txt
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"kindly/compose/check"
	"kindly/internal/checkcli"
	"kindly/internal/conffile"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// run is the whole command; it returns the exit status (0 clean, 1
// findings, 2 unusable input), as kindly check does.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet("kindly-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts checkcli.Options
	opts.Register(fs)
	configFlag := fs.String("config", "", "config file (default: $KINDLY_CONFIG, then $XDG_CONFIG_HOME/kindly/config.toml); only [checks] is read")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: kindly-check [flags] [FILE|-]\n\n%s\n\nFlags:\n", checkcli.Long)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "kindly-check: one FILE at most, got %d\n", fs.NArg())
		return 2
	}
	opts.File = "-"
	if fs.NArg() == 1 {
		opts.File = fs.Arg(0)
	}
	var cfg struct {
		Checks check.Config `toml:"checks"`
	}
	path, explicit := conffile.Path(*configFlag, getenv)
	if _, err := conffile.Decode(path, explicit, &cfg, "checks"); err != nil {
		fmt.Fprintf(stderr, "kindly-check: %s\n", err)
		return 2
	}
	conffile.ExpandHome(cfg.Checks.Rules)
	env := checkcli.Env{In: stdin, Out: stdout, Err: stderr, Now: time.Now, Checker: checkcli.NewChecker(cfg.Checks, stderr)}
	err := checkcli.Run(env, opts)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, checkcli.ErrFindings):
		return 1
	}
	fmt.Fprintf(stderr, "kindly-check: %s\n", err)
	var bad *checkcli.BadInput
	if errors.As(err, &bad) {
		return 2
	}
	return 1
}
