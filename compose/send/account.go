// Package send delivers composed replies: SMTP through go-smtp, the outbox,
// the copy to Sent and the local delivery when no account is configured. It is
// the only package that opens sockets.
package send

// Account is one [accounts.NAME] section of the config.
type Account struct {
	From        string `toml:"from"`
	Host        string `toml:"host"`
	Port        int    `toml:"port"`
	Security    string `toml:"security"` // starttls | tls | none
	Auth        string `toml:"auth"`     // plain | login | xoauth2 | none
	Username    string `toml:"username"`
	Password    string `toml:"password"` // refused unless the config file is mode 0600
	PasswordCmd string `toml:"password_cmd"`
	PasswordEnv string `toml:"password_env"`
	TokenCmd    string `toml:"token_cmd"` // xoauth2
	Keyring     bool   `toml:"keyring"`
	Insecure    bool   `toml:"insecure"`
	CAFile      string `toml:"ca_file"`
	SentMaildir string `toml:"sent_maildir"`
	Default     bool   `toml:"default"`
}
