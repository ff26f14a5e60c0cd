package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newInitCmd is a placeholder until the command's issue lands; it says so plainly.
func newInitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "(not built yet)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput(errors.New("kindly init is not built yet"))
		},
	}
}
