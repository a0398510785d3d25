package literal

import (
	"io"
	"testing"
)

func BenchmarkParseAnnouncement(b *testing.B) {
	for _, in := range []string{"{5}", "{1234}", "~{123456789+}", "{9223372036854775807}", "{0000000000000000000000001}"} {
		buf := []byte(in + "\r\n")
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, _, err := ParseAnnouncement(buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAppendTo(b *testing.B) {
	b.ReportAllocs()
	a := Announcement{Size: 123456789, NonSync: true}
	buf := make([]byte, 0, maxAnnouncementLen)
	for b.Loop() {
		buf = a.AppendTo(buf[:0])
	}
}

// pattern is the content patternReader repeats.
var pattern = body(64 << 10)

// patternReader is a cheap source for the streaming benchmarks: it fills p
// from pattern, without allocating, until left bytes have been read. It has
// no WriteTo, like a network connection.
type patternReader struct {
	off  int
	left int64
}

func (r *patternReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n := 0
	for n < len(p) {
		k := copy(p[n:], pattern[r.off:])
		n += k
		r.off = (r.off + k) % len(pattern)
	}
	r.left -= int64(n)
	return n, nil
}

const gib = 1 << 30

// BenchmarkIOCopy1GiB is the baseline for BenchmarkReaderWriteTo1GiB: the
// same source copied to io.Discard with no literal Reader in between.
func BenchmarkIOCopy1GiB(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(gib)
	var src patternReader
	for b.Loop() {
		src = patternReader{left: gib}
		if n, err := io.Copy(io.Discard, &src); n != gib || err != nil {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkReaderWriteTo1GiB streams a 1 GiB literal body to io.Discard the
// way a caller does, with io.Copy.
func BenchmarkReaderWriteTo1GiB(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(gib)
	var src patternReader
	var r Reader
	for b.Loop() {
		src = patternReader{left: gib}
		r.Reset(&src, gib)
		if n, err := io.Copy(io.Discard, &r); n != gib || err != nil {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkReaderRead1GiB reads a 1 GiB body through Read with 32 KiB
// buffers, as a caller that does not use WriteTo does.
func BenchmarkReaderRead1GiB(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(gib)
	var src patternReader
	var r Reader
	buf := make([]byte, 32<<10)
	for b.Loop() {
		src = patternReader{left: gib}
		r.Reset(&src, gib)
		for {
			if _, err := r.Read(buf); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWriterReadFrom1GiB sends a 1 GiB body through a Writer to
// io.Discard, with io.Copy.
func BenchmarkWriterReadFrom1GiB(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(gib)
	var src patternReader
	w := NewWriter(io.Discard, 0)
	for b.Loop() {
		src = patternReader{left: gib}
		*w = Writer{dst: io.Discard, n: gib, size: gib}
		if n, err := io.Copy(w, &src); n != gib || err != nil {
			b.Fatal(n, err)
		}
	}
}
