package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newSendCmd is a placeholder until the command's issue lands; it says so plainly.
func newSendCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "send FILE.eml",
		Short: "(not built yet)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput(errors.New("kindly send is not built yet"))
		},
	}
}
