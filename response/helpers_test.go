package response

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/mailwire/imap/literal"
	"github.com/mailwire/imap/wire"
)

// A testCase is one response on the wire and the value it decodes to. The
// tables of every file's tests register their cases in allCases, which also
// seeds the fuzz targets.
type testCase struct {
	name string
	// in is one whole response, line ending included.
	in   string
	want Response
	// canon is the canonical re-encoding; empty when it is in itself.
	canon string
	// quirks are the quirks lenient decoding reports, as "name@offset";
	// strict decoding must refuse the first one at its offset.
	quirks []string
	// opts are extra wire options for decoding and encoding (UTF8, BINARY).
	opts []wire.Option
}

// An errorCase is a response that must fail with a *wire.SyntaxError at
// offset off (in lenient mode; in strict mode too unless it fails earlier).
type errorCase struct {
	name string
	in   string
	off  int64
	opts []wire.Option
}

var (
	allCases      []testCase
	allErrorCases []errorCase
)

// cmpOpts compare responses: generic values ignoring their offsets, and
// ignoring adjacency where the canonical form has a space anyway ("0()"
// is read with the list adjacent, and written as "0 ()").
var cmpOpts = []cmp.Option{
	cmp.Comparer(func(a, b wire.Value) bool { return a.Equal(&b) || valueBytes(&a) == valueBytes(&b) }),
}

// valueBytes returns the canonical encoding of v.
func valueBytes(v *wire.Value) string {
	e := wire.NewEncoder(io.Discard, wire.LiteralPolicy(literal.Policy{Binary: true}))
	e.Atom("x").SP()
	v.Encode(e)
	if e.Err() != nil {
		return "error: " + e.Err().Error()
	}
	return string(e.Bytes())
}

// decodeOne decodes the single response in r and returns it with the
// quirks reported, as "name@offset".
func decodeOne(r io.Reader, opts ...wire.Option) (Response, []string, error) {
	d := NewDecoder(r, opts...)
	resp, err := d.ReadResponse()
	if err != nil {
		return nil, nil, err
	}
	var quirks []string
	for _, q := range d.Quirks() {
		quirks = append(quirks, fmt.Sprintf("%s@%d", q.Quirk, q.Offset))
	}
	if _, err := d.ReadResponse(); err != io.EOF {
		return nil, nil, fmt.Errorf("after the response: %v, want io.EOF", err)
	}
	return resp, quirks, nil
}

func encodeOne(r Response, opts ...wire.Option) (string, error) {
	b, err := Append(nil, r, opts...)
	return string(b), err
}

func strictOpts(opts []wire.Option) []wire.Option {
	return append(append([]wire.Option{}, opts...), wire.Strict(true))
}

// checkCases runs every check on each case: decoding whole and one byte at
// a time, the quirks, the canonical encoding, strict decoding of the
// canonical form back to the same value, strict refusal of the quirks, and
// io.ErrUnexpectedEOF for every proper prefix.
func checkCases(t *testing.T, cases []testCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkCase(t, c) })
	}
}

func checkCase(t *testing.T, c testCase) {
	t.Helper()
	got, quirks, err := decodeOne(strings.NewReader(c.in), c.opts...)
	if err != nil {
		t.Fatalf("decode %q: %v", c.in, err)
	}
	if diff := cmp.Diff(c.want, got, cmpOpts...); diff != "" {
		t.Errorf("decode %q (-want +got):\n%s", c.in, diff)
	}
	if !slicesEqual(quirks, c.quirks) {
		t.Errorf("decode %q: quirks %q, want %q", c.in, quirks, c.quirks)
	}
	got1, quirks1, err := decodeOne(iotest.OneByteReader(strings.NewReader(c.in)), c.opts...)
	if err != nil {
		t.Errorf("one byte at a time: %v", err)
	} else if diff := cmp.Diff(got, got1, cmpOpts...); diff != "" || !slicesEqual(quirks, quirks1) {
		t.Errorf("one byte at a time differs (-whole +bytes):\n%s quirks %q", diff, quirks1)
	}
	canon := c.canon
	if canon == "" {
		canon = c.in
	}
	enc, err := encodeOne(got, c.opts...)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	if enc != canon {
		t.Errorf("encode:\n got %q\nwant %q", enc, canon)
	}
	again, q2, err := decodeOne(strings.NewReader(enc), strictOpts(c.opts)...)
	if err != nil {
		if !keptQuirk(c.quirks) {
			t.Fatalf("strict decode of canonical %q: %v", enc, err)
		}
	} else {
		if diff := cmp.Diff(got, again, cmpOpts...); diff != "" {
			t.Errorf("canonical form decodes differently (-first +again):\n%s", diff)
		}
		if len(q2) > 0 {
			t.Errorf("canonical form has quirks %q", q2)
		}
	}
	if len(c.quirks) > 0 {
		_, _, err := decodeOne(strings.NewReader(c.in), strictOpts(c.opts)...)
		var se *wire.SyntaxError
		want := c.quirks[0]
		if !errors.As(err, &se) || fmt.Sprintf("%s@%d", se.Quirk, se.Offset) != want {
			t.Errorf("strict decode: %v, want the quirk %s", err, want)
		}
	}
	for i := range len(c.in) {
		_, _, err := decodeOne(strings.NewReader(c.in[:i]), c.opts...)
		if want := io.ErrUnexpectedEOF; i == 0 {
			if err != io.EOF {
				t.Errorf("empty input: %v, want io.EOF", err)
			}
		} else if err != want {
			t.Errorf("prefix %q: %v, want %v", c.in[:i], err, want)
			break
		}
	}
}

// keptQuirk reports whether the quirks include one that stays in the
// canonical form because the value has no other: text starting with "["
// that is no response code, the flag \* kept in a list of flags, a keyword
// with brackets (Gmail's OIB-Seen-[Gmail]/Trash), or a known code kept raw
// because its arguments break its grammar, or a NUL in message data outside
// BINARY.
func keptQuirk(quirks []string) bool {
	for _, q := range quirks {
		for _, k := range []wire.Quirk{wire.QuirkBadResponseCode, wire.QuirkStarFlagInFlags,
			wire.QuirkBracketInAtom, wire.QuirkBadCodeArguments, wire.QuirkNULInLiteral} {
			if strings.HasPrefix(q, k.String()+"@") {
				return true
			}
		}
	}
	return false
}

// checkErrorCases checks that each case fails at its offset, in lenient
// and strict mode, and that the decoder then skips to the next response.
func checkErrorCases(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				opts := append(append([]wire.Option{}, c.opts...), wire.Strict(strict))
				d := NewDecoder(strings.NewReader(c.in+"a1 OK next\r\n"), opts...)
				_, err := d.ReadResponse()
				var se *wire.SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("strict=%v: %v, want a *wire.SyntaxError", strict, err)
				}
				if !strict && se.Offset != c.off {
					t.Errorf("error at offset %d, want %d: %v", se.Offset, c.off, err)
				}
				if strict && se.Offset > c.off {
					t.Errorf("strict: error at offset %d, after %d: %v", se.Offset, c.off, err)
				}
				if err := d.Skip(); err != nil {
					t.Fatalf("Skip: %v", err)
				}
				next, err := d.ReadResponse()
				if s, ok := next.(*Status); err != nil || !ok || s.Tag != "a1" || s.Text != "next" {
					t.Fatalf("after Skip: %#v, %v; want a1 OK next", next, err)
				}
			}
		})
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A refuseCase is a value the encoder must refuse.
type refuseCase struct {
	name string
	r    Response
}

// checkRefusals checks that each value is refused with an error wrapping
// wire.ErrUnrepresentable and that nothing is written.
func checkRefusals(t *testing.T, cases []refuseCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := Append(nil, c.r)
			if !errors.Is(err, wire.ErrUnrepresentable) {
				t.Errorf("Append: %q, %v; want wire.ErrUnrepresentable", b, err)
			}
			if len(b) != 0 {
				t.Errorf("Append wrote %q", b)
			}
		})
	}
}

// checkRefused is checkRefusals for values named by their place.
func checkRefused(t *testing.T, rs ...Response) {
	t.Helper()
	cases := make([]refuseCase, len(rs))
	for i, r := range rs {
		cases[i] = refuseCase{fmt.Sprintf("%d %T", i, r), r}
	}
	checkRefusals(t, cases)
}
