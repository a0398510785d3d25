package wire

import (
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/mailwire/imap/literal"
)

// ErrUnrepresentable is returned by an Encoder for a value that has no valid
// wire form under its options: a NUL byte outside literal8, an empty or
// malformed atom, text with a line ending, a list left open.
var ErrUnrepresentable = errors.New("imap/wire: value cannot be represented")

// maxQuoted is the longest string an Encoder writes as a quoted string;
// longer ones are literals.
const maxQuoted = 1024

// An Encoder writes IMAP messages to an io.Writer.
//
// Callers hand it Go values and it chooses the wire form: an astring is an
// atom when it can be, otherwise a quoted string when it can be, otherwise a
// literal; a string with a NUL is a literal8 when BINARY is allowed and an
// error otherwise. Output is canonical: the same values always produce the
// same bytes.
//
// The methods are chainable and the error is sticky: the first error is
// kept, later calls do nothing, and CRLF reports it at the end of the
// message. A message is buffered and written with one Write call by CRLF, so
// a message that fails is never written, except for the part already sent
// before a synchronising literal's continuation.
//
// An Encoder is not safe for concurrent use.
type Encoder struct {
	w     io.Writer
	buf   []byte
	err   error
	opt   options
	depth int
	// last is what the message so far ends with: ' ', '(', '[', ')',
	// ']', 'v' for a value, or 0 at the start of a message.
	last byte
	text bool // the message ends in text, which may be empty
}

// NewEncoder returns an Encoder that writes to w with the given options:
// UTF8, LiteralPolicy and Continuation apply.
func NewEncoder(w io.Writer, opts ...Option) *Encoder {
	e := &Encoder{w: w, opt: defaultOptions()}
	e.SetOptions(opts...)
	return e
}

// SetOptions changes the encoder's options, for instance once UTF8=ACCEPT or
// LITERAL+ has been negotiated.
func (e *Encoder) SetOptions(opts ...Option) {
	for _, o := range opts {
		o(&e.opt)
	}
}

// Reset makes the encoder write to w, discarding any unfinished message and
// error and keeping its options.
func (e *Encoder) Reset(w io.Writer) {
	e.w, e.buf, e.err, e.depth, e.last, e.text = w, e.buf[:0], nil, 0, 0, false
}

// Err returns the first error of the current message, if any.
func (e *Encoder) Err() error { return e.err }

func (e *Encoder) fail(what string) *Encoder {
	if e.err == nil {
		e.err = &EncodeError{What: what, Err: ErrUnrepresentable}
	}
	return e
}

// An EncodeError reports a value an Encoder refused.
type EncodeError struct {
	What string // what was refused, and why
	Err  error  // ErrUnrepresentable, or the cause
}

// Error returns "imap/wire: cannot encode ...".
func (e *EncodeError) Error() string { return "imap/wire: cannot encode " + e.What }

// Unwrap returns the cause.
func (e *EncodeError) Unwrap() error { return e.Err }

// CRLF ends the message and writes it. It returns the first error of the
// message, if any, in which case nothing more is written, and resets the
// encoder for the next message.
func (e *Encoder) CRLF() error {
	switch {
	case e.err != nil:
	case e.depth != 0:
		e.fail("message: a list or section is still open")
	case e.spaceBefore() && !e.text:
		e.fail("message: a space before the line end")
	}
	err := e.err
	if err == nil {
		e.buf = append(e.buf, '\r', '\n')
		_, err = e.w.Write(e.buf)
	}
	e.buf, e.err, e.depth, e.last, e.text = e.buf[:0], nil, 0, 0, false
	return err
}

// Bytes returns the part of the current message not yet written. It is for
// tests and tools; the slice is valid until the next call.
func (e *Encoder) Bytes() []byte { return e.buf }

// SP writes a space. A space cannot start a message, follow another space
// or an opening "(" or "[", or come before a closing one or the line end
// (except before empty text, as in "a1 OK "): those are errors.
func (e *Encoder) SP() *Encoder {
	if e.err != nil {
		return e
	}
	if c := e.lastByte(); c == 0 || c == ' ' || c == '(' || c == '[' {
		return e.fail("space: at the start of a message, after a space or after an opening bracket")
	}
	e.buf = append(e.buf, ' ')
	e.last = ' '
	return e
}

// spaceBefore reports whether the message so far ends with a space.
func (e *Encoder) spaceBefore() bool { return e.lastByte() == ' ' }

// lastByte returns what the message so far ends with (see Encoder.last).
func (e *Encoder) lastByte() byte { return e.last }

// Atom writes an atom. s must be 1*ATOM-CHAR.
func (e *Encoder) Atom(s string) *Encoder {
	return e.word(s, cAtom, "atom")
}

// Tag writes a command tag: 1*<ASTRING-CHAR except "+">.
func (e *Encoder) Tag(s string) *Encoder {
	return e.word(s, cTag, "tag")
}

func (e *Encoder) word(s string, c uint8, rule string) *Encoder {
	if e.err != nil {
		return e
	}
	if s == "" || !allClass(s, c) {
		return e.fail(rule + " " + strconv.Quote(s))
	}
	e.buf = append(e.buf, s...)
	e.last = 'v'
	return e
}

func allClass[T string | []byte](s T, c uint8) bool {
	for i := 0; i < len(s); i++ {
		if class[s[i]]&c == 0 {
			return false
		}
	}
	return true
}

// Flag writes a flag: "\" followed by an atom, "\*", or a keyword atom.
// A "]" inside the atom, between its first byte and an ATOM-CHAR, is
// written as it is, as in Gmail's keyword OIB-Seen-[Gmail]/Trash: lenient
// decoding reads it (QuirkBracketInAtom), and the flag has no other form.
// A "]" at the end of the atom or before another "]" would end the atom on
// decoding, so such a flag is refused.
func (e *Encoder) Flag(s string) *Encoder {
	if e.err != nil {
		return e
	}
	if s == `\*` || len(s) > 1 && s[0] == '\\' && flagAtom(s[1:]) || flagAtom(s) {
		e.buf = append(e.buf, s...)
		e.last = 'v'
		return e
	}
	return e.fail("flag " + strconv.Quote(s))
}

// flagAtom reports whether s is 1*ATOM-CHAR, or that with "]" after its
// first byte and before an ATOM-CHAR, which lenient decoding reads back as
// part of the atom.
func flagAtom(s string) bool {
	if s == "" || s[0] == ']' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if class[s[i]]&cAtom != 0 {
			continue
		}
		if s[i] != ']' || i+1 == len(s) || class[s[i+1]]&cAtom == 0 {
			return false
		}
	}
	return true
}

// Number writes a 32-bit number.
func (e *Encoder) Number(n uint32) *Encoder { return e.Number64(uint64(n)) }

// Number64 writes a number64 (at most 2^63-1).
func (e *Encoder) Number64(n uint64) *Encoder {
	if e.err != nil {
		return e
	}
	if n > 1<<63-1 {
		return e.fail("number64 " + strconv.FormatUint(n, 10))
	}
	e.buf = strconv.AppendUint(e.buf, n, 10)
	e.last = 'v'
	return e
}

// NIL writes NIL.
func (e *Encoder) NIL() *Encoder {
	if e.err == nil {
		e.buf = append(e.buf, "NIL"...)
		e.last = 'v'
	}
	return e
}

// String writes a string: quoted when it can be, a literal otherwise.
func (e *Encoder) String(s string) *Encoder { return encodeString(e, s, false) }

// StringBytes is String for a byte slice.
func (e *Encoder) StringBytes(b []byte) *Encoder { return encodeString(e, b, false) }

// AString writes an astring: an atom when it can be (never for NIL, which
// would read back as nil), otherwise as String.
func (e *Encoder) AString(s string) *Encoder { return encodeString(e, s, true) }

// AStringBytes is AString for a byte slice.
func (e *Encoder) AStringBytes(b []byte) *Encoder { return encodeString(e, b, true) }

func encodeString[T string | []byte](e *Encoder, s T, astring bool) *Encoder {
	if e.err != nil {
		return e
	}
	if astring && len(s) > 0 && allClass(s, cAString) && !isNIL(s) {
		e.buf = append(e.buf, s...)
		e.last = 'v'
		return e
	}
	form, esc := quotable(s, e.opt.utf8)
	switch form {
	case formQuoted:
		e.buf = append(e.buf, '"')
		if !esc {
			e.buf = append(e.buf, s...)
		} else {
			for i := 0; i < len(s); i++ {
				if c := s[i]; c == '"' || c == '\\' {
					e.buf = append(e.buf, '\\')
				}
				e.buf = append(e.buf, s[i])
			}
		}
		e.buf = append(e.buf, '"')
		e.last = 'v'
		return e
	case formLiteral8:
		return e.literal([]byte(s), true)
	}
	return e.literal([]byte(s), false)
}

const (
	formQuoted = iota
	formLiteral
	formLiteral8
)

// quotable chooses the canonical form of a string, and reports whether a
// quoted form needs escapes.
func quotable[T string | []byte](s T, utf bool) (form int, esc bool) {
	form = formQuoted
	if len(s) > maxQuoted {
		form = formLiteral
	}
	eight := false
	for i := 0; i < len(s); i++ {
		switch quoteClass[s[i]] {
		case qPlain:
		case qEscape:
			esc = true
		case qNUL:
			return formLiteral8, false
		case qLineEnd:
			form = formLiteral
		case qEight:
			eight = true
		}
	}
	if eight && form == formQuoted && !(utf && utf8.ValidString(string(s))) {
		form = formLiteral
	}
	return form, esc
}

// The classes of bytes in a string to be written, for quotable.
const (
	qPlain   = iota // written as itself in a quoted string
	qEscape         // '"' and '\\': escaped in a quoted string
	qNUL            // only a literal8 can hold it
	qLineEnd        // CR and LF: only a literal can hold them
	qEight          // 8-bit: quoted only as UTF-8 under UTF8=ACCEPT
)

var quoteClass = func() (t [256]uint8) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = qEight
	}
	t['"'], t['\\'] = qEscape, qEscape
	t[0] = qNUL
	t['\r'], t['\n'] = qLineEnd, qLineEnd
	return t
}()

// Literal writes b as a literal, whatever its content. A NUL in b needs
// literal8, which the LiteralPolicy must allow.
func (e *Encoder) Literal(b []byte) *Encoder {
	if e.err != nil {
		return e
	}
	for _, c := range b {
		if c == 0 {
			return e.literal(b, true)
		}
	}
	return e.literal(b, false)
}

// LiteralNUL writes b as a literal, not a literal8, even when it holds a
// NUL, which RFC 9051 forbids in a literal. It is for writing back what
// lenient decoding accepted (QuirkNULInLiteral) where no literal8 may stand,
// such as the content of BODY[] in a FETCH response: the value has no valid
// form, and this one keeps its bytes.
func (e *Encoder) LiteralNUL(b []byte) *Encoder {
	if e.err != nil {
		return e
	}
	return e.literal(b, false)
}

// Literal8 writes b as a literal8 ("~{n}", RFC 3516), which the
// LiteralPolicy must allow.
func (e *Encoder) Literal8(b []byte) *Encoder {
	if e.err != nil {
		return e
	}
	return e.literal(b, true)
}

func (e *Encoder) literal(b []byte, binary bool) *Encoder {
	if !e.announce(int64(len(b)), binary) {
		return e
	}
	e.buf = append(e.buf, b...)
	e.last = 'v'
	return e
}

// announce writes the announcement of a literal of size bytes and performs
// the continuation handshake for a synchronising one.
func (e *Encoder) announce(size int64, binary bool) bool {
	var ann literal.Announcement
	switch {
	case e.opt.policy != nil:
		var err error
		if ann, err = e.opt.policy.Announce(size, binary); err != nil {
			e.err = &EncodeError{What: "literal: " + err.Error(), Err: err}
			return false
		}
	case binary:
		e.fail("literal8: BINARY not allowed by the literal policy")
		return false
	default:
		ann = literal.Announcement{Size: size}
	}
	e.buf = ann.AppendTo(e.buf)
	e.buf = append(e.buf, '\r', '\n')
	if !ann.NonSync && e.opt.cont != nil {
		if _, err := e.w.Write(e.buf); err != nil {
			e.err = err
			return false
		}
		e.buf = e.buf[:0]
		if f, ok := e.w.(interface{ Flush() error }); ok {
			if err := f.Flush(); err != nil {
				e.err = err
				return false
			}
		}
		if err := e.opt.cont(ann); err != nil {
			e.err = err
			return false
		}
	}
	return true
}

// LiteralFrom writes a literal of exactly size bytes read from r (a literal8
// if binary), streaming the body rather than buffering it. If r ends early
// the error is io.ErrUnexpectedEOF; the peer has then seen a partial literal
// and the connection cannot be used for further messages.
func (e *Encoder) LiteralFrom(r io.Reader, size int64, binary bool) *Encoder {
	if e.err != nil {
		return e
	}
	if size < 0 {
		return e.fail("literal of negative size")
	}
	if !e.announce(size, binary) {
		return e
	}
	if _, err := e.w.Write(e.buf); err != nil {
		e.err = err
		return e
	}
	e.buf = e.buf[:0]
	n, err := io.Copy(e.w, io.LimitReader(r, size))
	e.last = 'v'
	if err == nil && n < size {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		e.err = err
	}
	return e
}

// ListStart writes "(".
func (e *Encoder) ListStart() *Encoder { return e.open('(') }

// ListEnd writes ")".
func (e *Encoder) ListEnd() *Encoder { return e.close(')') }

// SectionStart writes "[".
func (e *Encoder) SectionStart() *Encoder { return e.open('[') }

// SectionEnd writes "]".
func (e *Encoder) SectionEnd() *Encoder { return e.close(']') }

func (e *Encoder) open(c byte) *Encoder {
	if e.err == nil {
		e.depth++
		e.buf = append(e.buf, c)
		e.last = c
	}
	return e
}

func (e *Encoder) close(c byte) *Encoder {
	if e.err != nil {
		return e
	}
	if e.depth == 0 {
		return e.fail("unbalanced " + quoteByte(c))
	}
	if e.spaceBefore() {
		return e.fail("space before " + quoteByte(c))
	}
	e.depth--
	e.buf = append(e.buf, c)
	e.last = c
	return e
}

// Punct writes one of the punctuation bytes that typed grammars put between
// or inside elements: < > . : , * + - = $ % (as in "BODY[1.2]<0.100>",
// "+FLAGS", "1:*"). Any other byte is an error.
func (e *Encoder) Punct(c byte) *Encoder {
	if e.err != nil {
		return e
	}
	switch c {
	case '<', '>', '.', ':', ',', '*', '+', '-', '=', '$', '%':
		e.buf = append(e.buf, c)
		e.last = 'v'
		return e
	}
	return e.fail("punctuation " + strconv.QuoteRune(rune(c)))
}

// Text writes text to the end of the line: TEXT-CHAR and, as RFC 9051 allows,
// UTF-8. It is an error for it to hold CR, LF, NUL or invalid UTF-8.
func (e *Encoder) Text(s string) *Encoder { return encodeText(e, s) }

func encodeText[T string | []byte](e *Encoder, s T) *Encoder {
	if e.err != nil {
		return e
	}
	eight := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0 || c == '\r' || c == '\n':
			return e.fail("text with CR, LF or NUL")
		case c >= 0x80:
			eight = true
		}
	}
	if eight && !utf8.ValidString(string(s)) {
		return e.fail("text with invalid UTF-8")
	}
	e.buf = append(e.buf, s...)
	e.last, e.text = 'v', true
	return e
}

// encodeRawText writes text decoded leniently as it came: valid text is
// checked as by Text, but 8-bit bytes that are not UTF-8 (which lenient
// decoding accepts with QuirkEightBit, as from servers that send Latin-1)
// are written back unchanged, since text has no other form. CR, LF and NUL
// are still refused.
func encodeRawText(e *Encoder, s []byte) {
	if e.err != nil {
		return
	}
	for _, c := range s {
		if c == 0 || c == '\r' || c == '\n' {
			e.fail("text with CR, LF or NUL")
			return
		}
	}
	e.buf = append(e.buf, s...)
	e.last, e.text = 'v', true
}
