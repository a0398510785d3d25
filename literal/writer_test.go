package literal

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestWriterExact(t *testing.T) {
	data := body(10_000)
	for _, chunk := range []int{1, 3, 4096, 10_000} {
		var buf bytes.Buffer
		w := NewWriter(&buf, int64(len(data)))
		for p := data; len(p) > 0; {
			k := min(chunk, len(p))
			n, err := w.Write(p[:k])
			if err != nil || n != k {
				t.Fatalf("chunk %d: Write = %d, %v; want %d, nil", chunk, n, err, k)
			}
			p = p[k:]
		}
		if w.Remaining() != 0 {
			t.Errorf("chunk %d: Remaining = %d; want 0", chunk, w.Remaining())
		}
		if err := w.Close(); err != nil {
			t.Errorf("chunk %d: Close = %v", chunk, err)
		}
		if !bytes.Equal(buf.Bytes(), data) {
			t.Errorf("chunk %d: wrote %d bytes, not the body", chunk, buf.Len())
		}
	}
}

func TestWriterShort(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, 5)
	w.Write([]byte("abc"))
	err := w.Close()
	if !errors.Is(err, ErrBodyShort) {
		t.Fatalf("Close = %v; want ErrBodyShort", err)
	}
	if !strings.Contains(err.Error(), "3 of 5") {
		t.Errorf("Close error %q does not give the count", err)
	}
	if w.Remaining() != 2 {
		t.Errorf("Remaining = %d; want 2", w.Remaining())
	}
	// Completing the body makes Close succeed.
	w.Write([]byte("de"))
	if err := w.Close(); err != nil {
		t.Errorf("Close after completing = %v", err)
	}
	// An empty body needs no write.
	if err := NewWriter(&buf, 0).Close(); err != nil {
		t.Errorf("Close of an empty body = %v", err)
	}
}

func TestWriterTooLong(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, 5)
	if n, err := w.Write([]byte("abc")); n != 3 || err != nil {
		t.Fatalf("Write = %d, %v", n, err)
	}
	// 3 + 3 > 5: nothing of the offending write reaches the destination.
	n, err := w.Write([]byte("def"))
	if n != 0 || err != ErrBodyTooLong {
		t.Errorf("Write past the end = %d, %v; want 0, ErrBodyTooLong", n, err)
	}
	if buf.String() != "abc" || w.Remaining() != 2 {
		t.Errorf("after the refused write: dst %q, Remaining %d; want %q, 2", buf.String(), w.Remaining(), "abc")
	}
	// A write that fits is still accepted.
	if n, err := w.Write([]byte("de")); n != 2 || err != nil {
		t.Errorf("Write = %d, %v; want 2, nil", n, err)
	}
	if n, err := w.Write([]byte("x")); n != 0 || err != ErrBodyTooLong {
		t.Errorf("Write after the end = %d, %v; want 0, ErrBodyTooLong", n, err)
	}
	// An empty write after the end is fine.
	if n, err := w.Write(nil); n != 0 || err != nil {
		t.Errorf("Write(nil) = %d, %v; want 0, nil", n, err)
	}
	if buf.String() != "abcde" {
		t.Errorf("dst = %q; want %q", buf.String(), "abcde")
	}
	if err := w.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
}

// errWrite is the error failWriter returns.
var errWrite = errors.New("write failed")

// failWriter accepts n bytes, then fails.
type failWriter struct {
	buf bytes.Buffer
	n   int
}

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.buf.Write(p[:f.n])
		f.n = 0
		return k, errWrite
	}
	f.n -= len(p)
	return f.buf.Write(p)
}

func TestWriterZero(t *testing.T) {
	var w Writer
	if n, err := w.Write(nil); n != 0 || err != nil {
		t.Errorf("zero Writer: Write(nil) = %d, %v; want 0, nil", n, err)
	}
	if n, err := w.Write([]byte("x")); n != 0 || err != ErrBodyTooLong {
		t.Errorf("zero Writer: Write = %d, %v; want 0, ErrBodyTooLong", n, err)
	}
	if n, err := w.ReadFrom(strings.NewReader("")); n != 0 || err != nil {
		t.Errorf("zero Writer: ReadFrom(empty) = %d, %v; want 0, nil", n, err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("zero Writer: Close = %v", err)
	}
}

func TestWriterDstError(t *testing.T) {
	w := NewWriter(&failWriter{n: 2}, 5)
	n, err := w.Write([]byte("abcd"))
	if n != 2 || err != errWrite {
		t.Errorf("Write = %d, %v; want 2, errWrite unwrapped", n, err)
	}
	if w.Remaining() != 3 {
		t.Errorf("Remaining = %d; want 3", w.Remaining())
	}
}

// shortWriter reports fewer bytes than it was given, without an error.
type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

func TestWriterShortWrite(t *testing.T) {
	w := NewWriter(shortWriter{}, 10)
	if n, err := w.Write([]byte("abcd")); n != 2 || err != io.ErrShortWrite {
		t.Errorf("Write = %d, %v; want 2, io.ErrShortWrite", n, err)
	}
}

func TestWriterReadFrom(t *testing.T) {
	data := body(100_000)
	dsts := []struct {
		name string
		new  func(*bytes.Buffer) io.Writer
	}{
		{"bytes.Buffer (ReaderFrom)", func(b *bytes.Buffer) io.Writer { return b }},
		{"plain writer", func(b *bytes.Buffer) io.Writer { return writerOnly{b} }},
	}
	for _, src := range sources {
		for _, dst := range dsts {
			t.Run(src.name+"/"+dst.name, func(t *testing.T) {
				// Exact.
				var buf bytes.Buffer
				w := NewWriter(dst.new(&buf), int64(len(data)))
				n, err := w.ReadFrom(src.wrap(bytes.NewReader(data)))
				if err != nil || n != int64(len(data)) || !bytes.Equal(buf.Bytes(), data) {
					t.Fatalf("ReadFrom exact = %d, %v; want %d, nil", n, err, len(data))
				}
				if err := w.Close(); err != nil {
					t.Errorf("Close = %v", err)
				}

				// One byte too many: the body is written, the excess
				// is refused.
				buf.Reset()
				w = NewWriter(dst.new(&buf), int64(len(data)-1))
				n, err = w.ReadFrom(src.wrap(bytes.NewReader(data)))
				if err != ErrBodyTooLong || n != int64(len(data)-1) || !bytes.Equal(buf.Bytes(), data[:len(data)-1]) {
					t.Errorf("ReadFrom too long = %d, %v; want %d, ErrBodyTooLong", n, err, len(data)-1)
				}

				// Short: not an error until Close.
				buf.Reset()
				w = NewWriter(dst.new(&buf), int64(len(data)+1))
				n, err = w.ReadFrom(src.wrap(bytes.NewReader(data)))
				if err != nil || n != int64(len(data)) {
					t.Errorf("ReadFrom short = %d, %v; want %d, nil", n, err, len(data))
				}
				if err := w.Close(); !errors.Is(err, ErrBodyShort) {
					t.Errorf("Close after a short ReadFrom = %v; want ErrBodyShort", err)
				}
			})
		}
	}
}

// ReadFrom reads at most the body and one byte more from its source.
func TestWriterReadFromBounded(t *testing.T) {
	src := strings.NewReader("hello, world")
	var buf bytes.Buffer
	w := NewWriter(&buf, 5)
	n, err := w.ReadFrom(src)
	if n != 5 || err != ErrBodyTooLong || buf.String() != "hello" {
		t.Errorf("ReadFrom = %d, %v, %q; want 5, ErrBodyTooLong, %q", n, err, buf.String(), "hello")
	}
	if src.Len() != len(" world") {
		t.Errorf("ReadFrom consumed %d bytes past the body; want 1", len(", world")-src.Len())
	}
	// With the body already complete, ReadFrom of an empty source is fine.
	if n, err := w.ReadFrom(strings.NewReader("")); n != 0 || err != nil {
		t.Errorf("ReadFrom(empty) when complete = %d, %v; want 0, nil", n, err)
	}
}

// Copying a literal Reader into a Writer of the same size moves exactly the
// body, and the source keeps what follows.
func TestWriterReadFromLiteralReader(t *testing.T) {
	src := strings.NewReader("hello\r\nA1 OK\r\n")
	var buf bytes.Buffer
	w := NewWriter(&buf, 5)
	n, err := io.Copy(w, NewReader(src, 5))
	if n != 5 || err != nil || buf.String() != "hello" {
		t.Errorf("io.Copy = %d, %v, %q", n, err, buf.String())
	}
	if rest, _ := io.ReadAll(src); string(rest) != "\r\nA1 OK\r\n" {
		t.Errorf("source after the body = %q", rest)
	}
}

func TestWriterReadFromErrors(t *testing.T) {
	data := body(1000)
	// A source error is returned as it is, and the copy can go on.
	w := NewWriter(io.Discard, int64(len(data)))
	src := &failOnce{r: bytes.NewReader(data), at: 300}
	n, err := w.ReadFrom(src)
	if n != 300 || err != errTransient {
		t.Errorf("ReadFrom = %d, %v; want 300, errTransient", n, err)
	}
	n, err = w.ReadFrom(src)
	if n != 700 || err != nil || w.Close() != nil {
		t.Errorf("ReadFrom after the error = %d, %v; want 700, nil", n, err)
	}
	// A source error while probing for excess.
	w = NewWriter(io.Discard, int64(len(data)))
	n, err = w.ReadFrom(&failOnce{r: bytes.NewReader(data), at: len(data)})
	if n != int64(len(data)) || err != errTransient {
		t.Errorf("ReadFrom (error after the body) = %d, %v; want %d, errTransient", n, err, len(data))
	}
	// A timeout after the whole body, while probing for excess, is
	// returned; once it has passed, the source's io.EOF completes the copy.
	w = NewWriter(io.Discard, int64(len(data)))
	timeout := iotest.TimeoutReader(bytes.NewReader(data))
	n, err = w.ReadFrom(timeout)
	if n != int64(len(data)) || err != iotest.ErrTimeout {
		t.Errorf("ReadFrom(TimeoutReader) = %d, %v; want %d, iotest.ErrTimeout", n, err, len(data))
	}
	if n, err = w.ReadFrom(timeout); n != 0 || err != nil || w.Close() != nil {
		t.Errorf("ReadFrom(TimeoutReader) again = %d, %v; want 0, nil", n, err)
	}
	// A destination error is returned as it is.
	w = NewWriter(&failWriter{n: 10}, int64(len(data)))
	if _, err := w.ReadFrom(bytes.NewReader(data)); err != errWrite {
		t.Errorf("ReadFrom into a failing writer = %v; want errWrite", err)
	}
}

// emptyReader returns 0, nil for ever.
type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, nil }

func TestWriterReadFromNoProgress(t *testing.T) {
	w := NewWriter(io.Discard, 0)
	if _, err := w.ReadFrom(emptyReader{}); err != io.ErrNoProgress {
		t.Errorf("ReadFrom(a reader that never progresses) = %v; want io.ErrNoProgress", err)
	}
}

func TestWriterAllocs(t *testing.T) {
	data := body(100_000)
	src := bytes.NewReader(data)
	sink := &writerOnly{io.Discard}
	for _, dst := range []io.Writer{io.Discard, sink} {
		w := NewWriter(dst, 0)
		allocs := testing.AllocsPerRun(20, func() {
			src.Reset(data)
			*w = Writer{dst: dst, n: int64(len(data)), size: int64(len(data))}
			if _, err := w.ReadFrom(src); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("ReadFrom into %T allocates %v times; want 0", dst, allocs)
		}
	}
}

func TestBeginSync(t *testing.T) {
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	bw.WriteString("A1 APPEND INBOX ")
	called := 0
	cont := func(a Announcement) error {
		called++
		if a != (Announcement{Size: 5}) {
			t.Errorf("cont got %v; want {5}", a)
		}
		// The announcement was flushed before the handshake.
		if got := out.String(); got != "A1 APPEND INBOX {5}\r\n" {
			t.Errorf("when cont runs the peer has seen %q; want %q", got, "A1 APPEND INBOX {5}\r\n")
		}
		return nil
	}
	w, err := Begin(bw, Announcement{Size: 5}, cont)
	if err != nil {
		t.Fatalf("Begin = %v", err)
	}
	if called != 1 {
		t.Errorf("cont called %d times; want 1", called)
	}
	if _, err := io.WriteString(w, "hello"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	bw.WriteString("\r\n")
	bw.Flush()
	if want := "A1 APPEND INBOX {5}\r\nhello\r\n"; out.String() != want {
		t.Errorf("wire = %q; want %q", out.String(), want)
	}
}

// A synchronising literal waits for the continuation even when empty
// (RFC 3501 section 4.3).
func TestBeginSyncEmpty(t *testing.T) {
	called := false
	w, err := Begin(io.Discard, Announcement{}, func(Announcement) error { called = true; return nil })
	if err != nil || !called || w.Remaining() != 0 {
		t.Errorf("Begin({0}) = %v, called %v", err, called)
	}
}

// errRefused stands for a server's tagged NO [TOOBIG].
var errRefused = errors.New("A1 NO [TOOBIG] too big")

func TestBeginRefused(t *testing.T) {
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	w, err := Begin(bw, Announcement{Size: 1 << 40, Binary: true}, func(Announcement) error { return errRefused })
	if !errors.Is(err, errRefused) || w != nil {
		t.Fatalf("Begin = %v, %v; want nil, an error wrapping the refusal", w, err)
	}
	if !strings.HasPrefix(err.Error(), "literal: ") || !strings.Contains(err.Error(), "~{1099511627776}") {
		t.Errorf("error %q should name the package and the literal", err)
	}
	bw.Flush()
	if out.String() != "~{1099511627776}\r\n" {
		t.Errorf("wire = %q; want the announcement and no body", out.String())
	}
}

func TestBeginNonSync(t *testing.T) {
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	cont := func(Announcement) error {
		t.Error("cont called for a non-synchronising literal")
		return nil
	}
	w, err := Begin(bw, Announcement{Size: 3, NonSync: true}, cont)
	if err != nil {
		t.Fatal(err)
	}
	// A non-synchronising literal is not flushed on its own: it travels
	// with the rest of the command.
	if out.Len() != 0 {
		t.Errorf("non-synchronising announcement flushed: %q", out.String())
	}
	io.WriteString(w, "abc")
	if _, err := io.WriteString(w, "d"); err != ErrBodyTooLong {
		t.Errorf("write past the body = %v; want ErrBodyTooLong", err)
	}
	bw.Flush()
	if out.String() != "{3+}\r\nabc" {
		t.Errorf("wire = %q; want %q", out.String(), "{3+}\r\nabc")
	}
}

func TestBeginNilCont(t *testing.T) {
	var out bytes.Buffer
	w, err := Begin(&out, Announcement{Size: 2}, nil)
	if err != nil || w.Remaining() != 2 || out.String() != "{2}\r\n" {
		t.Errorf("Begin with nil cont = %v, %q", err, out.String())
	}
}

// flushFail fails to flush.
type flushFail struct{ bytes.Buffer }

func (*flushFail) Flush() error { return errWrite }

func TestBeginErrors(t *testing.T) {
	cont := func(Announcement) error {
		t.Error("cont called after a failure")
		return nil
	}
	if _, err := Begin(&failWriter{n: 2}, Announcement{Size: 5}, cont); err != errWrite {
		t.Errorf("Begin on a failing writer = %v; want errWrite unwrapped", err)
	}
	if _, err := Begin(shortWriter{}, Announcement{Size: 5}, cont); err != io.ErrShortWrite {
		t.Errorf("Begin on a short writer = %v; want io.ErrShortWrite", err)
	}
	if _, err := Begin(&flushFail{}, Announcement{Size: 5}, cont); err != errWrite {
		t.Errorf("Begin with a failing Flush = %v; want errWrite unwrapped", err)
	}
	var out bytes.Buffer
	if _, err := Begin(&out, Announcement{Size: -1}, cont); err == nil || out.Len() != 0 {
		t.Errorf("Begin with a negative size = %v, wrote %q; want an error and nothing written", err, out.String())
	}
}

func TestBeginAllocs(t *testing.T) {
	a := Announcement{Size: MaxSize, NonSync: true, Binary: true}
	allocs := testing.AllocsPerRun(100, func() {
		Begin(io.Discard, a, nil)
	})
	if allocs != 1 {
		t.Errorf("Begin allocates %v times; want 1 (the Writer)", allocs)
	}
}
