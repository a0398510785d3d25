package response

import (
	"bytes"
	"fmt"
	"io"
	"slices"
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

// TestReuseValues decodes every test case, as one stream in each order,
// with and without ReuseValues, and checks that each response re-encodes
// the same either way: reused memory must come back zeroed, or fields of
// an earlier response would show through. It then checks what reuse is
// for: FETCH responses take the memory of the ones before, their strings
// stay unchanged, and a stream of them costs next to no allocations.
func TestReuseValues(t *testing.T) {
	var in []byte
	for _, c := range allCases {
		if len(c.opts) == 0 {
			in = append(in, c.in...)
		}
	}
	var rev []byte
	for i := len(allCases) - 1; i >= 0; i-- {
		if len(allCases[i].opts) == 0 {
			rev = append(rev, allCases[i].in...)
		}
	}
	for _, stream := range [][]byte{in, rev} {
		owned := decodeAll(t, bytes.NewReader(stream), false)
		reused := decodeAll(t, bytes.NewReader(stream), true)
		if len(owned) != len(reused) {
			t.Fatalf("%d responses, %d reusing memory", len(owned), len(reused))
		}
		for i := range owned {
			o, r := owned[i], reused[i]
			if o.wire != r.wire || o.err != r.err || !slicesEqual(o.quirks, r.quirks) {
				t.Errorf("response %d differs:\nowned  %q %s %s\nreused %q %s %s", i, o.wire, o.quirks, o.err, r.wire, r.quirks, r.err)
			}
		}
	}

	const n = 200
	fetches := fetchStream(n)
	d := NewDecoder(bytes.NewReader(fetches))
	d.ReuseValues(true)
	var first *Fetch
	var subjects, want []string
	for i := range n {
		r, err := d.ReadResponse()
		if err != nil {
			t.Fatal(err)
		}
		f := r.(*Fetch)
		if i == 0 {
			first = f
		} else if f != first {
			t.Fatalf("response %d is at %p, want the memory of the first, %p", i+1, f, first)
		}
		if f.Seq != uint32(i+1) || f.UID != uint32(1000+i) {
			t.Fatalf("response %d: Seq %d UID %d", i+1, f.Seq, f.UID)
		}
		subjects = append(subjects, f.Envelope.Subject.Value, f.BodyStructure.Parts[1].Subtype)
		want = append(want, "Quarterly report and plans", "pdf")
	}
	if !slices.Equal(subjects, want) {
		t.Errorf("strings changed by later responses: %q", subjects)
	}

	r := bytes.NewReader(fetches)
	d.Reset(r)
	allocs := testing.AllocsPerRun(10, func() {
		r.Reset(fetches)
		d.Reset(r)
		for range n {
			if _, err := d.ReadResponse(); err != nil {
				t.Fatal(err)
			}
		}
	}) / n
	// Only the strings' blocks are new: one of 16 KiB for dozens of
	// responses.
	if allocs > 0.1 {
		t.Errorf("%.3f allocations per rich FETCH response reusing memory, want at most 0.1", allocs)
	}
	t.Logf("%.3f allocations per rich FETCH response reusing memory", allocs)
}
