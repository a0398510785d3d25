package command

import (
	"github.com/mailwire/imap/wire"
)

// A Command is the typed body of one client command: everything after its
// tag. Decoder.ReadCommand returns the tag beside it, and Encoder.Encode
// takes the tag beside it.
//
// The set of types is closed: every Command is a pointer to one of this
// package's types. Besides the commands of the grammar there are the two
// kinds of line a client sends in the middle of a command: *Done, which
// ends IDLE, and *AuthResponse, a client response in an AUTHENTICATE
// exchange. Neither has a tag.
type Command interface {
	// Kind returns the command's name as the grammar spells it, in upper
	// case, with "UID " before the UID forms: "LOGIN", "UID FETCH",
	// "DONE", or the name of an unknown command. An AuthResponse is
	// "AUTHENTICATE-DATA", a name no command has.
	Kind() string

	// encode writes the command after its tag and space (or, for the
	// untagged lines, the whole line), without the line ending.
	encode(e *encoder)
}

// encoder is the wire encoder a command writes with. In a dry run the
// encoder checks a command without reading the bodies of literals that
// stream from an io.Reader, so that a command is refused before a byte of
// it is sent.
type encoder struct {
	*wire.Encoder
	dry bool
}

// sep writes the space that goes before each item of a list but the
// first; n counts the items written so far.
func (e *encoder) sep(n *int) {
	if *n > 0 {
		e.SP()
	}
	*n++
}

// An Unknown is a command this package does not know, kept as generic
// values so that nothing is lost: a server can answer it with BAD (or
// handle an extension itself) and go on, and it re-encodes as it came.
type Unknown struct {
	// Name is the command's name in upper case; the UID form of an
	// extension's command is "UID" and its name ("UID XFOO").
	Name string
	// Args are the values after the name.
	Args []wire.Value
}

// Kind returns the command's name.
func (u *Unknown) Kind() string { return u.Name }

// HasUnknown reports whether c holds anything kept raw because this package
// does not know its kind: c is an *Unknown, or has an unknown parameter,
// option or item kept as generic values.
func HasUnknown(c Command) bool {
	switch c := c.(type) {
	case *Unknown:
		return true
	case interface{ hasUnknown() bool }:
		return c.hasUnknown()
	}
	return false
}

// A Param is a parameter, option or modifier of an extension this package
// does not know, kept raw so that nothing is lost: RFC 4466's
// tagged-ext-label with its optional tagged-ext-val. Commands keep them
// where their grammar allows extensions: the select parameters of SELECT
// and EXAMINE, the create parameters of CREATE, the append-ext options of
// APPEND, the modifiers of FETCH and STORE, the RETURN options of SEARCH
// and SORT, the options of GETMETADATA.
//
//	C: a SELECT INBOX (X-FOO (1 2))
type Param struct {
	// Name is the label, in upper case.
	Name string
	// Value is the value as a generic value, or the zero Value when
	// there is none.
	Value wire.Value
}

// extLabelBad returns the index of the first byte of s that keeps it from
// being a tagged-ext-label (RFC 4466 §2.1), the name of a Param, or -1 if
// it is one; 0 for an empty s.
//
//	tagged-ext-label   = tagged-label-fchar *tagged-label-char
//	tagged-label-fchar = ALPHA / "-" / "_" / "."
//	tagged-label-char  = tagged-label-fchar / DIGIT / ":"
func extLabelBad[T string | []byte](s T) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_' || c == '.' ||
			i > 0 && ('0' <= c && c <= '9' || c == ':') {
			continue
		}
		return i
	}
	if len(s) == 0 {
		return 0
	}
	return -1
}

// isExtLabel reports whether s is a tagged-ext-label.
func isExtLabel[T string | []byte](s T) bool { return extLabelBad(s) < 0 }
