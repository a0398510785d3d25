package wire

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/mailwire/imap/literal"
)

// richFetch returns the n-th response of a stream of rich FETCH responses
// like those a client receives when it synchronises a mailbox.
func richFetch(dst []byte, n int) []byte {
	return fmt.Appendf(dst, "* %d FETCH (UID %d FLAGS (\\Seen \\Answered $Forwarded) "+
		"INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE %d "+
		"ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes %d\" "+
		"((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "+
		"((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) "+
		"((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\") (\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL "+
		"\"<B27397-0100000@cac.washington.edu>\") "+
		"BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92 NIL NIL NIL NIL) "+
		"(\"APPLICATION\" \"PDF\" (\"NAME\" \"minutes.pdf\") NIL NIL \"BASE64\" 40964 NIL (\"ATTACHMENT\" (\"FILENAME\" \"minutes.pdf\")) NIL NIL) "+
		"\"MIXED\" (\"BOUNDARY\" \"----=_Part_%d\") NIL NIL NIL))\r\n", n, 1000+n, 4286+n, n, n)
}

// fetchStream returns at least size bytes of rich FETCH responses.
func fetchStream(size int) []byte {
	b := make([]byte, 0, size+2048)
	for n := 1; len(b) < size; n++ {
		b = richFetch(b, n)
	}
	return b
}

var fetch40MB = func() func() []byte {
	var b []byte
	return func() []byte {
		if b == nil {
			b = fetchStream(40 << 20)
		}
		return b
	}
}()

// BenchmarkReadTokenFetch scans ~40 MB of rich FETCH responses token by
// token. Goal: >= 1 GB/s and no allocation per token.
func BenchmarkReadTokenFetch(b *testing.B) {
	in := fetch40MB()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	r := bytes.NewReader(in)
	d := NewDecoder(r)
	tokens := 0
	// A plain b.N loop: b.Loop keeps the results of every call in its body
	// alive, which costs more than a token takes to read.
	for i := 0; i < b.N; i++ {
		r.Reset(in)
		d.Reset(r)
		for {
			_, err := d.ReadToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			tokens++
		}
	}
	b.ReportMetric(float64(tokens)/float64(b.N), "tokens/op")

}

// BenchmarkReadMessageFetch reads the same stream as generic messages, which
// allocates the values it keeps.
func BenchmarkReadMessageFetch(b *testing.B) {
	in := fetchStream(4 << 20)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	r := bytes.NewReader(in)
	d := NewDecoder(r)
	for b.Loop() {
		r.Reset(in)
		d.Reset(r)
		for {
			_, err := d.ReadMessage()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// patternReader produces an endless stream from a fixed pattern without
// allocating: the same source for the literal benchmark and its baseline.
type patternReader struct {
	pat []byte
	off int
}

func (p *patternReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		c := copy(b[n:], p.pat[p.off:])
		n += c
		p.off = (p.off + c) % len(p.pat)
	}
	return n, nil
}

const literalBenchSize = 1 << 30

func newPattern() *patternReader {
	pat := make([]byte, 64<<10)
	for i := range pat {
		pat[i] = byte('a' + i%26)
	}
	return &patternReader{pat: pat}
}

// BenchmarkIOCopy1GiB is the baseline: io.Copy of 1 GiB from the source.
func BenchmarkIOCopy1GiB(b *testing.B) {
	src := newPattern()
	b.SetBytes(literalBenchSize)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := io.Copy(io.Discard, io.LimitReader(src, literalBenchSize)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStreamLiteral1GiB streams a 1 GiB literal through the decoder
// from the same source. Goal: >= 90 % of BenchmarkIOCopy1GiB, flat memory.
func BenchmarkStreamLiteral1GiB(b *testing.B) {
	head := []byte(fmt.Sprintf("A1 APPEND INBOX {%d}\r\n", literalBenchSize))
	b.SetBytes(literalBenchSize)
	b.ReportAllocs()
	for b.Loop() {
		src := io.MultiReader(bytes.NewReader(head), newPattern())
		d := NewDecoder(src)
		for range 3 {
			if _, err := d.ReadToken(); err != nil {
				b.Fatal(err)
			}
		}
		if err := d.SP(); err != nil {
			b.Fatal(err)
		}
		ann, body, err := d.ReadLiteral()
		if err != nil || ann != (literal.Announcement{Size: literalBenchSize}) {
			b.Fatal(ann, err)
		}
		n, err := io.Copy(io.Discard, body)
		if err != nil || n != literalBenchSize {
			b.Fatal(n, err)
		}
	}
}
