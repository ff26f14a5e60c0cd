package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newOutboxCmd is a placeholder until the command's issue lands; it says so plainly.
func newOutboxCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "outbox",
		Short: "(not built yet)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput(errors.New("kindly outbox is not built yet"))
		},
	}
}
