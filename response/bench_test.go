package response

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// richFetch is a FETCH response as a server sends one to a client that
// lists a mailbox: UID, FLAGS, INTERNALDATE, RFC822.SIZE, an envelope with
// several addresses and a multipart body structure with extension data.
const richFetch = `* %d FETCH (UID %d FLAGS (\Seen $Forwarded) INTERNALDATE "13-Nov-2023 09:12:44 +0100" RFC822.SIZE 131790 ` +
	`ENVELOPE ("Mon, 13 Nov 2023 09:12:44 +0100" "Quarterly report and plans" (("Alice Example" NIL "alice" "example.org")) ` +
	`(("Alice Example" NIL "alice" "example.org")) (("Alice Example" NIL "alice" "example.org")) ` +
	`(("Bob Example" NIL "bob" "example.net")("Carol" NIL "carol" "example.com")) ((NIL NIL "team" "example.org")) NIL ` +
	`"<prev-1@example.net>" "<msg-42@example.org>") ` +
	`BODYSTRUCTURE ((("text" "plain" ("charset" "utf-8" "format" "flowed") NIL NIL "quoted-printable" 1532 31 NIL NIL NIL NIL)` +
	`("text" "html" ("charset" "utf-8") NIL NIL "quoted-printable" 8210 120 NIL NIL NIL NIL) "alternative" ("boundary" "alt-7f2c") NIL NIL NIL)` +
	`("application" "pdf" ("name" "report.pdf") "<att1@example.org>" "Quarterly report" "base64" 120304 NIL ("attachment" ("filename" "report.pdf" "size" "87912")) ("en") NIL)` +
	` "mixed" ("boundary" "mix-19ab") NIL NIL NIL))` + "\r\n"

// fetchStream returns n rich FETCH responses.
func fetchStream(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, richFetch, i+1, 1000+i)
	}
	return []byte(b.String())
}

// BenchmarkDecodeFetch decodes a stream of rich FETCH responses.
func BenchmarkDecodeFetch(b *testing.B) {
	const n = 1000
	in := fetchStream(n)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	r := bytes.NewReader(in)
	d := NewDecoder(r)
	for b.Loop() {
		r.Reset(in)
		d.Reset(r)
		for range n {
			if _, err := d.ReadResponse(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/msg")
}

// BenchmarkEncodeFetch encodes the same responses as typed values.
func BenchmarkEncodeFetch(b *testing.B) {
	const n = 1000
	in := fetchStream(n)
	resps := decodeStream(b, in)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	e := NewEncoder(io.Discard)
	for b.Loop() {
		for _, r := range resps {
			if err := e.Encode(r); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/msg")
}

func decodeStream(tb testing.TB, in []byte) []Response {
	d := NewDecoder(bytes.NewReader(in))
	var out []Response
	for {
		r, err := d.ReadResponse()
		if err == io.EOF {
			return out
		}
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, r)
	}
}

// TestEncodeAllocs pins the encoder's steady state: no allocation per
// response.
func TestEncodeAllocs(t *testing.T) {
	in := fetchStream(10)
	resps := decodeStream(t, in)
	var out bytes.Buffer
	e := NewEncoder(&out)
	allocs := testing.AllocsPerRun(50, func() {
		out.Reset()
		for _, r := range resps {
			if err := e.Encode(r); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("%.1f allocations per run of %d responses, want 0", allocs, len(resps))
	}
	if out.String() != string(in) {
		t.Errorf("encoding differs from the canonical input")
	}
}

// TestDecodeAllocs pins the decoder's steady state: a rich FETCH response
// costs few allocations, since its strings and values come from blocks.
func TestDecodeAllocs(t *testing.T) {
	const n = 200
	in := fetchStream(n)
	r := bytes.NewReader(in)
	d := NewDecoder(r)
	allocs := testing.AllocsPerRun(10, func() {
		r.Reset(in)
		d.Reset(r)
		for range n {
			if _, err := d.ReadResponse(); err != nil {
				t.Fatal(err)
			}
		}
	}) / n
	if allocs > 3 {
		t.Errorf("%.2f allocations per rich FETCH response, want at most 3", allocs)
	}
	t.Logf("%.2f allocations per rich FETCH response", allocs)
}
