package main

import (
	"fmt"
	"strings"

	"kindly/compose"
	"kindly/compose/check"
	"kindly/snippets"
	"kindly/ui"
)

// snippetVars are the automatic variables of DESIGN §3 for this reply.
// Values that came from the customer are inserted as they are: the renderer
// never expands them.
func snippetVars(cfg *Config, in *compose.Message, d *compose.Draft, a *app) map[string]string {
	c := d.Customer
	return map[string]string{
		"customer.name": c.Name, "customer.first_name": c.FirstName, "customer.last_name": c.LastName,
		"customer.title": c.Title, "customer.email": c.Email,
		"agent.name": cfg.Agent.Name, "agent.title": cfg.Agent.Title, "agent.email": cfg.Agent.Email,
		"agent.phone": cfg.Agent.Phone, "agent.company": cfg.Agent.Company, "company.name": cfg.Agent.Company,
		"ticket.subject": in.Subject, "ticket.ref": d.TicketRef,
		"today": snippets.Today(d.Lang, a.now()),
	}
}

// renderSnippets renders the snippets in the reply's language, checks the
// agent's values, and records their use for search ranking.
func renderSnippets(a *app, cfg *Config, in *compose.Message, d *compose.Draft, ids []string, values map[string]string) (string, error) {
	lib, err := loadLibrary(a)
	if err != nil {
		return "", err
	}
	vars := snippetVars(cfg, in, d, a)
	usage := snippets.OpenUsage(usagePath(a))
	var parts, problems []string
	for _, id := range ids {
		s := lib.Get(id, d.Lang)
		if s == nil {
			return "", badInput(fmt.Errorf("--snippet %s: no such snippet (see kindly snippets list)", id))
		}
		for _, fe := range snippets.Validate(s, values) {
			problems = append(problems, fmt.Sprintf("--snippet %s: %s (--set %s=…)", id, fe.Error(), fe.Field))
		}
		parts = append(parts, strings.TrimRight(snippets.Render(s, vars, values).Text, "\n"))
		_ = usage.Record(id) // a ranking hint: failing to save it is no reason to stop
	}
	if len(problems) > 0 {
		return "", badInput(fmt.Errorf("%s", strings.Join(problems, "\n")))
	}
	return strings.Join(parts, "\n\n"), nil
}

// reportFindings checks the composed reply, writes the findings to stderr,
// and stops on errors unless forced.
func reportFindings(a *app, cfg *Config, in *compose.Message, d *compose.Draft, force bool) error {
	checker := newChecker(a, cfg)
	loadSpelling(a, checker, d.Lang, d.Body)
	var to []string
	for _, addr := range append(append([]*mailAddress{}, d.To...), d.Cc...) {
		to = append(to, addr.Address)
	}
	rep := checker.Run(check.Input{
		Message: true, Subject: d.Subject, Recipients: to, Greeting: d.Greeting,
		Body: d.Body, Closing: d.Closing, Signature: d.Signature, Lang: d.Lang,
		CustomerName: d.Customer.Name,
		Incoming:     checker.AnalyzeIncoming(in.Text, in.Date, a.now()),
	})
	var b strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "reply: %s: %s: %s [%s]\n", f.Field, f.Severity, f.Message, f.Rule)
	}
	fmt.Fprint(a.io.Err, ui.Sanitize(b.String()))
	if rep.Errors() > 0 && !force {
		fmt.Fprintf(a.io.Err, "kindly: %d errors: fix them, or use --force to go ahead anyway\n", rep.Errors())
		return &exitError{code: exitFindings}
	}
	return nil
}
