package response

import (
	"io"
	"strings"

	"github.com/mailwire/imap/bodystructure"
	"github.com/mailwire/imap/wire"
)

// A Decoder reads server responses from a stream, one typed Response per
// call: the client side of the protocol.
//
// It is lenient by default: the deviations that real servers send are
// accepted and reported by Quirks. With wire.Strict(true) each of them is a
// *wire.SyntaxError naming the quirk instead. After a *wire.SyntaxError,
// Skip goes on with the next response.
//
// Decoded values are the caller's: they share no memory with the decoder
// and stay valid after later calls.
type Decoder struct {
	w *wire.Decoder
	// sectionFn, when set, receives FETCH body sections as they stream.
	sectionFn SectionFunc
	// upper is scratch space for response names.
	upper [16]byte

	// Memory for decoded values, taken from blocks shared by many of
	// them (see bodystructure.Arena): strings and bodies, lists of
	// strings, FETCH responses.
	arena    bodystructure.Arena
	strStack []string
	strBlock []string
	fetches  []Fetch
	reuse    bool // see ReuseValues
}

// ReuseValues sets whether ReadResponse may reuse the memory of the values
// it returned before, as encoding/csv's Reader.ReuseRecord does. When on,
// a response and everything it points to — a Fetch, its flags, envelope,
// addresses and body structure, and the structs and slices of every other
// kind of response — are valid only until the next call of ReadResponse,
// which may overwrite them. Strings are never overwritten: a string taken
// from a response stays valid and unchanged.
//
// It suits a caller that handles each response before it reads the next —
// one that prints or re-encodes it, or copies out what it keeps — and
// spares it the allocations, the zeroing of new memory and the garbage
// collection that owned values cost: reading FETCH responses then
// allocates only the memory of their strings. It is off by default.
func (d *Decoder) ReuseValues(on bool) { d.reuse = on }

// NewDecoder returns a Decoder reading from r with the given wire options
// (limits, strictness, UTF8=ACCEPT; see package wire). Its reads are
// buffered: it may read past the last response it returns.
func NewDecoder(r io.Reader, opts ...wire.Option) *Decoder {
	return &Decoder{w: wire.NewDecoder(r, opts...)}
}

// Reset makes d read from r as if it were new, keeping its options and
// buffers.
func (d *Decoder) Reset(r io.Reader) { d.w.Reset(r) }

// SetOptions changes the wire options for the responses read from now on,
// as after ENABLE UTF8=ACCEPT.
func (d *Decoder) SetOptions(opts ...wire.Option) { d.w.SetOptions(opts...) }

// Quirks returns the deviations tolerated in the last response read (or
// the one being read), each named with its stream offset. The slice is
// valid until the next call of ReadResponse.
func (d *Decoder) Quirks() []wire.QuirkReport { return d.w.Quirks() }

// Offset returns the stream offset of the next byte to read.
func (d *Decoder) Offset() int64 { return d.w.Offset() }

// MessageOffset returns the stream offset of the first byte of the
// response being read, or of the last one read.
func (d *Decoder) MessageOffset() int64 { return d.w.MessageOffset() }

// Skip abandons the rest of the current response, after an error, so that
// the next ReadResponse starts with the next one. It reads what is left of
// the response, literals included.
func (d *Decoder) Skip() error { return d.w.Skip() }

// rewind makes the memory of the values returned so far available to the
// next ones (see ReuseValues): the blocks of FETCH responses, of lists of
// strings, and the arena's, zeroed.
func (d *Decoder) rewind() {
	d.arena.Rewind()
	clear(d.fetches)
	d.fetches = d.fetches[:0]
	clear(d.strBlock)
	d.strBlock = d.strBlock[:0]
}

// ReadResponse reads the next whole response.
//
// At the end of the input, between responses, it returns io.EOF; a stream
// cut inside a response is io.ErrUnexpectedEOF. A response that breaks the
// grammar is a *wire.SyntaxError with its offset; call Skip to go on. Other
// errors come from the reader, and after a transient one the decoder
// cannot resume the response: call Skip.
func (d *Decoder) ReadResponse() (Response, error) {
	w := d.w
	if d.reuse {
		d.rewind()
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	var r Response
	switch c {
	case '*':
		w.Expect('*', "response")
		r, err = d.readUntagged()
	case '+':
		w.Expect('+', "continue-req")
		r, err = d.readContinuation()
	default:
		var tag []byte
		if tag, err = w.ReadTag(); err != nil {
			return nil, err
		}
		s := &Status{Tag: string(tag)}
		if err = w.SP(); err == nil {
			err = d.readTagged(s)
		}
		r = s
	}
	if err != nil {
		return nil, err
	}
	if err := w.ReadEOL(); err != nil {
		return nil, err
	}
	return r, nil
}

// name reads a response name, an atom, and returns it in upper case, in
// d.upper if it fits.
func (d *Decoder) name() ([]byte, error) {
	b, err := d.w.ReadAtom()
	if err != nil {
		return nil, err
	}
	return d.upperName(b), nil
}

func (d *Decoder) readUntagged() (Response, error) {
	w := d.w
	if err := w.SP(); err != nil {
		return nil, err
	}
	c, err := w.Peek()
	if err != nil {
		return nil, err
	}
	if '0' <= c && c <= '9' {
		n, err := w.ReadNumber()
		if err != nil {
			return nil, err
		}
		if err := w.SP(); err != nil {
			return nil, err
		}
		off := w.Offset()
		if b := w.Window(); len(b) > 6 && string(b[:6]) == "FETCH " {
			// Most responses of a session, by far: read without a
			// look-up by name.
			w.Consume(len("FETCH"))
			return readFetch(d, n, off)
		}
		name, err := d.name()
		if err != nil {
			return nil, err
		}
		if read := numbered[string(name)]; read != nil {
			return read(d, n, off)
		}
		return d.readUnknown(name, n, true)
	}
	name, err := d.name()
	if err != nil {
		return nil, err
	}
	if t := parseStatusType(name); t != 0 {
		s := &Status{Type: t}
		return s, d.readStatus(s)
	}
	if read := untagged[string(name)]; read != nil {
		return read(d)
	}
	return d.readUnknown(name, 0, false)
}

// untagged maps the names of untagged data responses to their readers. A
// reader is called after the name and reads up to the line ending.
var untagged map[string]func(d *Decoder) (Response, error)

// numbered maps the names of untagged responses that follow a number
// ("* 23 EXISTS") to their readers; off is the offset of the name.
var numbered map[string]func(d *Decoder, n uint32, off int64) (Response, error)

func init() {
	untagged = map[string]func(d *Decoder) (Response, error){
		"CAPABILITY": readCapability,
		"ENABLED":    readEnabled,
		"ID":         readID,
		"NAMESPACE":  readNamespace,
		"LIST":       readList,
		"LSUB":       readList,
		"STATUS":     readMailboxStatus,
		"FLAGS":      readFlags,
		"SEARCH":     readSearch,
		"SORT":       readSort,
		"ESEARCH":    readESearch,
		"THREAD":     readThread,
		"VANISHED":   readVanished,
		"QUOTA":      readQuota,
		"QUOTAROOT":  readQuotaRoot,
		"ACL":        readACL,
		"LISTRIGHTS": readListRights,
		"MYRIGHTS":   readMyRights,
		"METADATA":   readMetadata,
		"GENURLAUTH": readGenURLAuth,
		"URLFETCH":   readURLFetch,
	}
	numbered = map[string]func(d *Decoder, n uint32, off int64) (Response, error){
		"EXISTS":  readExists,
		"RECENT":  readRecent,
		"EXPUNGE": readExpunge,
		"FETCH":   readFetch,
	}
}

// isKnown reports whether an untagged response named name (with a number
// before it if numbered) is one this package types, in any case.
func isKnown(name string, hasNumber bool) bool {
	name = strings.ToUpper(name)
	if hasNumber {
		return numbered[name] != nil
	}
	return parseStatusType([]byte(name)) != 0 || untagged[name] != nil
}

func parseStatusType(name []byte) StatusType {
	switch string(name) {
	case "OK":
		return OK
	case "NO":
		return NO
	case "BAD":
		return BAD
	case "BYE":
		return BYE
	case "PREAUTH":
		return PREAUTH
	}
	return 0
}

// readTagged reads a tagged status response after the tag and space.
func (d *Decoder) readTagged(s *Status) error {
	off := d.w.Offset()
	name, err := d.name()
	if err != nil {
		return err
	}
	switch s.Type = parseStatusType(name); s.Type {
	case OK, NO, BAD:
		return d.readStatus(s)
	case BYE, PREAUTH:
		return d.w.Failf(off, "response-tagged", "%s is never tagged", s.Type)
	}
	return d.w.Failf(off, "response-tagged", "expected OK, NO or BAD")
}

// readStatus reads what follows the condition of a status response:
// SP resp-text. A response code with no space or text after it is
// QuirkCodeWithoutText (Gmail), and so is a condition with nothing after it.
func (d *Decoder) readStatus(s *Status) error {
	code, text, err := d.readRespText(wire.QuirkCodeWithoutText)
	s.Code, s.Text = code, text
	return err
}

// readRespText reads [SP resp-text] up to the line ending. When the line
// ends before the space, quirk q is reported and the text is empty. Text
// right after a response code's "]" is wire.QuirkCodeWithoutSpace.
func (d *Decoder) readRespText(q wire.Quirk) (Code, string, error) {
	w := d.w
	if err := d.spOrEnd(q); err != nil {
		return nil, "", err
	}
	if eol, err := w.AtEOL(); eol || err != nil {
		// "* OK \r\n": empty text after the space, which RFC 9051 allows.
		return nil, "", err
	}
	var code Code
	off := w.Offset()
	name, args, ok, err := w.ReadCode()
	if err != nil {
		return nil, "", err
	}
	if ok {
		if code, err = d.readCode(name, args, off); err != nil {
			return nil, "", err
		}
		if c, err := w.Peek(); err != nil {
			return nil, "", err
		} else if c != ' ' && c != '\r' && c != '\n' {
			if err := w.Quirk(wire.QuirkCodeWithoutSpace, w.Offset(), "resp-text"); err != nil {
				return nil, "", err
			}
		} else if err := d.spOrEnd(wire.QuirkCodeWithoutText); err != nil {
			return nil, "", err
		}
	}
	text, err := d.text()
	return code, text, err
}

// spMailbox reads SP mailbox, the start of many responses.
func (d *Decoder) spMailbox() (string, error) {
	if err := d.w.SP(); err != nil {
		return "", err
	}
	return d.w.ReadMailbox()
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

// spOrEnd reads a space, or, if the line ends here, reports quirk q.
func (d *Decoder) spOrEnd(q wire.Quirk) error {
	w := d.w
	off := w.Offset()
	c, err := w.Peek()
	if err != nil {
		return err
	}
	if c == '\r' || c == '\n' {
		return w.Quirk(q, off, "resp-text")
	}
	return w.SP()
}

// text reads text to the end of the line. In lenient mode 8-bit bytes that
// are not UTF-8 (wire.QuirkEightBit) become U+FFFD, so that the value
// encodes again.
func (d *Decoder) text() (string, error) {
	b, err := d.w.ReadText()
	if err != nil {
		return "", err
	}
	return validText(b), nil
}

// readContinuation reads a continuation request after the "+". A "+"
// followed directly by the line ending is QuirkContinuationNoSpace (Yandex).
func (d *Decoder) readContinuation() (Response, error) {
	code, text, err := d.readRespText(wire.QuirkContinuationNoSpace)
	return &Continuation{Code: code, Text: text}, err
}

// readUnknown reads the rest of an untagged response of an unknown kind as
// generic values.
func (d *Decoder) readUnknown(name []byte, n uint32, hasNum bool) (Response, error) {
	w := d.w
	if !isAtom(name) {
		return nil, w.Failf(w.Offset()-int64(len(name)), "response-data", "expected a response name, found %q", name)
	}
	u := &Unknown{Number: n, HasNumber: hasNum, Name: string(name)}
	for {
		if more, err := d.another(); !more || err != nil {
			return u, err
		}
		v, err := w.ReadValue()
		if err != nil {
			return nil, err
		}
		u.Args = append(u.Args, v)
	}
}
