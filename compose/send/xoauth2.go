package send

import (
	"errors"

	"github.com/emersion/go-sasl"
)

// xoauth2 is the client side of Google's and Microsoft's XOAUTH2 SASL
// mechanism: one initial response carrying the user and a bearer token.
// go-sasl has OAUTHBEARER (RFC 7628) but not this older mechanism, which
// is what Gmail and Outlook.com submission servers offer.
type xoauth2 struct {
	user, token string
	failed      bool
}

var _ sasl.Client = (*xoauth2)(nil)

func (x *xoauth2) Start() (mech string, ir []byte, err error) {
	return "XOAUTH2", []byte("user=" + x.user + "\x01auth=Bearer " + x.token + "\x01\x01"), nil
}

// Next answers the server's only possible challenge: on a bad token the
// server sends a JSON error as a challenge and expects an empty reply, after
// which it fails the exchange with 535 (so the caller gets the server's
// code and text).
func (x *xoauth2) Next(challenge []byte) ([]byte, error) {
	if x.failed {
		return nil, errors.New("xoauth2: unexpected second challenge from the server")
	}
	x.failed = true
	return []byte{}, nil
}
