package literal

import (
	"fmt"
	"io"
)

// Writer accepts exactly n bytes of a literal body and writes them to an
// underlying writer. It refuses a write that would pass n bytes, so a
// sender cannot put more on the wire than it announced, and Close reports a
// body that is short.
//
// Errors of the destination are returned unwrapped. A Writer is not safe for
// concurrent use. The zero Writer takes an empty body and writes nothing.
type Writer struct {
	dst io.Writer
	n   int64 // bytes still to write
	// size is the announced size, kept for error messages.
	size int64
	// lr is the bounded source of ReadFrom, kept here so that passing it
	// to the destination's ReadFrom does not allocate.
	lr io.LimitedReader
	// buf holds the encoded announcement in Begin and the probe byte in
	// ReadFrom, so that neither allocates.
	buf [maxAnnouncementLen + 2]byte
}

// NewWriter returns a Writer for a body of n bytes written to dst. A
// negative n is taken as 0.
func NewWriter(dst io.Writer, n int64) *Writer {
	n = max(n, 0)
	return &Writer{dst: dst, n: n, size: n}
}

// Remaining returns the number of body bytes still to be written.
func (w *Writer) Remaining() int64 { return w.n }

// Write writes p to the destination. If p would take the body past its
// announced size, Write writes nothing of p and returns ErrBodyTooLong; the
// Writer stays usable for a shorter write. An empty p is not passed on.
func (w *Writer) Write(p []byte) (int, error) {
	if int64(len(p)) > w.n {
		return 0, ErrBodyTooLong
	}
	if len(p) == 0 {
		return 0, nil
	}
	n, err := w.dst.Write(p)
	w.n -= int64(n)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	return n, err
}

// ReadFrom copies from r to the destination until r reports io.EOF, and
// returns the number of body bytes written. It implements io.ReaderFrom, so
// io.Copy uses it.
//
// ReadFrom reads at most Remaining bytes of r for the body. Once the body is
// complete it reads one byte more to tell whether r has more to give: if it
// has, ReadFrom returns ErrBodyTooLong, and that extra byte is consumed from
// r and lost. A source that ends before the body is complete is not an error
// here; Close reports it. To copy exactly the body from a stream that goes
// on, hand ReadFrom a bounded reader (a literal Reader, or io.LimitReader).
//
// If the destination implements io.ReaderFrom, ReadFrom passes the bounded
// source to it (so *net.TCPConn and *os.File may splice or sendfile);
// otherwise it copies through a pooled buffer. Errors of r and of the
// destination are returned unwrapped.
func (w *Writer) ReadFrom(r io.Reader) (int64, error) {
	var (
		n   int64
		err error
	)
	if w.n > 0 {
		w.lr = io.LimitedReader{R: r, N: w.n}
		if rf, ok := w.dst.(io.ReaderFrom); ok {
			n, err = rf.ReadFrom(&w.lr)
		} else {
			bp := copyBufPool.Get().(*[copyBufSize]byte)
			n, err = io.CopyBuffer(w.dst, &w.lr, bp[:])
			copyBufPool.Put(bp)
		}
		w.n -= n
		left := w.lr.N
		w.lr = io.LimitedReader{}
		if err != nil || left > 0 {
			// An error, or r ended before the body was complete.
			return n, err
		}
	}
	// The body is complete: see whether r has more.
	for range maxEmptyReads {
		k, err := r.Read(w.buf[:1])
		if k > 0 {
			return n, ErrBodyTooLong
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
	return n, io.ErrNoProgress
}

// maxEmptyReads bounds the reads that return neither data nor an error that
// ReadFrom tolerates when probing for excess bytes, as bufio does.
const maxEmptyReads = 100

// Close reports whether the whole body was written: it returns an error
// wrapping ErrBodyShort if fewer than the announced bytes were. It does not
// close the destination, and it may be called more than once.
func (w *Writer) Close() error {
	if w.n > 0 {
		return fmt.Errorf("%w: %d of %d bytes written", ErrBodyShort, w.size-w.n, w.size)
	}
	return nil
}

// ContinueFunc is the continuation handshake hook (RFC 3501 sections 4.3 and
// 7.5; RFC 9051 sections 4.3 and 7.6).
//
// A sender calls it after writing and flushing the announcement of a
// synchronising literal and before the body: a client waits there for the
// server's "+" continuation request, and returns the server's refusal (a
// tagged NO or BAD) as an error.
//
// A receiver calls it after reading a synchronising announcement and before
// reading the body: a server sends "+ ..." there, or returns an error to
// refuse the literal, and then answers the command with NO [TOOBIG] or BAD
// instead of reading the body.
//
// Non-synchronising literals never call it: their body follows the
// announcement at once.
type ContinueFunc func(a Announcement) error

// flusher is implemented by buffered writers such as *bufio.Writer.
type flusher interface {
	Flush() error
}

// Begin starts sending a literal: it writes a's announcement followed by
// CRLF to w. For a synchronising literal it then flushes w, if w has a
// Flush() error method, so that the peer sees the announcement, and calls
// cont, if it is not nil, to wait for the peer's go-ahead. If cont returns
// an error, Begin returns it wrapped (errors.Is and errors.As see it) and no
// Writer, and the caller must not send the body. A non-synchronising literal
// neither flushes nor calls cont.
//
// Otherwise Begin returns a Writer for exactly a.Size body bytes; the caller
// writes the body to it and calls Close to check it was complete. Errors of w
// are returned unwrapped. Begin refuses an announcement with a negative
// Size. It allocates only the Writer.
func Begin(w io.Writer, a Announcement, cont ContinueFunc) (*Writer, error) {
	if a.Size < 0 {
		return nil, errNegativeSize
	}
	bw := NewWriter(w, a.Size)
	line := append(a.AppendTo(bw.buf[:0]), '\r', '\n')
	if n, err := w.Write(line); err != nil {
		return nil, err
	} else if n < len(line) {
		return nil, io.ErrShortWrite
	}
	if !a.NonSync {
		if f, ok := w.(flusher); ok {
			if err := f.Flush(); err != nil {
				return nil, err
			}
		}
		if cont != nil {
			if err := cont(a); err != nil {
				return nil, fmt.Errorf("literal: continuation of %s: %w", a, err)
			}
		}
	}
	return bw, nil
}
