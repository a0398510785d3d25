package bodystructure

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/wire"
)

// FuzzReadBody checks that decoding any bytes as a body or an envelope never
// panics; that what decodes encodes, and decodes again strictly to the same
// value and the same bytes (a fixed point); and that a reader returning one
// byte at a time gives the same result as whole input.
func FuzzReadBody(f *testing.F) {
	for _, c := range bodyCases {
		f.Add([]byte(c.in+"\r\n"), c.env)
	}
	for _, c := range errorCases {
		f.Add([]byte(c.in+"\r\n"), c.env)
	}
	f.Fuzz(func(t *testing.T, in []byte, env bool) {
		v, quirks, err := decodeOne(bytes.NewReader(in), env, wire.MaxLineBytes(4096), wire.MaxLiteralBuffer(4096))
		v1, quirks1, err1 := decodeOne(iotest.OneByteReader(bytes.NewReader(in)), env, wire.MaxLineBytes(4096), wire.MaxLiteralBuffer(4096))
		if errKey(err) != errKey(err1) {
			t.Fatalf("whole: %v\nbyte by byte: %v", err, err1)
		}
		checkFastPath(t, in, env)
		if err != nil {
			var se *wire.SyntaxError
			if !errors.As(err, &se) && !errors.Is(err, io.ErrUnexpectedEOF) && err != io.EOF {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if !cmp.Equal(v, v1) || !cmp.Equal(quirks, quirks1) {
			t.Fatalf("byte by byte differs:\n%s", cmp.Diff(v, v1))
		}
		enc, err := encodeOne(v, true)
		if err != nil {
			t.Fatalf("decoded value does not encode: %v", err)
		}
		v2, _, err := decodeOne(bytes.NewReader([]byte(enc+"\r\n")), env, wire.Strict(true))
		if err != nil {
			t.Fatalf("canonical form %q does not decode strictly: %v", enc, err)
		}
		if diff := cmp.Diff(v, v2); diff != "" {
			t.Fatalf("value changed through %q:\n%s", enc, diff)
		}
		enc2, err := encodeOne(v2, true)
		if err != nil || enc2 != enc {
			t.Fatalf("re-encoding: %q, %v\nwant %q", enc2, err, enc)
		}
		if !env {
			// The BODY form is a fixed point too.
			short, err := encodeOne(v, false)
			if err != nil {
				t.Fatalf("BODY form: %v", err)
			}
			v3, _, err := decodeOne(bytes.NewReader([]byte(short+"\r\n")), false, wire.Strict(true))
			if err != nil {
				t.Fatalf("BODY form %q does not decode: %v", short, err)
			}
			if short2, _ := encodeOne(v3, false); short2 != short {
				t.Fatalf("BODY form not a fixed point: %q then %q", short, short2)
			}
		}
	})
}

// checkFastPath checks that the fast path (ReadBody, ReadEnvelope and an
// Arena's, over the buffered bytes) and the token parser alone give the
// same value, quirks and error for in, in both modes.
func checkFastPath(t *testing.T, in []byte, env bool) {
	t.Helper()
	for _, strict := range []bool{false, true} {
		type result struct {
			v      any
			quirks []wire.QuirkReport
			err    any
			next   int64
		}
		run := func(read func(d *wire.Decoder) (any, error)) result {
			d := wire.NewDecoder(bytes.NewReader(in), wire.Strict(strict), wire.MaxLineBytes(4096))
			v, err := read(d)
			if err == nil {
				err = d.ReadEOL()
			}
			return result{v, append([]wire.QuirkReport(nil), d.Quirks()...), errKey(err), d.Offset()}
		}
		var a Arena
		fast := run(func(d *wire.Decoder) (any, error) {
			if env {
				return ReadEnvelope(d)
			}
			return ReadBody(d)
		})
		arena := run(func(d *wire.Decoder) (any, error) {
			if env {
				return a.ReadEnvelope(d)
			}
			return a.ReadBody(d)
		})
		slow := run(func(d *wire.Decoder) (any, error) {
			p := parser{d: d}
			if env {
				return p.envelope(true)
			}
			return p.body()
		})
		for _, r := range []result{fast, arena} {
			if r.err != slow.err || r.next != slow.next || !cmp.Equal(r.quirks, slow.quirks) {
				t.Fatalf("strict=%v: fast path: %v at %d %v\ntoken parser: %v at %d %v", strict, r.err, r.next, r.quirks, slow.err, slow.next, slow.quirks)
			}
			if slow.err == nil {
				if diff := cmp.Diff(slow.v, r.v); diff != "" {
					t.Fatalf("strict=%v: fast path differs (-token parser +fast path):\n%s", strict, diff)
				}
			}
		}
	}
}

// errKey is what must agree between two decodings that fail: the quote in
// the message depends on what was buffered.
func errKey(err error) any {
	var se *wire.SyntaxError
	if errors.As(err, &se) {
		return [3]any{se.Offset, se.Rule, se.Quirk}
	}
	return err
}
