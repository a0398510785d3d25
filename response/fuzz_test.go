package response

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// fuzzOpts are the options of the fuzz targets: small limits, so that
// inputs reach them, and literal8 allowed.
var fuzzOpts = []wire.Option{
	wire.LiteralPolicy(literal.Policy{Binary: true}),
	wire.MaxLineBytes(4096),
	wire.MaxLiteralBuffer(4096),
	wire.MaxDepth(20),
}

// An outcome is what decoding made of one response: its canonical encoding
// and quirks, or its error.
type outcome struct {
	resp   Response
	wire   string
	quirks []string // "name@offset"
	err    string
}

// decodeAll decodes every response of in, skipping the broken ones. With
// reuse, the decoder reuses the memory of its values (ReuseValues), and
// the outcomes have no resp.
func decodeAll(t *testing.T, r io.Reader, reuse bool) []outcome {
	d := NewDecoder(r, fuzzOpts...)
	d.ReuseValues(reuse)
	var out []outcome
	for i := 0; i < 10000; i++ {
		resp, err := d.ReadResponse()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var se *wire.SyntaxError
			if !errors.As(err, &se) {
				if err != io.ErrUnexpectedEOF {
					t.Fatalf("response %d: %v, want a *wire.SyntaxError or io.ErrUnexpectedEOF", i, err)
				}
				return append(out, outcome{err: err.Error()})
			}
			// The quote depends on what was buffered: compare the rest.
			out = append(out, outcome{err: fmt.Sprintf("offset %d rule %s quirk %s: %v", se.Offset, se.Rule, se.Quirk, se.Err)})
			if err := d.Skip(); err != nil {
				if err != io.ErrUnexpectedEOF && err != io.EOF {
					var se *wire.SyntaxError
					if !errors.As(err, &se) {
						t.Fatalf("Skip: %v", err)
					}
				}
				return out
			}
			continue
		}
		o := outcome{}
		if !reuse {
			o.resp = resp
		}
		for _, q := range d.Quirks() {
			o.quirks = append(o.quirks, fmt.Sprintf("%s@%d", q.Quirk, q.Offset))
		}
		b, err := Append(nil, resp, fuzzOpts...)
		if err != nil {
			t.Fatalf("response %d %#v decodes but does not encode: %v", i, resp, err)
		}
		o.wire = string(b)
		out = append(out, o)
	}
	t.Fatal("no progress")
	return nil
}

// FuzzReadResponse checks that the decoder never panics nor fails to
// progress, that every response it returns encodes and decodes again,
// strictly, to the same value and the same bytes (a fixed point), and that
// reading one byte at a time gives the same results as whole input, as does
// reusing memory (ReuseValues).
func FuzzReadResponse(f *testing.F) {
	for _, c := range allCases {
		f.Add([]byte(c.in))
	}
	for _, c := range allErrorCases {
		f.Add([]byte(c.in + "a1 OK next\r\n"))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		whole := decodeAll(t, bytes.NewReader(in), false)
		bytewise := decodeAll(t, iotest.OneByteReader(bytes.NewReader(in)), false)
		reused := decodeAll(t, bytes.NewReader(in), true)
		if len(whole) != len(bytewise) || len(whole) != len(reused) {
			t.Fatalf("%d responses whole, %d one byte at a time, %d reusing memory", len(whole), len(bytewise), len(reused))
		}
		for i := range whole {
			w, b, r := whole[i], bytewise[i], reused[i]
			if w.wire != b.wire || w.err != b.err || !slicesEqual(w.quirks, b.quirks) {
				t.Fatalf("response %d differs:\nwhole %q %s %s\nbytes %q %s %s", i, w.wire, w.quirks, w.err, b.wire, b.quirks, b.err)
			}
			if w.wire != r.wire || w.err != r.err || !slicesEqual(w.quirks, r.quirks) {
				t.Fatalf("response %d differs:\nwhole  %q %s %s\nreused %q %s %s", i, w.wire, w.quirks, w.err, r.wire, r.quirks, r.err)
			}
			if w.resp == nil {
				continue
			}
			// A kept quirk makes strict decoding fail, and so do 8-bit
			// bytes in the text arguments of a response code, where
			// only ASCII may stand.
			kept := keptQuirk(w.quirks) || eightBitCode(w.resp)
			opts := append(append([]wire.Option{}, fuzzOpts...), wire.Strict(!kept))
			d := NewDecoder(bytes.NewReader([]byte(w.wire)), opts...)
			again, err := d.ReadResponse()
			if err != nil {
				if kept {
					continue
				}
				t.Fatalf("canonical %q does not decode strictly: %v", w.wire, err)
			}
			if diff := cmp.Diff(w.resp, again, cmpOpts...); diff != "" {
				t.Fatalf("canonical %q decodes to another value (-first +again):\n%s", w.wire, diff)
			}
			b2, err := Append(nil, again, fuzzOpts...)
			if err != nil || string(b2) != w.wire {
				t.Fatalf("not a fixed point: %q then %q (%v)", w.wire, b2, err)
			}
		}
	})
}

// eightBitCode reports whether r has a response code whose arguments, as
// written, hold bytes above 0x7f: text arguments (of an unknown code, of
// BADURL) keep what lenient decoding read, and only ASCII may stand there.
func eightBitCode(r Response) bool {
	var c Code
	switch r := r.(type) {
	case *Status:
		c = r.Code
	case *Continuation:
		c = r.Code
	}
	if c == nil {
		return false
	}
	e := wire.NewEncoder(io.Discard)
	encodeCode(e, c)
	for _, b := range e.Bytes() {
		if b >= 0x80 {
			return true
		}
	}
	return false
}
