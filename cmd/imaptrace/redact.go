package main

import "github.com/mailwire/imap/wire"

// Secrets in client traffic, redacted unless -show-secrets:
//
//   - the password of LOGIN (its second argument, and anything after it);
//   - the initial response of AUTHENTICATE (SASL-IR, RFC 4959);
//   - the client's lines of an AUTHENTICATE exchange: each line of one
//     item after an AUTHENTICATE command, up to the client's next command
//     (a line of two or more items), except "*", which cancels the
//     exchange and is no secret.
//
// A redacted value becomes the quoted string "***", so the re-encoding is
// still a valid message and decodes (and redacts) to the same bytes again.
// The client's stream alone decides when an exchange ends, so the rule
// works on client captures without the server's side.

// redacted replaces a secret value.
var redacted = wire.Value{Kind: wire.KindString, Bytes: []byte("***")}

// A redactor follows a client stream to find its secrets.
type redactor struct {
	inAuth bool // after an AUTHENTICATE command, before the next command
}

// client looks at the next client message, redacts its secrets in place if
// hide is set, and reports whether it is a line of an AUTHENTICATE
// exchange.
func (r *redactor) client(m *wire.Message, hide bool) (authData bool) {
	items := m.Items
	if r.inAuth && len(items) == 1 {
		if w, ok := word(&items[0]); ok && w == "*" {
			r.inAuth = false
			return true
		}
		if hide {
			items[0] = redactedAt(&items[0])
		}
		return true
	}
	r.inAuth = false
	if len(items) < 3 {
		return false
	}
	name, ok := word(&items[1])
	if !ok {
		return false
	}
	switch upper(name) {
	case "LOGIN":
		// tag LOGIN userid password
		if hide {
			for i := 3; i < len(items); i++ {
				items[i] = redactedAt(&items[i])
			}
		}
	case "AUTHENTICATE":
		// tag AUTHENTICATE mechanism [initial-response]
		r.inAuth = true
		if hide {
			for i := 3; i < len(items); i++ {
				items[i] = redactedAt(&items[i])
			}
		}
	}
	return false
}

// redactedAt returns the replacement of v, which keeps v's position.
func redactedAt(v *wire.Value) wire.Value {
	r := redacted
	r.Offset = v.Offset
	return r
}
