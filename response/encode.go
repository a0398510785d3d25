package response

import (
	"io"

	"github.com/mailwire/imap/wire"
)

// An Encoder writes server responses to a stream: the server side of the
// protocol.
//
// It is misuse-resistant: every response is built from Go values and
// written in canonical form (the same value always gives the same bytes),
// strings as atoms, quoted strings or literals as their content allows. A
// value that has no valid wire form, such as a flag that is not an atom or
// text with a line break, is an error and nothing of that response is
// written. An Encoder is not safe for concurrent use.
type Encoder struct {
	e *wire.Encoder
}

// NewEncoder returns an Encoder writing to w with the given wire options:
// wire.LiteralPolicy to allow literal8 (BINARY) and wire.UTF8 after ENABLE
// UTF8=ACCEPT. Each response is written with one Write call.
func NewEncoder(w io.Writer, opts ...wire.Option) *Encoder {
	return &Encoder{e: wire.NewEncoder(w, opts...)}
}

// SetOptions changes the wire options for the responses written from now
// on.
func (e *Encoder) SetOptions(opts ...wire.Option) { e.e.SetOptions(opts...) }

// Reset makes e write to w, keeping its options and buffer.
func (e *Encoder) Reset(w io.Writer) { e.e.Reset(w) }

// Encode writes r as one whole response, line ending included.
func (e *Encoder) Encode(r Response) error {
	we := e.e
	switch r := r.(type) {
	case nil:
		we.Refuse("a nil response")
	case *Status:
		if r.Tag == "" {
			we.Punct('*').SP()
		} else {
			we.Tag(r.Tag).SP()
		}
	case *Continuation:
		we.Punct('+')
	default:
		we.Punct('*').SP()
	}
	if r != nil {
		r.encode(we)
	}
	return we.CRLF()
}

// Append appends the wire form of r to dst, as Encode would write it.
func Append(dst []byte, r Response, opts ...wire.Option) ([]byte, error) {
	buf := appendWriter{b: dst}
	err := NewEncoder(&buf, opts...).Encode(r)
	return buf.b, err
}

type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

func (s *Status) encode(e *wire.Encoder) {
	switch {
	case s.Type < OK || s.Type > PREAUTH:
		e.Refuse("a status response without a valid condition")
		return
	case s.Tag != "" && s.Type > BAD:
		e.Refuse("a tagged " + s.Type.String())
		return
	}
	e.Atom(s.Type.String())
	encodeRespText(e, s.Code, s.Text)
}

func (c *Continuation) encode(e *wire.Encoder) {
	encodeRespText(e, c.Code, c.Text)
}

// encodeRespText writes SP resp-text: the code, if any, and the text.
func encodeRespText(e *wire.Encoder, code Code, text string) {
	e.SP()
	if code != nil {
		e.SectionStart()
		encodeCode(e, code)
		e.SectionEnd().SP()
	}
	// Text that starts with "[" after no code is written as it is, as
	// lenient decoding read it (wire.QuirkBadResponseCode): it is not a
	// valid code, so it cannot be anything else.
	e.Text(text)
}

func (u *Unknown) encode(e *wire.Encoder) {
	if isKnown(u.Name, u.HasNumber) {
		// It would decode as the typed response it names.
		e.Refuse("an Unknown response named " + u.Name)
		return
	}
	if u.HasNumber {
		e.Number(u.Number).SP()
	}
	e.Atom(u.Name)
	for i := range u.Args {
		e.SP()
		u.Args[i].Encode(e)
	}
}
