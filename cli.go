package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"kindly/internal/conffile"
)

// Exit codes shared by the commands (DESIGN §3).
const (
	exitOK       = 0
	exitFindings = 1 // blocked by error findings, or lint problems
	exitBadInput = 2 // the input could not be used
	exitDelivery = 3 // delivery failed; the message is kept in the outbox
)

// exitError carries an exit code out of a command. With a nil err nothing
// more is printed: the command has already said what went wrong.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// badInput marks err as the user's input being unusable (exit 2).
func badInput(err error) error { return &exitError{code: exitBadInput, err: err} }

// streams are the process's standard files, so that commands can be run and
// tested without a terminal.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
	// InTTY and OutTTY say whether stdin and stdout are terminals.
	InTTY, OutTTY bool
}

func newStreams() streams {
	return streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTTY: isTerminal(os.Stdin), OutTTY: isTerminal(os.Stdout),
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// app is what every command shares: the streams, the environment and the
// config, loaded on first use. It is passed to the command constructors, not
// kept in a global.
type app struct {
	io         streams
	getenv     func(string) string
	now        func() time.Time
	configFlag string

	cfg  *Config
	cctx context.Context
}

// ctx is the command's context, for cancelling network work on Ctrl-C.
func (a *app) ctx() context.Context {
	if a.cctx != nil {
		return a.cctx
	}
	return context.Background()
}

// config loads the config file once.
func (a *app) config() (*Config, error) {
	if a.cfg != nil {
		return a.cfg, nil
	}
	path, explicit := conffile.Path(a.configFlag, a.getenv)
	cfg, err := loadConfig(path, explicit)
	if err != nil {
		return nil, badInput(err)
	}
	a.cfg = cfg
	return cfg, nil
}

// run builds the command tree, executes it and returns the exit code.
func run(ctx context.Context, args []string, s streams) int {
	a := &app{io: s, getenv: os.Getenv, now: time.Now, cctx: ctx}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	err := fang.Execute(ctx, root,
		fang.WithoutManpage(),
		fang.WithNotifySignal(os.Interrupt),
		fang.WithErrorHandler(func(w io.Writer, styles fang.Styles, err error) {
			// Printed as is: fang's default re-cases and re-wraps the
			// message, which would mangle file paths and file:line:col.
			var ee *exitError
			if errors.As(err, &ee) && ee.err == nil {
				return
			}
			fmt.Fprintf(w, "kindly: %s\n", err)
		}),
	)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// cobra's own errors (unknown flag, wrong number of arguments) are bad input.
	return exitBadInput
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "kindly [MESSAGE|-]",
		Short: "Write kind, correct customer-support replies in your terminal",
		Long: `kindly opens a customer's email and walks you through a good reply:
personalise (subject, greeting, introduction), answer (shared snippet
templates, every question answered) and prepare to send (tone and length
checks, closing, proofread), then sends it as a correctly threaded email.

With no MESSAGE, kindly opens a built-in demo ticket.`,
		Example: `  kindly                      # the demo ticket
  kindly customer.eml         # reply to a saved email
  kindly - < customer.eml     # or read it from stdin`,
		Args:          cobra.MaximumNArgs(1),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTUI(cmd.Context(), a, args)
		},
	}
	root.PersistentFlags().StringVar(&a.configFlag, "config", "", "config file (default $XDG_CONFIG_HOME/kindly/config.toml, or $KINDLY_CONFIG)")
	root.AddCommand(
		newReplyCmd(a),
		newCheckCmd(a),
		newSnippetsCmd(a),
		newSendCmd(a),
		newOutboxCmd(a),
		newInitCmd(a),
	)
	return root
}
