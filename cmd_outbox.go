package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"kindly/compose/send"
	"kindly/ui"
)

func newOutboxCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "outbox",
		Short: "See and retry replies that were not delivered",
		Long: `Every reply passes through the outbox: queued, sending, accepted by the
server, and sent (filed in Sent). A reply that failed waits here with the
reason; one whose delivery is unknown (the connection broke after the server
got it) is never sent again on its own: check, then retry --force or drop.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return outboxList(a) },
	}
	var force bool
	retry := &cobra.Command{
		Use:   "retry ID",
		Short: "Try to send a failed reply again",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ob := send.OpenOutbox(filepath.Join(dataDir(a), "outbox"))
			e, data, err := ob.Get(args[0])
			if err != nil {
				return badInput(err)
			}
			switch e.State {
			case send.Sent:
				return badInput(fmt.Errorf("%s was sent and filed; there is nothing to retry", e.Key))
			case send.Accepted:
				// The server has it: only the copy to Sent is retried.
				cfg, err := a.config()
				if err != nil {
					return err
				}
				_, acct, err := pickAccount(cfg, e.Account)
				if err != nil {
					return err
				}
				maildir := ""
				if acct != nil {
					maildir = acct.SentMaildir
				}
				if err := ob.FileSent(&e, maildir); err != nil {
					return &exitError{code: exitDelivery, err: fmt.Errorf("%v; the reply itself was delivered and is not sent again", err)}
				}
				fmt.Fprintf(a.io.Err, "kindly: filed %s in Sent (it was delivered before; not sent again)\n", e.Key)
				return nil
			}
			if (e.State == send.Unknown || e.State == send.Sending) && !force {
				return badInput(fmt.Errorf("%s may already have arrived (%s); if you are sure it did not, kindly outbox retry --force %s", e.Key, ui.Sanitize(e.Reason), e.Key))
			}
			return deliver(cmd.Context(), a, send.Message{ID: e.MessageID, From: e.From, To: e.To, Data: data}, sendOptions{account: e.Account, force: true})
		},
	}
	retry.Flags().BoolVar(&force, "force", false, "retry even though the earlier delivery may have arrived")
	drop := &cobra.Command{
		Use:   "drop ID",
		Short: "Remove a reply from the outbox",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := send.OpenOutbox(filepath.Join(dataDir(a), "outbox")).Drop(args[0]); err != nil {
				return badInput(err)
			}
			return nil
		},
	}
	list := &cobra.Command{Use: "list", Short: "List the outbox", Args: cobra.NoArgs, RunE: func(cmd *cobra.Command, args []string) error { return outboxList(a) }}
	cmd.AddCommand(list, retry, drop)
	return cmd
}

func outboxList(a *app) error {
	entries, err := send.OpenOutbox(filepath.Join(dataDir(a), "outbox")).List()
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		fmt.Fprintln(a.io.Out, "The outbox is empty.")
		return nil
	}
	w := tabwriter.NewWriter(a.io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tSTATE\tTO\tUPDATED\tREASON")
	for _, e := range entries {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", e.Key, e.State, ui.Sanitize(strings.Join(e.To, ", ")), e.Updated.Local().Format("2006-01-02 15:04"), ui.Sanitize(e.Reason))
	}
	return w.Flush()
}
