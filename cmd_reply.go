package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newReplyCmd is a placeholder until the command's issue lands; it says so plainly.
func newReplyCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "reply MESSAGE",
		Short: "(not built yet)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput(errors.New("kindly reply is not built yet"))
		},
	}
}
