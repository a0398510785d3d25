package response

import (
	"strings"
	"unicode/utf8"

	"github.com/mailwire/imap/wire"
)

// A Code is a response code (RFC 9051 §7.1: resp-text-code), the bracketed
// part at the start of a status response's text:
//
//   - OK [UIDVALIDITY 3857529045] UIDs valid
//
// Codes this package does not know are kept as RawCode.
type Code interface {
	// CodeName returns the code's name in upper case: "ALERT",
	// "UIDVALIDITY", ...
	CodeName() string
	// encodeArgs writes the code's arguments, after a space, if it has any.
	encodeArgs(e *wire.Encoder)
}

// A RawCode is a response code this package does not know, kept as it came:
// its name and the text of its arguments.
type RawCode struct {
	Name string // in upper case
	Args string // the arguments' text, "" if none
}

// CodeName returns the code's name.
func (c RawCode) CodeName() string { return c.Name }

func (c RawCode) encodeArgs(e *wire.Encoder) {
	if c.Args != "" {
		e.SP().Text(c.Args)
	}
}

func encodeCode(e *wire.Encoder, c Code) {
	e.Atom(c.CodeName())
	c.encodeArgs(e)
}

// readCode types the response code whose name and arguments ReadCode
// returned; off is the stream offset of its "[".
func (d *Decoder) readCode(name, args []byte, off int64) (Code, error) {
	return RawCode{Name: upperString(name), Args: validText(args)}, nil
}

// validText returns text as a string, with 8-bit bytes that are not UTF-8
// (wire.QuirkEightBit, reported by the wire layer) replaced by U+FFFD, so
// that the value encodes again.
func validText(b []byte) string {
	if !utf8.Valid(b) {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(b)
}

// upperString returns b in upper case as a string.
func upperString(b []byte) string {
	u := make([]byte, len(b))
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		u[i] = c
	}
	return string(u)
}
