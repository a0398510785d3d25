package wire

import (
	"bytes"
	"fmt"
	"io"

	"github.com/mailwire/imap/literal"
)

// A Decoder reads IMAP messages from a byte stream.
//
// A message is a line plus the literals it announces: a literal announcement
// at the end of a line continues the message on the next line after the
// literal body. The decoder always knows where the current message ends, so
// after an error the caller can call Skip to discard the rest of the message
// and go on with the next one.
//
// The Read methods decode one grammar element each, for typed layers that
// know what comes next; ReadToken and ReadMessage read any input as generic
// tokens and values. Byte slices returned by the Decoder are views of its
// buffers, valid only until the next call of any of its methods; use
// bytes.Clone, string conversion or Token.Clone to keep them.
//
// A Decoder is not safe for concurrent use.
type Decoder struct {
	src    io.Reader
	buf    []byte
	r, w   int   // unread bytes are buf[r:w]
	end    int   // line bytes may be read up to here: w, or less at the line limit
	base   int64 // stream offset of buf[0]
	srcEOF bool  // src returned io.EOF

	opt options

	// State of the current message.
	inMsg    bool
	msgStart int64 // stream offset of the message's first byte
	segStart int64 // stream offset of the current line segment's first byte
	lineUsed int64 // non-literal bytes of the message's earlier segments
	litTotal int64 // literal bytes announced so far
	depth    int
	items    int
	quirks   []QuirkReport
	err      error // first error in the current message, until Skip

	lit      litState
	litGen   uint64 // counts streamed literals, to detect stale readers
	scratch  []byte // unescaped quoted strings
	litBuf   []byte // literal bodies that do not fit in buf
	gen      genState
	litTok   Token  // the literal token being read, for resumption
	opens    []byte // open "(" and "[" of ReadToken, innermost last
	spaces   int    // spaces read before the next token
	spaceOff int64  // offset of the first of them

	// tokFast is set when ReadToken may take its fast path, which needs
	// everything tokFastOK checks. Only ReadToken's general path sets it;
	// whatever falsifies one of the conditions clears it.
	tokFast bool

	// textLine is set when the current line ends in free text (a status
	// response or continuation request), in which a trailing "{n}" is text,
	// not a literal announcement.
	textLine bool

	// Skip's memory of the line it is discarding.
	ann annScanner
}

// litState tracks a literal whose announcement has been read.
type litState struct {
	pending bool // the body (or its remainder) is still in the stream
	ann     literal.Announcement
	remain  int64 // body bytes not yet consumed
	refused bool  // refused by a limit or the hook; the body may not follow
	got     int   // body bytes already copied into litBuf (buffered reads)
	// buffering is set while the body is read as bytes, so that a read
	// interrupted by an I/O error resumes rather than skips it.
	buffering bool
}

const (
	minBufSize = 16 << 10
	// maxReadRetries bounds calls to a reader that returns no data and no
	// error, as bufio does.
	maxReadRetries = 100
)

// NewDecoder returns a Decoder that reads from r with the given options.
func NewDecoder(r io.Reader, opts ...Option) *Decoder {
	d := &Decoder{src: r, opt: defaultOptions()}
	d.SetOptions(opts...)
	return d
}

// Reset makes the decoder read from r, keeping its options and buffers.
func (d *Decoder) Reset(r io.Reader) {
	*d = Decoder{
		src:     r,
		buf:     d.buf[:cap(d.buf)],
		opt:     d.opt,
		quirks:  d.quirks[:0],
		scratch: d.scratch[:0],
		litBuf:  d.litBuf[:0],
		opens:   d.opens[:0],
	}
}

// SetOptions changes the decoder's options, for instance to enable UTF8 or
// LITERAL+ once they have been negotiated. It takes effect at once.
func (d *Decoder) SetOptions(opts ...Option) {
	for _, o := range opts {
		o(&d.opt)
	}
}

// Offset returns the stream offset of the next byte the decoder will read.
func (d *Decoder) Offset() int64 { return d.base + int64(d.r) }

// MessageOffset returns the stream offset of the first byte of the current
// message, or of the last one if the decoder is between messages.
func (d *Decoder) MessageOffset() int64 { return d.msgStart }

// InMessage reports whether the decoder has read part of a message whose
// end it has not reached.
func (d *Decoder) InMessage() bool { return d.inMsg }

// Quirks returns the deviations tolerated so far in the current message, or
// in the last one if the decoder is between messages. The slice is valid
// until the next message starts.
func (d *Decoder) Quirks() []QuirkReport { return d.quirks }

// Strict reports whether the decoder is in strict mode.
func (d *Decoder) Strict() bool { return d.opt.strict }

// Quirk reports a deviation found at offset off while decoding rule. In
// lenient mode it is recorded (see Quirks) and Quirk returns nil; in strict
// mode Quirk returns a *SyntaxError that names it, and the message is broken
// until Skip. Typed layers use it for the quirks of their own grammar.
func (d *Decoder) Quirk(q Quirk, off int64, rule string) error {
	if d.opt.strict {
		return d.failQuirk(q, off, rule)
	}
	d.quirks = append(d.quirks, QuirkReport{Quirk: q, Offset: off})
	return nil
}

// Fail returns a *SyntaxError for offset off and rule, wrapping cause (or
// ErrSyntax when cause is nil), and marks the current message broken: until
// Skip, every Read method returns this error. Typed layers use it to report
// errors of their own grammar with the decoder's positions.
func (d *Decoder) Fail(off int64, rule string, cause error) error {
	if cause == nil {
		cause = ErrSyntax
	}
	return d.fail(off, rule, cause)
}

// Failf is Fail with a message: the *SyntaxError wraps ErrSyntax and says
// what went wrong, as in "expected a body part".
func (d *Decoder) Failf(off int64, rule, format string, args ...any) error {
	return d.fail(off, rule, errDetail(fmt.Sprintf(format, args...)))
}

func (d *Decoder) fail(off int64, rule string, cause error) error {
	return d.broken(&SyntaxError{Offset: off, Rule: rule, Err: cause, Quote: d.quoteAt(off)})
}

func (d *Decoder) failQuirk(q Quirk, off int64, rule string) error {
	return d.broken(&SyntaxError{Offset: off, Rule: rule, Quirk: q, Err: ErrQuirk, Quote: d.quoteAt(off)})
}

// broken marks the current message broken by e, unless it already is, and
// returns e.
func (d *Decoder) broken(e *SyntaxError) error {
	if d.err == nil {
		d.err = e
		d.tokFast = false
	}
	return e
}

// failf reports a plain syntax error explained by msg.
func (d *Decoder) failf(off int64, rule, msg string) error {
	return d.fail(off, rule, errDetail(msg))
}

// quoteAt returns the buffered input at stream offset off, for an error.
func (d *Decoder) quoteAt(off int64) string {
	i := off - d.base
	if i < 0 || i > int64(d.w) {
		return ""
	}
	return quote(d.buf[i:d.w])
}

// begin starts a message if the decoder is between messages.
func (d *Decoder) begin() {
	if d.inMsg {
		return
	}
	off := d.Offset()
	d.inMsg = true
	d.tokFast = false
	defer d.setEnd()
	d.msgStart = off
	d.segStart = off
	d.lineUsed = 0
	d.litTotal = 0
	d.depth = 0
	d.items = 0
	d.opens = d.opens[:0]
	d.spaces = 0
	d.quirks = d.quirks[:0]
	d.err = nil
	d.textLine = false
}

// MarkTextLine tells the decoder that the current line ends in free text, as
// a status response or a continuation request does, so that if the message
// is skipped a "{n}" at the end of the line is taken as text rather than as
// a literal announcement. ReadText and ReadMessage mark text lines
// themselves; typed layers call it as soon as they recognise such a line.
func (d *Decoder) MarkTextLine() { d.textLine = true }

// endMessage finishes the current message after its final line ending, which ends
// at the current offset.
func (d *Decoder) endMessage() error {
	used := d.lineUsed + d.Offset() - d.segStart
	d.inMsg = false
	d.tokFast = false
	d.setEnd()
	if used > d.opt.maxLineBytes {
		return d.fail(d.segStart+d.opt.maxLineBytes-d.lineUsed, "message", d.errLine())
	}
	return nil
}

// errLine is the cause of a line-limit error.
func (d *Decoder) errLine() error {
	return errLimit(ErrLineTooLong, "message line", "MaxLineBytes", d.opt.maxLineBytes)
}

// ioErr converts an error from the source for the caller: io.EOF inside a
// message becomes io.ErrUnexpectedEOF.
func (d *Decoder) ioErr(err error) error {
	if err == io.EOF && d.inMsg {
		return io.ErrUnexpectedEOF
	}
	return err
}

// more reads more input into the buffer, keeping the unread bytes. It
// returns the source's error, io.EOF included, when nothing was read.
func (d *Decoder) more() error {
	if d.srcEOF {
		return io.EOF
	}
	if d.r == d.w {
		d.base += int64(d.r)
		d.r, d.w = 0, 0
	} else if d.r > 0 && d.w == len(d.buf) {
		n := copy(d.buf, d.buf[d.r:d.w])
		d.base += int64(d.r)
		d.r, d.w = 0, n
	}
	if d.w == len(d.buf) {
		size := 2 * len(d.buf)
		if size < minBufSize {
			size = minBufSize
		}
		nb := make([]byte, size)
		d.w = copy(nb, d.buf[d.r:d.w])
		d.base += int64(d.r)
		d.r = 0
		d.buf = nb
	}
	d.setEnd()
	for range maxReadRetries {
		n, err := d.src.Read(d.buf[d.w:])
		if n < 0 || n > len(d.buf)-d.w {
			return io.ErrShortBuffer
		}
		d.w += n
		if err == io.EOF {
			d.srcEOF = true
		}
		if n > 0 {
			d.setEnd()
			return nil
		}
		if err != nil {
			return err
		}
	}
	return io.ErrNoProgress
}

// lineLimit returns the stream offset at which the current message's
// non-literal bytes reach MaxLineBytes.
func (d *Decoder) lineLimit() int64 {
	return d.segStart + d.opt.maxLineBytes - d.lineUsed
}

// setEnd sets how far line bytes may be read: to the end of the buffered
// input, or to the line limit if it comes first. While a literal body is
// pending no line bytes may be read.
func (d *Decoder) setEnd() {
	d.end = d.w
	if !d.inMsg {
		return
	}
	if d.lit.pending {
		d.end = d.r
		return
	}
	if lim := d.lineLimit() - d.base; lim < int64(d.end) {
		d.end = max(int(lim), d.r)
	}
}

// moreLine is more for bytes of a line: it enforces MaxLineBytes before the
// buffer grows. All unread bytes belong to the current line segment when it
// is called, since the token being read is incomplete.
func (d *Decoder) moreLine() error {
	if d.inMsg {
		if limit := d.lineLimit(); d.base+int64(d.end) >= limit {
			return d.fail(limit, "message", d.errLine())
		}
	}
	if err := d.more(); err != nil {
		return d.ioErr(err)
	}
	return nil
}

// peek returns the next byte without consuming it.
func (d *Decoder) peek() (byte, error) {
	for d.r == d.end {
		if err := d.moreLine(); err != nil {
			return 0, err
		}
	}
	return d.buf[d.r], nil
}

// peek2 returns the byte after the next one, or ok=false at the end of the
// input.
func (d *Decoder) peekAt(i int) (c byte, err error) {
	for d.end-d.r <= i {
		if err := d.moreLine(); err != nil {
			return 0, err
		}
	}
	return d.buf[d.r+i], nil
}

// prepare is called at the start of every Read method: it reports a broken
// message, finishes a streamed literal the caller left unread, and starts a
// message when between messages.
func (d *Decoder) prepare() error {
	if d.err != nil {
		return d.err
	}
	if d.lit.pending {
		if err := d.discardLiteral(); err != nil {
			return err
		}
	}
	if !d.inMsg {
		for d.r == d.w {
			if err := d.more(); err != nil {
				return err
			}
		}
		d.begin()
	}
	return nil
}

// Peek returns the next byte of the current message without consuming it.
// Between messages it returns io.EOF at the end of the input.
func (d *Decoder) Peek() (byte, error) {
	if d.err != nil {
		return 0, d.err
	}
	if d.lit.pending {
		if err := d.discardLiteral(); err != nil {
			return 0, err
		}
	}
	if !d.inMsg && d.r == d.w {
		if err := d.more(); err != nil {
			return 0, err
		}
	}
	d.begin()
	return d.peek()
}

// Skip discards the rest of the current message, literals included, so that
// the next Read starts at the next message. It is how a caller recovers
// after an error: a server answers BAD and goes on; a trace decoder reports
// and goes on. Between messages it does nothing.
//
// A synchronising literal announced in the skipped part ends the message
// there when a Continuation hook is installed (a server that skips a bad
// command does not invite the literal, so the client does not send it);
// otherwise its body is skipped as part of the message.
func (d *Decoder) Skip() error {
	d.gen.reset()
	if !d.inMsg {
		d.err = nil
		return nil
	}
	for {
		if d.lit.pending {
			if d.lit.refused && !d.lit.ann.NonSync && d.opt.cont != nil {
				d.lit = litState{}
				return d.skipped()
			}
			if err := d.discardLiteral(); err != nil {
				return err
			}
		}
		ann, ok, err := d.skipLine()
		if err != nil {
			return err
		}
		if !ok || d.textLine {
			return d.skipped()
		}
		if !ann.NonSync && d.opt.cont != nil {
			return d.skipped()
		}
		d.lit = litState{pending: true, ann: ann, remain: ann.Size, refused: true}
		d.tokFast = false
	}
}

func (d *Decoder) skipped() error {
	d.inMsg = false
	d.tokFast = false
	d.setEnd()
	d.textLine = false
	d.err = nil
	d.lit = litState{}
	return nil
}

// skipLine discards input through the next LF and reports whether the line
// ended with a literal announcement.
func (d *Decoder) skipLine() (literal.Announcement, bool, error) {
	for {
		b := d.buf[d.r:d.w]
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			d.ann.feed(b[:i])
			d.r += i + 1
			ann, ok := d.ann.result()
			d.ann = annScanner{}
			return ann, ok, nil
		}
		d.ann.feed(b)
		d.r = d.w
		if err := d.more(); err != nil {
			return literal.Announcement{}, false, d.ioErr(err)
		}
	}
}

// annScanner recognises a literal announcement at the end of a line that is
// fed to it in pieces, in constant memory: Skip uses it on lines it does not
// keep.
type annScanner struct {
	active bool // a "{" was seen and what follows it fits an announcement
	binary bool
	size   int64
	digits int
	plus   bool
	closed bool // "}" seen
	cr     bool // CR seen after "}"
	last   byte // the last byte fed
}

func (s *annScanner) feed(b []byte) {
	if len(b) == 0 {
		return
	}
	if i := bytes.LastIndexByte(b, '{'); i >= 0 {
		tilde := i > 0 && b[i-1] == '~' || i == 0 && s.last == '~'
		*s = annScanner{active: true, binary: tilde}
		s.consume(b[i+1:])
	} else if s.active {
		s.consume(b)
	}
	s.last = b[len(b)-1]
}

func (s *annScanner) consume(b []byte) {
	for _, c := range b {
		switch {
		case !s.active:
			return
		case s.cr:
			s.active = false
		case s.closed:
			s.cr = c == '\r'
			s.active = s.cr
		case '0' <= c && c <= '9' && !s.plus:
			x := int64(c - '0')
			if s.size > (literal.MaxSize-x)/10 {
				s.active = false // no valid announcement overflows
			}
			s.size = s.size*10 + x
			s.digits++
		case c == '+' && s.digits > 0 && !s.plus:
			s.plus = true
		case c == '}' && s.digits > 0:
			s.closed = true
		default:
			s.active = false
		}
	}
}

func (s *annScanner) result() (literal.Announcement, bool) {
	if !s.active || !s.closed {
		return literal.Announcement{}, false
	}
	return literal.Announcement{Size: s.size, NonSync: s.plus, Binary: s.binary}, true
}

// Window returns the bytes of the current message that are buffered and
// may be read next, for typed layers that scan the common shapes of their
// grammar directly, in the manner of stateless consume functions, and fall
// back to the Read methods for anything else. It is empty when no bytes can
// be handed out: between messages, after an error, before a literal's body,
// or after spaces that ReadToken has consumed but not yet returned.
//
// The bytes are a view of the decoder's buffer, valid until the next call
// of a Decoder method. They may extend past the end of the current line, so
// a scanner must stop at the first byte it does not understand. Consume
// then consumes what the scanner read.
func (d *Decoder) Window() []byte {
	if d.err != nil || !d.inMsg || d.lit.pending || d.spaces != 0 {
		return nil
	}
	return d.buf[d.r:d.end]
}

// Consume consumes the first n bytes of Window. They must be whole values
// whose brackets balance, containing no line ending: Consume bypasses the
// decoder's tracking of nesting and framing, which such bytes leave as they
// were. n is capped to the window's length.
func (d *Decoder) Consume(n int) {
	if w := len(d.Window()); n > w {
		n = w
	}
	if n > 0 {
		d.r += n
	}
}

// DepthLeft returns how many more levels of lists the decoder's MaxDepth
// allows at its position, for scanners of nested values that use Window.
func (d *Decoder) DepthLeft() int { return d.opt.maxDepth - d.depth }

// Refill reads more of the input into the window, for a scanner that ran
// out of it before the end of its value, and reports whether the window
// grew. It does not go past MaxLineBytes, and an error from the source is
// left for the Read methods to meet.
func (d *Decoder) Refill() bool {
	n := len(d.Window())
	if n == 0 || d.base+int64(d.end) >= d.lineLimit() {
		return false
	}
	if err := d.more(); err != nil {
		return false
	}
	d.setEnd()
	return len(d.Window()) > n
}
