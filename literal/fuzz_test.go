package literal

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// FuzzParseAnnouncement checks that ParseAnnouncement never panics, keeps n
// within the input, reports only its documented errors, and that a parsed
// announcement re-encodes to a canonical form that parses to the same value.
func FuzzParseAnnouncement(f *testing.F) {
	for _, tt := range validAnnouncements {
		f.Add([]byte(tt.in + "\r\n"))
	}
	for _, tt := range invalidAnnouncements {
		f.Add([]byte(tt.prefix + tt.rest))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, n, err := ParseAnnouncement(b)
		if n < 0 || n > len(b) {
			t.Fatalf("ParseAnnouncement(%q) n = %d, outside [0, %d]", b, n, len(b))
		}
		switch {
		case err == nil:
		case err == io.ErrUnexpectedEOF:
			if n != len(b) {
				t.Fatalf("ParseAnnouncement(%q) = io.ErrUnexpectedEOF at %d; want at %d", b, n, len(b))
			}
			return
		case errors.Is(err, ErrSyntax), errors.Is(err, ErrTooLarge):
			if n == len(b) {
				t.Fatalf("ParseAnnouncement(%q) = %v at the end of the input", b, err)
			}
			return
		default:
			t.Fatalf("ParseAnnouncement(%q) = undocumented error %v", b, err)
		}
		if a.Size < 0 {
			t.Fatalf("ParseAnnouncement(%q) Size = %d", b, a.Size)
		}
		if b[n-1] != '}' {
			t.Fatalf("ParseAnnouncement(%q) consumed %q, which does not end in '}'", b, b[:n])
		}
		// The consumed bytes alone parse the same.
		if a2, n2, err2 := ParseAnnouncement(b[:n]); a2 != a || n2 != n || err2 != nil {
			t.Fatalf("ParseAnnouncement(%q) = %v, %d, %v; from the longer input %v, %d", b[:n], a2, n2, err2, a, n)
		}
		canon := a.AppendTo(nil)
		a2, n2, err := ParseAnnouncement(canon)
		if err != nil || a2 != a || n2 != len(canon) {
			t.Fatalf("ParseAnnouncement(%q) = %v, %d, %v; want %v, %d, nil (from %q)", canon, a2, n2, err, a, len(canon), b)
		}
		if !bytes.Equal(a2.AppendTo(nil), canon) {
			t.Fatalf("AppendTo is not a fixed point: %q -> %q", canon, a2.AppendTo(nil))
		}
		if len(canon) > n {
			t.Fatalf("canonical form %q is longer than the input %q", canon, b[:n])
		}
	})
}

// FuzzReader checks that a body read in chunks, from a source that returns
// one byte or half a buffer at a time, is the body read whole, and that the
// Reader never takes more than the body from its source.
func FuzzReader(f *testing.F) {
	f.Add([]byte("hello, world"), int64(5), uint8(3), uint8(0))
	f.Add([]byte("abc"), int64(4), uint8(1), uint8(1))
	f.Add([]byte{}, int64(0), uint8(0), uint8(2))
	f.Add(body(5000), int64(4096), uint8(255), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, n int64, chunk uint8, mode uint8) {
		if n < 0 {
			n = -n
		}
		n %= int64(len(data)) + 2 // sometimes past the end of the data
		want := data[:min(n, int64(len(data)))]
		src := bytes.NewReader(data)
		var s io.Reader = src
		switch mode % 4 {
		case 1:
			s = iotest.OneByteReader(s)
		case 2:
			s = iotest.HalfReader(s)
		case 3:
			s = readerOnly{s}
		}
		r := NewReader(s, n)
		var got []byte
		buf := make([]byte, int(chunk)+1)
		var err error
		if chunk%5 == 0 {
			var out bytes.Buffer
			_, err = r.WriteTo(&out)
			got = out.Bytes()
		} else {
			for {
				var k int
				k, err = r.Read(buf)
				got = append(got, buf[:k]...)
				if err != nil {
					break
				}
			}
			if err == io.EOF {
				err = nil
			}
		}
		if n > int64(len(data)) {
			if err != io.ErrUnexpectedEOF {
				t.Fatalf("body of %d from %d bytes: error %v; want io.ErrUnexpectedEOF", n, len(data), err)
			}
		} else if err != nil {
			t.Fatalf("body of %d from %d bytes: %v", n, len(data), err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("chunked read gave %d bytes %q; want %d bytes", len(got), got, len(want))
		}
		if consumed := int64(len(data) - src.Len()); consumed != int64(len(want)) {
			t.Fatalf("Reader took %d bytes from the source for a body of %d", consumed, len(want))
		}
	})
}
