package command

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

// A testCase is one command on the wire and the value it decodes to. The
// tables of every file's tests register their cases in allCases, which also
// seeds the fuzz targets.
type testCase struct {
	name string
	// in is one whole command, line ending included. Its tag is what
	// comes before the first space of its first line, or none for a line
	// without a space (DONE, a client response of AUTHENTICATE).
	in   string
	want Command
	// canon is the canonical re-encoding; empty when it is in itself.
	canon string
	// quirks are the quirks lenient decoding reports, as "name@offset";
	// strict decoding must refuse the first one at its offset.
	quirks []string
	// opts are extra wire options for decoding and encoding (UTF8,
	// literal policy).
	opts []wire.Option
	// prior is input read before in, such as the AUTHENTICATE command
	// that a client response follows. Offsets count from its start.
	prior string
}

// An errorCase is a command that must fail with a *wire.SyntaxError at
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

// cmpOpts compare commands: generic values by their canonical encoding.
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

// wantTag returns the tag of the command in: what comes before the first
// space of its first line.
func wantTag(in string) string {
	line, _, _ := strings.Cut(in, "\n")
	tag, _, ok := strings.Cut(line, " ")
	if !ok {
		return ""
	}
	return tag
}

// decodeOne decodes the single command in r, after the commands of prior,
// and returns it with its tag and the quirks reported, as "name@offset".
func decodeOne(prior string, r io.Reader, opts ...wire.Option) (string, Command, []string, error) {
	d := NewDecoder(io.MultiReader(strings.NewReader(prior), r), opts...)
	for d.Offset() < int64(len(prior)) {
		if _, _, err := d.ReadCommand(); err != nil {
			return "", nil, nil, fmt.Errorf("prior: %v", err)
		}
	}
	tag, cmd, err := d.ReadCommand()
	if err != nil {
		return "", nil, nil, err
	}
	var quirks []string
	for _, q := range d.Quirks() {
		quirks = append(quirks, fmt.Sprintf("%s@%d", q.Quirk, q.Offset))
	}
	if _, _, err := d.ReadCommand(); err != io.EOF {
		return "", nil, nil, fmt.Errorf("after the command: %v, want io.EOF", err)
	}
	return tag, cmd, quirks, nil
}

func encodeOne(tag string, c Command, opts ...wire.Option) (string, error) {
	b, err := AppendCommand(nil, tag, c, opts...)
	return string(b), err
}

func strictOpts(opts []wire.Option) []wire.Option {
	return append(append([]wire.Option{}, opts...), wire.Strict(true))
}

// checkCases runs every check on each case: decoding whole and one byte at
// a time, the tag, the quirks, the canonical encoding, strict decoding of
// the canonical form back to the same value, strict refusal of the quirks,
// and io.ErrUnexpectedEOF for every proper prefix.
func checkCases(t *testing.T, cases []testCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkCase(t, c) })
	}
}

func checkCase(t *testing.T, c testCase) {
	t.Helper()
	tag, got, quirks, err := decodeOne(c.prior, strings.NewReader(c.in), c.opts...)
	if err != nil {
		t.Fatalf("decode %q: %v", c.in, err)
	}
	if want := wantTag(c.in); tag != want {
		t.Errorf("decode %q: tag %q, want %q", c.in, tag, want)
	}
	if diff := cmp.Diff(c.want, got, cmpOpts...); diff != "" {
		t.Errorf("decode %q (-want +got):\n%s", c.in, diff)
	}
	if !slicesEqual(quirks, c.quirks) {
		t.Errorf("decode %q: quirks %q, want %q", c.in, quirks, c.quirks)
	}
	_, got1, quirks1, err := decodeOne(c.prior, iotest.OneByteReader(strings.NewReader(c.in)), c.opts...)
	if err != nil {
		t.Errorf("one byte at a time: %v", err)
	} else if diff := cmp.Diff(got, got1, cmpOpts...); diff != "" || !slicesEqual(quirks, quirks1) {
		t.Errorf("one byte at a time differs (-whole +bytes):\n%s quirks %q", diff, quirks1)
	}
	canon := c.canon
	if canon == "" {
		canon = c.in
	}
	enc, err := encodeOne(tag, got, c.opts...)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	if enc != canon {
		t.Errorf("encode:\n got %q\nwant %q", enc, canon)
	}
	_, again, q2, err := decodeOne(c.prior, strings.NewReader(enc), strictOpts(c.opts)...)
	if err != nil {
		t.Fatalf("strict decode of canonical %q: %v", enc, err)
	}
	if diff := cmp.Diff(got, again, cmpOpts...); diff != "" {
		t.Errorf("canonical form decodes differently (-first +again):\n%s", diff)
	}
	if len(q2) > 0 {
		t.Errorf("canonical form has quirks %q", q2)
	}
	if len(c.quirks) > 0 {
		_, _, _, err := decodeOne(c.prior, strings.NewReader(c.in), strictOpts(c.opts)...)
		var se *wire.SyntaxError
		want := c.quirks[0]
		if !errors.As(err, &se) || fmt.Sprintf("%s@%d", se.Quirk, se.Offset) != want {
			t.Errorf("strict decode: %v, want the quirk %s", err, want)
		}
	}
	for i := range len(c.in) {
		_, _, _, err := decodeOne(c.prior, strings.NewReader(c.in[:i]), c.opts...)
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

// checkErrorCases checks that each case fails at its offset, in lenient
// and strict mode, that Tag then returns the command's tag, and that the
// decoder skips to the next command.
func checkErrorCases(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				opts := append(append([]wire.Option{}, c.opts...), wire.Strict(strict))
				d := NewDecoder(strings.NewReader(c.in+"z9 NOOP\r\n"), opts...)
				_, _, err := d.ReadCommand()
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
				if want := wantTag(c.in); want != "" && d.Tag() != want && int(c.off) > len(want) {
					t.Errorf("Tag() = %q after the error, want %q", d.Tag(), want)
				}
				if err := d.Skip(); err != nil {
					t.Fatalf("Skip: %v", err)
				}
				tag, next, err := d.ReadCommand()
				if _, ok := next.(*Noop); err != nil || !ok || tag != "z9" {
					t.Fatalf("after Skip: %q %#v, %v; want z9 NOOP", tag, next, err)
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

// A refuseCase is a command the encoder must refuse.
type refuseCase struct {
	name string
	tag  string
	c    Command
}

// checkRefusals checks that each command is refused with an error wrapping
// wire.ErrUnrepresentable and that nothing is written.
func checkRefusals(t *testing.T, cases []refuseCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tag := c.tag
			if tag == "" {
				tag = "a"
			}
			b, err := AppendCommand(nil, tag, c.c)
			if !errors.Is(err, wire.ErrUnrepresentable) {
				t.Errorf("Append: %q, %v; want wire.ErrUnrepresentable", b, err)
			}
			if len(b) != 0 {
				t.Errorf("Append wrote %q", b)
			}
		})
	}
}

// checkRefused is checkRefusals for commands named by their place.
func checkRefused(t *testing.T, cs ...Command) {
	t.Helper()
	cases := make([]refuseCase, len(cs))
	for i, c := range cs {
		cases[i] = refuseCase{fmt.Sprintf("%d %T", i, c), "", c}
	}
	checkRefusals(t, cases)
}

// TestAllCases runs the cases every file registers; TestAllErrorCases runs
// the error cases.
func TestAllCases(t *testing.T)      { checkCases(t, allCases) }
func TestAllErrorCases(t *testing.T) { checkErrorCases(t, allErrorCases) }

func stringsReader(s string) io.Reader { return strings.NewReader(s) }
