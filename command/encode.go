package command

import (
	"io"
	"strings"

	"github.com/mailwire/imap/wire"
)

// An Encoder writes client commands to a stream: the client side of the
// protocol.
//
// It is misuse-resistant: every command is built from Go values and written
// in canonical form (the same value always gives the same bytes), strings
// as atoms, quoted strings or literals as their content allows. A command
// that has no valid wire form is an error, found before a byte of it is
// written.
//
// With the hook set by wire.Continuation, the encoder flushes each
// synchronising literal's announcement and runs the hook, which waits for
// the server's continuation request, before it writes the body. With
// wire.LiteralPolicy it writes non-synchronising literals where the server
// allows them (LITERAL+, LITERAL-) and literal8 for BINARY data; with
// wire.UTF8, mailbox names and strings in UTF-8 (UTF8=ACCEPT). An Encoder
// is not safe for concurrent use.
type Encoder struct {
	e encoder
	// check is the dry-run encoder that checks each command first.
	check encoder
}

// NewEncoder returns an Encoder writing to w with the given wire options.
// A command without literals is written with one Write call.
func NewEncoder(w io.Writer, opts ...wire.Option) *Encoder {
	e := &Encoder{}
	e.e.Encoder = wire.NewEncoder(w, opts...)
	e.check.Encoder = wire.NewEncoder(io.Discard)
	e.check.dry = true
	e.SetOptions(opts...)
	return e
}

// SetOptions changes the wire options for the commands written from now
// on, as after the server's CAPABILITY (LITERAL+) or ENABLE UTF8=ACCEPT.
func (e *Encoder) SetOptions(opts ...wire.Option) {
	e.e.SetOptions(opts...)
	// The dry run never waits for the server.
	e.check.SetOptions(opts...)
	e.check.SetOptions(wire.Continuation(nil))
}

// Reset makes e write to w, keeping its options and buffer.
func (e *Encoder) Reset(w io.Writer) { e.e.Reset(w) }

// Encode writes cmd with tag as one whole command, line ending included.
// A *Done or an *AuthResponse has no tag: tag must be "" for them, and
// must be a valid tag for every other command.
//
// An error from the writer or from the continuation hook (the server
// refused a literal) is returned as it is; the command is then cut short
// on the wire, as the protocol expects after a refused literal.
func (e *Encoder) Encode(tag string, cmd Command) error {
	if err := encodeCommand(&e.check, tag, cmd); err != nil {
		return err
	}
	return encodeCommand(&e.e, tag, cmd)
}

func encodeCommand(e *encoder, tag string, cmd Command) error {
	switch cmd.(type) {
	case nil:
		e.Refuse("a nil command")
	case *Done, *AuthResponse:
		if tag != "" {
			e.Refuse("a tag on " + cmd.Kind())
		}
	default:
		if tag == "" {
			e.Refuse("a command without a tag")
		}
		e.Tag(tag).SP()
	}
	if cmd != nil && e.Err() == nil {
		cmd.encode(e)
	}
	return e.CRLF()
}

// AppendCommand appends the wire form of cmd with tag to dst, as Encode
// would write it without a continuation hook.
func AppendCommand(dst []byte, tag string, cmd Command, opts ...wire.Option) ([]byte, error) {
	buf := appendWriter{b: dst}
	err := NewEncoder(&buf, opts...).Encode(tag, cmd)
	return buf.b, err
}

type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

func (u *Unknown) encode(e *encoder) {
	name, uid := strings.CutPrefix(u.Name, "UID ")
	if !isAtom(name) || strings.ToUpper(name) != name || isKnown(u.Name) || uid && isKnown(name) {
		// It would decode as the typed command it names, or to
		// another name, or not at all.
		e.Refuse("an Unknown command named " + u.Name)
		return
	}
	if uid {
		e.Atom("UID").SP()
	}
	e.Atom(name)
	for i := range u.Args {
		e.SP()
		u.Args[i].Encode(e.Encoder)
	}
}

// isAtom reports whether s is a non-empty atom.
func isAtom(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`(){%*"\]`, c) >= 0 {
			return false
		}
	}
	return s != ""
}
