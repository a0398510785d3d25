package literal

import (
	"io"
	"sync"
)

// Reader yields exactly n bytes of a literal body from an underlying reader,
// and never reads a byte past them, so the rest of the message can be read
// from the same source afterwards.
//
// Read returns io.EOF after exactly n bytes. If the source ends before, the
// error is io.ErrUnexpectedEOF. Any other error of the source is returned
// unwrapped, and reading may be retried after it: the Reader keeps its
// count, so a transient error (a deadline, say) loses nothing.
//
// A Reader is not safe for concurrent use. Its zero value is an empty body.
type Reader struct {
	// lr holds the source and the count of bytes still to read. It is an
	// io.LimitedReader so that WriteTo can hand it to an io.ReaderFrom
	// destination: net and os recognise it and may then splice or sendfile.
	lr io.LimitedReader
}

// NewReader returns a Reader for a body of n bytes read from src. A negative
// n is taken as 0.
func NewReader(src io.Reader, n int64) *Reader {
	r := new(Reader)
	r.Reset(src, n)
	return r
}

// Reset makes r read a body of n bytes from src, forgetting any previous
// state, so that a Reader can be reused without allocating. A negative n is
// taken as 0.
func (r *Reader) Reset(src io.Reader, n int64) {
	r.lr = io.LimitedReader{R: src, N: max(n, 0)}
}

// Remaining returns the number of body bytes not yet read from the source.
func (r *Reader) Remaining() int64 { return r.lr.N }

// Read reads up to len(p) bytes of the body into p. It asks the source for at
// most Remaining bytes, and does not call it at all for an empty p. It
// returns io.EOF once the whole body has been read, and io.ErrUnexpectedEOF
// if the source ends before.
func (r *Reader) Read(p []byte) (int, error) {
	if r.lr.N <= 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	if int64(len(p)) > r.lr.N {
		p = p[:r.lr.N]
	}
	n, err := r.lr.R.Read(p)
	r.lr.N -= int64(n)
	if err == io.EOF {
		if r.lr.N > 0 {
			return n, io.ErrUnexpectedEOF
		}
		// The body ended exactly with the source; the next call
		// returns io.EOF.
		err = nil
	}
	return n, err
}

// WriteTo writes the rest of the body to w and returns the number of bytes
// written. It implements io.WriterTo, so io.Copy uses it.
//
// If w implements io.ReaderFrom (io.Discard, *os.File, *net.TCPConn,
// *bufio.Writer, *bytes.Buffer, *Writer ...), WriteTo lets w read the body
// in whatever chunks it likes; otherwise it copies through a pooled 32 KiB
// buffer. It does not allocate in steady state.
//
// The errors are as for Read, except that reaching the end of the body is
// not an error: a complete copy returns nil, a source that ends early
// io.ErrUnexpectedEOF. An error of w is returned as it is; Remaining then
// counts the bytes not yet taken from the source.
func (r *Reader) WriteTo(w io.Writer) (int64, error) {
	if r.lr.N <= 0 {
		return 0, nil
	}
	var (
		n   int64
		err error
	)
	if rf, ok := w.(io.ReaderFrom); ok {
		n, err = rf.ReadFrom(&r.lr)
	} else {
		bp := copyBufPool.Get().(*[copyBufSize]byte)
		n, err = io.CopyBuffer(w, &r.lr, bp[:])
		copyBufPool.Put(bp)
	}
	if err == nil && r.lr.N > 0 {
		// The limit was not reached, so the source returned io.EOF.
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// Discard reads and drops the rest of the body. A receiver calls it to skip
// a literal it refused after the body had already been sent (a
// non-synchronising literal), or whose content it does not need.
//
// If the source has a Discard(int) (int, error) method, as *bufio.Reader
// has, Discard uses it and copies nothing. The errors are as for WriteTo.
func (r *Reader) Discard() error {
	d, ok := r.lr.R.(discarder)
	if !ok {
		_, err := r.WriteTo(io.Discard)
		return err
	}
	for r.lr.N > 0 {
		n, err := d.Discard(int(min(r.lr.N, maxDiscard)))
		r.lr.N -= int64(n)
		if err == io.EOF {
			if r.lr.N > 0 {
				return io.ErrUnexpectedEOF
			}
			return nil
		}
		if err != nil {
			return err
		}
		if n == 0 {
			// A Discard that makes no progress and reports no error
			// would loop forever; fall back to reading.
			_, err := r.WriteTo(io.Discard)
			return err
		}
	}
	return nil
}

// discarder is implemented by readers that can skip bytes without copying
// them, such as *bufio.Reader.
type discarder interface {
	Discard(n int) (discarded int, err error)
}

// maxDiscard bounds one Discard call so that its argument fits in an int on
// every platform.
const maxDiscard = 1 << 30

// copyBufSize is the size of the buffers used to copy between a reader and a
// writer of which neither can do it directly; it is io.Copy's size.
const copyBufSize = 32 << 10

// copyBufPool holds copy buffers, shared by Reader.WriteTo and
// Writer.ReadFrom. Pointers to arrays avoid an allocation per Put.
var copyBufPool = sync.Pool{New: func() any { return new([copyBufSize]byte) }}
