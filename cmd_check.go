package main

import (
	"errors"
	"net/mail"

	"github.com/spf13/cobra"

	"kindly/compose/check"
	"kindly/internal/checkcli"
)

func newCheckCmd(a *app) *cobra.Command {
	var opts checkcli.Options
	cmd := &cobra.Command{
		Use:   "check [flags] [FILE|-]",
		Short: "Check a reply's tone and length",
		Long: checkcli.Long + `

The same command is built lean as kindly-check (go install
kindly/cmd/kindly-check), which does in about 11 ms what takes kindly
about 18: for an editor's check on every save.`,
		Example: `  kindly check draft.txt
  kindly check --incoming customer.eml --subject "Re: Where is my order?" draft.txt
  kindly check --format json - < draft.txt
  kindly check --fail-on warning reply.eml     # in CI`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = "-"
			if len(args) == 1 {
				opts.File = args[0]
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			err = checkcli.Run(checkcli.Env{In: a.io.In, Out: a.io.Out, Err: a.io.Err, Now: a.now, Checker: newChecker(a, cfg)}, opts)
			var bad *checkcli.BadInput
			switch {
			case errors.As(err, &bad):
				return badInput(bad.Err)
			case errors.Is(err, checkcli.ErrFindings):
				return &exitError{code: exitFindings}
			}
			return err
		},
	}
	opts.Register(cmd.Flags())
	return cmd
}

// mailAddress keeps the signatures above short.
type mailAddress = mail.Address

// newChecker makes the checks engine from the config (see
// checkcli.NewChecker).
func newChecker(a *app, cfg *Config) *check.Checker {
	return checkcli.NewChecker(cfg.Checks, a.io.Err)
}

// loadSpelling loads the dictionary for the reply's language (see
// checkcli.LoadSpelling).
func loadSpelling(a *app, checker *check.Checker, code, body string) {
	checkcli.LoadSpelling(checker, a.io.Err, code, body)
}
