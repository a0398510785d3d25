package bodystructure

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/mailwire/imap/wire"
)

// richBody is a multipart BODYSTRUCTURE with extension data, as Dovecot
// writes one for a message with an alternative text and an attachment.
const richBody = `((("text" "plain" ("charset" "utf-8" "format" "flowed") NIL NIL "quoted-printable" 1532 31 NIL NIL NIL NIL)` +
	`("text" "html" ("charset" "utf-8") NIL NIL "quoted-printable" 8210 120 NIL NIL NIL NIL) "alternative" ("boundary" "alt-7f2c") NIL NIL NIL)` +
	`("application" "pdf" ("name" "report.pdf") "<att1@example.org>" "Quarterly report" "base64" 120304 NIL ("attachment" ("filename" "report.pdf" "size" "87912")) ("en") NIL)` +
	` "mixed" ("boundary" "mix-19ab") NIL NIL NIL)`

const richEnvelope = `("Mon, 13 Nov 2023 09:12:44 +0100" "Quarterly report and plans" (("Alice Example" NIL "alice" "example.org")) ` +
	`(("Alice Example" NIL "alice" "example.org")) (("Alice Example" NIL "alice" "example.org")) ` +
	`(("Bob Example" NIL "bob" "example.net")("Carol" NIL "carol" "example.com")) ((NIL NIL "team" "example.org")) NIL ` +
	`"<prev-1@example.net>" "<msg-42@example.org>")`

// BenchmarkReadBody decodes a stream of rich body structures.
func BenchmarkReadBody(b *testing.B) {
	benchRead(b, richBody, func(d *wire.Decoder) error { _, err := ReadBody(d); return err })
}

// BenchmarkArenaReadBody is BenchmarkReadBody with an Arena.
func BenchmarkArenaReadBody(b *testing.B) {
	var a Arena
	benchRead(b, richBody, func(d *wire.Decoder) error { _, err := a.ReadBody(d); return err })
}

// BenchmarkArenaReadEnvelope is BenchmarkReadEnvelope with an Arena.
func BenchmarkArenaReadEnvelope(b *testing.B) {
	var a Arena
	benchRead(b, richEnvelope, func(d *wire.Decoder) error { _, err := a.ReadEnvelope(d); return err })
}

// BenchmarkReadEnvelope decodes a stream of envelopes.
func BenchmarkReadEnvelope(b *testing.B) {
	benchRead(b, richEnvelope, func(d *wire.Decoder) error { _, err := ReadEnvelope(d); return err })
}

func benchRead(b *testing.B, value string, read func(*wire.Decoder) error) {
	const n = 1000
	in := []byte(strings.Repeat(value+"\r\n", n))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	r := bytes.NewReader(in)
	d := wire.NewDecoder(r)
	for b.Loop() {
		r.Reset(in)
		d.Reset(r)
		for range n {
			if err := read(d); err != nil {
				b.Fatal(err)
			}
			if err := d.ReadEOL(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/value")
}

// BenchmarkEncodeBody encodes the rich body structure.
func BenchmarkEncodeBody(b *testing.B) {
	d := wire.NewDecoder(strings.NewReader(richBody + "\r\n"))
	body, err := ReadBody(d)
	if err != nil {
		b.Fatal(err)
	}
	e := wire.NewEncoder(io.Discard)
	b.SetBytes(int64(len(richBody) + 2))
	b.ReportAllocs()
	for b.Loop() {
		EncodeBody(e, body, true)
		if err := e.CRLF(); err != nil {
			b.Fatal(err)
		}
	}
}
