package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newInitCmd is the setup wizard. Until it lands, it says how to set up an
// account by hand.
func newInitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Set up an SMTP account (not built yet: see the README's Sending section)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput(errors.New("kindly init is not built yet: add an [accounts.NAME] section to your config by hand (see the README, \"Sending\"); until then replies are saved to a local Maildir"))
		},
	}
}
