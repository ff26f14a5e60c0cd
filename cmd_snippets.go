package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newSnippetsCmd is a placeholder until the command's issue lands; it says so plainly.
func newSnippetsCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "snippets",
		Short: "(not built yet)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return badInput(errors.New("kindly snippets is not built yet"))
		},
	}
}
