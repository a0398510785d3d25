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

// body returns n bytes of deterministic test data, with CR, LF and NUL among
// them as literal8 bodies may have.
func body(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

// errTransient is the error failOnce returns.
var errTransient = errors.New("transient failure")

// failOnce reads from r, but returns errTransient once after at bytes, as a
// connection with a read deadline may.
type failOnce struct {
	r      io.Reader
	at     int
	read   int
	failed bool
}

func (f *failOnce) Read(p []byte) (int, error) {
	if !f.failed {
		if f.read >= f.at {
			f.failed = true
			return 0, errTransient
		}
		p = p[:min(len(p), f.at-f.read)]
	}
	n, err := f.r.Read(p)
	f.read += n
	return n, err
}

// writerOnly hides the io.ReaderFrom of the writer it holds.
type writerOnly struct{ io.Writer }

// readerOnly hides the io.WriterTo and other methods of the reader it holds.
type readerOnly struct{ io.Reader }

// readAllRetry reads r to the end, retrying after errTransient. It returns
// the data, how many times the transient error was seen, and the final error
// (nil for io.EOF).
func readAllRetry(r io.Reader, chunk int) ([]byte, int, error) {
	var out []byte
	buf := make([]byte, chunk)
	transient := 0
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		switch {
		case err == io.EOF:
			return out, transient, nil
		case err == errTransient:
			transient++
		case err != nil:
			return out, transient, err
		}
	}
}

// The source readers a body is read from in the tests.
var sources = []struct {
	name string
	wrap func(io.Reader) io.Reader
}{
	{"plain", func(r io.Reader) io.Reader { return readerOnly{r} }},
	{"bytes.Reader", func(r io.Reader) io.Reader { return r }},
	{"one byte", iotest.OneByteReader},
	{"half", iotest.HalfReader},
	{"data and EOF", iotest.DataErrReader},
	{"bufio", func(r io.Reader) io.Reader { return bufio.NewReaderSize(r, 16) }},
}

func TestReaderExact(t *testing.T) {
	for _, size := range []int{0, 1, 5, 4096, 100_000} {
		data := body(size)
		const tail = "\r\nA1 OK done\r\n"
		for _, src := range sources {
			for _, chunk := range []int{1, 7, 4096, 1 << 20} {
				stream := src.wrap(bytes.NewReader(append(data[:size:size], tail...)))
				r := NewReader(stream, int64(size))
				got, _, err := readAllRetry(r, chunk)
				if err != nil {
					t.Fatalf("size %d, %s, chunk %d: %v", size, src.name, chunk, err)
				}
				if !bytes.Equal(got, data) {
					t.Fatalf("size %d, %s, chunk %d: got %d bytes, want %d", size, src.name, chunk, len(got), size)
				}
				if r.Remaining() != 0 {
					t.Errorf("Remaining = %d after the body", r.Remaining())
				}
				// io.EOF again, and still nothing taken from the source.
				if n, err := r.Read(make([]byte, 10)); n != 0 || err != io.EOF {
					t.Errorf("Read after the end = %d, %v; want 0, io.EOF", n, err)
				}
				// The source still yields what follows the body.
				rest, err := io.ReadAll(stream)
				if err != nil || string(rest) != tail {
					t.Fatalf("size %d, %s, chunk %d: source after the body = %q, %v; want %q", size, src.name, chunk, rest, err, tail)
				}
			}
		}
	}
}

func TestReaderIOTest(t *testing.T) {
	data := body(10_000)
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			stream := src.wrap(bytes.NewReader(append(data[:len(data):len(data)], "tail"...)))
			if err := iotest.TestReader(NewReader(stream, int64(len(data))), data); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestReaderCut(t *testing.T) {
	data := body(100)
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			r := NewReader(src.wrap(bytes.NewReader(data)), 101)
			got, err := io.ReadAll(r)
			if err != io.ErrUnexpectedEOF {
				t.Errorf("ReadAll error = %v; want io.ErrUnexpectedEOF", err)
			}
			if !bytes.Equal(got, data) {
				t.Errorf("ReadAll = %d bytes; want the %d there were", len(got), len(data))
			}
			if r.Remaining() != 1 {
				t.Errorf("Remaining = %d; want 1", r.Remaining())
			}

			r = NewReader(src.wrap(bytes.NewReader(data)), 101)
			var buf bytes.Buffer
			n, err := r.WriteTo(&buf)
			if err != io.ErrUnexpectedEOF || n != 100 || !bytes.Equal(buf.Bytes(), data) {
				t.Errorf("WriteTo = %d, %v; want 100, io.ErrUnexpectedEOF", n, err)
			}

			r = NewReader(src.wrap(bytes.NewReader(data)), 101)
			n, err = r.WriteTo(writerOnly{&buf})
			if err != io.ErrUnexpectedEOF || n != 100 {
				t.Errorf("WriteTo (no ReaderFrom) = %d, %v; want 100, io.ErrUnexpectedEOF", n, err)
			}

			r = NewReader(src.wrap(bytes.NewReader(data)), 101)
			if err := r.Discard(); err != io.ErrUnexpectedEOF {
				t.Errorf("Discard = %v; want io.ErrUnexpectedEOF", err)
			}
		})
	}
}

// An empty source ends the body at once.
func TestReaderEmptySource(t *testing.T) {
	r := NewReader(strings.NewReader(""), 1)
	if n, err := r.Read(make([]byte, 4)); n != 0 || err != io.ErrUnexpectedEOF {
		t.Errorf("Read = %d, %v; want 0, io.ErrUnexpectedEOF", n, err)
	}
}

// A zero-length body reads nothing from the source, whatever is asked.
func TestReaderZero(t *testing.T) {
	var zero Reader
	if n, err := zero.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		t.Errorf("zero Reader: Read = %d, %v; want 0, io.EOF", n, err)
	}
	src := strings.NewReader("next")
	for _, n := range []int64{0, -3} {
		r := NewReader(src, n)
		if r.Remaining() != 0 {
			t.Errorf("NewReader(src, %d).Remaining() = %d; want 0", n, r.Remaining())
		}
		if k, err := r.WriteTo(io.Discard); k != 0 || err != nil {
			t.Errorf("WriteTo = %d, %v; want 0, nil", k, err)
		}
		if err := r.Discard(); err != nil {
			t.Errorf("Discard = %v", err)
		}
	}
	if src.Len() != 4 {
		t.Errorf("an empty body read %d bytes from the source", 4-src.Len())
	}
}

func TestReaderWriteTo(t *testing.T) {
	data := body(200_000)
	const tail = "\r\nnext"
	dsts := []struct {
		name string
		new  func(*bytes.Buffer) io.Writer
	}{
		{"bytes.Buffer (ReaderFrom)", func(b *bytes.Buffer) io.Writer { return b }},
		{"plain writer", func(b *bytes.Buffer) io.Writer { return writerOnly{b} }},
		{"bufio.Writer", func(b *bytes.Buffer) io.Writer { return bufio.NewWriterSize(b, 100) }},
		{"literal Writer", func(b *bytes.Buffer) io.Writer { return NewWriter(b, int64(len(data))) }},
	}
	for _, src := range sources {
		for _, dst := range dsts {
			t.Run(src.name+"/"+dst.name, func(t *testing.T) {
				stream := src.wrap(bytes.NewReader(append(data[:len(data):len(data)], tail...)))
				r := NewReader(stream, int64(len(data)))
				var buf bytes.Buffer
				w := dst.new(&buf)
				// io.Copy takes the WriterTo.
				n, err := io.Copy(w, r)
				if err != nil || n != int64(len(data)) {
					t.Fatalf("io.Copy = %d, %v; want %d, nil", n, err, len(data))
				}
				if f, ok := w.(*bufio.Writer); ok {
					f.Flush()
				}
				if !bytes.Equal(buf.Bytes(), data) {
					t.Fatalf("copied %d bytes, not the body", buf.Len())
				}
				rest, _ := io.ReadAll(stream)
				if string(rest) != tail {
					t.Errorf("source after the body = %q; want %q", rest, tail)
				}
			})
		}
	}
}

func TestReaderDiscard(t *testing.T) {
	data := body(50_000)
	const tail = "\r\nnext"
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			stream := src.wrap(bytes.NewReader(append(data[:len(data):len(data)], tail...)))
			r := NewReader(stream, int64(len(data)))
			// Part read, the rest skipped.
			if _, err := io.ReadFull(r, make([]byte, 10)); err != nil {
				t.Fatal(err)
			}
			if err := r.Discard(); err != nil {
				t.Fatalf("Discard = %v", err)
			}
			if r.Remaining() != 0 {
				t.Errorf("Remaining = %d after Discard", r.Remaining())
			}
			rest, _ := io.ReadAll(stream)
			if string(rest) != tail {
				t.Errorf("source after Discard = %q; want %q", rest, tail)
			}
		})
	}
}

// A transient error of the source is returned as it is, and reading goes on
// afterwards without losing a byte.
func TestReaderTransientError(t *testing.T) {
	data := body(10_000)
	for _, at := range []int{0, 1, 4999, 9999} {
		// Read.
		r := NewReader(&failOnce{r: bytes.NewReader(data), at: at}, int64(len(data)))
		got, transient, err := readAllRetry(r, 1000)
		if err != nil || transient != 1 || !bytes.Equal(got, data) {
			t.Errorf("at %d: Read: %d bytes, %v, %d transient errors; want the body, nil, 1", at, len(got), err, transient)
		}

		// WriteTo, with and without ReaderFrom.
		for _, plain := range []bool{false, true} {
			r = NewReader(&failOnce{r: bytes.NewReader(data), at: at}, int64(len(data)))
			var buf bytes.Buffer
			var w io.Writer = &buf
			if plain {
				w = writerOnly{&buf}
			}
			n, err := r.WriteTo(w)
			if err != errTransient || n != int64(at) || r.Remaining() != int64(len(data)-at) {
				t.Errorf("at %d, plain %v: first WriteTo = %d, %v, Remaining %d; want %d, errTransient, %d", at, plain, n, err, r.Remaining(), at, len(data)-at)
			}
			n, err = r.WriteTo(w)
			if err != nil || n != int64(len(data)-at) || !bytes.Equal(buf.Bytes(), data) {
				t.Errorf("at %d, plain %v: second WriteTo = %d, %v; want %d, nil and the whole body", at, plain, n, err, len(data)-at)
			}
		}

		// Discard, with and without a Discard method on the source.
		for _, buffered := range []bool{false, true} {
			var src io.Reader = &failOnce{r: bytes.NewReader(append(data[:len(data):len(data)], "tail"...)), at: at}
			if buffered {
				src = bufio.NewReaderSize(src, 16)
			}
			r = NewReader(src, int64(len(data)))
			if err := r.Discard(); err != errTransient {
				t.Errorf("at %d, bufio %v: first Discard = %v; want errTransient", at, buffered, err)
			}
			if err := r.Discard(); err != nil {
				t.Errorf("at %d, bufio %v: second Discard = %v", at, buffered, err)
			}
			if rest, _ := io.ReadAll(src); string(rest) != "tail" {
				t.Errorf("at %d, bufio %v: source after Discard = %q; want %q", at, buffered, rest, "tail")
			}
		}
	}
}

func TestReaderReset(t *testing.T) {
	r := NewReader(strings.NewReader("abc"), 3)
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	r.Reset(strings.NewReader("defgh"), 2)
	got, err := io.ReadAll(r)
	if err != nil || string(got) != "de" {
		t.Errorf("after Reset: %q, %v; want %q, nil", got, err, "de")
	}
}

// Reading a body into a caller's buffer, and copying it to io.Discard or to
// a writer without ReaderFrom, do not allocate once warm.
func TestReaderAllocs(t *testing.T) {
	data := body(100_000)
	src := bytes.NewReader(data)
	var r Reader
	buf := make([]byte, 4096)
	sink := &writerOnly{io.Discard} // a pointer, so the conversion to io.Writer does not allocate
	for _, tt := range []struct {
		name string
		f    func()
	}{
		{"Read", func() {
			for {
				if _, err := r.Read(buf); err != nil {
					return
				}
			}
		}},
		{"WriteTo io.Discard", func() { r.WriteTo(io.Discard) }},
		{"WriteTo plain writer", func() { r.WriteTo(sink) }},
		{"Discard", func() { r.Discard() }},
	} {
		allocs := testing.AllocsPerRun(20, func() {
			src.Reset(data)
			r.Reset(src, int64(len(data)))
			tt.f()
		})
		if allocs != 0 {
			t.Errorf("%s allocates %v times; want 0", tt.name, allocs)
		}
	}
}
