package main

import "github.com/mailwire/imap/command"

// Secrets in client traffic, redacted unless -show-secrets: the password
// of LOGIN, the initial response of AUTHENTICATE (SASL-IR, RFC 4959) and
// the client's responses in an AUTHENTICATE exchange ("*", which cancels
// the exchange, is no secret).
//
// A redacted secret becomes "***": a quoted string for a password, and its
// base64 form "Kioq" where the grammar wants base64. The re-encoding is
// still a valid command that decodes (and redacts) to the same bytes again.

// redactedSecret replaces a secret.
var redactedSecret = command.NewSecret("***")

// redact returns c with its secrets replaced, or c itself if it has none.
func redact(c command.Command) command.Command {
	switch c := c.(type) {
	case *command.Login:
		r := *c
		r.Password = redactedSecret
		return &r
	case *command.Authenticate:
		if !c.HasInitialResponse || c.InitialResponse.Len() == 0 {
			return c
		}
		r := *c
		r.InitialResponse = redactedSecret
		return &r
	case *command.AuthResponse:
		if c.Cancel || c.Data.Len() == 0 {
			return c
		}
		return &command.AuthResponse{Data: redactedSecret}
	}
	return c
}
