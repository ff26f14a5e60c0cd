package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newCheckCmd is a placeholder until the command's issue lands; it says so plainly.
func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check [FILE|-]",
		Short: "(not built yet)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput(errors.New("kindly check is not built yet"))
		},
	}
}
