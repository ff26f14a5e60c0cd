package compose

// Agent is the support agent who writes the reply: the [agent] section of the
// config. It signs the reply and fills the agent.* snippet variables.
type Agent struct {
	Name    string `toml:"name"`
	Title   string `toml:"title"`
	Email   string `toml:"email"`
	Phone   string `toml:"phone"`
	Company string `toml:"company"`
}
