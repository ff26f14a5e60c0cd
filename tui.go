package main

import (
	"context"
	"errors"
)

// runTUI opens the reply composer on a message file, stdin or the demo
// ticket. Placeholder until the TUI lands.
func runTUI(ctx context.Context, a *app, args []string) error {
	return badInput(errors.New("the TUI is not built yet"))
}
