package response

import (
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/mailwire/imap/wire"
)

// A Response is one server response: a status response (*Status), a
// continuation request (*Continuation), a piece of untagged data (*Fetch,
// *List, *Capability, ...), or an untagged response of a kind this package
// does not know (*Unknown).
//
// The set of types is closed: every Response is a pointer to one of this
// package's types.
type Response interface {
	// Kind returns the response's name as the grammar spells it, in upper
	// case: "OK", "BYE", "FETCH", "LIST", "+" for a continuation request, or
	// the name of an unknown response.
	Kind() string

	// encode writes the response after its "* " (or, for a status
	// response, its tag and space; for a continuation request, its "+").
	encode(e *wire.Encoder)
}

// StatusType is the condition of a status response.
type StatusType uint8

// The conditions of status responses (RFC 9051 §7.1). PREAUTH is only sent
// as a greeting, and BYE is always untagged.
const (
	OK StatusType = iota + 1
	NO
	BAD
	BYE
	PREAUTH
)

var statusNames = [...]string{OK: "OK", NO: "NO", BAD: "BAD", BYE: "BYE", PREAUTH: "PREAUTH"}

// String returns the condition as written on the wire: "OK", "NO", ...
func (t StatusType) String() string {
	if int(t) < len(statusNames) && statusNames[t] != "" {
		return statusNames[t]
	}
	return "INVALID"
}

// A Status is a status response (RFC 9051 §7.1): OK, NO or BAD, tagged as
// the completion of a command or untagged; BYE, always untagged; or, as a
// greeting, untagged OK, PREAUTH or BYE.
//
//	a1 OK [READ-WRITE] SELECT completed
//	* BYE Autologout; idle for too long
type Status struct {
	// Tag is the tag of the command the response completes, or "" for an
	// untagged response ("*").
	Tag  string
	Type StatusType
	// Code is the response code, or nil when there is none.
	Code Code
	// Text is the human-readable text. It may be empty (RFC 9051 allows
	// that; RFC 3501 does not, and an encoder then still writes the space).
	Text string
}

// Kind returns the condition: "OK", "NO", "BAD", "BYE" or "PREAUTH".
func (s *Status) Kind() string { return s.Type.String() }

// A Continuation is a continuation request (RFC 9051 §7.5): "+" followed by
// text (possibly with a response code), as before a synchronising literal,
// or by base64 data, as in an AUTHENTICATE exchange. Which one it is depends
// on the command it answers, so Text holds the line as sent and Base64
// decodes it.
//
//   - Ready for additional command text
//   - YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=
type Continuation struct {
	// Code is the response code of a text continuation, or nil.
	Code Code
	Text string
}

// Kind returns "+".
func (c *Continuation) Kind() string { return "+" }

// Base64 decodes Text as the base64 data of a continuation request in an
// AUTHENTICATE exchange (RFC 9051 §6.2.2: a server challenge). An empty
// Text is an empty challenge. A request with a response code is text, not
// base64, and an error.
func (c *Continuation) Base64() ([]byte, error) {
	if c.Code != nil {
		return nil, errors.New("imap/response: a continuation request with a response code is not base64")
	}
	b, err := base64.StdEncoding.DecodeString(c.Text)
	if err != nil {
		return nil, fmt.Errorf("imap/response: continuation request: %w", err)
	}
	return b, nil
}

// An Unknown is an untagged response of a kind this package does not know,
// kept as generic values so that nothing is lost and it re-encodes as it
// came: "* XYZ ..." or, with a number, "* 12 XYZ ...".
type Unknown struct {
	// Number is the number before the name, if HasNumber.
	Number    uint32
	HasNumber bool
	// Name is the response's name in upper case.
	Name string
	// Args are the values after the name.
	Args []wire.Value
}

// Kind returns the response's name.
func (u *Unknown) Kind() string { return u.Name }

// HasUnknown reports whether r holds anything kept raw because this package
// does not know its kind: r is an *Unknown, or has a RawCode, an unknown
// FETCH item, an unknown LIST extension or STATUS item, and so on.
func HasUnknown(r Response) bool {
	switch r := r.(type) {
	case *Unknown:
		return true
	case *Status:
		return isRawCode(r.Code)
	case *Continuation:
		return isRawCode(r.Code)
	case interface{ hasUnknown() bool }:
		return r.hasUnknown()
	}
	return false
}

func isRawCode(c Code) bool {
	_, raw := c.(RawCode)
	return raw
}
