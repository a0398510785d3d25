package wire

import (
	"bytes"
	"errors"
	"io"
	"strconv"

	"github.com/mailwire/imap/literal"
)

// errStaleLiteral is returned by a literal reader used after the decoder
// has moved past its literal.
var errStaleLiteral = errors.New("imap/wire: literal reader used after the decoder moved on")

// readLiteralHead reads the literal announcement at the decoder's position
// and the line ending after it, then applies the limits, the policy and the
// continuation hook. On success the body is pending in d.lit.
func (d *Decoder) readLiteralHead(rule string, buffered bool) (literal.Announcement, error) {
	start := d.Offset()
	var ann literal.Announcement
	var n int
	for {
		var err error
		ann, n, err = literal.ParseAnnouncement(d.buf[d.r:d.end])
		if err == nil {
			break
		}
		if err == io.ErrUnexpectedEOF {
			if err := d.moreLine(); err != nil {
				return ann, err
			}
			continue
		}
		if errors.Is(err, literal.ErrTooLarge) {
			return ann, d.fail(start+int64(n), rule, &limitError{"announced literal size does not fit in 63 bits", ErrLiteralTooLarge})
		}
		return ann, d.failf(start+int64(n), rule, "malformed literal announcement")
	}
	eol, bare, err := d.eolAt(n)
	if err != nil {
		return ann, err
	}
	if eol == 0 {
		return ann, d.failf(start+int64(n), rule, "literal announcement not at the end of the line")
	}
	if bare {
		if err := d.Quirk(QuirkBareLF, start+int64(n), rule); err != nil {
			return ann, err
		}
	}
	d.r += n + eol
	d.textLine = false
	d.lineUsed += d.Offset() - d.segStart
	d.segStart = d.Offset()
	d.lit = litState{pending: true, ann: ann, remain: ann.Size, refused: true}
	d.tokFast = false
	d.setEnd()
	if d.lineUsed > d.opt.maxLineBytes {
		return ann, d.fail(d.segStart-(d.lineUsed-d.opt.maxLineBytes), "message", d.errLine())
	}
	what := "literal of " + strconv.FormatInt(ann.Size, 10) + " bytes"
	if ann.Size > d.opt.maxLiteralTotal-d.litTotal {
		return ann, d.fail(start, rule, errLimit(ErrLiteralTooLarge, what+" (with the message's earlier literals)", "MaxLiteralTotal", d.opt.maxLiteralTotal))
	}
	if buffered && ann.Size > d.opt.maxLiteralBuffer {
		return ann, d.fail(start, rule, errLimit(ErrLiteralTooLarge, what, "MaxLiteralBuffer", d.opt.maxLiteralBuffer))
	}
	if d.opt.policy != nil {
		if err := d.opt.policy.Check(ann); err != nil {
			return ann, d.fail(start, rule, err)
		}
	}
	if !ann.NonSync && d.opt.cont != nil {
		if err := d.opt.cont(ann); err != nil {
			// The peer will not send the body: the message ends here.
			d.lit = litState{}
			d.inMsg = false
			d.tokFast = false
			d.gen.reset()
			return ann, err
		}
	}
	d.lit.refused = false
	d.litTotal += ann.Size
	return ann, nil
}

// eolAt reports the length of the line ending that starts i bytes past the
// decoder's position: 2 for CRLF, 1 for a bare LF (bare is then true), 0 if
// there is none.
func (d *Decoder) eolAt(i int) (n int, bare bool, err error) {
	c, err := d.peekAt(i)
	if err != nil {
		return 0, false, err
	}
	switch c {
	case '\n':
		return 1, true, nil
	case '\r':
		c, err := d.peekAt(i + 1)
		if err != nil {
			return 0, false, err
		}
		if c == '\n' {
			return 2, false, nil
		}
	}
	return 0, false, nil
}

// finishLiteral records that the pending literal's body has been consumed.
func (d *Decoder) finishLiteral() {
	d.lit = litState{}
	d.segStart = d.Offset()
	d.setEnd()
}

// literalBody returns the pending literal's body as bytes. Its size is
// within MaxLiteralBuffer. Memory grows with the bytes that arrive, not with
// the announced size. After an I/O error the same call resumes.
func (d *Decoder) literalBody(rule string) ([]byte, error) {
	size := d.lit.remain + int64(d.lit.got)
	if d.lit.got == 0 && int64(d.w-d.r) >= d.lit.remain {
		body := d.buf[d.r : d.r+int(d.lit.remain)]
		d.r += int(d.lit.remain)
		return d.checkBody(body, rule)
	}
	if d.lit.got == 0 {
		d.litBuf = d.litBuf[:0]
		n := copy(d.grow(int(size), d.w-d.r), d.buf[d.r:d.w])
		d.r += n
		d.litBuf = d.litBuf[:n]
		d.lit.got = n
		d.lit.remain -= int64(n)
	}
	for d.lit.remain > 0 {
		if d.r < d.w {
			// Only after a Peek that refilled the buffer.
			n := copy(d.grow(int(size), d.lit.got+d.w-d.r)[d.lit.got:], d.buf[d.r:d.w])
			d.r += n
			d.lit.got += n
			d.lit.remain -= int64(n)
			d.litBuf = d.litBuf[:d.lit.got]
			continue
		}
		want := 2 * d.lit.got
		if want < 64<<10 {
			want = 64 << 10
		}
		dst := d.grow(int(size), want)[d.lit.got:]
		n, err := d.readDirect(dst[:min(int64(len(dst)), d.lit.remain)])
		d.lit.got += n
		d.lit.remain -= int64(n)
		d.litBuf = d.litBuf[:d.lit.got]
		if err != nil && d.lit.remain > 0 {
			return nil, err
		}
	}
	return d.checkBody(d.litBuf, rule)
}

// grow makes litBuf's capacity at least min(want, size) and returns it at
// that length.
func (d *Decoder) grow(size, want int) []byte {
	if want > size {
		want = size
	}
	if cap(d.litBuf) < want {
		nb := make([]byte, len(d.litBuf), want)
		copy(nb, d.litBuf)
		d.litBuf = nb
	}
	return d.litBuf[:want]
}

func (d *Decoder) checkBody(body []byte, rule string) ([]byte, error) {
	binary := d.lit.ann.Binary
	d.finishLiteral()
	if !binary {
		if i := bytes.IndexByte(body, 0); i >= 0 {
			if err := d.Quirk(QuirkNULInLiteral, d.Offset()-int64(len(body))+int64(i), rule); err != nil {
				return nil, err
			}
		}
	}
	return body, nil
}

// readDirect reads from the source into p, bypassing the buffer, which must
// be empty. It returns io.ErrUnexpectedEOF if the source ends.
func (d *Decoder) readDirect(p []byte) (int, error) {
	d.base += int64(d.w)
	d.r, d.w, d.end = 0, 0, 0
	if d.srcEOF {
		return 0, io.ErrUnexpectedEOF
	}
	for range maxReadRetries {
		n, err := d.src.Read(p)
		if n < 0 || n > len(p) {
			return 0, io.ErrShortBuffer
		}
		d.base += int64(n)
		if err == io.EOF {
			d.srcEOF = true
			if n == 0 {
				return 0, io.ErrUnexpectedEOF
			}
			err = nil
		}
		if n > 0 || err != nil {
			return n, err
		}
	}
	return 0, io.ErrNoProgress
}

// discardLiteral skips the rest of the pending literal's body.
func (d *Decoder) discardLiteral() error {
	for d.lit.remain > 0 {
		if d.r < d.w {
			n := min(int64(d.w-d.r), d.lit.remain)
			d.r += int(n)
			d.lit.remain -= n
			continue
		}
		if err := d.more(); err != nil {
			return d.ioErr(err)
		}
	}
	d.finishLiteral()
	d.litGen++
	return nil
}

// literalStream is the io.Reader returned for a streamed literal.
type literalStream struct {
	d   *Decoder
	gen uint64
}

func (d *Decoder) streamLiteral() io.Reader {
	d.litGen++
	return &literalStream{d: d, gen: d.litGen}
}

// Read implements io.Reader. It returns io.EOF after exactly the announced
// number of bytes and io.ErrUnexpectedEOF if the stream ends before.
func (s *literalStream) Read(p []byte) (int, error) {
	d := s.d
	if s.gen != d.litGen {
		return 0, errStaleLiteral
	}
	if d.lit.remain == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > d.lit.remain {
		p = p[:d.lit.remain]
	}
	var n int
	var err error
	if d.r < d.w {
		n = copy(p, d.buf[d.r:d.w])
		d.r += n
	} else {
		n, err = d.readDirect(p)
	}
	d.lit.remain -= int64(n)
	if d.lit.remain == 0 {
		d.finishLiteral()
	}
	return n, err
}

// WriteTo implements io.WriterTo, copying the rest of the body through the
// decoder's buffer.
func (s *literalStream) WriteTo(w io.Writer) (int64, error) {
	d := s.d
	if s.gen != d.litGen {
		return 0, errStaleLiteral
	}
	var total int64
	for d.lit.remain > 0 {
		if d.r == d.w {
			if len(d.buf) < minBufSize {
				d.buf = make([]byte, minBufSize)
			}
			n, err := d.readDirect(d.buf[:min(int64(len(d.buf)), d.lit.remain)])
			// readDirect accounted the bytes as consumed; put them back
			// into the buffer window.
			d.base -= int64(n)
			d.r, d.w = 0, n
			d.setEnd()
			if err != nil && n == 0 {
				return total, err
			}
		}
		chunk := d.buf[d.r : d.r+int(min(int64(d.w-d.r), d.lit.remain))]
		m, err := w.Write(chunk)
		d.r += m
		d.lit.remain -= int64(m)
		total += int64(m)
		if err != nil {
			return total, err
		}
		if m < len(chunk) {
			return total, io.ErrShortWrite
		}
	}
	d.finishLiteral()
	return total, nil
}
