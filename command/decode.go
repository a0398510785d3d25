package command

import (
	"io"
	"strings"

	"github.com/mailwire/imap/wire"
)

// A Decoder reads client commands from a stream, one typed Command per
// call: the server side of the protocol.
//
// Before the body of each synchronising literal it runs the hook set with
// wire.Continuation, which sends the continuation request ("+ Ready") or
// refuses the literal (for instance with [TOOBIG]); wire.LiteralPolicy
// says which literals the server announced it accepts (LITERAL+, LITERAL-,
// BINARY, a maximum size). The message literals of APPEND and REPLACE can
// be streamed rather than buffered: see StreamMessages.
//
// It is lenient by default: the deviations that real clients send are
// accepted and reported by Quirks. With wire.Strict(true) each of them is a
// *wire.SyntaxError naming the quirk instead. After a *wire.SyntaxError,
// Tag returns the tag to answer BAD with, and Skip goes on with the next
// command.
//
// Decoded values are the caller's: they share no memory with the decoder.
type Decoder struct {
	w   *wire.Decoder
	tag string
	// auth is set after an AUTHENTICATE command: until the next command,
	// a line of base64 or "*" is a client response.
	auth bool
	// stream, when set, receives APPEND and REPLACE message literals as
	// they stream.
	stream MessageFunc
	// upper is scratch space for command names.
	upper [24]byte
}

// NewDecoder returns a Decoder reading from r with the given wire options
// (limits, strictness, literal policy and continuation hook, UTF8=ACCEPT;
// see package wire). Its reads are buffered: it may read past the last
// command it returns.
func NewDecoder(r io.Reader, opts ...wire.Option) *Decoder {
	return &Decoder{w: wire.NewDecoder(r, opts...)}
}

// Reset makes d read from r as if it were new, keeping its options,
// buffers and message hook.
func (d *Decoder) Reset(r io.Reader) {
	d.w.Reset(r)
	d.tag, d.auth = "", false
}

// SetOptions changes the wire options for the commands read from now on,
// as after ENABLE UTF8=ACCEPT.
func (d *Decoder) SetOptions(opts ...wire.Option) { d.w.SetOptions(opts...) }

// Quirks returns the deviations tolerated in the last command read (or the
// one being read), each named with its stream offset. The slice is valid
// until the next call of ReadCommand.
func (d *Decoder) Quirks() []wire.QuirkReport { return d.w.Quirks() }

// Offset returns the stream offset of the next byte to read.
func (d *Decoder) Offset() int64 { return d.w.Offset() }

// MessageOffset returns the stream offset of the first byte of the command
// being read, or of the last one read.
func (d *Decoder) MessageOffset() int64 { return d.w.MessageOffset() }

// Tag returns the tag of the command being read or last read, or "" if
// none could be read: after an error, the tag a server answers BAD with.
func (d *Decoder) Tag() string { return d.tag }

// Skip abandons the rest of the current command, after an error, so that
// the next ReadCommand starts with the next one. It reads what is left of
// the command, except the bodies of literals that were announced but not
// yet sent: a client waits for a continuation request before sending
// those.
func (d *Decoder) Skip() error { return d.w.Skip() }

// ReadCommand reads the next whole command and returns its tag and body.
// The lines a client sends inside a command have no tag: DONE, which ends
// IDLE, is a *Done, and after an AUTHENTICATE command a line of base64
// data or "*" is an *AuthResponse.
//
// At the end of the input, between commands, it returns io.EOF; a stream
// cut inside a command is io.ErrUnexpectedEOF. A command that breaks the
// grammar is a *wire.SyntaxError with its offset; an error returned by the
// continuation hook is returned as it is. Call Skip to go on after either.
func (d *Decoder) ReadCommand() (tag string, cmd Command, err error) {
	d.tag = ""
	cmd, err = d.readCommand()
	if err == nil {
		err = d.w.ReadEOL()
	}
	if err != nil {
		return d.tag, nil, err
	}
	switch cmd.(type) {
	case *Authenticate:
		d.auth = true
	case *AuthResponse:
	default:
		d.auth = false
	}
	return d.tag, cmd, nil
}

func (d *Decoder) readCommand() (Command, error) {
	w := d.w
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if d.auth {
		if r, ok, err := d.readAuthResponse(c); ok || err != nil {
			return r, err
		}
	}
	tag, err := w.ReadTag()
	if err != nil {
		return nil, err
	}
	if eol, err := w.AtEOL(); err != nil {
		return nil, err
	} else if eol && strings.EqualFold(string(tag), "DONE") {
		return &Done{}, nil
	}
	d.tag = string(tag)
	if err := w.SP(); err != nil {
		return nil, err
	}
	name, err := d.name()
	if err != nil {
		return nil, err
	}
	if string(name) == "UID" {
		if err := w.SP(); err != nil {
			return nil, err
		}
		off := w.Offset()
		sub, err := d.name()
		if err != nil {
			return nil, err
		}
		name := "UID " + string(sub)
		if read := readers[name]; read != nil {
			return read(d, true)
		}
		if readers[string(sub)] != nil {
			return nil, w.Failf(off, "uid", "expected a command that has a UID form, found %q", sub)
		}
		// An extension's UID form ("UID XFOO"), kept raw.
		return d.readUnknown(name)
	}
	if read := readers[string(name)]; read != nil {
		return read(d, false)
	}
	return d.readUnknown(string(name))
}

// readAuthResponse reads a client response of an AUTHENTICATE exchange,
// if the line is one: base64 data, empty, or "*". A line that goes on
// after its first word is a command (ok false).
func (d *Decoder) readAuthResponse(c byte) (cmd Command, ok bool, err error) {
	w := d.w
	switch c {
	case '\r', '\n':
		return &AuthResponse{}, true, nil
	case '*':
		w.Expect('*', "authenticate")
		return &AuthResponse{Cancel: true}, true, nil
	}
	off := w.Offset()
	for {
		win := w.Window()
		n := 0
		for n < len(win) && isBase64Char(win[n]) {
			n++
		}
		if n < len(win) {
			if win[n] != '\r' && win[n] != '\n' {
				return nil, false, nil // a command
			}
			b := win[:n]
			w.Consume(n)
			return d.authData(b, off)
		}
		if !w.Refill() {
			break
		}
	}
	// The line is longer than the decoder takes, or the input ends: read
	// it as an atom to meet the error.
	b, err := w.ReadAtom()
	if err != nil {
		return nil, true, err
	}
	if eol, err := w.AtEOL(); err != nil || !eol {
		if err == nil {
			err = w.Failf(off, "authenticate", "expected a base64 client response")
		}
		return nil, true, err
	}
	return d.authData(b, off)
}

func (d *Decoder) authData(b []byte, off int64) (Command, bool, error) {
	data, err := decodeBase64(b)
	if err != nil {
		return nil, true, d.w.Failf(off, "authenticate", "client response: %v", err)
	}
	return &AuthResponse{Data: NewSecret(data)}, true, nil
}

func isBase64Char(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '='
}

// A reader reads a command's arguments after its name: from the space
// that follows it, if any, up to but not including the line ending. uid
// reports the UID form of the command.
type reader func(d *Decoder, uid bool) (Command, error)

// readers maps command names ("FETCH", "UID FETCH") to their readers. Each
// file registers its commands with register.
var readers = map[string]reader{}

// register adds the readers of commands.
func register(read reader, names ...string) {
	for _, n := range names {
		readers[n] = read
	}
}

// isKnown reports whether a command named name, in any case, is one this
// package types.
func isKnown(name string) bool {
	return readers[strings.ToUpper(name)] != nil || strings.EqualFold(name, "UID") || strings.EqualFold(name, "DONE")
}

// name reads a command name (or another keyword), a strict atom,
// and returns it in upper case, in d.upper if it fits.
func (d *Decoder) name() ([]byte, error) {
	off := d.w.Offset()
	b, err := d.w.ReadAtom()
	if err != nil {
		return nil, err
	}
	for i, c := range b {
		if c >= 0x80 || c == ']' {
			// Lenient atoms take them; names do not.
			return nil, d.w.Failf(off+int64(i), "atom", "expected a name, found %q", b)
		}
	}
	u := d.upper[:0]
	if len(b) > len(d.upper) {
		u = make([]byte, 0, len(b))
	}
	for _, c := range b {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		u = append(u, c)
	}
	return u, nil
}

// another reports whether another item follows on the line, reading the
// space before it: false at the line ending, or at spaces before it, which
// ReadEOL reports as wire.QuirkTrailingSpace.
func (d *Decoder) another() (bool, error) {
	if eol, err := d.w.AtEOL(); eol || err != nil {
		return false, err
	}
	return true, d.w.SP()
}

// spMailbox reads SP mailbox.
func (d *Decoder) spMailbox() (string, error) {
	if err := d.w.SP(); err != nil {
		return "", err
	}
	return d.w.ReadMailbox()
}

// spAString reads SP astring.
func (d *Decoder) spAString() (string, error) {
	if err := d.w.SP(); err != nil {
		return "", err
	}
	b, err := d.w.ReadAString()
	return string(b), err
}

// readUnknown reads the arguments of a command of an unknown kind as
// generic values.
func (d *Decoder) readUnknown(name string) (Command, error) {
	u := &Unknown{Name: name}
	for {
		if more, err := d.another(); !more || err != nil {
			return u, err
		}
		v, err := d.w.ReadValue()
		if err != nil {
			return nil, err
		}
		u.Args = append(u.Args, v)
	}
}
