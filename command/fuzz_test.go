package command

import (
	"bytes"
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

// fuzzOpts are the options of the fuzz targets: small limits, so that
// inputs reach them, and every literal form allowed.
var fuzzOpts = []wire.Option{
	wire.LiteralPolicy(literal.Policy{Binary: true, LiteralPlus: true}),
	wire.MaxLineBytes(4096),
	wire.MaxLiteralBuffer(4096),
	wire.MaxDepth(20),
}

// An outcome is what decoding made of one command: its value, canonical
// encoding and quirks, or its error.
type outcome struct {
	tag    string
	cmd    Command
	wire   string
	quirks []string // "name@offset"
	err    string
}

// decodeAll decodes every command of r, skipping the broken ones.
func decodeAll(t *testing.T, r io.Reader, opts ...wire.Option) []outcome {
	d := NewDecoder(r, opts...)
	var out []outcome
	for i := 0; i < 10000; i++ {
		tag, cmd, err := d.ReadCommand()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var se *wire.SyntaxError
			if !errors.As(err, &se) {
				if err != io.ErrUnexpectedEOF {
					t.Fatalf("command %d: %v, want a *wire.SyntaxError or io.ErrUnexpectedEOF", i, err)
				}
				return append(out, outcome{err: err.Error()})
			}
			// The quote depends on what was buffered: compare the rest.
			out = append(out, outcome{tag: d.Tag(), err: fmt.Sprintf("offset %d rule %s quirk %s: %v", se.Offset, se.Rule, se.Quirk, se.Err)})
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
		o := outcome{tag: tag, cmd: cmd}
		for _, q := range d.Quirks() {
			o.quirks = append(o.quirks, fmt.Sprintf("%s@%d", q.Quirk, q.Offset))
		}
		b, err := AppendCommand(nil, tag, cmd, fuzzOpts...)
		if err != nil {
			t.Fatalf("command %d %q %#v decodes but does not encode: %v", i, tag, cmd, err)
		}
		o.wire = string(b)
		out = append(out, o)
	}
	t.Fatal("no progress")
	return nil
}

// FuzzReadCommand checks that the decoder never panics nor fails to
// progress, that reading one byte at a time gives the same results as
// whole input, and that the commands it returns encode and decode again,
// strictly, to the same values and the same bytes (a fixed point).
func FuzzReadCommand(f *testing.F) {
	for _, c := range allCases {
		f.Add([]byte(c.prior + c.in))
	}
	for _, c := range allErrorCases {
		f.Add([]byte(c.in + "z9 NOOP\r\n"))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		whole := decodeAll(t, bytes.NewReader(in), fuzzOpts...)
		bytewise := decodeAll(t, iotest.OneByteReader(bytes.NewReader(in)), fuzzOpts...)
		if len(whole) != len(bytewise) {
			t.Fatalf("%d commands whole, %d one byte at a time", len(whole), len(bytewise))
		}
		var canon []byte
		var decoded []outcome
		for i := range whole {
			w, b := whole[i], bytewise[i]
			if w.wire != b.wire || w.err != b.err || w.tag != b.tag || !slicesEqual(w.quirks, b.quirks) {
				t.Fatalf("command %d differs:\nwhole %q %s %s\nbytes %q %s %s", i, w.wire, w.quirks, w.err, b.wire, b.quirks, b.err)
			}
			if w.cmd != nil {
				canon = append(canon, w.wire...)
				decoded = append(decoded, w)
			}
		}
		// The canonical forms, one after the other, decode to the same
		// commands and bytes: in one stream, since a line's meaning can
		// depend on the commands before it (AUTHENTICATE). Strictly,
		// except the commands whose values keep a quirk that has no
		// valid form (see keptQuirk): those decode leniently.
		lenient := decodeAll(t, bytes.NewReader(canon), fuzzOpts...)
		strict := append(append([]wire.Option{}, fuzzOpts...), wire.Strict(true))
		again := decodeAll(t, bytes.NewReader(canon), strict...)
		for _, got := range [][]outcome{lenient, again} {
			if len(got) != len(decoded) {
				t.Fatalf("canonical stream %q: %d commands, want %d", canon, len(got), len(decoded))
			}
		}
		for i, w := range decoded {
			a := again[i]
			if a.err != "" {
				if keptQuirk(w.quirks) {
					a = lenient[i]
				} else {
					t.Fatalf("canonical %q does not decode strictly: %s", w.wire, a.err)
				}
			}
			if a.err != "" {
				t.Fatalf("canonical %q does not decode: %s", w.wire, a.err)
			}
			if diff := cmp.Diff(w.cmd, a.cmd, cmpOpts...); diff != "" || a.tag != w.tag {
				t.Fatalf("canonical %q decodes to another value (-first +again):\n%s", w.wire, diff)
			}
			if a.wire != w.wire {
				t.Fatalf("not a fixed point: %q then %q", w.wire, a.wire)
			}
		}
	})
}

// keptQuirk reports whether the quirks include one that stays in the
// canonical form because the value has no other: a NUL in a literal
// outside literal8, a keyword with "]" (Gmail's OIB-Seen-[Gmail]/Trash).
func keptQuirk(quirks []string) bool {
	for _, q := range quirks {
		for _, k := range []wire.Quirk{wire.QuirkNULInLiteral, wire.QuirkBracketInAtom} {
			if strings.HasPrefix(q, k.String()+"@") {
				return true
			}
		}
	}
	return false
}
